import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActionPlan, type ActionPlanData } from '../../../electron/services/exports/action-plan-data.ts';
import { ACTION_PLAN_COLUMNS, actionPlanColumnWidths, actionPlanDocx, completionText } from '../../../electron/services/exports/action-plan-docx.ts';
import { verifyAuditChain } from '../../../electron/services/store/audit.ts';
import { LANDSCAPE_PAGE } from '../../../electron/services/exports/docx-common.ts';
import { formatUkDate } from '../../../shared/domain/dates.ts';
import { SCOPE_WORDS } from '../../../shared/domain/vocabulary.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { docxRawText, pdfPageSizes, pdfPages, pdfStripText, readDocx, renderPdf, squash, tableRows, xmlText } from '../../support/docx.ts';
import { tempDir } from '../../support/temp.ts';

// The action plan export, end to end: a demo review through the real
// dispatcher and save dialog stand-in, into a .docx read back as XML, as
// text by mammoth, and as LibreOffice renders it.

const REFERENCE = 'DHR-PB-2017-01';
const MARKING = 'OFFICIAL-SENSITIVE';
const RENDER_TIMEOUT = 120_000;

let t: TestBackend;
let out: { dir: string; cleanup: () => void };
let target: string | null;
const dialogNames: string[] = [];
let reviewId: string;
let data: ActionPlanData;
let file: string;

function reviewIdOf(reference: string): string {
  return (t.db().prepare('SELECT id FROM reviews WHERE reference = ?').get(reference) as { id: string }).id;
}

beforeAll(async () => {
  out = tempDir('dhr-export-');
  t = await openTestBackend({
    demo: true,
    exportTo: (defaultName) => {
      dialogNames.push(defaultName);
      return target;
    },
  });
  reviewId = reviewIdOf(REFERENCE);
  data = loadActionPlan(t.db(), reviewId);
  target = path.join(out.dir, 'plan.docx');
  const result = await t.ok<{ file: string; bytes: number }>('export.actionPlan', { reviewId });
  file = result.file;
  expect(result).toEqual({ file: target, bytes: fs.statSync(target).size });
}, 60_000);

afterAll(() => {
  t?.close();
  out?.cleanup();
});

describe('the demo review the export is checked on', () => {
  it('has several recommendations, some with more than one action', () => {
    expect(data.recommendations.length).toBeGreaterThanOrEqual(5);
    expect(data.recommendations.some((r) => r.actions.length > 1)).toBe(true);
    expect(data.protectiveMarking).toBe(MARKING);
  });
});

describe('export.actionPlan', () => {
  it('offers "REF action plan.docx" in the save dialog', () => {
    expect(dialogNames[0]).toBe(`${REFERENCE} action plan.docx`);
  });

  it('is landscape A4, given as portrait dimensions that the library swaps', async () => {
    const { document } = await readDocx(file);
    expect(document).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
    expect(document).toMatch(/<w:pgSz [^>]*w:w="16838"/);
    expect(document).toMatch(/<w:pgSz [^>]*w:h="11906"/);
  });

  it('has the seven template headings in order, in a header row that repeats and cannot split, shaded', async () => {
    const { document } = await readDocx(file);
    const rows = tableRows(document);
    expect(rows[0]).toEqual([...ACTION_PLAN_COLUMNS]);
    expect(ACTION_PLAN_COLUMNS).toEqual([
      'Recommendation',
      'Scope of recommendation',
      'Action to take',
      'Lead agency',
      'Key milestones achieved in enacting recommendation',
      'Target date',
      'Date of completion and outcome',
    ]);
    const header = /<w:tr>([\s\S]*?)<\/w:tr>/.exec(document)![1]!;
    expect(header).toMatch(/<w:trPr>(?=[\s\S]*<w:tblHeader\/>)(?=[\s\S]*<w:cantSplit\/>)[\s\S]*?<\/w:trPr>/);
    expect(header.match(/<w:shd [^>]*w:val="clear"/g)).toHaveLength(7);
    expect(header.match(/<w:shd [^>]*w:fill="[0-9A-F]{6}"/g)).toHaveLength(7);
    // Only the first row repeats.
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(1);
  });

  it('has one row per action, the recommendation and scope cells merged down over a recommendation\'s actions', async () => {
    const { document } = await readDocx(file);
    const actionRows = data.recommendations.reduce((n, r) => n + Math.max(1, r.actions.length), 0);
    expect(document.match(/<w:tr>/g)).toHaveLength(1 + actionRows);
    const multi = data.recommendations.filter((r) => r.actions.length > 1);
    expect(multi.length).toBeGreaterThan(0);
    // Two merged columns (recommendation, scope): a restart at the top of each, a continue in each row below.
    expect(document.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(2 * multi.length);
    expect(document.match(/<w:vMerge w:val="continue"\/>/g)).toHaveLength(2 * multi.reduce((n, r) => n + r.actions.length - 1, 0));
    expect(document).not.toMatch(/<w:gridSpan/);

    // Row by row: each recommendation's first row starts with its number and text; every row ends with its action's five cells.
    // Every row but a recommendation's last keeps with the next, so a merged cell is not split across pages where it fits.
    const rows = tableRows(document).slice(1);
    const rowXml = [...document.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]).slice(1);
    let i = 0;
    for (const rec of data.recommendations) {
      rec.actions.forEach((action, k) => {
        expect(rowXml[i]!.includes('<w:keepNext/>'), `row ${i + 1} keeps with the next`).toBe(k < rec.actions.length - 1);
        expect(rowXml[i]).toContain('<w:cantSplit/>');
        const row = rows[i++]!;
        expect(row).toHaveLength(7);
        if (k === 0) {
          expect(row[0]).toContain(`${rec.number}. ${rec.text}`);
          expect(row[0]).toContain(`Addressed to: ${rec.addressedTo.join('; ')}`);
          expect(row[1]).toBe(SCOPE_WORDS[rec.scope]);
        } else {
          expect(row.slice(0, 2)).toEqual(['', '']);
        }
        expect(row.slice(2)).toEqual([action.actionText, action.leadAgency ?? '', action.milestones ?? '', formatUkDate(action.targetDate!), completionText(action)]);
      });
    }
  });

  it('writes dates UK style, and the completion cell as "date: outcome"', async () => {
    const done = data.recommendations.flatMap((r) => r.actions).find((a) => a.completionDate && a.outcome)!;
    expect(completionText(done)).toBe(`${formatUkDate(done.completionDate!)}: ${done.outcome}`);
    expect(formatUkDate(done.completionDate!)).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const { document } = await readDocx(file);
    expect(xmlText(document)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('sets explicit table and column widths in twips that add up to the width between the margins', async () => {
    const { document } = await readDocx(file);
    const widths = actionPlanColumnWidths();
    expect(widths.reduce((a, b) => a + b, 0)).toBe(16838 - 720 - 720);
    expect(document).toContain(`<w:tblW w:type="dxa" w:w="${16838 - 1440}"/>`);
    expect([...document.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual(widths);
    expect(document).toContain('<w:tblLayout w:type="fixed"/>');
    // The free-text columns are the widest.
    const [rec, scope, action, lead, milestones, target] = widths as [number, number, number, number, number, number, number];
    expect(Math.min(rec, action, milestones)).toBeGreaterThan(Math.max(scope, lead, target));
  });

  it('puts the reference, the review label and the marking in the header, and the marking and Page X of Y in the footer', async () => {
    const { headers, footers } = await readDocx(file);
    expect(headers).toHaveLength(1);
    expect(xmlText(headers[0]!)).toContain(`${REFERENCE} · DHR action plan`);
    expect(xmlText(headers[0]!)).toContain(MARKING);
    expect(footers).toHaveLength(1);
    expect(xmlText(footers[0]!)).toContain(MARKING);
    expect(footers[0]).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footers[0]).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(xmlText(footers[0]!)).toMatch(/Page.*of/);
  });

  it('has a Heading 1 title naming the review and label, the partnership, and document properties', async () => {
    const { document, core } = await readDocx(file);
    const heading = /<w:p><w:pPr><w:pStyle w:val="Heading1"\/>[\s\S]*?<\/w:p>/.exec(document);
    expect(heading).not.toBeNull();
    expect(xmlText(heading![0])).toBe(`DHR action plan: Ania (${REFERENCE})`);
    expect(xmlText(document)).toContain(data.partnershipName);
    expect(core).toContain(`<dc:title>${REFERENCE} DHR action plan</dc:title>`);
    expect(core).toContain(`<dc:creator>${data.partnershipName.replace(/&/g, '&amp;')}</dc:creator>`);
  });

  it('reads back in mammoth with every recommendation and every action', async () => {
    const text = squash(await docxRawText(file));
    for (const rec of data.recommendations) {
      expect(text).toContain(squash(rec.text));
      for (const action of rec.actions) {
        expect(text).toContain(squash(action.actionText));
        if (action.milestones) expect(text).toContain(squash(action.milestones));
      }
    }
  });

  it('holds no real name from the review\'s pseudonym register anywhere in the file', async () => {
    const names = (t.db().prepare('SELECT real_name FROM review_people WHERE review_id = ? AND real_name IS NOT NULL').all(reviewId) as Array<{ real_name: string }>).map((r) => r.real_name);
    expect(names.length).toBeGreaterThan(0);
    const { allXml } = await readDocx(file);
    const raw = fs.readFileSync(file);
    for (const name of names) {
      expect(allXml).not.toContain(name);
      for (const part of name.split(/\s+/).filter((p) => p.length > 3)) expect(allXml, part).not.toContain(part);
      expect(raw.includes(Buffer.from(name))).toBe(false);
    }
    expect(allXml).toContain('Ania');
  });

  it('records the export in the review\'s audit log, with the chain intact', () => {
    const rows = t.db().prepare("SELECT actor, action, entity, entity_id AS entityId, detail FROM audit_log WHERE action = 'export' ORDER BY seq").all() as Array<{
      actor: string;
      action: string;
      entity: string;
      entityId: string;
      detail: string;
    }>;
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows[0]).toMatchObject({ action: 'export', entity: 'review', entityId: reviewId });
    expect(JSON.parse(rows[0]!.detail)).toEqual({ changes: [], export: 'action plan', file: 'plan.docx' });
    expect(rows[0]!.actor).not.toBe('');
    expect(verifyAuditChain(t.db())).toMatchObject({ ok: true });
  });
});

describe('the action plan rendered by LibreOffice', () => {
  let pdf: string;
  let pages: string[];
  let layoutPages: string[];
  beforeAll(() => {
    [pdf] = renderPdf([file], out.dir) as [string];
    pages = pdfPages(pdf);
    layoutPages = pdfPages(pdf, { layout: true });
  }, RENDER_TIMEOUT);

  it('lays out landscape A4 pages, more than one', () => {
    const sizes = pdfPageSizes(pdf);
    expect(sizes.length).toBeGreaterThan(1);
    for (const { width, height } of sizes) {
      expect(width).toBeGreaterThan(height);
      expect(Math.round(width)).toBe(842);
      expect(Math.round(height)).toBe(595);
    }
  });

  it('shows the seven headings on every page, so the header row repeats', () => {
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      for (const heading of ACTION_PLAN_COLUMNS) expect(squash(page), `page ${i + 1}: ${heading}`).toContain(squash(heading));
    });
  });

  it('shows the marking at the top and bottom of every page, and Page X of Y', () => {
    layoutPages.forEach((page, i) => {
      const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
      expect(lines[0], `page ${i + 1} top`).toBe(MARKING);
      expect(lines.at(-1), `page ${i + 1} bottom`).toMatch(new RegExp(`^${MARKING}\\s+Page ${i + 1} of ${layoutPages.length}$`));
      expect(page).toContain(`${REFERENCE} · DHR action plan`);
    });
    expect(layoutPages.join('\n')).toContain('Page 1 of');
  });

  it('shows every recommendation and every action in full, each in its own column', () => {
    // Crop the rendering to each column (twips to points) and read what is in it.
    const widths = actionPlanColumnWidths();
    const columns = widths.map((width, i) => {
      const x = (LANDSCAPE_PAGE.margin.left + widths.slice(0, i).reduce((a, b) => a + b, 0)) / 20;
      return squash(pdfStripText(pdf, { x, width: width / 20 }));
    });
    const expectIn = (column: number, value: string | null) => {
      if (value) expect(columns[column], `${ACTION_PLAN_COLUMNS[column]}: ${value.slice(0, 60)}`).toContain(squash(value));
    };
    for (const rec of data.recommendations) {
      expectIn(0, `${rec.number}. ${rec.text}`);
      expectIn(0, `Addressed to: ${rec.addressedTo.join('; ')}`);
      expectIn(1, SCOPE_WORDS[rec.scope]);
      for (const action of rec.actions) {
        expectIn(2, action.actionText);
        expectIn(3, action.leadAgency);
        expectIn(4, action.milestones);
        expectIn(5, formatUkDate(action.targetDate!));
        expectIn(6, completionText(action));
      }
    }
  });
});

describe('the action plan of other reviews and settings', () => {
  it('uses the partnership\'s label and marking: DARDR and OFFICIAL', async () => {
    await t.ok('settings.update', { reviewLabel: 'DARDR', protectiveMarking: 'OFFICIAL' });
    try {
      target = path.join(out.dir, 'dardr.docx');
      await t.ok('export.actionPlan', { reviewId: reviewIdOf('DHR-FL-2016-01') });
      const { headers, footers, document, core } = await readDocx(target);
      expect(xmlText(headers[0]!)).toBe('OFFICIALDHR-FL-2016-01 · DARDR action plan');
      expect(xmlText(footers[0]!)).toContain('OFFICIAL');
      expect(xmlText(document)).toContain('DARDR action plan: ');
      expect(xmlText(document)).toContain('Domestic Abuse Related Death Review');
      expect(xmlText(document)).not.toContain('OFFICIAL-SENSITIVE');
      expect(core).toContain('<dc:title>DHR-FL-2016-01 DARDR action plan</dc:title>');
    } finally {
      await t.ok('settings.update', { reviewLabel: 'DHR', protectiveMarking: MARKING });
    }
  });

  it('exports a review with no recommendations yet as the headings and a row saying so', async () => {
    const empty = t.db().prepare('SELECT v.id FROM reviews v WHERE NOT EXISTS (SELECT 1 FROM recommendations r WHERE r.review_id = v.id AND r.deleted_at IS NULL) LIMIT 1').get() as { id: string };
    target = path.join(out.dir, 'empty.docx');
    await t.ok('export.actionPlan', { reviewId: empty.id });
    const rows = tableRows((await readDocx(target)).document);
    expect(rows).toEqual([[...ACTION_PLAN_COLUMNS], ['No recommendations have been recorded for this review yet.']]);
  });

  it('gives a recommendation with no actions one row, with empty action cells', async () => {
    const edited: ActionPlanData = structuredClone(data);
    edited.recommendations[0]!.actions = [];
    const bytes = await actionPlanDocx(edited, { today: '2026-11-21' });
    const f = path.join(out.dir, 'no-actions.docx');
    fs.writeFileSync(f, bytes);
    const rows = tableRows((await readDocx(f)).document);
    expect(rows).toHaveLength(1 + edited.recommendations.reduce((n, r) => n + Math.max(1, r.actions.length), 0));
    expect(rows[1]![0]).toContain(`1. ${edited.recommendations[0]!.text}`);
    expect(rows[1]!.slice(2)).toEqual(['', '', '', '', '']);
    expect(rows[2]![0]).toContain(`2. ${edited.recommendations[1]!.text}`);
  });

  it('keeps line breaks, and drops characters Word cannot open, without losing the rest of the text', async () => {
    const edited: ActionPlanData = structuredClone(data);
    edited.recommendations = [edited.recommendations[0]!];
    edited.recommendations[0]!.text = 'First line & <second>\nSecond\tline\u0001 with a bell \u0007 removed';
    edited.recommendations[0]!.actions[0]!.milestones = 'One\n\nTwo';
    const f = path.join(out.dir, 'odd-text.docx');
    fs.writeFileSync(f, await actionPlanDocx(edited, { today: '2026-11-21' }));
    const { document } = await readDocx(f);
    expect(document).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(document).toContain('First line &amp; &lt;second&gt;');
    expect(document).toContain('Second line with a bell  removed');
    const text = await docxRawText(f);
    expect(text).toMatch(/One\n+Two/);
  });

  it('lets a very long action run over pages without losing any of it', async () => {
    const edited: ActionPlanData = structuredClone(data);
    edited.recommendations = edited.recommendations.slice(0, 2);
    const milestones = Array.from({ length: 70 }, (_, i) => `Milestone ${i + 1} reached after a long stretch of work.`).join('\n');
    edited.recommendations[1]!.actions[0]!.milestones = milestones;
    const f = path.join(out.dir, 'long.docx');
    fs.writeFileSync(f, await actionPlanDocx(edited, { today: '2026-11-21' }));
    const [longPdf] = renderPdf([f], out.dir) as [string];
    const longPages = pdfPages(longPdf);
    expect(longPages.length).toBeGreaterThan(2);
    const text = squash(longPages.join('\n'));
    for (let i = 1; i <= 70; i++) expect(text).toContain(squash(`Milestone ${i} reached after a long stretch of work.`));
    for (const page of longPages) expect(squash(page)).toContain(squash('Key milestones achieved in enacting recommendation'));
  }, RENDER_TIMEOUT);
});
