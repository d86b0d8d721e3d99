import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PORTRAIT_PAGE, dataTable } from '../../../electron/services/reports/report-docx.ts';
import { packReport } from '../../../electron/services/reports/report-pack.ts';
import { TablePlaceholder, tableXml, type Line, type XmlCell } from '../../../electron/services/reports/xml-table.ts';

// The reports write their tables as XML text (xml-table.ts) because the docx
// library's objects need tens of kilobytes a cell. The text must be exactly
// what the library writes for the same table, so Word and LibreOffice see
// no difference: here the library itself, given the same cells, is the
// oracle.

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '7F7F7F' } as const;
const MARGINS = { top: 50, bottom: 50, left: 80, right: 80 } as const;
const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;

function libraryParagraph(line: Line): Paragraph {
  return new Paragraph({
    ...(line.align ? { alignment: ALIGN[line.align] } : {}),
    ...(line.before ? { spacing: { before: line.before } } : {}),
    children: line.runs.map((r) => new TextRun({ text: r.text, bold: r.bold, color: r.colour, size: r.size })),
  });
}

function libraryCell(cell: XmlCell): TableCell {
  return new TableCell({
    children: (cell.lines.length ? cell.lines : [{ runs: [] }]).map(libraryParagraph),
    width: { size: cell.width, type: WidthType.DXA },
    ...(cell.span ? { columnSpan: cell.span } : { verticalAlign: VerticalAlignTable.TOP }),
    margins: MARGINS,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    ...(cell.fill ? { shading: { type: ShadingType.CLEAR, fill: cell.fill, color: 'auto' } } : {}),
  });
}

function libraryTable(spec: Parameters<typeof tableXml>[0]): Table {
  const rows = [new TableRow({ tableHeader: true, cantSplit: true, children: spec.header.map(libraryCell) }), ...spec.rows.map((r) => new TableRow({ cantSplit: true, children: r.map(libraryCell) }))];
  if (!spec.rows.length && spec.empty) rows.push(new TableRow({ children: [libraryCell(spec.empty)] }));
  const total = spec.widths.reduce((a, b) => a + b, 0);
  return new Table({ rows, width: { size: total, type: WidthType.DXA }, columnWidths: [...spec.widths], layout: TableLayoutType.FIXED });
}

async function bodyXml(children: Array<Paragraph | Table>): Promise<string> {
  const bytes = await packReport({ sections: [{ children: [...children, new Paragraph('End')] }] }, 'Fictional Partnership');
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);
  return xml.slice(xml.indexOf('<w:body>') + '<w:body>'.length, xml.indexOf('<w:sectPr'));
}

const run = (text: string, more: Partial<Line['runs'][number]> = {}) => ({ text, size: 17, ...more });
const SPEC: Parameters<typeof tableXml>[0] = {
  widths: [2892, 2891, 3855],
  header: [
    { width: 2892, fill: 'D9E2F3', lines: [{ align: 'left', runs: [run('Review & <number>', { bold: true })] }] },
    { width: 2891, fill: 'D9E2F3', lines: [{ align: 'right', runs: [run('“Quoted”, "quoted" and \'apostrophes\'', { bold: true })] }] },
    { width: 3855, fill: 'D9E2F3', lines: [{ align: 'left', runs: [run('Status', { bold: true })] }] },
  ],
  rows: [
    [
      { width: 2892, lines: [{ align: 'left', runs: [run('DHR 2024/01')] }, { align: 'left', runs: [run('Recommendation 3')] }] },
      { width: 2891, lines: [{ align: 'center', runs: [] }] },
      {
        width: 3855,
        fill: '1565C0',
        lines: [
          { runs: [run('Complete', { bold: true, colour: 'FFFFFF' }), run(' (BLUE)', { colour: 'FFFFFF' })] },
          { before: 40, runs: [run('Overdue: target 01/01/2026', { colour: 'FFFFFF', size: 16 })] },
        ],
      },
    ],
    [
      { width: 2892, lines: [] },
      { width: 2891, fill: 'EDEDED', lines: [{ align: 'right', runs: [run('12', { colour: '404040', size: 16 })] }] },
      { width: 3855, lines: [{ align: 'left', runs: [run('Fenland’s lead: Ōtautahi Women’s Aid')] }] },
    ],
  ],
};

describe('tables written as XML', () => {
  it('are exactly what the docx library writes for the same cells', async () => {
    expect(await bodyXml([new TablePlaceholder(tableXml(SPEC))])).toBe(await bodyXml([libraryTable(SPEC)]));
  });

  it('say why a table is empty in one cell across every column, as the library writes it', async () => {
    const empty = { ...SPEC, rows: [], empty: { width: 9638, span: 3, lines: [{ align: 'left' as const, runs: [run('No overdue recommendations.')] }] } };
    expect(await bodyXml([new TablePlaceholder(tableXml(empty))])).toBe(await bodyXml([libraryTable(empty)]));
  });

  it('take their placeholder’s place, in order among the paragraphs around them', async () => {
    const table = (text: string) => dataTable({ page: PORTRAIT_PAGE, shares: [1], header: ['Head'], rows: [[text]] });
    const xml = await bodyXml([new Paragraph('Before'), table('first'), new Paragraph('Between'), table('second')]);
    expect(xml).not.toContain('DHR-TABLE-');
    const order = ['Before', 'first', 'Between', 'second'].map((w) => xml.indexOf(`>${w}<`));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
  });

  it('end a section, with the paragraph that carries the section break after them', async () => {
    const table = dataTable({ page: PORTRAIT_PAGE, shares: [1], header: ['Head'], rows: [['last in its section']] });
    const bytes = await packReport({ sections: [{ children: [new Paragraph('First section'), table] }, { children: [new Paragraph('Second section')] }] }, 'Fictional Partnership');
    const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);
    expect(xml).toMatch(/last in its section<\/w:t><\/w:r><\/w:p><\/w:tc><\/w:tr><\/w:tbl><w:p><w:pPr><w:sectPr>/);
  });

  it('refuse to write a document where a table could not be placed, rather than leave a marker in it', async () => {
    const hidden = dataTable({ page: PORTRAIT_PAGE, shares: [1], header: ['Head'], rows: [['in a header']] });
    // A placeholder inside a table cell is not a section's child: it would be left as a marker.
    const nested = new Table({ rows: [new TableRow({ children: [new TableCell({ children: [hidden] })] })] });
    await expect(packReport({ sections: [{ children: [nested] }] }, 'Fictional Partnership')).rejects.toThrow('A table could not be placed in the document. Nothing was written.');
  });

  it('keep a large table small in memory: a cell is a few hundred bytes of text', () => {
    const cell: XmlCell = { width: 1000, lines: [{ align: 'left', runs: [run('Under consideration: 3')] }] };
    const xml = tableXml({ widths: Array(10).fill(1000), header: Array(10).fill(cell), rows: Array.from({ length: 1000 }, () => Array(10).fill(cell)) });
    expect(xml.length / 10_010).toBeLessThan(1_000);
  });
});
