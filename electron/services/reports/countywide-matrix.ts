import { formatUkDate } from '../../../shared/domain/dates.ts';
import type { Paragraph, Table } from 'docx';
import type { ApplicabilityAsAt } from './as-at.ts';
import type { CountywideData } from './countywide-data.ts';
import { LANDSCAPE_PAGE, dataTable, heading2, longDate, note, para, plural, statusCell, type Cell, type statusMap } from './report-docx.ts';

// The countywide report's matrix: each district's decision and status on
// each recommendation from the reviews in the period.
//
// A county's report has tens or a few hundred recommendations and a handful
// of districts, and the matrix has a row per recommendation and a column per
// district. Two things make that table unreadable, and at national scale
// unwritable (12,000 rows × 40 districts needs more than Node's 4 GB heap
// to write):
// - too many districts for one landscape page: the columns are split into
//   tables of at most DISTRICTS_PER_TABLE districts each;
// - too many recommendations: beyond FULL_MATRIX_LIMIT the table has a row
//   per review instead, each cell counting that review's recommendations by
//   decision and status in the district. The row per recommendation stays
//   on the Countywide screen and in the analysts' spreadsheet.

/** The most recommendations the matrix shows a row each for (about 150 landscape pages). */
export const FULL_MATRIX_LIMIT = 1_500;
/** The most district columns one table has: each is then about 1.8 cm wide on landscape A4. */
export const DISTRICTS_PER_TABLE = 10;

export type MatrixForm = 'recommendations' | 'reviews';

/** Where the matrix changes form; tests lower them to see both forms on a small store. */
export interface MatrixLimits {
  fullMatrix: number;
  districtsPerTable: number;
}
export const MATRIX_LIMITS: MatrixLimits = { fullMatrix: FULL_MATRIX_LIMIT, districtsPerTable: DISTRICTS_PER_TABLE };

export function matrixForm(data: Pick<CountywideData, 'matrix'>, limits = MATRIX_LIMITS): MatrixForm {
  return data.matrix.length > limits.fullMatrix ? 'reviews' : 'recommendations';
}

/** The districts in groups of at most `size`, as evenly as possible: 23 districts make tables of 8, 8 and 7. */
export function districtGroups<T>(districts: readonly T[], size = DISTRICTS_PER_TABLE): T[][] {
  const tables = Math.max(1, Math.ceil(districts.length / size));
  const each = Math.ceil(districts.length / tables);
  const groups: T[][] = [];
  for (let i = 0; i < districts.length; i += each) groups.push(districts.slice(i, i + each));
  return groups.length ? groups : [[]];
}

/** How one review's recommendations stand in one district. */
export interface ReviewDistrictCounts {
  applicable: number;
  complete: number;
  notImplemented: number;
  overdue: number;
  underConsideration: number;
  notApplicable: number;
  alreadyInPlace: number;
}

export interface ReviewMatrixRow {
  reviewReference: string;
  recommendations: number;
  cells: ReviewDistrictCounts[];
}

const zeroCounts = (): ReviewDistrictCounts => ({ applicable: 0, complete: 0, notImplemented: 0, overdue: 0, underConsideration: 0, notApplicable: 0, alreadyInPlace: 0 });

/**
 * The matrix with a row per review: its rows are already in review order.
 * A district with no decision on a recommendation counts it as under
 * consideration, as the row-per-recommendation matrix shows it.
 */
export function reviewMatrix(matrix: CountywideData['matrix']): ReviewMatrixRow[] {
  const rows: ReviewMatrixRow[] = [];
  for (const { recommendation, cells } of matrix) {
    let row = rows.at(-1);
    if (row?.reviewReference !== recommendation.reviewReference) {
      row = { reviewReference: recommendation.reviewReference, recommendations: 0, cells: cells.map(zeroCounts) };
      rows.push(row);
    }
    row.recommendations++;
    cells.forEach((cell, i) => count(row.cells[i]!, cell));
  }
  return rows;
}

function count(counts: ReviewDistrictCounts, cell: ApplicabilityAsAt | null): void {
  if (!cell || cell.decision === 'under_consideration') counts.underConsideration++;
  else if (cell.decision === 'not_applicable') counts.notApplicable++;
  else if (cell.decision === 'already_in_place') counts.alreadyInPlace++;
  else {
    counts.applicable++;
    if (cell.status === 'complete' || cell.status === 'complete_late') counts.complete++;
    if (cell.status === 'not_implemented') counts.notImplemented++;
    if (cell.due === 'overdue') counts.overdue++;
  }
}

/** A review-by-district cell in words, a line for each count that is not nought. */
export function reviewCellLines(c: ReviewDistrictCounts): string[] {
  const lines = [
    c.applicable ? `Applies: ${c.applicable}` : '',
    c.complete ? `Complete: ${c.complete}` : '',
    c.notImplemented ? `Not implemented: ${c.notImplemented}` : '',
    c.overdue ? `Overdue: ${c.overdue}` : '',
    c.underConsideration ? `Under consideration: ${c.underConsideration}` : '',
    c.notApplicable ? `Not applicable: ${c.notApplicable}` : '',
    c.alreadyInPlace ? `Already in place: ${c.alreadyInPlace}` : '',
  ];
  return lines.filter(Boolean);
}

function recommendationCell(cell: ApplicabilityAsAt | null, key: ReturnType<typeof statusMap>): Cell {
  if (!cell || cell.decision === 'under_consideration') return { text: 'Under consideration', colour: '404040', size: 16 };
  if (cell.decision === 'not_applicable') return { text: 'Not applicable', fill: 'EDEDED', size: 16 };
  if (cell.decision === 'already_in_place') return { text: 'Already in place', fill: 'EDEDED', size: 16 };
  return statusCell(key, cell.status, cell.due === 'overdue' ? `Overdue: target ${formatUkDate(cell.targetDate!)}` : undefined);
}

function groupHeading(groups: number, index: number, group: readonly { name: string }[], first: number, total: number): Paragraph[] {
  if (groups === 1) return [];
  return [para(`Districts ${first + 1} to ${first + group.length} of ${total}: ${group.map((d) => d.name).join(', ')}`, { bold: true, keepNext: true, before: index ? 240 : 0 })];
}

/** "The matrix" (heading, the tables, the key), in whichever form fits. */
export function matrixTables(data: CountywideData, key: ReturnType<typeof statusMap>, shortText: (text: string) => string, limits = MATRIX_LIMITS): Array<Paragraph | Table> {
  const form = matrixForm(data, limits);
  const groups = districtGroups(data.districts, limits.districtsPerTable);
  const out: Array<Paragraph | Table> = [heading2('The matrix')];
  if (form === 'reviews') {
    out.push(
      para(
        `The reviews in the period made ${plural(data.matrix.length, 'recommendation')}: more than a table with a row for each can usefully show (${limits.fullMatrix.toLocaleString('en-GB')} at most). So the table has a row for each review instead, and each cell counts that review's recommendations in the district, as at ${longDate(data.asAt)}: how many apply there, how many of those are complete, not implemented or overdue, and how many the district is still considering, found not applicable or already has in place. The Countywide screen and the spreadsheet for analysts have a row for each recommendation.`,
        { keepNext: true },
      ),
    );
  }
  if (groups.length > 1) {
    out.push(para(`There are ${data.districts.length} districts, so the table is in ${groups.length} parts of up to ${limits.districtsPerTable} districts each.`, { keepNext: true }));
  }
  const reviewRows = form === 'reviews' ? reviewMatrix(data.matrix) : [];
  let first = 0;
  groups.forEach((group, index) => {
    const columns = group.map((d) => data.districts.indexOf(d));
    const shares = [form === 'reviews' ? 16 : 30, ...group.map(() => (form === 'reviews' ? 84 : 70) / Math.max(1, group.length))];
    out.push(...groupHeading(groups.length, index, group, first, data.districts.length));
    out.push(
      form === 'reviews'
        ? dataTable({
            page: LANDSCAPE_PAGE,
            size: 16,
            shares,
            header: ['Review', ...group.map((d) => d.name)],
            rows: reviewRows.map((row) => [
              { text: `${row.reviewReference}\n${plural(row.recommendations, 'recommendation')}`, size: 16 },
              ...columns.map((c): Cell => ({ text: reviewCellLines(row.cells[c]!).join('\n'), size: 16, bold: row.cells[c]!.overdue > 0 })),
            ]),
            empty: 'The reviews in the period made no recommendations.',
          })
        : dataTable({
            page: LANDSCAPE_PAGE,
            size: 16,
            shares,
            header: ['Recommendation', ...group.map((d) => d.name)],
            rows: data.matrix.map((row) => [
              { text: `${row.recommendation.reviewReference} / ${row.recommendation.number}\n${shortText(row.recommendation.text)}`, size: 16 },
              ...columns.map((c) => recommendationCell(row.cells[c] ?? null, key)),
            ]),
            empty: 'The reviews in the period made no recommendations.',
          }),
    );
    first += group.length;
  });
  out.push(
    form === 'reviews'
      ? note(`A cell in bold has overdue recommendations. "Overdue" means past the district's target date and not closed; "Complete" counts complete and complete (late).`)
      : note(`Key: ${data.statuses.map((s) => `${s.label} (${s.colourName}): ${s.meaning}`).join('; ')}. Long recommendations are shortened here; the review's action plan has them in full.`),
  );
  return out;
}
