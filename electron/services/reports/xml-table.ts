import { randomUUID } from 'node:crypto';
import { Paragraph, TextRun } from 'docx';
import { COLOUR } from '../exports/docx-common.ts';

// The reports' data tables, written as WordprocessingML text rather than
// as docx objects.
//
// Why: the docx library keeps several objects per table cell and then a
// second tree of them while it serialises, tens of kilobytes a cell. A
// countywide report over a national store has some 100,000 cells, which
// ran Node out of its 4 GB heap; a string per cell takes a few hundred
// bytes. So each table is written here, a placeholder paragraph stands in
// for it in the docx document, and once the library has packed the file
// the placeholder is swapped for the table (report-pack.ts). The XML is
// exactly what the library writes for the same table
// (test/unit/reports/xml-table.test.ts compares them), so Word, LibreOffice
// and the tests see no difference.

export interface Run {
  text: string;
  bold?: boolean;
  /** rrggbb */
  colour?: string;
  /** Half-points */
  size: number;
}

/** A paragraph in a cell: its runs, and how it sits. */
export interface Line {
  runs: Run[];
  align?: 'left' | 'right' | 'center';
  /** Space before, in twentieths of a point */
  before?: number;
}

export interface XmlCell {
  lines: Line[];
  width: number;
  /** rrggbb */
  fill?: string;
  /** Columns the cell spans; it then has no vertical alignment, as the library writes it */
  span?: number;
}

export interface XmlTableSpec {
  widths: readonly number[];
  header: readonly XmlCell[];
  rows: ReadonlyArray<readonly XmlCell[]>;
  /** A row spanning every column, said when there are no rows */
  empty?: XmlCell;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

const BORDER = (side: string, colour: string) => `<w:${side} w:val="single" w:color="${colour}" w:sz="4"/>`;
const TABLE_BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => BORDER(s, 'auto')).join('')}</w:tblBorders>`;
const CELL_BORDERS = `<w:tcBorders>${['top', 'left', 'bottom', 'right'].map((s) => BORDER(s, COLOUR.border)).join('')}</w:tcBorders>`;
const CELL_MARGINS = '<w:tcMar><w:top w:type="dxa" w:w="50"/><w:left w:type="dxa" w:w="80"/><w:bottom w:type="dxa" w:w="50"/><w:right w:type="dxa" w:w="80"/></w:tcMar>';

function runXml(run: Run): string {
  const props = `${run.bold ? '<w:b/><w:bCs/>' : ''}${run.colour ? `<w:color w:val="${run.colour}"/>` : ''}<w:sz w:val="${run.size}"/><w:szCs w:val="${run.size}"/>`;
  return `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${escape(run.text)}</w:t></w:r>`;
}

function lineXml(line: Line): string {
  const props = `${line.before ? `<w:spacing w:before="${line.before}"/>` : ''}${line.align ? `<w:jc w:val="${line.align}"/>` : ''}`;
  const inner = `${props ? `<w:pPr>${props}</w:pPr>` : ''}${line.runs.map(runXml).join('')}`;
  return inner ? `<w:p>${inner}</w:p>` : '<w:p/>';
}

function cellXml(cell: XmlCell): string {
  const props =
    `<w:tcW w:type="dxa" w:w="${cell.width}"/>` +
    (cell.span ? `<w:gridSpan w:val="${cell.span}"/>` : '') +
    CELL_BORDERS +
    (cell.fill ? `<w:shd w:fill="${cell.fill}" w:color="auto" w:val="clear"/>` : '') +
    CELL_MARGINS +
    (cell.span ? '' : '<w:vAlign w:val="top"/>');
  // A cell must hold a paragraph, even an empty one.
  const lines = cell.lines.length ? cell.lines : [{ runs: [] }];
  return `<w:tc><w:tcPr>${props}</w:tcPr>${lines.map(lineXml).join('')}</w:tc>`;
}

/** A table whose header row repeats on every page and whose rows are not split across pages. */
export function tableXml(spec: XmlTableSpec): string {
  const total = spec.widths.reduce((a, b) => a + b, 0);
  const parts = [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/>${TABLE_BORDERS}<w:tblLayout w:type="fixed"/></w:tblPr>`,
    `<w:tblGrid>${spec.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${spec.header.map(cellXml).join('')}</w:tr>`,
  ];
  for (const row of spec.rows) parts.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${row.map(cellXml).join('')}</w:tr>`);
  if (!spec.rows.length && spec.empty) parts.push(`<w:tr>${cellXml(spec.empty)}</w:tr>`);
  parts.push('</w:tbl>');
  return parts.join('');
}

/** Stands in for a table in the document until the file is packed. */
export class TablePlaceholder extends Paragraph {
  readonly marker: string;
  readonly xml: string;
  constructor(xml: string) {
    const marker = `DHR-TABLE-${randomUUID()}`;
    super({ children: [new TextRun(marker)] });
    this.marker = marker;
    this.xml = xml;
  }
}
