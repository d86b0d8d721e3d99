import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActionPlan, type ActionPlanData } from '../../../electron/services/exports/action-plan-data.ts';
import { SCOPE_WORDS } from '../../../shared/domain/vocabulary.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { docxRawText, pdfPageSizes, pdfPages, readDocx, renderPdf, squash, xmlText } from '../../support/docx.ts';
import { tempDir } from '../../support/temp.ts';

// The numbered recommendations for the overview report: portrait A4, one
// numbered paragraph per recommendation with its scope and addressees.

const REFERENCE = 'DHR-PB-2017-01';
const MARKING = 'OFFICIAL-SENSITIVE';

let t: TestBackend;
let out: { dir: string; cleanup: () => void };
const dialogNames: string[] = [];
let reviewId: string;
let data: ActionPlanData;
let file: string;

beforeAll(async () => {
  out = tempDir('dhr-export-recs-');
  t = await openTestBackend({
    demo: true,
    exportTo: (defaultName) => {
      dialogNames.push(defaultName);
      return path.join(out.dir, defaultName);
    },
  });
  reviewId = (t.db().prepare('SELECT id FROM reviews WHERE reference = ?').get(REFERENCE) as { id: string }).id;
  data = loadActionPlan(t.db(), reviewId);
  const result = await t.ok<{ file: string; bytes: number }>('export.recommendations', { reviewId });
  file = result.file;
  expect(result.bytes).toBe(fs.statSync(file).size);
}, 60_000);

afterAll(() => {
  t?.close();
  out?.cleanup();
});

describe('export.recommendations', () => {
  it('saves as "REF recommendations.docx"', () => {
    expect(dialogNames).toEqual([`${REFERENCE} recommendations.docx`]);
    expect(path.basename(file)).toBe(`${REFERENCE} recommendations.docx`);
  });

  it('is portrait A4 with no table: numbered paragraphs under a "Recommendations" heading', async () => {
    const { document } = await readDocx(file);
    expect(document).toMatch(/<w:pgSz [^>]*w:w="11906"/);
    expect(document).toMatch(/<w:pgSz [^>]*w:h="16838"/);
    expect(document).not.toMatch(/w:orient="landscape"/);
    expect(document).not.toContain('<w:tbl>');
    const heading = /<w:p><w:pPr><w:pStyle w:val="Heading1"\/>[\s\S]*?<\/w:p>/.exec(document);
    expect(xmlText(heading![0])).toBe('Recommendations');
  });

  it('gives each recommendation its number, its text, then its scope and addressees, in order', async () => {
    const { document } = await readDocx(file);
    expect(document.match(/<w:br\/>/g)).toHaveLength(data.recommendations.filter((r) => r.addressedTo.length).length);
    const paragraphs = [...document.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => xmlText(m[0]));
    let at = 0;
    for (const rec of data.recommendations) {
      const numbered = paragraphs.indexOf(`${rec.number}.${rec.text}`, at);
      expect(numbered, `recommendation ${rec.number}`).toBeGreaterThan(at - 1);
      // Scope and addressees share one paragraph, on two lines, so a page break cannot part them.
      expect(paragraphs[numbered + 1]).toBe(`Scope: ${SCOPE_WORDS[rec.scope]}Addressed to: ${rec.addressedTo.join('; ')}`);
      at = numbered + 2;
    }
  });

  it('has the marking and review in the header, the marking and Page X of Y in the footer, and document properties', async () => {
    const { headers, footers, core } = await readDocx(file);
    expect(xmlText(headers[0]!)).toBe(`${MARKING}${REFERENCE} · DHR recommendations`);
    expect(xmlText(footers[0]!)).toContain(MARKING);
    expect(footers[0]).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footers[0]).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(core).toContain(`<dc:title>${REFERENCE} DHR recommendations</dc:title>`);
  });

  it('reads back in mammoth with every recommendation', async () => {
    const text = squash(await docxRawText(file));
    for (const rec of data.recommendations) expect(text).toContain(squash(`${rec.number}. ${rec.text}`));
  });

  it('holds no real name from the pseudonym register', async () => {
    const names = (t.db().prepare('SELECT real_name FROM review_people WHERE review_id = ? AND real_name IS NOT NULL').all(reviewId) as Array<{ real_name: string }>).map((r) => r.real_name);
    expect(names.length).toBeGreaterThan(0);
    const { allXml } = await readDocx(file);
    for (const name of names) expect(allXml).not.toContain(name);
  });

  it('is audited as a recommendations export', () => {
    const row = t.db().prepare("SELECT entity, entity_id AS entityId, detail FROM audit_log WHERE action = 'export' ORDER BY seq DESC LIMIT 1").get() as { entity: string; entityId: string; detail: string };
    expect(row).toMatchObject({ entity: 'review', entityId: reviewId });
    expect(JSON.parse(row.detail)).toEqual({ changes: [], export: 'recommendations', file: `${REFERENCE} recommendations.docx` });
  });
});

describe('the numbered recommendations rendered by LibreOffice', () => {
  let pdf: string;
  beforeAll(() => {
    [pdf] = renderPdf([file], out.dir) as [string];
  }, 120_000);

  it('lays out portrait A4 pages', () => {
    const sizes = pdfPageSizes(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(1);
    for (const { width, height } of sizes) {
      expect(width).toBeLessThan(height);
      expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    }
  });

  it('shows the heading, every numbered recommendation with its scope and addressees, and the marking and page number on every page', () => {
    const pages = pdfPages(pdf, { layout: true });
    pages.forEach((page, i) => {
      const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
      expect(lines[0]).toBe(MARKING);
      expect(lines.at(-1)).toMatch(new RegExp(`^${MARKING}\\s+Page ${i + 1} of ${pages.length}$`));
    });
    const text = squash(pdfPages(pdf).join('\n'));
    expect(text).toContain('Recommendations');
    for (const rec of data.recommendations) {
      expect(text, rec.text.slice(0, 60)).toContain(squash(`${rec.number}. ${rec.text}`));
      expect(text).toContain(squash(`Scope: ${SCOPE_WORDS[rec.scope]} Addressed to: ${rec.addressedTo.join('; ')}`));
    }
  });
});
