import {
  AlignmentType,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Paragraph,
  TableOfContents,
  TextRun,
  type ISectionOptions,
  type IStylesOptions,
} from 'docx';
import { formatLongDate } from '../../../shared/domain/dates.ts';
import type { Status } from '../../../shared/domain/vocabulary.ts';
import { COLOUR, FONT, LANDSCAPE_PAGE, PORTRAIT_PAGE, SIZE, cleanText, contentWidth, documentStyles, markedHeaderFooter, sectionProperties, type PageSetup } from '../exports/docx-common.ts';
import { inkOn, type ChartPicture } from './charts.ts';
import type { StatusKey } from './report-common.ts';
import { TablePlaceholder, tableXml, type Line, type XmlCell } from './xml-table.ts';

// The Word building blocks both reports share: the cover, the contents, the
// heading styles the navigation pane and the contents are made from,
// tables whose header row repeats on each page, a status shown in words on
// its colour, and charts as pictures with alt text.

export { LANDSCAPE_PAGE, PORTRAIT_PAGE };

/** Report font sizes in half-points, below the body size for dense tables */
export const TABLE_SIZE = 17;

export function reportStyles(): IStylesOptions {
  const base = documentStyles();
  return {
    ...base,
    default: {
      ...base.default,
      heading1: {
        run: { font: FONT, size: 30, bold: true, color: '1F3864' },
        paragraph: { spacing: { before: 0, after: 160 }, keepNext: true, keepLines: true },
      },
      heading2: {
        run: { font: FONT, size: 24, bold: true, color: '1F3864' },
        paragraph: { spacing: { before: 280, after: 120 }, keepNext: true, keepLines: true },
      },
      heading3: {
        run: { font: FONT, size: 21, bold: true, color: COLOUR.text },
        paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, keepLines: true },
      },
    },
  };
}

export function heading1(text: string, options: { pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: options.pageBreakBefore ?? false, children: [new TextRun(cleanText(text))] });
}
export function heading2(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(cleanText(text))] });
}
export function heading3(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(cleanText(text))] });
}

export function para(text: string, options: { size?: number; bold?: boolean; colour?: string; after?: number; before?: number; keepNext?: boolean; italics?: boolean } = {}): Paragraph {
  return new Paragraph({
    spacing: { after: options.after ?? 120, before: options.before ?? 0 },
    keepNext: options.keepNext ?? false,
    children: [new TextRun({ text: cleanText(text), size: options.size, bold: options.bold, color: options.colour, italics: options.italics })],
  });
}

/** A short line of muted text, such as the note under a table. */
export function note(text: string): Paragraph {
  return para(text, { size: SIZE.small, colour: COLOUR.muted, after: 160, before: 80 });
}

export function bullet(text: string): Paragraph {
  return new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: [new TextRun(cleanText(text))] });
}

/** The cover page: marking, title, who and when, then a page break. */
export function coverPage(options: { marking: string; title: string; subtitle: string; lines: string[]; asAtWords: string; partnershipName: string; reviewLabelWords: string }): Paragraph[] {
  const marking = cleanText(options.marking).trim();
  const out: Paragraph[] = [];
  if (marking) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 600, after: 1400 }, children: [new TextRun({ text: marking, bold: true, size: 32 })] }));
  else out.push(new Paragraph({ spacing: { before: 2000 }, children: [] }));
  out.push(
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: cleanText(options.partnershipName), size: 28, color: COLOUR.muted })] }),
    // The title in the document's Title style, so it is not in the contents.
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: cleanText(options.title), size: 56, bold: true, color: '1F3864' })] }),
    new Paragraph({ spacing: { after: 480 }, children: [new TextRun({ text: cleanText(options.subtitle), size: 32 })] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: cleanText(options.asAtWords), size: 32, bold: true })] }),
    ...options.lines.map((line) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: cleanText(line), size: 22, color: COLOUR.muted })] })),
    new Paragraph({ spacing: { before: 1200 }, children: [new TextRun({ text: cleanText(options.reviewLabelWords), size: 22, color: COLOUR.muted })] }),
  );
  return out;
}

/** "Contents" and the table of contents field, built from Heading 1 and 2, on a page of its own. */
export function contentsPage(): Array<Paragraph | TableOfContents> {
  return [
    new Paragraph({ pageBreakBefore: true, spacing: { after: 240 }, children: [new TextRun({ text: 'Contents', size: 30, bold: true, color: '1F3864' })] }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
    new Paragraph({
      spacing: { before: 240 },
      children: [
        new TextRun({
          text: 'Word updates this list and its page numbers when the document is opened. To update it again, right-click it and choose Update Field.',
          size: SIZE.small,
          color: COLOUR.muted,
        }),
      ],
    }),
  ];
}

/** What goes in a table cell: text (lines split on \n), or lines of runs made already, and how the cell looks. */
export interface CellContent {
  text?: string;
  lines?: Line[];
  /** Background, #rrggbb or rrggbb */
  fill?: string;
  bold?: boolean;
  colour?: string;
  size?: number;
  align?: 'left' | 'right' | 'center';
}
export type Cell = string | CellContent;

function cellLines(content: CellContent, size: number): Line[] {
  if (content.lines) return content.lines;
  const align = content.align ?? 'left';
  return cleanText(content.text ?? '')
    .split('\n')
    .map((text) => ({ align, runs: text ? [{ text, bold: content.bold, colour: content.colour, size: content.size ?? size }] : [] }));
}

function tableCell(cell: Cell, width: number, size: number, header = false): XmlCell {
  const content: CellContent = typeof cell === 'string' ? { text: cell } : cell;
  const fill = content.fill?.replace('#', '').toUpperCase() ?? (header ? COLOUR.headerFill : undefined);
  return { lines: cellLines(header ? { ...content, bold: content.bold ?? true } : content, size), width, fill };
}

/** Column widths in twips from relative shares, adding up to the width exactly. */
export function columnWidths(shares: readonly number[], total: number): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((s) => Math.floor((total * s) / sum));
  widths[0]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * A table across the text width of its page: a header row that repeats at
 * the top of each page and is never split, then the rows, none split across
 * a page where it fits on one. It is written as XML (see xml-table.ts), so
 * the document must be packed with packReport (report-pack.ts).
 */
export function dataTable(options: { page: PageSetup; shares: readonly number[]; header: readonly Cell[]; rows: ReadonlyArray<readonly Cell[]>; size?: number; empty?: string }): TablePlaceholder {
  const total = contentWidth(options.page);
  const widths = columnWidths(options.shares, total);
  const size = options.size ?? TABLE_SIZE;
  return new TablePlaceholder(
    tableXml({
      widths,
      header: options.header.map((c, i) => tableCell(c, widths[i]!, size, true)),
      rows: options.rows.map((row) => row.map((c, i) => tableCell(c, widths[i]!, size))),
      empty: { lines: cellLines({ text: options.empty ?? 'None.' }, size), width: total, span: widths.length },
    }),
  );
}

/** A status in words, on its colour, in whichever of black or white reads better on it: "On track (GREEN)". */
export function statusCell(key: ReadonlyMap<Status, StatusKey>, status: Status | null, extra?: string): CellContent {
  if (!status) return { text: extra ?? '' };
  const s = key.get(status)!;
  const colour = inkOn(s.colour).replace('#', '').toUpperCase();
  const lines: Line[] = [{ runs: [{ text: cleanText(s.label), bold: true, colour, size: TABLE_SIZE }, { text: ` (${cleanText(s.colourName)})`, colour, size: TABLE_SIZE }] }];
  if (extra) lines.push({ before: 40, runs: [{ text: cleanText(extra), colour, size: 16 }] });
  return { lines, fill: s.colour };
}

export function statusMap(statuses: readonly StatusKey[]): Map<Status, StatusKey> {
  return new Map(statuses.map((s) => [s.code, s]));
}

/**
 * A chart as a picture, scaled to the text width where it is wider, with
 * alt text (title and description) that says what it shows, and a caption
 * under it.
 */
export function chartParagraphs(picture: ChartPicture, options: { page: PageSetup; title: string; description: string; caption: string }): Paragraph[] {
  const maxWidth = Math.floor((contentWidth(options.page) / 1440) * 96);
  const scale = Math.min(1, maxWidth / picture.width);
  return [
    new Paragraph({
      keepNext: true,
      alignment: AlignmentType.CENTER,
      // Single line spacing, said outright: LibreOffice otherwise crops a picture to the default line height.
      spacing: { before: 120, after: 60, line: 240, lineRule: LineRuleType.AUTO },
      children: [
        new ImageRun({
          type: 'png',
          data: picture.png,
          transformation: { width: Math.round(picture.width * scale), height: Math.round(picture.height * scale) },
          altText: { title: cleanText(options.title), description: cleanText(options.description), name: cleanText(options.title) },
        }),
      ],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: cleanText(options.caption), italics: true, size: SIZE.small, color: COLOUR.muted })] }),
  ];
}

/** A section of the document, on portrait or landscape A4, with the marking and "Page X of Y" on every page. */
export function reportSection(page: PageSetup, headerText: string, marking: string, children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: sectionProperties(page),
    ...markedHeaderFooter({ marking, headerText, page }),
    children,
  };
}

/** "21 November 2026" */
export function longDate(iso: string): string {
  return formatLongDate(iso);
}

export { plural } from '../../../shared/domain/plural.ts';
