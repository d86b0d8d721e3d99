import {
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ITableCellBorders,
} from 'docx';
import { SCOPE_WORDS } from '../../../shared/domain/vocabulary.ts';
import type { ActionPlanAction, ActionPlanData, ActionPlanRecommendation } from './action-plan-data.ts';
import {
  COLOUR,
  FONT,
  LANDSCAPE_PAGE,
  REVIEW_LABEL_WORDS,
  SIZE,
  cleanText,
  contentWidth,
  documentStyles,
  markedHeaderFooter,
  sectionProperties,
  textParagraphs,
  ukDate,
} from './docx-common.ts';

// The action plan in the Home Office recommendations template, as a Word
// table on landscape A4: one row per action, the recommendation cell merged
// down over its actions, the header row repeated on every page.

/** The template's columns, in its order, with its exact words. */
export const ACTION_PLAN_COLUMNS = [
  'Recommendation',
  'Scope of recommendation',
  'Action to take',
  'Lead agency',
  'Key milestones achieved in enacting recommendation',
  'Target date',
  'Date of completion and outcome',
] as const;

/**
 * Relative column widths: the free-text columns (recommendation, action,
 * milestones, outcome) get the room; scope and target date are short but
 * must fit "recommendation" and "21/11/2026" on one line.
 */
const COLUMN_SHARES = [19, 12.5, 17, 11, 17.5, 8.5, 14.5] as const;

export function actionPlanColumnWidths(total = contentWidth(LANDSCAPE_PAGE)): number[] {
  const sum = COLUMN_SHARES.reduce((a, b) => a + b, 0);
  const widths = COLUMN_SHARES.map((share) => Math.floor((total * share) / sum));
  // Give the rounding remainder to the widest column so the grid adds up to the table exactly.
  widths[0]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

const CELL_MARGIN = { top: 60, bottom: 60, left: 90, right: 90 } as const;
const line = { style: BorderStyle.SINGLE, size: 4, color: COLOUR.border } as const;
const BORDERS: ITableCellBorders = { top: line, bottom: line, left: line, right: line };

function cell(children: Paragraph[], width: number, extra: { rowSpan?: number; columnSpan?: number; header?: boolean } = {}): TableCell {
  return new TableCell({
    children: children.length ? children : [new Paragraph({})],
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGIN,
    borders: BORDERS,
    verticalAlign: VerticalAlignTable.TOP,
    ...(extra.rowSpan && extra.rowSpan > 1 ? { rowSpan: extra.rowSpan } : {}),
    ...(extra.columnSpan ? { columnSpan: extra.columnSpan } : {}),
    ...(extra.header ? { shading: { type: ShadingType.CLEAR, fill: COLOUR.headerFill, color: 'auto' } } : {}),
  });
}

function headerRow(widths: number[]): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ACTION_PLAN_COLUMNS.map((heading, i) =>
      cell([new Paragraph({ keepNext: true, children: [new TextRun({ text: heading, bold: true, font: FONT, size: SIZE.body })] })], widths[i]!, { header: true }),
    ),
  });
}

function recommendationCell(rec: ActionPlanRecommendation, width: number, rowSpan: number): TableCell {
  const [first = '', ...rest] = cleanText(rec.text).split('\n');
  const paragraphs = [
    new Paragraph({ children: [new TextRun({ text: `${rec.number}. `, bold: true }), new TextRun({ text: first })] }),
    ...rest.map((text) => new Paragraph({ children: text ? [new TextRun({ text })] : [] })),
  ];
  if (rec.addressedTo.length) {
    paragraphs.push(
      new Paragraph({
        spacing: { before: 120 },
        children: [new TextRun({ text: 'Addressed to: ', bold: true, size: SIZE.small }), new TextRun({ text: cleanText(rec.addressedTo.join('; ')), size: SIZE.small })],
      }),
    );
  }
  return cell(paragraphs, width, { rowSpan });
}

/** "21/11/2026: outcome", or whichever half is recorded. */
export function completionText(action: Pick<ActionPlanAction, 'completionDate' | 'outcome'>): string {
  const date = ukDate(action.completionDate);
  const outcome = cleanText(action.outcome ?? '').trim();
  return date && outcome ? `${date}: ${outcome}` : date || outcome;
}

function actionCells(action: ActionPlanAction | null, widths: number[]): TableCell[] {
  const texts = action
    ? [action.actionText, action.leadAgency ?? '', action.milestones ?? '', ukDate(action.targetDate), completionText(action)]
    : ['', '', '', '', ''];
  return texts.map((text, i) => cell(textParagraphs(text), widths[i + 2]!));
}

function recommendationRows(rec: ActionPlanRecommendation, widths: number[]): TableRow[] {
  const actions: Array<ActionPlanAction | null> = rec.actions.length ? rec.actions : [null];
  return actions.map(
    (action, i) =>
      new TableRow({
        cantSplit: true,
        // Keep a recommendation's rows on one page where they fit, so its merged cell is not split.
        keepNext: i < actions.length - 1,
        children: [
          ...(i === 0 ? [recommendationCell(rec, widths[0]!, actions.length), cell(textParagraphs(SCOPE_WORDS[rec.scope] ?? rec.scope), widths[1]!, { rowSpan: actions.length })] : []),
          ...actionCells(action, widths),
        ],
      }),
  );
}

export function actionPlanTitle(data: Pick<ActionPlanData, 'reviewLabel' | 'review'>): string {
  return `${data.review.reference} ${data.reviewLabel} action plan`;
}

/** The action plan table in the Home Office template: also the appendix of the overview report skeleton. */
export function actionPlanTable(data: Pick<ActionPlanData, 'recommendations'>): Table {
  const widths = actionPlanColumnWidths();
  const total = widths.reduce((a, b) => a + b, 0);
  const rows = [headerRow(widths)];
  for (const rec of data.recommendations) rows.push(...recommendationRows(rec, widths));
  if (!data.recommendations.length) {
    rows.push(new TableRow({ children: [cell(textParagraphs('No recommendations have been recorded for this review yet.'), total, { columnSpan: ACTION_PLAN_COLUMNS.length })] }));
  }
  return new Table({
    rows,
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
  });
}

export async function actionPlanDocx(data: ActionPlanData, options: { today: string }): Promise<Buffer> {
  const table = actionPlanTable(data);

  const label = `${data.reviewLabel} action plan`;
  const reference = cleanText(data.review.reference);
  const actionCount = data.recommendations.reduce((n, r) => n + r.actions.length, 0);
  const intro = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${label}: ${cleanText(data.review.victimPseudonym)} (${reference})`)] }),
    new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: cleanText(data.partnershipName), bold: true, size: SIZE.subtitle })] }),
    new Paragraph({
      spacing: { after: 200 },
      children: [
        new TextRun({
          text: `${REVIEW_LABEL_WORDS[data.reviewLabel]} commissioned by ${cleanText(data.review.districtName)}. Home Office recommendations template. ${data.recommendations.length} ${data.recommendations.length === 1 ? 'recommendation' : 'recommendations'}, ${actionCount} ${actionCount === 1 ? 'action' : 'actions'}. Exported from DHR Tracker on ${ukDate(options.today)}.`,
          size: SIZE.small,
          color: COLOUR.muted,
        }),
      ],
    }),
  ];

  const doc = new Document({
    title: actionPlanTitle(data),
    subject: `${REVIEW_LABEL_WORDS[data.reviewLabel]} action plan`,
    creator: cleanText(data.partnershipName),
    lastModifiedBy: cleanText(data.partnershipName),
    description: `Action plan for ${reference} in the Home Office recommendations template. Exported from DHR Tracker on ${ukDate(options.today)}.`,
    keywords: [reference, data.reviewLabel, 'action plan', data.protectiveMarking].filter(Boolean).join('; '),
    styles: documentStyles(),
    sections: [
      {
        properties: sectionProperties(LANDSCAPE_PAGE),
        ...markedHeaderFooter({ marking: data.protectiveMarking, headerText: `${reference} · ${label}`, page: LANDSCAPE_PAGE }),
        children: [...intro, table],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
