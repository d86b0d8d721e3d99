import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyActionPlan, parseMappingOption, previewActionPlan, readActionPlanFile, type ActionPlanPreview } from '../../../electron/services/exchange/legacy-import.ts';
import { excelSerialToIso, xlsxSheets } from '../../../electron/services/exchange/xlsx-read.ts';
import { recommendationsForReview } from '../../../electron/services/recommendations/recommendation-store.ts';
import type { Store } from '../../../electron/services/store/open-store.ts';
import { verifyAuditChain } from '../../../electron/services/store/audit.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { tempDir } from '../../support/temp.ts';
import {
  convertWithLibreOffice,
  csvPlan,
  docxWithBody,
  EXPECTED,
  EXPECTED_SCOPES,
  HEADING,
  NOT_A_DATE,
  tableXml,
  tempFile,
  UNDERSTOOD_AGENCIES,
  wordPlan,
  workbookPlan,
  zipOf,
} from './action-plan-files.ts';
import { tablesChecksum } from './support.ts';
import { TEST_TODAY } from '../../support/clock.ts';

const LIBREOFFICE_TIMEOUT = 180_000;

let t: TestBackend;
let store: Store;
let out: { dir: string; cleanup: () => void };
let reviewId: string;

beforeAll(async () => {
  t = await openTestBackend({ demo: true });
  store = t.backend.session.requireStore();
  out = tempDir('dhr-legacy-');
  // A review with no recommendations yet, as a chair bringing an old plan in would have.
  reviewId = (store.db.prepare("SELECT id FROM reviews WHERE id NOT IN (SELECT review_id FROM recommendations) AND date_of_death < '2017-01-01' LIMIT 1").get() as { id: string } | undefined)?.id
    ?? (store.db.prepare('SELECT id FROM reviews WHERE id NOT IN (SELECT review_id FROM recommendations) LIMIT 1').get() as { id: string }).id;
  store.db.prepare("UPDATE reviews SET date_of_death = '2016-05-01' WHERE id = ?").run(reviewId);
}, 60_000);
afterAll(() => {
  t.close();
  out.cleanup();
});

/** The understood rows, in the terms EXPECTED uses. */
function rowsOf(preview: ActionPlanPreview) {
  return preview.recommendations.flatMap((r) =>
    r.actions.map((a) => ({ recommendation: r.text, action: a.actionText, leadAgency: a.agencies[0] ?? null, targetDate: a.targetDate, completionDate: a.completionDate, status: a.status })),
  );
}

function expectThePlan(preview: ActionPlanPreview, options: { scopes?: boolean } = {}) {
  const rows = rowsOf(preview);
  // Row by row, so a difference names the row.
  EXPECTED.forEach((expected, i) => expect(rows[i], `row ${i + 1}`).toEqual(expected));
  expect(rows).toHaveLength(EXPECTED.length);
  expect(preview.understood.map((u) => u.action)).toEqual(EXPECTED.map((e) => e.action));
  if (options.scopes !== false) for (const rec of preview.recommendations) expect(rec.scope, rec.text).toBe(EXPECTED_SCOPES[rec.text]);
  const reasons = preview.notUnderstood.map((p) => p.reason).join('\n');
  expect(reasons).toMatch(new RegExp(`Target date: "${NOT_A_DATE}" is not a date`));
  expect(preview.agencies.map((a) => a.name).sort()).toEqual([...UNDERSTOOD_AGENCIES].sort());
  // The demo partnership already has the police and the ICB; the rest are new.
  expect(preview.agencies.find((a) => a.name === 'Cambridgeshire Constabulary')?.matchedName).toBe('Cambridgeshire Constabulary');
}

describe('Word action plans', () => {
  let made: string;
  beforeAll(async () => {
    made = tempFile(out.dir, 'plan.docx', await wordPlan());
  });

  it('reads the Home Office template, variant column names, merged cells, paragraphs and two tables', () => {
    const preview = previewActionPlan(store.db, readActionPlanFile(made), reviewId, { today: '2026-11-21' });
    expectThePlan(preview);
    expect(preview.tables.map((tb) => tb.label)).toEqual(['Table 1', 'Table 2']);
    expect(preview.notUnderstood.find((p) => p.reason.includes('heading across'))).toMatchObject({ location: 'Table 1, row 4', text: HEADING });
    expect(preview.understood[0]!.location).toBe('Table 1, row 2');
    const milestones = preview.recommendations[0]!.actions[0]!.milestones;
    expect(milestones).toBe('Course written\nFirst cohort trained');
  });

  it(
    'reads the same plan after LibreOffice has saved it, row for row',
    () => {
      const converted = convertWithLibreOffice(made, path.join(out.dir, 'lo-docx'), 'docx');
      const app = strFromU8(unzipSync(fs.readFileSync(converted), { filter: (f) => f.name === 'docProps/app.xml' })['docProps/app.xml']!);
      expect(app).toContain('LibreOffice');
      expectThePlan(previewActionPlan(store.db, readActionPlanFile(converted), reviewId, { today: '2026-11-21' }));
    },
    LIBREOFFICE_TIMEOUT,
  );
});

describe('spreadsheets', () => {
  let workbook: string;
  beforeAll(() => {
    workbook = tempFile(out.dir, 'plan.xlsx', workbookPlan());
  });

  it('reads a workbook written as Excel writes one: shared strings, dates, merged ranges, a hidden sheet left out', () => {
    const read = readActionPlanFile(workbook);
    expect(read.sheet).toBe('Action plan');
    const preview = previewActionPlan(store.db, read, reviewId, { today: '2026-11-21' });
    expectThePlan(preview);
    expect(preview.columns.map((c) => c.header)).toEqual(['Recommendation', 'Scope', 'Action to take', 'Lead agency', 'Key milestones', 'Target date', 'Date of completion and outcome', 'RAG status']);
    expect(preview.columns[5]!.sample).toBe('31/03/2018');
    expect(preview.mapping).toEqual({ recommendation: 0, scope: 1, action: 2, leadAgency: 3, milestones: 4, targetDate: 5, completion: 6, status: 7 });
    expect(preview.understood.map((u) => u.location)).toEqual(['Row 3', 'Row 4', 'Row 6', 'Row 7', 'Row 8', 'Row 9']);
  });

  it(
    'reads the same plan after LibreOffice Calc has saved it, and as LibreOffice’s CSV',
    () => {
      const converted = convertWithLibreOffice(workbook, path.join(out.dir, 'lo-xlsx'), 'xlsx');
      expect(Buffer.compare(fs.readFileSync(converted), Buffer.from(workbookPlan()))).not.toBe(0);
      expectThePlan(previewActionPlan(store.db, readActionPlanFile(converted), reviewId, { today: '2026-11-21' }));
      const csv = convertWithLibreOffice(workbook, path.join(out.dir, 'lo-csv'), 'csv');
      // LibreOffice writes the visible sheet's merged cells once, so the continuation rows are blank there.
      expectThePlan(previewActionPlan(store.db, readActionPlanFile(csv), reviewId, { today: '2026-11-21' }));
    },
    LIBREOFFICE_TIMEOUT,
  );

  it(
    'reads a workbook LibreOffice made from a CSV file',
    () => {
      const csv = tempFile(out.dir, 'from-csv.csv', csvPlan(',').replace(/^\uFEFF/, ''));
      const converted = convertWithLibreOffice(csv, path.join(out.dir, 'lo-from-csv'), 'xlsx');
      expectThePlan(previewActionPlan(store.db, readActionPlanFile(converted), reviewId, { today: '2026-11-21' }), { scopes: false });
    },
    LIBREOFFICE_TIMEOUT,
  );

  it('reads CSV with a byte order mark, ";" separators and line breaks in quoted cells', () => {
    const file = tempFile(out.dir, 'plan.csv', csvPlan(';'));
    const preview = previewActionPlan(store.db, readActionPlanFile(file), reviewId, { today: '2026-11-21' });
    expectThePlan(preview, { scopes: false });
    expect(preview.recommendations[0]!.actions[0]!.milestones).toBe('Course written\nFirst cohort trained');
  });

  it('reads CSV saved in Windows-1252, as older Excel does', () => {
    const text = 'Recommendation,Action,Lead agency\nWomen’s Aid to run a café drop-in,Open the café,Cambridge Women’s Aid\n';
    const bytes = Buffer.from(text.replace(/’/g, '\u0092').replace(/é/g, '\u00e9'), 'latin1');
    const preview = previewActionPlan(store.db, readActionPlanFile(tempFile(out.dir, 'ansi.csv', bytes)), reviewId, { today: TEST_TODAY });
    expect(preview.recommendations[0]!.text).toBe('Women’s Aid to run a café drop-in');
  });

  it('lets the person choose the columns, as --map does', () => {
    const file = tempFile(out.dir, 'odd.csv', 'Col A,Col B,Col C\nTrain the staff,Run the course,31/03/2019\n');
    const read = readActionPlanFile(file);
    const guessed = previewActionPlan(store.db, read, reviewId, { today: TEST_TODAY });
    expect(guessed.recommendations).toEqual([]);
    const mapping = parseMappingOption('Recommendation=Col A, Action=B, Target date=Col C', guessed.columns);
    expect(mapping).toEqual({ recommendation: 0, action: 1, targetDate: 2 });
    const mapped = previewActionPlan(store.db, read, reviewId, { mapping, today: TEST_TODAY });
    expect(rowsOf(mapped)).toEqual([{ recommendation: 'Train the staff', action: 'Run the course', leadAgency: null, targetDate: '2019-03-31', completionDate: null, status: 'not_started' }]);
    expect(() => parseMappingOption('Recommendation=Col Q', guessed.columns)).toThrow(/there is no column "Col Q". The columns are: A \(Col A\)/);
    expect(() => parseMappingOption('Colour=Col A', guessed.columns)).toThrow(/"Colour" is not a field/);
  });

  it('leaves hidden sheets out', () => {
    expect(xlsxSheets(workbookPlan(), 'plan.xlsx').map((s) => s.name)).toEqual(['Action plan']);
  });

  it('reads Excel serial dates in both date systems', () => {
    expect(excelSerialToIso(43555, false)).toBe('2019-03-31');
    expect(excelSerialToIso(1, false)).toBe('1900-01-01');
    expect(excelSerialToIso(61, false)).toBe('1900-03-01');
    expect(excelSerialToIso(42093, true)).toBe('2019-03-31');
  });
});

describe('applying an action plan', () => {
  it('writes the recommendations, actions and new agencies in one go, audited; importing again adds nothing', async () => {
    const file = tempFile(out.dir, 'apply.docx', await wordPlan());
    const preview = previewActionPlan(store.db, readActionPlanFile(file), reviewId, { today: '2026-11-21' });
    const agenciesBefore = (store.db.prepare('SELECT count(*) AS n FROM agencies').get() as { n: number }).n;
    const unknown = preview.agencies.filter((a) => !a.matchedId).map((a) => a.name);
    expect(unknown.length).toBeGreaterThan(0);
    // The person maps one unknown name to an existing agency; the rest are created.
    const police = preview.agencies.find((a) => a.name === 'Cambridgeshire Constabulary')!.matchedId!;
    const mapped = unknown[0]!;
    const result = applyActionPlan(store, preview, { [mapped]: police }, 'test', '2026-11-21');
    expect(result).toMatchObject({ recommendations: 4, actions: 6 });
    const { recommendations } = recommendationsForReview(store.db, reviewId, '2026-11-21');
    expect(recommendations.map((r) => r.text)).toEqual([...new Set(EXPECTED.map((e) => e.recommendation))]);
    expect(recommendations[0]!.actions.map((a) => [a.actionText, a.targetDate, a.completionDate])).toEqual([
      ['Deliver coercive control training to call handlers', '2018-03-31', '2018-03-12'],
      ['Audit a sample of calls', '2018-09-30', null],
    ]);
    const agenciesAfter = (store.db.prepare('SELECT count(*) AS n FROM agencies').get() as { n: number }).n;
    expect(agenciesAfter - agenciesBefore).toBe(result.agenciesCreated);
    expect(result.agenciesCreated).toBe(unknown.length - 1);
    const mappedTo = store.db.prepare('SELECT lead_agency_id AS lead FROM actions WHERE recommendation_id IN (SELECT id FROM recommendations WHERE review_id = ?) AND action_text = ?');
    void mappedTo;
    // Every district starts considering each new recommendation.
    const districts = (store.db.prepare('SELECT count(*) AS n FROM districts WHERE retired_at IS NULL').get() as { n: number }).n;
    expect((store.db.prepare('SELECT count(*) AS n FROM applicability WHERE recommendation_id = ?').get(recommendations[0]!.id) as { n: number }).n).toBe(districts);
    expect(verifyAuditChain(store.db).ok).toBe(true);
    const audit = store.db.prepare("SELECT detail FROM audit_log WHERE action = 'import' AND entity_id = ?").get(reviewId) as { detail: string };
    expect(JSON.parse(audit.detail)).toMatchObject({ import: 'action plan', file: 'apply.docx', recommendations: 4, actions: 6 });

    // Again: every recommendation is already in the review, so nothing is imported.
    const again = previewActionPlan(store.db, readActionPlanFile(file), reviewId, { today: '2026-11-21' });
    expect(again.recommendations).toEqual([]);
    expect(again.alreadyInReview).toBe(4);
    const before = tablesChecksum(store.db);
    expect(() => applyActionPlan(store, again, {}, 'test', TEST_TODAY)).toThrow(/no row was understood as a new recommendation/);
    expect(tablesChecksum(store.db)).toBe(before);
  });
});

describe('hostile and wrong files are refused, and the store is unchanged', () => {
  let checksum: string;
  beforeAll(() => {
    checksum = tablesChecksum(store.db);
  });
  afterAll(() => expect(tablesChecksum(store.db)).toBe(checksum));

  const refuse = (name: string, content: string | Uint8Array) => {
    const file = tempFile(out.dir, name, content);
    let message = '';
    try {
      previewActionPlan(store.db, readActionPlanFile(file), reviewId, { today: TEST_TODAY });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(tablesChecksum(store.db)).toBe(checksum);
    return message;
  };

  it('refuses a zip bomb: a part far larger than any action plan', () => {
    const huge = new Uint8Array(120 * 1024 * 1024).fill(0x20);
    const bomb = zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': huge }, 9);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(refuse('bomb.docx', bomb)).toMatch(/bomb\.docx was not imported: its contents would unpack to more than 100 MB.*zip bomb/);
  });

  it('refuses a zip bomb that lies about its sizes, and one with many entries', () => {
    const bomb = Buffer.from(zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>', 'xl/sharedStrings.xml': new Uint8Array(1024 * 1024) }, 9));
    // Declare 4 GB for sharedStrings.xml in its local header and the central directory.
    for (let i = 0; i < bomb.length - 4; i++) {
      const sig = bomb.readUInt32LE(i);
      const nameAt = sig === 0x04034b50 ? i + 30 : sig === 0x02014b50 ? i + 46 : -1;
      if (nameAt === -1) continue;
      const nameLength = bomb.readUInt16LE(sig === 0x04034b50 ? i + 26 : i + 28);
      if (bomb.subarray(nameAt, nameAt + nameLength).toString() === 'xl/sharedStrings.xml') bomb.writeUInt32LE(0xfffffff0, sig === 0x04034b50 ? i + 22 : i + 24);
    }
    expect(refuse('liar.xlsx', bomb)).toMatch(/would unpack to more than 100 MB/);
    const many: Record<string, string> = { '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' };
    for (let i = 0; i < 6000; i++) many[`word/media/image${i}.png`] = '';
    expect(refuse('many.docx', zipOf(many, 0))).toMatch(/holds more than 5,000 files/);
  });

  it('refuses XML entity expansion (billion laughs) in document.xml and in sharedStrings.xml', () => {
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>`;
    const body = tableXml([['Recommendation', 'Action'], ['&lol9;', 'Laugh']]);
    expect(refuse('laughs.docx', docxWithBody(body, {}, laughs))).toMatch(/has a document type declaration \(<!DOCTYPE>\).*XML bomb/);
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const workbook = zipOf({
      '[Content_Types].xml': '<Types/>',
      'xl/workbook.xml': `<workbook xmlns="${ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
      'xl/sharedStrings.xml': `<?xml version="1.0"?>${laughs}<sst xmlns="${ns}"><si><t>&lol9;</t></si></sst>`,
    });
    expect(refuse('laughs.xlsx', workbook)).toMatch(/its part xl\/sharedStrings\.xml has a document type declaration/);
  });

  it('never expands entities beyond the standard five, even if a DOCTYPE slipped through', async () => {
    const { scanXml } = await import('../../../electron/services/anonymity/xml-scan.ts');
    let text = '';
    scanXml('<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><r>&b;&amp;&#65;</r>', { text: (s) => (text += s) });
    expect(text).toBe('&b;&A');
  });

  it('refuses files too complex to be real action plans: deep nesting, overlapping merges, rows of separators', () => {
    // A few KB that unpack to 200,000 paragraphs left open: refused at once, not read for minutes.
    const deep = docxWithBody(`${'<w:p><w:r><w:t>x</w:t></w:r>'.repeat(200_000)}${'</w:x>'.repeat(200_000)}`, {}, '');
    expect(deep.length).toBeLessThan(16 * 1024);
    expect(refuse('deep.docx', deep)).toMatch(/^deep\.docx was not read: its contents are nested more than 1,000 levels deep, which is too complex or too large to be a real action plan.*save it as a new file/);
    // Stray end tags alone are harmless: the plan's table is still read.
    const stray = docxWithBody(`${tableXml([['Recommendation', 'Action'], ['Train staff', 'Book the course']])}${'</w:tc>'.repeat(200_000)}`);
    expect(readActionPlanFile(tempFile(out.dir, 'stray.docx', stray)).tables[0]!.rows).toHaveLength(2);
    // Thousands of merges, each over the whole used area, would fill the same cells again and again.
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const merges = Array.from({ length: 5000 }, () => '<mergeCell ref="A1:GR20000"/>').join('');
    const workbook = zipOf({
      'xl/workbook.xml': `<workbook xmlns="${ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Recommendation</t></is></c></row><row r="20000"><c r="GR20000" t="inlineStr"><is><t>x</t></is></c></row></sheetData><mergeCells>${merges}</mergeCells></worksheet>`,
    });
    expect(refuse('merges.xlsx', workbook)).toMatch(/^merges\.xlsx was not read: it holds more than 20,000,000 elements, which is too complex or too large to be a real action plan/);
    // One row of a million separators.
    expect(refuse('commas.csv', `Recommendation,Action\n${','.repeat(1_000_000)}\n`)).toMatch(/^commas\.csv was not imported: Row 2 has more than 1,000 columns, far more than any action plan\.$/);
  });

  it('refuses path traversal inside the archive', () => {
    expect(refuse('climb.docx', docxWithBody(tableXml([['Recommendation', 'Action']]), { '../../evil.txt': 'x' }))).toMatch(/holds a file named "\.\.\/\.\.\/evil\.txt", which points outside the document/);
    expect(refuse('abs.xlsx', zipOf({ '/etc/passwd': 'x', 'xl/workbook.xml': '<workbook/>' }))).toMatch(/points outside the document/);
  });

  it('refuses enormous cells: 10 MB of text in one cell', () => {
    const big = 'A'.repeat(10 * 1024 * 1024);
    expect(refuse('big.docx', docxWithBody(tableXml([['Recommendation', 'Action'], [big, 'x']])))).toMatch(/one of its table cells holds more than 32,767 characters/);
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const workbook = zipOf({
      'xl/workbook.xml': `<workbook xmlns="${ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${big}</t></is></c></row></sheetData></worksheet>`,
    });
    expect(refuse('big.xlsx', workbook)).toMatch(/one of its cells holds more than 32,767 characters/);
    expect(refuse('big.csv', `Recommendation,Action\n"${big}",x\n`)).toMatch(/Row 2 has a cell longer than 32,767 characters/);
  });

  it('refuses a spreadsheet renamed .docx, a document renamed .xlsx, and other files', async () => {
    expect(refuse('sheet.docx', workbookPlan())).toMatch(/sheet\.docx is not a Word document \(\.docx\): it is an Excel workbook with a \.docx name. Rename it to end in \.xlsx/);
    expect(refuse('doc.xlsx', await wordPlan())).toMatch(/doc\.xlsx is not an Excel workbook \(\.xlsx\): it is a Word document with a \.xlsx name/);
    expect(refuse('sheet.csv', workbookPlan())).toMatch(/sheet\.csv is not a CSV file: it is a zip file, or an Excel or Word document/);
    expect(refuse('old.doc', 'x')).toMatch(/older Office file \(\.doc\)/);
    expect(refuse('notes.txt', 'x')).toMatch(/Choose a Word document \(\.docx\), an Excel workbook \(\.xlsx\) or a CSV file/);
    expect(refuse('empty.docx', '')).toMatch(/is not a Word document \(\.docx\): it is empty/);
    expect(refuse('pack.docx', Buffer.from('DHRTPACK\u0000\u0002 and the rest'))).toMatch(/it is a DHR Tracker exchange package/);
    expect(refuse('damaged.docx', Buffer.from('PK\u0003\u0004 broken'))).toMatch(/damaged and cannot be read/);
    expect(refuse('unclosed.csv', 'Recommendation,Action\n"never closed,x\n')).toMatch(/never closed/);
  });

  it('refuses a package from a different app renamed .docx', () => {
    expect(refuse('other.docx', Buffer.from('%PDF-1.4 not a plan'))).toMatch(/it is a PDF/);
  });
});
