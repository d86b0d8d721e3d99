import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { requireTool } from '../../support/docx.ts';

// Action plans as other people's programs write them, for the legacy
// import tests: a Word document made with the docx package (the Home Office
// template, merged cells, several paragraphs in a cell, a heading across
// the table, a second table with other column names), a workbook written by
// hand the way Excel writes one (shared strings, date-formatted numbers,
// merged ranges), and LibreOffice's conversions of both, so the import
// meets files from a word processor and a spreadsheet program we did not
// write. EXPECTED is what every one of them must give, row by row.

export interface ExpectedRow {
  recommendation: string;
  action: string;
  leadAgency: string | null;
  targetDate: string | null;
  completionDate: string | null;
  status: string;
}

const R1 = 'Cambridgeshire Constabulary to train all call handlers to recognise coercive control.';
const R2 = 'The CSP to review the MARAC referral pathway with all partners.';
const R3 = 'GPs to ask about domestic abuse at every antenatal appointment.';
const R4 = 'Housing providers to share tenancy concerns with the IDVA service.';

export const EXPECTED: ExpectedRow[] = [
  { recommendation: R1, action: 'Deliver coercive control training to call handlers', leadAgency: 'Cambridgeshire Constabulary', targetDate: '2018-03-31', completionDate: '2018-03-12', status: 'complete' },
  { recommendation: R1, action: 'Audit a sample of calls', leadAgency: 'Cambridgeshire Constabulary', targetDate: '2018-09-30', completionDate: null, status: 'on_track' },
  { recommendation: R2, action: 'Rewrite the referral pathway', leadAgency: 'Community Safety Partnership', targetDate: '2019-03-31', completionDate: null, status: 'not_started' },
  { recommendation: R3, action: 'Issue guidance to practices', leadAgency: 'Integrated Care Board', targetDate: '2019-03-31', completionDate: null, status: 'on_track' },
  { recommendation: R3, action: 'Audit uptake', leadAgency: 'Integrated Care Board', targetDate: '2019-09-30', completionDate: null, status: 'early_stage' },
  { recommendation: R4, action: 'Agree an information sharing protocol', leadAgency: 'Housing providers', targetDate: '2020-03-31', completionDate: '2020-01-31', status: 'complete' },
];
/** Scope of each recommendation */
export const EXPECTED_SCOPES = { [R1]: 'local', [R2]: 'regional', [R3]: 'local', [R4]: 'local' } as Record<string, string>;
export const UNDERSTOOD_AGENCIES = ['Cambridgeshire Constabulary', 'Community Safety Partnership', 'MARAC', 'Integrated Care Board', 'Housing providers'];
/** The row no file's writer can make sense of, and the heading across the table */
export const NOT_A_DATE = 'sometime soon';
export const HEADING = 'Multi-agency recommendations';

const HOME_OFFICE = ['Recommendation', 'Scope of recommendation (local / regional / national)', 'Action to take', 'Lead agency', 'Key milestones achieved in enacting recommendation', 'Target date', 'Date of completion and outcome'];
const VARIANT = ['Rec No', 'Recommendation', 'Actions to be taken', 'Lead Agency/Organisation', 'Target Date', 'Completion date and outcome', 'RAG status'];

const cell = (text: string | string[], options: { rowSpan?: number; columnSpan?: number } = {}) =>
  new TableCell({ children: (Array.isArray(text) ? text : [text]).map((t) => new Paragraph({ children: [new TextRun(t)] })), ...options });

/** The plan as a Word document, made with the docx package. */
export async function wordPlan(): Promise<Buffer> {
  const table1 = new Table({
    rows: [
      new TableRow({ tableHeader: true, children: HOME_OFFICE.map((h) => cell(h)) }),
      new TableRow({
        children: [
          cell(R1, { rowSpan: 2 }),
          cell('Local', { rowSpan: 2 }),
          cell('Deliver coercive control training to call handlers'),
          cell('Cambridgeshire Constabulary'),
          cell(['Course written', 'First cohort trained']),
          cell('31/03/2018'),
          cell(['Completed 12/03/2018:', '200 staff trained']),
        ],
      }),
      new TableRow({ children: [cell('Audit a sample of calls'), cell('Cambridgeshire Constabulary'), cell(''), cell('Q2 2018/19'), cell('Ongoing')] }),
      new TableRow({ children: [cell(HEADING, { columnSpan: 7 })] }),
      new TableRow({ children: [cell(R2), cell('Regional'), cell('Rewrite the referral pathway'), cell(['Community Safety Partnership', 'MARAC']), cell(''), cell('March 2019'), cell('')] }),
    ],
  });
  const table2 = new Table({
    rows: [
      new TableRow({ tableHeader: true, children: VARIANT.map((h) => cell(h)) }),
      new TableRow({ children: [cell('3'), cell(R3), cell('Issue guidance to practices'), cell('Integrated Care Board'), cell('31 March 2019'), cell(''), cell('RAG: Green')] }),
      new TableRow({ children: [cell('3'), cell(''), cell('Audit uptake'), cell('Integrated Care Board'), cell('30.09.19'), cell(''), cell('Amber')] }),
      new TableRow({ children: [cell('4'), cell(R4), cell('Agree an information sharing protocol'), cell('Housing providers'), cell('by end of Q4 2019/20'), cell('31/01/2020 Protocol signed by all providers'), cell('Blue')] }),
      new TableRow({ children: [cell('5'), cell('Nobody knows when this will happen.'), cell('Do something'), cell('Refuge'), cell(NOT_A_DATE), cell(''), cell('')] }),
    ],
  });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'Action plan: DHR-TEST-2017-01', bold: true })] }),
          table1,
          new Paragraph('Recommendations for health and housing'),
          table2,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
void VerticalMergeType;

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Excel's serial number for a date (1900 system). */
function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

type XCell = string | { date: string } | null;

/**
 * A workbook written by hand the way Excel writes one: shared strings,
 * dates as numbers in a dd/mm/yyyy style, a title merged across the top,
 * the recommendation merged down over its actions, a hidden sheet.
 */
export function workbookPlan(): Uint8Array {
  const header = ['Recommendation', 'Scope', 'Action to take', 'Lead agency', 'Key milestones', 'Target date', 'Date of completion and outcome', 'RAG status'];
  const rows: XCell[][] = [
    ['DHR-TEST-2017-01 action plan', null, null, null, null, null, null, null],
    header,
    [R1, 'Local', 'Deliver coercive control training to call handlers', 'Cambridgeshire Constabulary', 'Course written\nFirst cohort trained', { date: '2018-03-31' }, 'Completed 12/03/2018: 200 staff trained', 'Complete'],
    [null, null, 'Audit a sample of calls', 'Cambridgeshire Constabulary', null, 'Q2 2018/19', null, 'In progress'],
    [HEADING, null, null, null, null, null, null, null],
    [R2, 'Regional', 'Rewrite the referral pathway', 'Community Safety Partnership; MARAC', null, 'March 2019', null, 'Not started'],
    [R3, 'Local', 'Issue guidance to practices', 'Integrated Care Board', null, { date: '2019-03-31' }, null, 'RAG: Green'],
    [R3, 'Local', 'Audit uptake', 'Integrated Care Board', null, { date: '2019-09-30' }, null, 'Amber'],
    [R4, null, 'Agree an information sharing protocol', 'Housing providers', null, 'by end of Q4 2019/20', '31/01/2020 Protocol signed by all providers', 'Blue'],
    ['Nobody knows when this will happen.', null, 'Do something', 'Refuge', null, NOT_A_DATE, null, null],
  ];
  const strings: string[] = [];
  const index = (s: string) => {
    let i = strings.indexOf(s);
    if (i === -1) i = strings.push(s) - 1;
    return i;
  };
  const col = (c: number) => String.fromCharCode(65 + c);
  const sheetRows = rows
    .map((row, r) => {
      const cells = row
        .map((value, c) => {
          const ref = `${col(c)}${r + 1}`;
          if (value === null) return '';
          if (typeof value === 'object') return `<c r="${ref}" s="1"><v>${serial(value.date)}</v></c>`;
          return `<c r="${ref}" t="s"><v>${index(value)}</v></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Action plan" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${ns}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${ns}" xmlns:r="${rel}"><sheetData>${sheetRows}</sheetData><mergeCells count="5"><mergeCell ref="A1:H1"/><mergeCell ref="A3:A4"/><mergeCell ref="B3:B4"/><mergeCell ref="A5:H5"/><mergeCell ref="D3:D4"/></mergeCells></worksheet>`,
    'xl/worksheets/sheet2.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Recommendation</t></is></c><c r="B1" t="inlineStr"><is><t>Action</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>A hidden sheet's row</t></is></c><c r="B2" t="inlineStr"><is><t>never imported</t></is></c></row></sheetData></worksheet>`,
  };
  files['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${ns}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`).join('')}</sst>`;
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), { level: 6 });
}

/** The plan as CSV, as Excel saves it in much of Europe: a byte order mark, ";" between fields, quoted line breaks. */
export function csvPlan(separator = ';'): string {
  const q = (s: string) => (/[";\n,]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = [
    ['Recommendation', 'Action', 'Lead Agency/Organisation', 'Key milestones', 'Target Date', 'Completion date and outcome', 'Status'],
    [R1, 'Deliver coercive control training to call handlers', 'Cambridgeshire Constabulary', 'Course written\nFirst cohort trained', '31.03.18', 'Completed 12/03/2018: 200 staff trained', 'Completed'],
    ['', 'Audit a sample of calls', 'Cambridgeshire Constabulary', '', 'Q2 2018/19', '', 'Ongoing'],
    [R2, 'Rewrite the referral pathway', 'Community Safety Partnership\nMARAC', '', 'March 2019', '', ''],
    [R3, 'Issue guidance to practices', 'Integrated Care Board', '', '31/03/2019', '', 'Green'],
    [R3, 'Audit uptake', 'Integrated Care Board', '', '30/09/2019', '', 'AMBER'],
    [R4, 'Agree an information sharing protocol', 'Housing providers', '', 'Q4 2019/20', '31/01/2020 Protocol signed by all providers', 'Complete'],
    ['Nobody knows when this will happen.', 'Do something', 'Refuge', '', NOT_A_DATE, '', ''],
  ];
  return `\uFEFF${rows.map((r) => r.map(q).join(separator)).join('\r\n')}\r\n`;
}

/** Convert a file with LibreOffice, in a profile of its own so parallel runs do not clash. Returns the converted file. */
export function convertWithLibreOffice(file: string, outDir: string, to: 'docx' | 'xlsx' | 'csv'): string {
  requireTool('libreoffice', 'libreoffice-writer-nogui');
  if (to !== 'docx' && !fs.existsSync('/usr/lib/libreoffice/program/libsclo.so') && spawnSync('sh', ['-c', 'dpkg -s libreoffice-calc-nogui || dpkg -s libreoffice-calc'], { encoding: 'utf8' }).status !== 0) {
    throw new Error('LibreOffice Calc is not installed. The spreadsheet import tests need it: apt-get install libreoffice-calc-nogui (.ci/run installs it).');
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dhr-lo-profile-'));
  const filter = { docx: 'docx:MS Word 2007 XML', xlsx: 'xlsx:Calc MS Excel 2007 XML', csv: 'csv:Text - txt - csv (StarCalc):44,34,76,1' }[to];
  try {
    fs.mkdirSync(outDir, { recursive: true });
    const result = spawnSync('libreoffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, file], {
      encoding: 'utf8',
      timeout: 150_000,
    });
    const converted = path.join(outDir, `${path.basename(file, path.extname(file))}.${to}`);
    if (result.status !== 0 || !fs.existsSync(converted)) throw new Error(`LibreOffice did not convert ${file} (exit ${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
    return converted;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Any zip of text parts, for hostile files. */
export function zipOf(files: Record<string, string | Uint8Array>, level: 0 | 6 | 9 = 6): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, v]) => [name, typeof v === 'string' ? strToU8(v) : v])), { level });
}

export const WORD_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A minimal .docx whose document.xml is the given body. */
export function docxWithBody(body: string, extra: Record<string, string | Uint8Array> = {}, prolog = ''): Uint8Array {
  return zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': `<?xml version="1.0"?>${prolog}<w:document xmlns:w="${WORD_NS}"><w:body>${body}</w:body></w:document>`, ...extra });
}

export const tableXml = (rows: string[][]) =>
  `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc><w:p><w:r><w:t xml:space="preserve">${c}</w:t></w:r></w:p></w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;

export const tempFile = (dir: string, name: string, content: string | Uint8Array) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};
