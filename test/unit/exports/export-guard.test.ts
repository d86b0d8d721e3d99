import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { docxRawText } from '../../support/docx.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { tempDir } from '../../support/temp.ts';
import { todayOf } from '../../../shared/domain/clock.ts';

// Every export the app makes runs the anonymity guard, through the real
// dispatcher over a real demo store: a real name typed into a
// recommendation (as a careless or hostile hand might) is refused before
// any dialog opens; a first name alone stops the export until the person
// says they have reviewed it; the analysts' export goes ahead only as an
// internal one, marked OFFICIAL-SENSITIVE.

let t: TestBackend;
let out: { dir: string; cleanup: () => void };
let dialogs: string[] = [];
let reviewId: string;
let originalText: string;

const WORD_EXPORTS = ['export.actionPlan', 'export.recommendations', 'drafting.overviewSkeleton', 'drafting.executiveSummarySkeleton'] as const;

beforeAll(async () => {
  out = tempDir('dhr-export-guard-');
  t = await openTestBackend({
    demo: true,
    exportTo: (defaultName) => {
      dialogs.push(defaultName);
      return path.join(out.dir, defaultName);
    },
  });
  reviewId = (t.db().prepare("SELECT id FROM reviews WHERE reference = 'DHR-FL-2016-01'").get() as { id: string }).id;
  originalText = (t.db().prepare('SELECT text FROM recommendations WHERE review_id = ? AND position = 1').get(reviewId) as { text: string }).text;
}, 60_000);
afterAll(() => {
  t?.close();
  out?.cleanup();
});
beforeEach(() => {
  dialogs = [];
  for (const entry of fs.readdirSync(out.dir)) fs.rmSync(path.join(out.dir, entry), { recursive: true, force: true });
  plant('');
});

/** Put words at the end of the review's first recommendation, as someone editing it could. */
function plant(words: string) {
  t.db().prepare('UPDATE recommendations SET text = ? WHERE review_id = ? AND position = 1').run(words ? `${originalText} ${words}` : originalText, reviewId);
}
async function refusal(channel: string, input: unknown) {
  const reply = await t.dispatch(channel, input);
  expect(reply.ok, `${channel} should be refused`).toBe(false);
  if (reply.ok) throw new Error('unreachable');
  return reply.error;
}
const auditCount = () => (t.db().prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
const lastAudit = () => t.db().prepare('SELECT action, detail FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { action: string; detail: string };

describe('the Word exports that are published (action plan, recommendations, skeletons)', () => {
  it.each(WORD_EXPORTS)('%s refuses a real name in a recommendation, listing the place, before any dialog and without writing or auditing', async (channel) => {
    plant('Joanna Penhallow told her GP about the abuse.');
    const before = auditCount();
    const error = await refusal(channel, { reviewId });
    expect(error.code).toBe('NAMES_FOUND');
    expect(error.message).toMatch(/^Nothing was written\. The .* of DHR-FL-2016-01 (is published with the overview report|becomes a published report), but real names from a pseudonym register appear in it in (one place|2 places):\nJoanna Penhallow \(DHR-FL-2016-01\): /);
    expect(error.message).toContain('Joanna Penhallow told her GP');
    expect(error.fields?.['names.0']).toMatch(/^Joanna Penhallow \(DHR-FL-2016-01\): /);
    expect(dialogs).toEqual([]);
    expect(fs.readdirSync(out.dir)).toEqual([]);
    expect(auditCount()).toBe(before);
  });

  it.each(WORD_EXPORTS)('%s refuses a surname written with a Cyrillic Р, which prints as "Penhallow"', async (channel) => {
    plant('Mrs \u0420enhallow was seen at home.');
    const error = await refusal(channel, { reviewId });
    expect(error.code).toBe('NAMES_FOUND');
    expect(error.message).toContain('Penhallow (DHR-FL-2016-01): ');
    expect(error.message).toContain('Mrs \u0420enhallow was seen');
  });

  it.each(WORD_EXPORTS)('%s stops at first names alone, says they are first names only, and goes ahead once reviewed (audited without the names)', async (channel) => {
    plant('Joanna and Rosalind were both seen.');
    const error = await refusal(channel, { reviewId });
    expect(error.code).toBe('NAMES_TO_REVIEW');
        // The overview skeleton holds each recommendation twice (in the text and the action plan table): 4 places there.
    expect(error.message).toMatch(/^Nothing was written yet\. .* in (2|4) places\. These are first names only/);
    expect(error.fields).toMatchObject({
      'names.0': expect.stringMatching(/^Joanna \(DHR-FL-2016-01, first name only: check whether it is this person\): .*Joanna and Rosalind were both seen/),
      'names.1': expect.stringMatching(/^Rosalind \(DHR-EC-2022-01, first name only: check whether it is this person\): /),
    });
    expect(dialogs).toEqual([]);

    const written = await t.ok<{ file: string }>(channel, { reviewId, reviewedFirstNames: true });
    expect(dialogs).toHaveLength(1);
    expect(await docxRawText(written.file)).toContain('Joanna and Rosalind were both seen');
    const audit = lastAudit();
    expect(audit.action).toBe('export');
    expect(JSON.parse(audit.detail)).toMatchObject({ firstNamesReviewed: Object.keys(error.fields ?? {}).length });
    expect(audit.detail).not.toMatch(/Joanna|Rosalind/);
  });

  it('still refuses a full name when first names were reviewed', async () => {
    plant('Joanna and Brenda Penhallow.');
    const error = await refusal('export.actionPlan', { reviewId, reviewedFirstNames: true });
    expect(error.code).toBe('NAMES_FOUND');
    expect(error.message).toContain("First names only, which may be someone else's, also appear in one place");
  });

  it('writes a clean export as before, with no first names to review', async () => {
    const written = await t.ok<{ file: string }>('export.recommendations', { reviewId });
    expect(fs.existsSync(written.file)).toBe(true);
    expect(JSON.parse(lastAudit().detail)).not.toHaveProperty('firstNamesReviewed');
  });
});

describe('the reports for publication', () => {
  it('a CSP progress report for publication stops at a first name alone and goes ahead once reviewed', async () => {
    const fenland = (t.db().prepare("SELECT id FROM districts WHERE name = 'Fenland'").get() as { id: string }).id;
    plant('Rosalind was seen.');
    const error = await refusal('reports.cspProgress', { districtId: fenland, asAt: todayOf(t.clock), forPublication: true });
    expect(error.code).toBe('NAMES_TO_REVIEW');
    expect(error.message).toContain('Rosalind (DHR-EC-2022-01, first name only');
    const written = await t.ok<{ file: string }>('reports.cspProgress', { districtId: fenland, asAt: todayOf(t.clock), forPublication: true, reviewedFirstNames: true });
    expect(fs.existsSync(written.file)).toBe(true);
    expect(JSON.parse(lastAudit().detail)).toMatchObject({ forPublication: true, firstNamesReviewed: 1 });
  });
});

describe('the export for analysts (.xlsx and .csv)', () => {
  it.each(['xlsx', 'csv'] as const)('%s refuses a real name in a recommendation, before any dialog', async (format) => {
    plant('Joanna Penhallow told her GP.');
    const before = auditCount();
    const error = await refusal('exchange.exportSpreadsheet', { format });
    expect(error.code).toBe('NAMES_FOUND');
    expect(error.message).toMatch(/^Nothing was written\. The export for analysts holds pseudonyms only, but real names from a pseudonym register appear in it in one place:\nJoanna Penhallow \(DHR-FL-2016-01\): Recommendations sheet, row \d+, column Recommendation — /);
    expect(error.message).toContain('make an internal export, marked OFFICIAL-SENSITIVE');
    expect(dialogs).toEqual([]);
    expect(auditCount()).toBe(before);
  });

  it('an internal .xlsx is written with the name, marked OFFICIAL-SENSITIVE in its name, its first sheet and its title, and audited as internal', async () => {
    plant('Joanna Penhallow told her GP.');
    const written = await t.ok<{ file: string }>('exchange.exportSpreadsheet', { format: 'xlsx', internal: true });
    expect(path.basename(written.file)).toMatch(/^DHR Tracker data \d{2}-\d{2}-\d{4} OFFICIAL-SENSITIVE\.xlsx$/);
    const parts = unzipSync(fs.readFileSync(written.file));
    expect(strFromU8(parts['xl/workbook.xml']!)).toMatch(/<sheets><sheet name="OFFICIAL-SENSITIVE"/);
    expect(strFromU8(parts['docProps/core.xml']!)).toContain('<dc:title>OFFICIAL-SENSITIVE: ');
    const detail = JSON.parse(lastAudit().detail);
    expect(detail).toMatchObject({ internal: true, marking: 'OFFICIAL-SENSITIVE', namesFound: 1, export: 'internal spreadsheet for analysts (.xlsx)' });
    expect(lastAudit().detail).not.toContain('Penhallow');
  });

  it('an internal .csv zip starts every file with the OFFICIAL-SENSITIVE line', async () => {
    plant('Joanna Penhallow told her GP.');
    const written = await t.ok<{ file: string }>('exchange.exportSpreadsheet', { format: 'csv', internal: true });
    expect(path.basename(written.file)).toMatch(/ OFFICIAL-SENSITIVE \(CSV\)\.zip$/);
    const files = unzipSync(fs.readFileSync(written.file));
    for (const [name, bytes] of Object.entries(files)) expect(strFromU8(bytes), name).toMatch(/^\uFEFF?OFFICIAL-SENSITIVE,Internal export: /);
    expect(strFromU8(files['recommendations.csv']!)).toContain('Joanna Penhallow told her GP.');
  });

  it('stops at first names alone, unless reviewed; a clean export is not marked', async () => {
    plant('Rosalind was seen.');
    expect((await refusal('exchange.exportSpreadsheet', { format: 'xlsx' })).code).toBe('NAMES_TO_REVIEW');
    const written = await t.ok<{ file: string }>('exchange.exportSpreadsheet', { format: 'xlsx', reviewedFirstNames: true });
    expect(path.basename(written.file)).not.toContain('OFFICIAL-SENSITIVE');
    expect(JSON.parse(lastAudit().detail)).toMatchObject({ firstNamesReviewed: 1 });
    plant('');
    const clean = await t.ok<{ file: string }>('exchange.exportSpreadsheet', { format: 'xlsx' });
    expect(strFromU8(unzipSync(fs.readFileSync(clean.file))['xl/workbook.xml']!)).not.toContain('OFFICIAL-SENSITIVE');
  });
});
