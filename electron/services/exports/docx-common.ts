import {
  AlignmentType,
  Footer,
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type IRunOptions,
  type ISectionPropertiesOptions,
  type IStylesOptions,
} from 'docx';
import { formatUkDate, isIsoDate } from '../../../shared/domain/dates.ts';
import type { ReviewLabel } from '../../../shared/domain/vocabulary.ts';

// What every Word export shares: A4 pages, Arial, UK English, and the
// protective marking with page numbers on every page. Sizes are in twips
// (twentieths of a point; 1 cm = 567) and half-points for fonts.

export const FONT = 'Arial';
/** Font sizes in half-points */
export const SIZE = { body: 20, small: 18, header: 18, title: 32, subtitle: 22 } as const;
export const COLOUR = { text: '000000', muted: '404040', headerFill: 'D9E2F3', border: '7F7F7F' } as const;

/** A4 in twips, as portrait: the docx library swaps width and height itself for landscape. */
export const A4 = { width: 11906, height: 16838 } as const;

export interface PageSetup {
  orientation: 'portrait' | 'landscape';
  margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number };
}

export const LANDSCAPE_PAGE: PageSetup = {
  orientation: 'landscape',
  // 1.27 cm left and right (Word's "Narrow"), so seven columns have room; 2 cm top and bottom for the marking.
  margin: { top: 1134, right: 720, bottom: 1134, left: 720, header: 510, footer: 510 },
};
export const PORTRAIT_PAGE: PageSetup = {
  orientation: 'portrait',
  margin: { top: 1418, right: 1134, bottom: 1418, left: 1134, header: 680, footer: 680 },
};

/** Width of the text area between the margins, in twips. */
export function contentWidth(page: PageSetup): number {
  const pageWidth = page.orientation === 'landscape' ? A4.height : A4.width;
  return pageWidth - page.margin.left - page.margin.right;
}

export const REVIEW_LABEL_WORDS: Record<ReviewLabel, string> = {
  DHR: 'Domestic Homicide Review',
  DARDR: 'Domestic Abuse Related Death Review',
};

/**
 * Text as Word can hold it: characters XML 1.0 forbids (other control
 * characters, lone surrogates) would make Word refuse to open the file,
 * so they go; tabs become spaces.
 */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** One paragraph per line of the text, so line breaks typed in the app survive. */
export function textParagraphs(text: string | null | undefined, run: Omit<IRunOptions, 'text' | 'children'> = {}, paragraph: { spacingAfter?: number } = {}): Paragraph[] {
  const lines = cleanText(text ?? '').split('\n');
  return lines.map(
    (line) =>
      new Paragraph({
        spacing: { after: paragraph.spacingAfter ?? 0 },
        children: line ? [new TextRun({ ...run, text: line })] : [],
      }),
  );
}

/** 21/11/2026, or the stored text as it is when it is not a date (never throws on odd data). */
export function ukDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return isIsoDate(iso) ? formatUkDate(iso) : iso;
}

/** A name safe to offer as a file name on Windows, macOS and Linux. */
export function safeFileName(name: string): string {
  return (
    cleanText(name)
      .replace(/[\\/:*?"<>|\n]+/g, '-')
      .replace(/\s+/g, ' ')
      .replace(/^[\s.]+|[\s.]+$/g, '')
      .slice(0, 150) || 'export'
  );
}

export function documentStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT, size: SIZE.body, color: COLOUR.text, language: { value: 'en-GB' } },
        paragraph: { spacing: { after: 0, line: 264 } },
      },
      heading1: {
        run: { font: FONT, size: SIZE.title, bold: true, color: COLOUR.text },
        paragraph: { spacing: { before: 0, after: 120 }, keepNext: true },
      },
      heading2: {
        run: { font: FONT, size: 24, bold: true, color: COLOUR.text },
        paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
      },
    },
  };
}

/**
 * Header and footer for every page. The protective marking is centred at the
 * top and bottom of each page, as the Government Security Classifications
 * expect; the header names the review and the document, the footer counts pages.
 */
export function markedHeaderFooter(options: { marking: string; headerText: string; page: PageSetup }) {
  const width = contentWidth(options.page);
  const marking = cleanText(options.marking).trim();
  const markingRun = (text: string) => new TextRun({ text, bold: true, size: SIZE.header, font: FONT });
  const quiet = { size: SIZE.header, font: FONT, color: COLOUR.muted };
  const headerChildren: Paragraph[] = [];
  if (marking) headerChildren.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [markingRun(marking)] }));
  headerChildren.push(new Paragraph({ alignment: AlignmentType.LEFT, spacing: { after: 120 }, children: [new TextRun({ ...quiet, text: cleanText(options.headerText) })] }));

  const footer = new Paragraph({
    tabStops: [
      { type: TabStopType.CENTER, position: Math.round(width / 2) },
      { type: TabStopType.RIGHT, position: width },
    ],
    children: [
      new TextRun({ ...quiet, children: [new Tab()] }),
      ...(marking ? [markingRun(marking)] : []),
      new TextRun({ ...quiet, children: [new Tab(), 'Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
    ],
  });
  return {
    headers: { default: new Header({ children: headerChildren }) },
    footers: { default: new Footer({ children: [footer] }) },
  };
}

export function sectionProperties(page: PageSetup): ISectionPropertiesOptions {
  return {
    page: {
      size: { width: A4.width, height: A4.height, orientation: page.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: page.margin,
    },
  };
}
