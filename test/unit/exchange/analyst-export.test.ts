import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REVIEWS } from '../../../electron/services/demo/reviews/index.ts';
import { analystCsvZip, analystTables, analystWorkbook, buildAnalystExport, csvField } from '../../../electron/services/exchange/analyst-export.ts';
import { xlsxSheets } from '../../../electron/services/exchange/xlsx-read.ts';
import { excelSerial } from '../../../electron/services/exchange/xlsx-write.ts';
import { parseCsv } from '../../../shared/domain/csv-parse.ts';
import { storeStats } from '../../../electron/services/store/store-stats.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { tempDir } from '../../support/temp.ts';
import { convertWithLibreOffice } from './action-plan-files.ts';
import { fixedClock } from '../../../shared/domain/clock.ts';

let t: TestBackend;
let out: { dir: string; cleanup: () => void };
const REAL_NAMES = DEMO_REVIEWS.flatMap((r) => r.people.map((p) => p.realName).filter((n): n is string => Boolean(n)));
const SHEETS = ['Reviews', 'Recommendations', 'Actions', 'Applicability', 'Updates'];

beforeAll(async () => {
  t = await openTestBackend({ demo: true });
  out = tempDir('dhr-analyst-');
}, 60_000);
afterAll(() => {
  t.close();
  out.cleanup();
});

describe('the spreadsheet for analysts', () => {
  it('has one sheet per table with header rows, a row per record, and real dates shown dd/mm/yyyy', () => {
    const bytes = analystWorkbook(analystTables(t.db()), t.clock.now());
    const parts = unzipSync(bytes);
    const text = (name: string) => strFromU8(parts[name]!);
    expect([...text('xl/workbook.xml').matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(SHEETS);
    expect(text('xl/styles.xml')).toContain('<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>');
    // Style 1 is the date style; date cells use it and hold Excel serial numbers.
    expect(text('xl/styles.xml')).toMatch(/<cellXfs count="4"><xf [^>]*\/><xf numFmtId="164"/);
    const actions = text('xl/worksheets/sheet3.xml');
    expect(actions).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    const firstTarget = t.db().prepare('SELECT target_date FROM actions a JOIN recommendations r ON r.id = a.recommendation_id JOIN reviews v ON v.id = r.review_id WHERE a.deleted_at IS NULL ORDER BY v.reference COLLATE NOCASE, r.position, a.position LIMIT 1').get() as { target_date: string };
    expect(actions).toContain(`<c r="G2" s="1"><v>${excelSerial(firstTarget.target_date)}</v></c>`);

    const sheets = xlsxSheets(bytes, 'export.xlsx');
    expect(sheets.map((s) => s.name)).toEqual(SHEETS);
    expect(sheets[0]!.rows[0]).toEqual(['Reference', 'Commissioning district', 'Relationship', 'Victim (pseudonym)', 'Date of death', 'Notified', 'Decision', 'Decision date', 'Home Office notified', 'Chair', 'Terms of reference', 'Draft report', 'Family consulted', 'CSP approval', 'Published', 'Embargoed', 'Closed', 'Recommendations', 'Summary']);
    expect(sheets[2]!.rows[0]).toEqual(['Review', 'Recommendation no.', 'Action no.', 'Action', 'Lead agency', 'Key milestones', 'Target date', 'Completion date', 'Outcome', 'Status']);
    const stats = storeStats(t.db());
    expect(sheets.map((s) => s.rows.length - 1)).toEqual([stats.reviews, stats.recommendations, stats.actions, stats.applicabilityDecisions, stats.progressUpdates]);
    const [y, m, d] = firstTarget.target_date.split('-');
    expect(sheets[2]!.rows[1]![6]).toBe(`${d}/${m}/${y}`);
  });

  it('never holds a real name from any pseudonym register', () => {
    const parts = unzipSync(analystWorkbook(analystTables(t.db()), t.clock.now()));
    const all = Object.values(parts).map((p) => strFromU8(p)).join('\n');
    expect(REAL_NAMES.length).toBeGreaterThan(5);
    for (const name of REAL_NAMES) expect(all, name).not.toContain(name);
    for (const pseudonym of DEMO_REVIEWS.map((r) => r.victimPseudonym)) expect(all).toContain(pseudonym);
  });

  it(
    'opens in LibreOffice Calc with its sheets, headers and dates intact',
    () => {
      const file = path.join(out.dir, 'analysts.xlsx');
      fs.writeFileSync(file, analystWorkbook(analystTables(t.db()), t.clock.now()));
      const converted = convertWithLibreOffice(file, path.join(out.dir, 'lo'), 'xlsx');
      const ours = xlsxSheets(fs.readFileSync(file), 'ours');
      const theirs = xlsxSheets(fs.readFileSync(converted), 'theirs');
      expect(theirs.map((s) => s.name)).toEqual(SHEETS);
      for (let i = 0; i < SHEETS.length; i++) {
        expect(theirs[i]!.rows.length, SHEETS[i]).toBe(ours[i]!.rows.length);
        expect(theirs[i]!.rows[0], SHEETS[i]).toEqual(ours[i]!.rows[0]);
      }
      // Calc kept the dates as dates in a day/month/year format.
      expect(theirs[2]!.rows[1]![6]).toMatch(/^\d\d\/\d\d\/\d{4}$/);
      expect(theirs[2]!.rows[1]![6]).toBe(ours[2]!.rows[1]![6]);
    },
    180_000,
  );
});

describe('the CSV files for analysts', () => {
  it('are one file per table in a zip, UTF-8 with a byte order mark, dates dd/mm/yyyy', () => {
    const parts = unzipSync(analystCsvZip(analystTables(t.db()), t.clock.now()));
    expect(Object.keys(parts).sort()).toEqual(['actions.csv', 'applicability.csv', 'recommendations.csv', 'reviews.csv', 'updates.csv']);
    expect([...parts['actions.csv']!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = strFromU8(parts['actions.csv']!);
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.rows[0]).toEqual(['Review', 'Recommendation no.', 'Action no.', 'Action', 'Lead agency', 'Key milestones', 'Target date', 'Completion date', 'Outcome', 'Status']);
    expect(parsed.rows[1]![6]).toMatch(/^\d\d\/\d\d\/\d{4}$/);
    expect(parsed.rows.length - 1).toBe(storeStats(t.db()).actions);
    const all = Object.values(parts).map((p) => strFromU8(p)).join('\n');
    for (const name of REAL_NAMES) expect(all, name).not.toContain(name);
  });

  it('quotes what must be quoted and never lets a cell start a formula', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+44 1223')).toBe("'+44 1223");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });

  it('suggests a dated file name for each form', () => {
    expect(buildAnalystExport(t.db(), 'xlsx', fixedClock('2026-11-21').now())).toMatchObject({ defaultName: 'DHR Tracker data 21-11-2026.xlsx', extension: 'xlsx' });
    expect(buildAnalystExport(t.db(), 'csv', fixedClock('2026-11-21').now())).toMatchObject({ defaultName: 'DHR Tracker data 21-11-2026 (CSV).zip', extension: 'zip' });
  });
});
