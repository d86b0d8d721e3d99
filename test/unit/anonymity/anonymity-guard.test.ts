import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDocx, guardForPublication, loadRegister, type GuardHit } from '../../../electron/services/anonymity/anonymity-guard.ts';
import { DEMO_REVIEWS } from '../../../electron/services/demo/reviews/index.ts';
import { verifyAuditChain } from '../../../electron/services/store/audit.ts';
import { actorName, readSettings } from '../../../electron/services/store/settings-store.ts';
import { isAppError } from '../../../shared/ipc/errors.ts';
import type { AnonymityReport } from '../../../shared/ipc/schemas.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { tempDir } from '../../support/temp.ts';
import {
  convertWithLibreOffice,
  DOCX_PACKAGE_HITS,
  docxPackageDocument,
  HAND_MADE_HITS,
  handMadeDocument,
  zipOf,
  type ExpectedHit,
  type Flavour,
} from './planted-documents.ts';

// The anonymity guard against the real encrypted demo store: names planted
// in every part of documents made three ways (the docx package, raw XML as
// other word processors write it, and LibreOffice converting a document),
// the app's own exports, and "Check a document for names" through the real
// dispatcher, with every kind of bad file.

const LIBREOFFICE_TIMEOUT = 180_000;

let t: TestBackend;
let out: { dir: string; cleanup: () => void };
/** What the stand-in open dialog returns next (null: the person cancels) */
let chosen: string | null = null;
let dialogsOpened = 0;
let planted: Buffer;

beforeAll(async () => {
  out = tempDir('dhr-anonymity-');
  t = await openTestBackend({
    demo: true,
    openFile: () => {
      dialogsOpened++;
      return chosen;
    },
    exportTo: (defaultName) => path.join(out.dir, 'exports', defaultName),
  });
  fs.mkdirSync(path.join(out.dir, 'exports'));
  planted = await docxPackageDocument();
}, 60_000);

afterAll(() => {
  t?.close();
  out?.cleanup();
});

/** The review(s) whose register holds a name (a full name, or a surname), as the guard reports them. */
function reviewsHolding(name: string): string {
  return DEMO_REVIEWS.filter((r) => r.people.some((p) => p.realName.toLowerCase().includes(name.toLowerCase())))
    .map((r) => r.reference)
    .sort()
    .join(', ');
}

const sorted = (hits: Array<Pick<GuardHit, 'name' | 'kind' | 'location'>>) =>
  hits.map((h) => `${h.location} | ${h.name} | ${h.kind}`).sort();

function expectHits(hits: GuardHit[], expected: ExpectedHit[]) {
  expect(sorted(hits)).toEqual(sorted(expected));
  for (const hit of hits) {
    expect(hit.reviewReference, hit.name).toBe(reviewsHolding(hit.name));
    expect(hit.context.length, hit.context).toBeLessThan(130);
  }
}

const write = (name: string, bytes: Uint8Array) => {
  const file = path.join(out.dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};

describe('the register', () => {
  it('holds every real name of every review, deleted reviews included', () => {
    const register = loadRegister(t.db());
    const people = DEMO_REVIEWS.flatMap((r) => r.people.map((p) => `${r.reference} ${p.pseudonym} ${p.realName}`));
    expect(register.map((p) => `${p.reviewReference} ${p.pseudonym} ${p.realName}`).sort()).toEqual(people.sort());
    const db = t.db();
    db.prepare("UPDATE reviews SET deleted_at = '2026-11-20T00:00:00Z' WHERE reference = 'DHR-FL-2016-01'").run();
    try {
      expect(loadRegister(db).filter((p) => p.reviewReference === 'DHR-FL-2016-01')).toHaveLength(4);
    } finally {
      db.prepare("UPDATE reviews SET deleted_at = NULL WHERE reference = 'DHR-FL-2016-01'").run();
    }
  });
});

describe('names planted in every part of a document', () => {
  it('made with the docx package: body, split runs, possessive, hyphens, soft hyphen, upper case, accents, tracked deletion, table, text box, header, footer, footnote, comment and properties', () => {
    const hits = checkDocx(planted, loadRegister(t.db()));
    expectHits(hits, DOCX_PACKAGE_HITS);
    const byLocation = new Map(hits.map((h) => [h.location, h]));
    expect(byLocation.get('Body, paragraph 2')!.context).toBe("Hollie's sister-in-law, Brenda Penhallow, spoke to the panel.");
    expect(byLocation.get('Body, paragraph 7')!.context).toBe('Natália Zdrojewská started school in September.');
    expect(byLocation.get('Body, paragraph 10 (tracked deletion)')!.context).toBe('Her daughter Maisie Penhallow-Stobbart was at school.');
    expect(byLocation.get('Table 1, row 2, column 2')!.context).toBe('Partner: Kieran Stobbart');
  });

  it.each<Flavour>(['LibreOffice', 'Google Docs', 'default namespace'])('written by hand as %s writes it: every name, each at its place', (flavour) => {
    expectHits(checkDocx(handMadeDocument(flavour), loadRegister(t.db())), HAND_MADE_HITS);
  });

  it(
    'converted by LibreOffice to its own .docx: every name is still found, at the same places',
    () => {
      const source = write('planted.docx', planted);
      const converted = convertWithLibreOffice(source, path.join(out.dir, 'converted'));
      const bytes = fs.readFileSync(converted);
      // It really is LibreOffice's file, not ours.
      expect(Buffer.compare(bytes, planted)).not.toBe(0);
      expect(strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'docProps/app.xml' })['docProps/app.xml']!)).toContain('<Application>LibreOffice');
      expectHits(checkDocx(bytes, loadRegister(t.db())), DOCX_PACKAGE_HITS);
    },
    LIBREOFFICE_TIMEOUT,
  );

  it('leaves pseudonyms and ordinary words alone', () => {
    const text = DEMO_REVIEWS.map((r) => `${r.summary} ${r.people.map((p) => p.pseudonym).join(', ')}.`).join('\n');
    const paragraphs = text
      .split('\n')
      .map((line) => `<w:p><w:r><w:t xml:space="preserve">${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`)
      .join('');
    const bytes = zipOf({ 'word/document.xml': `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>` });
    expect(checkDocx(bytes, loadRegister(t.db()))).toEqual([]);
  });
});

describe('the demo’s own exports', () => {
  it('every demo review’s action plan and recommendations export holds no real name', async () => {
    const db = t.db();
    const reviews = db.prepare('SELECT id, reference FROM reviews WHERE deleted_at IS NULL ORDER BY reference').all() as Array<{ id: string; reference: string }>;
    expect(reviews.length).toBe(DEMO_REVIEWS.length);
    for (const review of reviews) {
      for (const channel of ['export.actionPlan', 'export.recommendations']) {
        const result = await t.ok<{ file: string }>(channel, { reviewId: review.id });
        const bytes = fs.readFileSync(result.file);
        expect(checkDocx(bytes, loadRegister(db)), `${channel} ${review.reference}`).toEqual([]);
        expect(() => guardForPublication(bytes, db)).not.toThrow();
      }
    }
  }, 120_000);
});

describe('guardForPublication', () => {
  it('refuses a document with real names, listing each place on its own line', () => {
    let error: unknown;
    try {
      guardForPublication(planted, t.db(), { label: 'The CSP report' });
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && error.code).toBe('NAMES_FOUND');
    const lines = (error as Error).message.split('\n');
    expect(lines[0]).toBe(`Nothing was written. This document is for publication, but real names from a pseudonym register appear in it in ${DOCX_PACKAGE_HITS.length} places:`);
    expect(lines.at(-1)).toBe('Change that text in DHR Tracker to use the pseudonyms, then export again.');
    const listed = lines.slice(1, -1);
    expect(listed).toHaveLength(DOCX_PACKAGE_HITS.length);
    for (const hit of DOCX_PACKAGE_HITS) {
      expect(listed.filter((line) => line.startsWith(`${hit.name} (${reviewsHolding(hit.name)}): ${hit.location} — `)), hit.location).toHaveLength(1);
    }
  });

  it('says "one place" for a single hit, and passes a clean document', () => {
    const one = zipOf({ 'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Mr Lomax</w:t></w:r></w:p></w:body></w:document>' });
    expect(() => guardForPublication(one, t.db())).toThrow(/appear in it in one place:\nLomax \(DHR-[A-Z]{2}-\d{4}-\d{2}\): Body, paragraph 1 — Mr Lomax\n/);
    const clean = zipOf({ 'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hollie and Dean</w:t></w:r></w:p></w:body></w:document>' });
    expect(guardForPublication(clean, t.db())).toEqual({ firstNamesReviewed: 0 });
  });

  it('refuses bytes that are not a .docx, naming the document as told', () => {
    expect(() => guardForPublication(new TextEncoder().encode('not a zip'), t.db(), { label: 'The countywide report' })).toThrow(/^The countywide report is not a Word document \(\.docx\)/);
  });
});

describe('"Check a document for names" (anonymity.checkFile) through the real dispatcher', () => {
  const checks = () => t.db().prepare("SELECT actor, entity, entity_id AS entityId, detail FROM audit_log WHERE action = 'check-anonymity' ORDER BY seq").all() as Array<{ actor: string; entity: string; entityId: string | null; detail: string }>;
  const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

  it('does nothing when the person cancels the dialog', async () => {
    chosen = null;
    const before = checks().length;
    expect(await t.ok('anonymity.checkFile', {})).toEqual({ file: null, checked: false, hits: [] });
    expect(checks().length).toBe(before);
  });

  it('lists every hit with where it is, leaves the file untouched and audits the check', async () => {
    const file = write('draft overview report.docx', planted);
    const mtime = fs.statSync(file).mtimeMs;
    const sum = digest(file);
    chosen = file;
    const opened = dialogsOpened;
    const report = await t.ok<AnonymityReport>('anonymity.checkFile', {});
    expect(dialogsOpened).toBe(opened + 1);
    expect(report.file).toBe(file);
    expect(report.checked).toBe(true);
    expect(report.hits).toEqual(checkDocx(planted, loadRegister(t.db())).map(({ name, reviewReference, location, context, kind }) => ({ name, reviewReference, location, context, kind })));
    expect(sorted(report.hits.map((h) => ({ ...h, kind: DOCX_PACKAGE_HITS.find((e) => e.location === h.location)!.kind })))).toEqual(sorted(DOCX_PACKAGE_HITS));
    expect(digest(file)).toBe(sum);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
    const last = checks().at(-1)!;
    expect(last).toMatchObject({ actor: actorName(readSettings(t.db())), entity: 'document', entityId: null });
    expect(JSON.parse(last.detail)).toEqual({ file: 'draft overview report.docx', hits: DOCX_PACKAGE_HITS.length, changes: [] });
    // The audit log records the check, never the names.
    for (const hit of report.hits) expect(last.detail).not.toContain(hit.name);
    expect(verifyAuditChain(t.db()).ok).toBe(true);
  });

  it('reports a clean document as clean', async () => {
    const reviewId = (t.db().prepare("SELECT id FROM reviews WHERE reference = 'DHR-FL-2016-01'").get() as { id: string }).id;
    const exported = await t.ok<{ file: string }>('export.actionPlan', { reviewId });
    chosen = exported.file;
    expect(await t.ok('anonymity.checkFile', {})).toEqual({ file: exported.file, checked: true, hits: [] });
    expect(JSON.parse(checks().at(-1)!.detail)).toEqual({ file: path.basename(exported.file), hits: 0, changes: [] });
  });

  describe('bad files: a clear message each, nothing audited', () => {
    const cases: Array<[string, () => string, string, RegExp]> = [
      ['a text file renamed .docx', () => write('notes.docx', new TextEncoder().encode('Notes from the panel meeting.\n')), 'INVALID_INPUT', /notes\.docx is not a Word document \(\.docx\)\. Choose a \.docx file/],
      ['a truncated .docx', () => write('truncated.docx', planted.subarray(0, Math.floor(planted.length / 2))), 'INVALID_INPUT', /truncated\.docx is damaged and cannot be read/],
      ['a zip without word/document.xml', () => write('archive.docx', zipOf({ 'readme.txt': 'hello' })), 'INVALID_INPUT', /archive\.docx is not a Word document \(\.docx\): it is a zip file with no Word document inside\./],
      ['a folder', () => {
        const dir = path.join(out.dir, 'a folder.docx');
        fs.mkdirSync(dir, { recursive: true });
        return dir;
      }, 'INVALID_INPUT', /a folder\.docx is a folder, not a Word document\. Choose a \.docx file\./],
      ['a missing file', () => path.join(out.dir, 'gone.docx'), 'FILE_NOT_FOUND', /^There is no file at .*gone\.docx\. Check the file name and folder\.$/],
      ['a file too large to check', () => {
        const file = path.join(out.dir, 'huge.docx');
        fs.writeFileSync(file, '');
        fs.truncateSync(file, 51 * 1024 * 1024);
        return file;
      }, 'INVALID_INPUT', /huge\.docx is 51 MB, more than the 50 MB DHR Tracker can check/],
    ];
    it.each(cases)('%s', async (_label, make, code, message) => {
      chosen = make();
      const before = checks().length;
      const reply = await t.dispatch('anonymity.checkFile', {});
      expect(reply.ok).toBe(false);
      if (reply.ok) return;
      expect(reply.error.code).toBe(code);
      expect(reply.error.message).toMatch(message);
      expect(checks().length).toBe(before);
    });
  });

  it('is refused while the store is locked, before any dialog opens', async () => {
    const locked = await openTestBackend({ openFile: () => {
      throw new Error('the dialog must not open');
    } });
    try {
      await locked.ok('session.lock', {});
      const reply = await locked.dispatch('anonymity.checkFile', {});
      expect(reply.ok ? null : reply.error.code).toBe('LOCKED');
    } finally {
      locked.close();
    }
  });
});
