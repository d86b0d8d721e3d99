import { type Paragraph, type Table, type TableOfContents } from 'docx';
import { formatUkDate } from '../../../shared/domain/dates.ts';
import { DUE_SOON_DAYS } from '../../../shared/domain/implementation-status.ts';
import { REVIEW_LABEL_WORDS, cleanText, ukDate } from '../exports/docx-common.ts';
import { dueWords } from './as-at.ts';
import { horizontalBarsSvg, svgToPng, type ChartPicture } from './charts.ts';
import type { CountywideData } from './countywide-data.ts';
import { MATRIX_LIMITS, matrixForm, matrixTables, type MatrixLimits } from './countywide-matrix.ts';
import {
  LANDSCAPE_PAGE,
  PORTRAIT_PAGE,
  bullet,
  chartParagraphs,
  contentsPage,
  coverPage,
  dataTable,
  heading1,
  heading2,
  heading3,
  longDate,
  note,
  para,
  plural,
  reportSection,
  reportStyles,
  statusMap,
  type Cell,
} from './report-docx.ts';
import type { Step } from './report-common.ts';
import { packReport } from './report-pack.ts';

// The countywide learning report for a period, for the countywide DHR
// group: the reviews in the period with their stage and how long they have
// taken, the themes across them, recommendations made again and again, the
// applicability and implementation matrix across districts (landscape),
// overdue recommendations by district, and recommendations made to national
// bodies with whether each was told and acknowledged them.

export const COUNTYWIDE_SECTIONS = {
  summary: 'Summary',
  reviews: 'Reviews in the period',
  themes: 'Themes across reviews',
  recurring: 'Recurring recommendations',
  matrix: 'Applicability and implementation across districts',
  overdue: 'Overdue recommendations by district',
  national: 'Recommendations to national bodies',
  about: 'About this report',
} as const;

export function countywideReportTitle(data: Pick<CountywideData, 'reviewLabel' | 'from' | 'to'>): string {
  return `Countywide learning from ${data.reviewLabel}s, ${formatUkDate(data.from)} to ${formatUkDate(data.to)}`;
}

export interface CountywideCharts {
  themes: ChartPicture;
  districts: ChartPicture;
}

/** The most themes the chart shows; the table lists them all. */
export const THEME_CHART_LIMIT = 15;
const THEME_SERIES = [
  { label: 'Reviews', colour: '#2f5597' },
  { label: 'Recommendations', colour: '#c55a11' },
];

export async function drawCountywideCharts(data: CountywideData, step: Step): Promise<CountywideCharts> {
  await step('Drawing the chart of themes');
  const themes = svgToPng(
    horizontalBarsSvg({
      categories: data.themes.slice(0, THEME_CHART_LIMIT).map((t) => ({ label: t.name, values: [t.reviews, t.recommendations] })),
      series: THEME_SERIES,
      mode: 'grouped',
      axisLabel: 'Reviews and recommendations with the theme',
    }),
  );
  await step('Drawing the chart of status by district');
  const districts = svgToPng(
    horizontalBarsSvg({
      categories: data.districts.map((d) => ({ label: d.name, values: data.statuses.map((s) => d.summary.counts[s.code]) })),
      series: data.statuses.map((s) => ({ label: s.label, colour: s.colour })),
      mode: 'stacked',
      axisLabel: 'Applicable recommendations',
    }),
  );
  return { themes, districts };
}

/** "45 days", "7 months", "2 years 3 months" */
export function durationWords(days: number | null): string {
  if (days === null) return 'Not known';
  if (days < 62) return plural(days, 'day');
  const months = Math.floor(days / 30.4375);
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (!years) return plural(months, 'month');
  return rest ? `${plural(years, 'year')} ${plural(rest, 'month')}` : plural(years, 'year');
}

/** A recommendation's words, cut at a word boundary when long (the matrix is an overview). */
export function shortText(text: string, max = 220): string {
  const clean = cleanText(text).replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 30)).replace(/[\s,;:.]+$/, '')}…`;
}

function countsInWords(data: CountywideData, counts: Record<string, number>): string {
  const parts = data.statuses.filter((s) => counts[s.code]).map((s) => `${s.label} ${counts[s.code]}`);
  return parts.length ? parts.join(', ') : 'none';
}

function summaryBody(data: CountywideData): Array<Paragraph | Table> {
  const notified = data.reviews.filter((r) => r.notifiedInPeriod).length;
  const overdue = data.overdue.length;
  const acknowledged = data.national.filter((n) => n.acknowledgedDate).length;
  const told = data.national.filter((n) => n.notifiedDate).length;
  const topThemes = data.themes.slice(0, 3).map((t) => `${t.name} (${plural(t.reviews, 'review')})`);
  return [
    heading1(COUNTYWIDE_SECTIONS.summary, { pageBreakBefore: true }),
    para(
      `This report covers ${longDate(data.from)} to ${longDate(data.to)}. Its figures are as at ${longDate(data.asAt)}${data.asAt < data.to ? ' (today: the period has not ended yet)' : ', the end of the period'}.`,
    ),
    bullet(`${plural(data.reviews.length, 'review')} ${data.reviews.length === 1 ? 'was' : 'were'} notified or open in the period: ${notified} notified in it, ${data.reviews.length - notified} notified before it and still open when it began.`),
    bullet(`${plural(data.totals.recommendations, 'recommendation')} came from those reviews. Across the districts, ${plural(overdue, 'decision')} to implement one ${overdue === 1 ? 'is' : 'are'} overdue.`),
    bullet(topThemes.length ? `The most common themes: ${topThemes.join('; ')}.` : 'No themes were recorded for these reviews.'),
    bullet(
      data.recurring.length
        ? `${plural(data.recurring.length, 'group')} of recommendations ${data.recurring.length === 1 ? 'repeats' : 'repeat'} what other reviews recommended.`
        : 'No recommendation repeats what another review recommended.',
    ),
    bullet(
      data.national.length
        ? `${plural(data.national.length, 'recommendation')} ${data.national.length === 1 ? 'was' : 'were'} addressed to national bodies: ${told} ${told === 1 ? 'was' : 'were'} sent to the body, and ${acknowledged} acknowledged.`
        : 'No recommendation was addressed to a national body.',
    ),
  ];
}

function reviewsBody(data: CountywideData): Array<Paragraph | Table> {
  return [
    heading1(COUNTYWIDE_SECTIONS.reviews),
    para(
      `Each review notified in the period, or notified before it and still open when it began, with the stage it had reached on ${longDate(data.asAt)} and how long it has taken since notification (to its closure, when closed).`,
    ),
    dataTable({
      page: PORTRAIT_PAGE,
      shares: [17, 15, 11, 27, 11, 19],
      header: ['Review', 'District', 'Notified', 'Stage', { text: 'Days in stage', align: 'right' }, 'Time since notification'],
      rows: data.reviews.map((r) => [
        `${r.reference}\n${r.victimPseudonym}`,
        r.districtName,
        ukDate(r.notificationDate) || 'Not recorded',
        r.stageLabel,
        { text: r.daysInStage === null ? '' : String(r.daysInStage), align: 'right' },
        `${durationWords(r.durationDays)}${r.closed ? ' (closed)' : ''}`,
      ]),
      empty: 'No review was notified or open in the period.',
    }),
    note(`Victims are named by the pseudonyms their reviews gave them. Guidance expects a review to be completed within about six months.`),
  ];
}

function themesBody(data: CountywideData, charts: CountywideCharts): Array<Paragraph | Table> {
  const shown = data.themes.slice(0, THEME_CHART_LIMIT);
  return [
    heading1(COUNTYWIDE_SECTIONS.themes),
    para(`The themes recorded for the reviews in the period, and for their recommendations: how many reviews and recommendations have each theme. Themes are counted once per review and once per recommendation.`, { keepNext: true }),
    ...chartParagraphs(charts.themes, {
      page: PORTRAIT_PAGE,
      title: `Themes across ${data.reviewLabel}s, ${formatUkDate(data.from)} to ${formatUkDate(data.to)}`,
      description: shown.length
        ? `Horizontal bar chart of the ${shown.length} most common themes, with two bars each: the number of reviews and the number of recommendations with the theme. ${shown.map((t) => `${t.name}: ${plural(t.reviews, 'review')}, ${plural(t.recommendations, 'recommendation')}.`).join(' ')}`
        : 'No themes were recorded for the reviews in the period.',
      caption: `Figure 1: The ${shown.length === data.themes.length ? '' : `${shown.length} `}most common themes across the reviews in the period`,
    }),
    dataTable({
      page: PORTRAIT_PAGE,
      shares: [40, 26, 14, 20],
      header: ['Theme', 'Kind of theme', { text: 'Reviews', align: 'right' }, { text: 'Recommendations', align: 'right' }],
      rows: data.themes.map((t) => [t.name, t.category, { text: String(t.reviews), align: 'right' }, { text: String(t.recommendations), align: 'right' }]),
      empty: 'No themes were recorded for these reviews.',
    }),
  ];
}

function recurringBody(data: CountywideData): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [
    heading1(COUNTYWIDE_SECTIONS.recurring, { pageBreakBefore: true }),
    para(
      data.recurring.length
        ? `Recommendations that say much the same as one made by another review, grouped: the same learning, made again and again. Each group includes at least one review in the period; the other reviews may be from any year. Implementation is as recorded now.`
        : 'No recommendation from the reviews in the period repeats what another review recommended.',
    ),
  ];
  data.recurring.forEach((group, i) => {
    const years = group.firstYear && group.lastYear ? (group.firstYear === group.lastYear ? `in ${group.firstYear}` : `from ${group.firstYear} to ${group.lastYear}`) : '';
    out.push(
      heading3(`Group ${i + 1}: made by ${plural(group.reviews, 'review')}${years ? ` ${years}` : ''}`),
      para(`Districts: ${group.districts.join(', ')}.`, { keepNext: true, after: 80 }),
      dataTable({
        page: PORTRAIT_PAGE,
        shares: [18, 8, 15, 41, 18],
        header: ['Review and number', 'Year', 'District', 'Recommendation', 'Implementation'],
        rows: group.members.map((m) => [`${m.reviewReference}\nRecommendation ${m.number}`, m.year ? String(m.year) : '', m.districtName, m.text, m.implementation.label]),
      }),
    );
  });
  return out;
}

function matrixBody(data: CountywideData, charts: CountywideCharts, key: ReturnType<typeof statusMap>, limits: MatrixLimits): Array<Paragraph | Table> {
  const statusTotals = data.statuses.map((s) => data.totals.statusCounts[s.code]);
  return [
    heading1(COUNTYWIDE_SECTIONS.matrix),
    para(
      matrixForm(data, limits) === 'recommendations'
        ? `Every recommendation from the reviews in the period is considered in every district. The table shows each district's decision and, where the recommendation applies, its status as at ${longDate(data.asAt)}, in words and colour. "Overdue" means past the district's target date and not closed.`
        : `Every recommendation from the reviews in the period is considered in every district. The chart shows where the districts stand as at ${longDate(data.asAt)}; the table below it, review by review.`,
      { keepNext: true },
    ),
    ...chartParagraphs(charts.districts, {
      page: LANDSCAPE_PAGE,
      title: `Status by district, as at ${formatUkDate(data.asAt)}`,
      description: [
        `Horizontal stacked bar chart: for each district, how many of the recommendations from the reviews in the period apply there, by status, as at ${longDate(data.asAt)}.`,
        ...data.districts.map((d) => `${d.name}: ${plural(d.summary.applicable, 'applicable recommendation')} (${countsInWords(data, d.summary.counts)}).`),
      ].join(' '),
      caption: `Figure 2: Status of the applicable recommendations by district, as at ${longDate(data.asAt)} (all districts: ${statusTotals.reduce((a, b) => a + b, 0)})`,
    }),
    ...matrixTables(data, key, (text) => shortText(text), limits),
  ];
}

function overdueBody(data: CountywideData): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [
    heading1(COUNTYWIDE_SECTIONS.overdue),
    para(`For each district: how many of the recommendations from the reviews in the period apply there, how many of those are overdue or due within ${DUE_SOON_DAYS} days, and how many it has still to decide on, as at ${longDate(data.asAt)}.`),
    dataTable({
      page: PORTRAIT_PAGE,
      shares: [32, 17, 17, 17, 17],
      header: ['District', { text: 'Applicable', align: 'right' }, { text: 'Overdue', align: 'right' }, { text: `Due within ${DUE_SOON_DAYS} days`, align: 'right' }, { text: 'Under consideration', align: 'right' }],
      rows: [
        ...data.districts.map((d): Cell[] => [
          d.name,
          { text: String(d.summary.applicable), align: 'right' },
          { text: String(d.summary.overdue), align: 'right', bold: d.summary.overdue > 0 },
          { text: String(d.summary.dueSoon), align: 'right' },
          { text: String(d.summary.underConsideration), align: 'right' },
        ]),
        [
          { text: 'All districts', bold: true },
          { text: String(data.districts.reduce((n, d) => n + d.summary.applicable, 0)), align: 'right', bold: true },
          { text: String(data.districts.reduce((n, d) => n + d.summary.overdue, 0)), align: 'right', bold: true },
          { text: String(data.districts.reduce((n, d) => n + d.summary.dueSoon, 0)), align: 'right', bold: true },
          { text: String(data.districts.reduce((n, d) => n + d.summary.underConsideration, 0)), align: 'right', bold: true },
        ],
      ],
    }),
  ];
  for (const district of data.districts) {
    const items = data.overdue.filter((o) => o.districtId === district.id);
    out.push(heading2(district.name));
    if (!items.length) {
      out.push(para(`Nothing overdue in ${district.name}.`));
      continue;
    }
    out.push(
      dataTable({
        page: PORTRAIT_PAGE,
        shares: [18, 40, 18, 24],
        header: ['Review and number', 'Recommendation', 'Local lead', 'Target date'],
        rows: items.map((o) => [`${o.reviewReference}\nRecommendation ${o.number}`, shortText(o.text, 300), o.localLeadAgency ?? 'Not recorded', `${formatUkDate(o.targetDate!)}\n${dueWords(o, data.asAt)}`]),
      }),
    );
  }
  return out;
}

function nationalBody(data: CountywideData): Array<Paragraph | Table> {
  const acknowledged = data.national.filter((n) => n.acknowledgedDate).length;
  const told = data.national.filter((n) => n.notifiedDate).length;
  return [
    heading1(COUNTYWIDE_SECTIONS.national, { pageBreakBefore: true }),
    para(
      data.national.length
        ? `Recommendations from the reviews in the period addressed to a national body (a government department, the Home Office or another national organisation), and whether the body was sent the recommendation and acknowledged it, as at ${longDate(data.asAt)}. Of ${plural(data.national.length, 'addressee')}, ${told} ${told === 1 ? 'was' : 'were'} told and ${acknowledged} acknowledged.`
        : 'No recommendation from the reviews in the period was addressed to a national body.',
    ),
    ...(data.national.length
      ? [
          dataTable({
            page: PORTRAIT_PAGE,
            shares: [15, 37, 17, 14, 17],
            header: ['Review and number', 'Recommendation', 'Addressed to', 'Sent to the body', 'Acknowledged'],
            rows: data.national.map((n) => [
              `${n.reviewReference}\nRecommendation ${n.number}`,
              n.text,
              n.body,
              n.notifiedDate ? formatUkDate(n.notifiedDate) : { text: 'Not yet sent', bold: true },
              n.acknowledgedDate ? formatUkDate(n.acknowledgedDate) : n.notifiedDate ? { text: 'Not acknowledged', bold: true } : 'No (not sent)',
            ]),
          }),
        ]
      : []),
    note('The Domestic Abuse Commissioner found that most government departments did not know a recommendation had been made to them (Learning from Loss, 2025).'),
  ];
}

function aboutBody(data: CountywideData): Paragraph[] {
  return [
    heading1(COUNTYWIDE_SECTIONS.about),
    para(
      `This report was produced by DHR Tracker on ${longDate(data.today)} from the partnership's store, for ${longDate(data.from)} to ${longDate(data.to)}. Stages, decisions and statuses are as at ${longDate(data.asAt)}: each status is the one given by the latest progress update dated on or before that day, and a decision recorded after it is counted as still under consideration.`,
    ),
    para(`It covers every ${REVIEW_LABEL_WORDS[data.reviewLabel]} (${data.reviewLabel}) of the partnership notified in the period or open when it began. People are named by their pseudonyms only.`),
  ];
}

export async function countywideDocx(data: CountywideData, charts: CountywideCharts, limits = MATRIX_LIMITS): Promise<Buffer> {
  const key = statusMap(data.statuses);
  const title = countywideReportTitle(data);
  const headerText = `${data.reviewLabel} countywide learning report · ${formatUkDate(data.from)} to ${formatUkDate(data.to)}`;
  const cover: Array<Paragraph | Table | TableOfContents> = [
    ...coverPage({
      marking: data.protectiveMarking,
      partnershipName: data.partnershipName,
      title: `Countywide learning from ${data.reviewLabel}s`,
      subtitle: `${longDate(data.from)} to ${longDate(data.to)}`,
      asAtWords: `As at ${longDate(data.asAt)}`,
      lines: [`A report for the countywide ${data.reviewLabel} group`, `Produced on ${longDate(data.today)}`],
      reviewLabelWords: `${REVIEW_LABEL_WORDS[data.reviewLabel]}s (${data.reviewLabel}s): themes, recurring recommendations and implementation across the districts`,
    }),
    ...contentsPage(),
  ];
  return packReport({
    title,
    subject: `${REVIEW_LABEL_WORDS[data.reviewLabel]}s: countywide learning report`,
    creator: cleanText(data.partnershipName),
    lastModifiedBy: cleanText(data.partnershipName),
    description: `Countywide learning from ${data.reviewLabel}s notified or open from ${formatUkDate(data.from)} to ${formatUkDate(data.to)}. Produced by DHR Tracker on ${formatUkDate(data.today)}.`,
    keywords: [data.reviewLabel, 'countywide learning report', data.protectiveMarking].filter(Boolean).join('; '),
    features: { updateFields: true },
    styles: reportStyles(),
    sections: [
      reportSection(PORTRAIT_PAGE, headerText, data.protectiveMarking, [...cover, ...summaryBody(data), ...reviewsBody(data), ...themesBody(data, charts), ...recurringBody(data)]),
      reportSection(LANDSCAPE_PAGE, headerText, data.protectiveMarking, matrixBody(data, charts, key, limits)),
      reportSection(PORTRAIT_PAGE, headerText, data.protectiveMarking, [...overdueBody(data), ...nationalBody(data), ...aboutBody(data)]),
    ],
  }, data.partnershipName);
}
