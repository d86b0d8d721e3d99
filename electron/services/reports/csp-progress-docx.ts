import { Paragraph, type Table, type TableOfContents } from 'docx';
import { formatUkDate } from '../../../shared/domain/dates.ts';
import { DUE_SOON_DAYS } from '../../../shared/domain/implementation-status.ts';
import { REVIEW_LABEL_WORDS, cleanText, ukDate } from '../exports/docx-common.ts';
import { dueWords, monthEnd, type ApplicabilityAsAt } from './as-at.ts';
import { columnsOverTimeSvg, horizontalBarsSvg, svgToPng, type ChartPicture } from './charts.ts';
import type { CspProgressData } from './csp-progress-data.ts';
import {
  LANDSCAPE_PAGE,
  PORTRAIT_PAGE,
  TABLE_SIZE,
  bullet,
  chartParagraphs,
  contentsPage,
  coverPage,
  dataTable,
  heading1,
  heading2,
  longDate,
  note,
  para,
  plural,
  reportSection,
  reportStyles,
  statusCell,
  statusMap,
  type Cell,
} from './report-docx.ts';
import type { Step } from './report-common.ts';
import { packReport } from './report-pack.ts';

// The CSP progress report for one district's board, as at a day: a cover,
// the contents, a summary of counts by status, charts of status by review
// and over time, the overdue recommendations, every applicable
// recommendation with its latest update, and annexes of the decisions that a
// recommendation does not apply or is already in place.

export const CSP_SECTIONS = {
  summary: 'Summary',
  charts: 'Charts',
  byReview: 'Status by review',
  overTime: 'Status over time',
  overdue: 'Overdue recommendations',
  all: 'All applicable recommendations',
  notApplicable: 'Annex A: Recommendations not applicable in the district',
  alreadyInPlace: 'Annex B: Recommendations already in place',
  about: 'About this report',
} as const;

export function cspReportTitle(data: Pick<CspProgressData, 'reviewLabel' | 'district'>): string {
  return `${data.reviewLabel} recommendations: progress in ${data.district.name}`;
}

export interface CspCharts {
  byReview: ChartPicture;
  overTime: ChartPicture;
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Draw the report's two charts (each a step: resvg takes a moment). */
export async function drawCspCharts(data: CspProgressData, step: Step): Promise<CspCharts> {
  const series = data.statuses.map((s) => ({ label: s.label, colour: s.colour }));
  await step('Drawing the chart of status by review');
  const byReview = svgToPng(
    horizontalBarsSvg({
      categories: data.byReview.map((r) => ({ label: r.reviewReference, values: data.statuses.map((s) => r.counts[s.code]) })),
      series,
      mode: 'stacked',
      axisLabel: 'Recommendations applicable in the district',
    }),
  );
  await step('Drawing the chart of status over time');
  const overTime = svgToPng(
    columnsOverTimeSvg({
      columns: data.overTime.map((p) => {
        const [year, month, day] = p.date.split('-');
        const month3 = SHORT_MONTHS[Number(month) - 1]!;
        // Month ends are named by their month; the report's own day, when it is not a month end, by its date.
        return { label: monthEnd(p.date) === p.date ? `${month3} ${year}` : `${Number(day)} ${month3} ${year}`, values: data.statuses.map((s) => p.counts[s.code]) };
      }),
      series,
      axisLabel: 'Applicable recommendations',
    }),
  );
  return { byReview, overTime };
}

function countsInWords(data: CspProgressData, counts: Record<string, number>): string {
  const parts = data.statuses.filter((s) => counts[s.code]).map((s) => `${s.label} ${counts[s.code]}`);
  return parts.length ? parts.join(', ') : 'none';
}

function byReviewDescription(data: CspProgressData): string {
  if (!data.byReview.length) return `No recommendations applied in ${data.district.name} on ${longDate(data.asAt)}.`;
  return [
    `Horizontal stacked bar chart: for each of the ${plural(data.byReview.length, 'review')} with recommendations applicable in ${data.district.name}, how many are at each status as at ${longDate(data.asAt)}.`,
    ...data.byReview.map((r) => `${r.reviewReference}: ${plural(r.total, 'recommendation')} (${countsInWords(data, r.counts)}).`),
  ].join(' ');
}

function overTimeDescription(data: CspProgressData): string {
  const first = data.overTime[0]!;
  const last = data.overTime.at(-1)!;
  const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
  return [
    `Stacked column chart: the status of the recommendations applicable in ${data.district.name} at the end of each month from ${longDate(first.date)} to ${longDate(last.date)}, worked out from the progress updates dated up to each day.`,
    `At ${longDate(first.date)}: ${plural(total(first.counts), 'recommendation')} (${countsInWords(data, first.counts)}).`,
    `At ${longDate(last.date)}: ${plural(total(last.counts), 'recommendation')} (${countsInWords(data, last.counts)}).`,
  ].join(' ');
}

function reference(item: ApplicabilityAsAt): string {
  return `${item.reviewReference}\nRecommendation ${item.number}`;
}

function leadText(item: ApplicabilityAsAt): string {
  return [item.localLeadAgency ?? 'No lead agency recorded', item.officerName ? `Officer: ${item.officerName}` : ''].filter(Boolean).join('\n');
}

function targetText(item: ApplicabilityAsAt, asAt: string): string {
  return item.targetDate ? `${formatUkDate(item.targetDate)}\n${dueWords(item, asAt)}` : 'No target date';
}

function updateCell(item: ApplicabilityAsAt): Cell {
  const u = item.latestUpdate;
  if (!u) return { text: 'No update yet', colour: '595959' };
  return {
    lines: [
      { runs: [{ text: `${formatUkDate(u.asAtDate)}, ${cleanText(u.author)}`, bold: true, size: TABLE_SIZE }] },
      ...cleanText(u.note)
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => ({ before: 40, runs: [{ text: l, size: TABLE_SIZE }] })),
    ],
  };
}

function summaryBody(data: CspProgressData, key: ReturnType<typeof statusMap>): Array<Paragraph | Table> {
  const s = data.summary;
  const out: Array<Paragraph | Table> = [
    heading1(CSP_SECTIONS.summary, { pageBreakBefore: true }),
    para(
      `As at ${longDate(data.asAt)}, ${plural(s.applicable, 'recommendation')} from ${REVIEW_LABEL_WORDS[data.reviewLabel]}s ${s.applicable === 1 ? 'applies' : 'apply'} in ${data.district.name}, whichever district's review made ${s.applicable === 1 ? 'it' : 'them'}.`,
    ),
    bullet(`${plural(s.overdue, 'recommendation')} ${s.overdue === 1 ? 'is' : 'are'} overdue: past the local target date and not closed.`),
    bullet(`${s.dueSoon} ${s.dueSoon === 1 ? 'is' : 'are'} due within ${DUE_SOON_DAYS} days.`),
    bullet(`${plural(s.underConsideration, 'recommendation')} ${s.underConsideration === 1 ? 'is' : 'are'} still under consideration: the district has not yet decided whether ${s.underConsideration === 1 ? 'it applies' : 'they apply'}.`),
    bullet(`${s.notApplicable} ${s.notApplicable === 1 ? 'was' : 'were'} decided not applicable (Annex A) and ${s.alreadyInPlace} already in place (Annex B).`),
    heading2('Applicable recommendations by status'),
    dataTable({
      page: PORTRAIT_PAGE,
      shares: [28, 12, 60],
      header: ['Status', { text: 'Number', align: 'right' }, 'What it means'],
      rows: [
        ...data.statuses.map((st): Cell[] => [statusCell(key, st.code), { text: String(s.counts[st.code]), align: 'right' }, st.meaning]),
        [{ text: 'Total applicable', bold: true }, { text: String(s.applicable), align: 'right', bold: true }, ''],
      ],
    }),
    note('Each status is shown in words and in the colour the partnership has set for it, so the table reads the same printed in black and white.'),
  ];
  return out;
}

/** The chart's figures as a table: a column for each status any review has, so the columns have room for their words. */
function byReviewTable(data: CspProgressData, key: ReturnType<typeof statusMap>): Paragraph {
  const shown = data.statuses.filter((st) => data.byReview.some((r) => r.counts[st.code] > 0));
  const columns = shown.length ? shown : data.statuses.slice(0, 1);
  return dataTable({
    page: PORTRAIT_PAGE,
    size: 16,
    shares: [22, ...columns.map(() => 70 / columns.length), 8],
    header: ['Review', ...columns.map((st) => statusCell(key, st.code)), { text: 'Total', align: 'right' }],
    rows: data.byReview.map((r) => [r.reviewReference, ...columns.map((st): Cell => ({ text: String(r.counts[st.code]), align: 'right' })), { text: String(r.total), align: 'right', bold: true }]),
    empty: 'No recommendations applied in the district on this day.',
  });
}

function chartsBody(data: CspProgressData, charts: CspCharts, key: ReturnType<typeof statusMap>): Array<Paragraph | Table> {
  return [
    heading1(CSP_SECTIONS.charts, { pageBreakBefore: true }),
    heading2(CSP_SECTIONS.byReview),
    para(`How far each review's recommendations have got in ${data.district.name}, as at ${longDate(data.asAt)}. The table after the chart gives the same figures, leaving out statuses no recommendation has.`, { keepNext: true }),
    ...chartParagraphs(charts.byReview, {
      page: PORTRAIT_PAGE,
      title: `Status by review, ${data.district.name}, as at ${formatUkDate(data.asAt)}`,
      description: byReviewDescription(data),
      caption: `Figure 1: Status of applicable recommendations by review, ${data.district.name}, as at ${longDate(data.asAt)}`,
    }),
    byReviewTable(data, key),
    heading2(CSP_SECTIONS.overTime),
    para(
      `The status of the district's applicable recommendations at the end of each of the last 24 months${data.overTime.at(-1)!.date === data.asAt && data.overTime.length > 24 ? ', and on the day of this report' : ''}, worked out from the progress updates dated up to each day.`,
      { keepNext: true },
    ),
    ...chartParagraphs(charts.overTime, {
      page: PORTRAIT_PAGE,
      title: `Status over time, ${data.district.name}, to ${formatUkDate(data.asAt)}`,
      description: overTimeDescription(data),
      caption: `Figure 2: Status of applicable recommendations at each month end, ${data.district.name}, ${longDate(data.overTime[0]!.date)} to ${longDate(data.asAt)}`,
    }),
  ];
}

const ITEM_SHARES = [11, 30, 13, 10, 25, 11];
const ITEM_HEADER: Cell[] = ['Review and number', 'Recommendation', 'Local lead', 'Target date', 'Latest update', 'Status'];

function itemRow(item: ApplicabilityAsAt, data: CspProgressData, key: ReturnType<typeof statusMap>): Cell[] {
  return [
    reference(item),
    item.text,
    leadText(item),
    item.due === 'overdue' ? { text: targetText(item, data.asAt), bold: true } : targetText(item, data.asAt),
    updateCell(item),
    statusCell(key, item.status, item.statusReason ? `Reason: ${item.statusReason}` : undefined),
  ];
}

function itemsBody(data: CspProgressData, key: ReturnType<typeof statusMap>): Array<Paragraph | Table> {
  const overdue = data.items.filter((i) => i.due === 'overdue');
  return [
    heading1(CSP_SECTIONS.overdue),
    para(
      overdue.length
        ? `${plural(overdue.length, 'recommendation')} ${overdue.length === 1 ? 'was' : 'were'} past the local target date and not closed on ${longDate(data.asAt)}, longest overdue first.`
        : `No recommendation was overdue in ${data.district.name} on ${longDate(data.asAt)}.`,
    ),
    ...(overdue.length
      ? [
          dataTable({
            page: LANDSCAPE_PAGE,
            shares: ITEM_SHARES,
            header: ITEM_HEADER,
            rows: overdue.map((i) => itemRow(i, data, key)),
          }),
        ]
      : []),
    heading1(CSP_SECTIONS.all, { pageBreakBefore: overdue.length > 0 }),
    para(
      `Every recommendation applicable in ${data.district.name} on ${longDate(data.asAt)}, whichever review made it: overdue first, then those due within ${DUE_SOON_DAYS} days, not yet due, without a target date, and closed. The latest update is the latest dated on or before ${formatUkDate(data.asAt)}.`,
    ),
    dataTable({
      page: LANDSCAPE_PAGE,
      shares: ITEM_SHARES,
      header: ITEM_HEADER,
      rows: data.items.map((i) => itemRow(i, data, key)),
      empty: 'No recommendations applied in the district on this day.',
    }),
  ];
}

function annexBody(data: CspProgressData): Array<Paragraph | Table> {
  return [
    heading1(CSP_SECTIONS.notApplicable),
    para(`The recommendations ${data.district.name} decided do not apply in the district, with the reasons recorded.`),
    dataTable({
      page: PORTRAIT_PAGE,
      shares: [16, 44, 12, 28],
      header: ['Review and number', 'Recommendation', 'Decided', 'Reason'],
      rows: data.notApplicable.map((r) => [reference(r), r.text, ukDate(r.decidedDate) || 'Not recorded', r.reason ?? '']),
      empty: 'None: no recommendation has been decided not applicable in the district.',
    }),
    heading1(CSP_SECTIONS.alreadyInPlace, { pageBreakBefore: true }),
    para(`The recommendations ${data.district.name} found were already in place in the district, with the evidence recorded.`),
    dataTable({
      page: PORTRAIT_PAGE,
      shares: [16, 44, 12, 28],
      header: ['Review and number', 'Recommendation', 'Decided', 'Evidence'],
      rows: data.alreadyInPlace.map((r) => [reference(r), r.text, ukDate(r.decidedDate) || 'Not recorded', r.evidence ?? '']),
      empty: 'None: no recommendation has been recorded as already in place in the district.',
    }),
    heading1(CSP_SECTIONS.about),
    para(
      `This report was produced by DHR Tracker on ${longDate(data.today)} from the partnership's store. It is as at ${longDate(data.asAt)}: each status is the one given by the latest progress update dated on or before that day, target dates are compared with it, and a decision recorded after it is counted as still under consideration.`,
    ),
    para(`Recommendations come from every ${REVIEW_LABEL_WORDS[data.reviewLabel]} (${data.reviewLabel}) in the partnership, whichever district commissioned it: each is considered in every district. People are named by their pseudonyms only.`),
    para(`Status key: ${data.statuses.map((s) => `${s.label} (${s.colourName}): ${s.meaning}`).join('; ')}.`),
  ];
}

export async function cspProgressDocx(data: CspProgressData, charts: CspCharts): Promise<Buffer> {
  const key = statusMap(data.statuses);
  const title = cspReportTitle(data);
  const headerText = `${data.reviewLabel} progress report · ${data.district.name} · as at ${formatUkDate(data.asAt)}`;
  const cover: Array<Paragraph | Table | TableOfContents> = [
    ...coverPage({
      marking: data.protectiveMarking,
      partnershipName: data.partnershipName,
      title: `Progress on ${data.reviewLabel} recommendations`,
      subtitle: data.district.name,
      asAtWords: `As at ${longDate(data.asAt)}`,
      lines: [`A report for the ${data.district.name} Community Safety Partnership board`, `Produced on ${longDate(data.today)}`],
      reviewLabelWords: `${REVIEW_LABEL_WORDS[data.reviewLabel]}s (${data.reviewLabel}s): recommendations and their implementation`,
    }),
    ...contentsPage(),
  ];
  return packReport({
    title,
    subject: `${REVIEW_LABEL_WORDS[data.reviewLabel]} recommendations: progress report`,
    creator: cleanText(data.partnershipName),
    lastModifiedBy: cleanText(data.partnershipName),
    description: `Progress on ${data.reviewLabel} recommendations applicable in ${data.district.name}, as at ${formatUkDate(data.asAt)}. Produced by DHR Tracker on ${formatUkDate(data.today)}.`,
    keywords: [data.reviewLabel, data.district.name, 'progress report', data.protectiveMarking].filter(Boolean).join('; '),
    features: { updateFields: true },
    styles: reportStyles(),
    sections: [
      reportSection(PORTRAIT_PAGE, headerText, data.protectiveMarking, [...cover, ...summaryBody(data, key), ...chartsBody(data, charts, key)]),
      reportSection(LANDSCAPE_PAGE, headerText, data.protectiveMarking, itemsBody(data, key)),
      reportSection(PORTRAIT_PAGE, headerText, data.protectiveMarking, annexBody(data)),
    ],
  }, data.partnershipName);
}
