import { CLOSED_STATUSES } from '../../../shared/domain/vocabulary.ts';
import type { ParsedInput } from '../../../shared/ipc/contract.ts';
import { DEAD_RECOMMENDATION_IDS } from '../progress/progress-queries.ts';
import type { Db } from '../store/sqlite.ts';

// How many rows of the countywide matrix match its filters, for a page's
// `total`. Counted from indexes alone, so the total costs about what a page
// does even at national scale: reading every matching recommendation's row
// (30,000 of them) to learn its id would cost far more than the page itself.

/** The matrix's filters: a page's limit and offset do not change which rows match. */
export type MatrixFilters = Omit<ParsedInput<'countywide.matrix'>, 'limit' | 'offset'>;

const closed = CLOSED_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * Recommendations applicable with @status in at least one current district,
 * read off applicability_district, district by district.
 */
export const STATUS_SET = `SELECT a.recommendation_id AS id FROM districts d CROSS JOIN applicability a ON a.district_id = d.id
  WHERE d.retired_at IS NULL AND a.decision = 'applicable' AND coalesce(a.status, 'not_started') = @status`;

/** Recommendations overdue (open, applicable, past target) in at least one current district, read off applicability_open_due. */
export const OVERDUE_SET = `SELECT a.recommendation_id AS id FROM applicability a JOIN districts d ON d.id = a.district_id AND d.retired_at IS NULL
  WHERE a.decision = 'applicable' AND a.target_date < @today AND coalesce(a.status, 'not_started') NOT IN (${closed})`;

/** Recommendations tagged with @themeId (recommendation_themes_theme holds the recommendation too: the table has no rowid). */
const THEME_SET = 'SELECT recommendation_id AS id FROM recommendation_themes WHERE theme_id = @themeId';

/** A review's recommendations: a few dozen at most, found by recommendations_review. */
const REVIEW_SET = 'SELECT id FROM recommendations WHERE review_id = @reviewId';

/** Every live recommendation in a live review: the reviews, then each one's range of recommendations_live, index only. */
const COUNT_LIVE = `SELECT count(*) FROM reviews v CROSS JOIN recommendations r ON r.review_id = v.id
  WHERE v.deleted_at IS NULL AND r.deleted_at IS NULL`;

/**
 * The number of live recommendations matching the filters. With no filter,
 * the live recommendations counted off recommendations_live. With filters,
 * the most selective filter's set of ids (each read off an index), kept to
 * those in every other filter's set, less the few deleted recommendations
 * and those of deleted reviews: every id in these sets is a recommendation,
 * so what is left is the live ones, without reading a recommendation's row.
 */
export function countMatrixRows(db: Db, query: MatrixFilters, today: string): number {
  const sets: string[] = [];
  const params: Record<string, unknown> = {};
  // Most selective first: the first set is walked, the others are looked up in.
  if (query.reviewId) {
    sets.push(REVIEW_SET);
    params.reviewId = query.reviewId;
  }
  if (query.themeId) {
    sets.push(THEME_SET);
    params.themeId = query.themeId;
  }
  if (query.overdueOnly) {
    sets.push(OVERDUE_SET);
    params.today = today;
  }
  if (query.status) {
    sets.push(STATUS_SET);
    params.status = query.status;
  }
  const [first, ...rest] = sets;
  if (!first) return db.prepare(COUNT_LIVE).pluck().get() as number;
  const sql = `SELECT count(DISTINCT s.id) FROM (${first}) s
    WHERE s.id NOT IN (${DEAD_RECOMMENDATION_IDS})${rest.map((set) => ` AND s.id IN (${set})`).join('')}`;
  return db.prepare(sql).pluck().get(params) as number;
}
