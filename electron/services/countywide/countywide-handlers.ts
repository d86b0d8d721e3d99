import { todayOf } from '../../../shared/domain/clock.ts';
import { dueState } from '../../../shared/domain/implementation-status.ts';
import type { Status } from '../../../shared/domain/vocabulary.ts';
import type { Matrix, RecommendationRef } from '../../../shared/ipc/progress-schemas.ts';
import type { PartialHandlers } from '../ipc/dispatcher.ts';
import { RECOMMENDATION_REFS_ORDERED } from '../progress/progress-queries.ts';
import type { Session } from '../session/session.ts';
import type { Db } from '../store/sqlite.ts';
import { countMatrixRows, OVERDUE_SET, STATUS_SET, type MatrixFilters } from './matrix-total.ts';

// The countywide matrix: every live recommendation against every current
// district, with each district's decision, status and due state. Two
// queries whatever the size: one for the rows, one for all their cells; and
// for a full page, one more counting from indexes how many rows match.

type MatrixCell = Matrix['rows'][number]['cells'][number];

/** Filters that pick recommendations by where they came from; status and overdue are read from the cells. */
function sourceFilter(query: MatrixFilters): { where: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (query.reviewId) {
    clauses.push('ref.reviewId = @reviewId');
    params.reviewId = query.reviewId;
  }
  if (query.themeId) {
    clauses.push('EXISTS (SELECT 1 FROM recommendation_themes rt WHERE rt.recommendation_id = ref.id AND rt.theme_id = @themeId)');
    params.themeId = query.themeId;
  }
  return { where: clauses.length ? clauses.join(' AND ') : '1', params };
}

/** A district that has no decision recorded yet counts as still considering the recommendation. */
const undecided = (districtId: string): MatrixCell => ({ applicabilityId: null, districtId, decision: 'under_consideration', status: null, due: 'closed', targetDate: null });

/**
 * The status and overdue filters as SQL on ref, so a page holds only
 * matching rows: the same tests the cells get below.
 */
function cellFilter(query: MatrixFilters, today: string): { where: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  // Each is a set of recommendations read off an index once: for a status, each current district's
  // applicable decisions (applicability_district); for overdue, the open ones past their target date
  // (applicability_open_due).
  if (query.status) {
    clauses.push(`ref.id IN (${STATUS_SET})`);
    params.status = query.status;
  }
  if (query.overdueOnly) {
    clauses.push(`ref.id IN (${OVERDUE_SET})`);
    params.today = today;
  }
  return { where: clauses.join(' AND '), params };
}

/** A page of the matrix: `limit` rows from `offset`, counted after the filters. */
export interface MatrixPage {
  limit?: number;
  offset?: number;
}

/**
 * The matrix, or one page of it. Without a page, every matching row. The
 * total is how many rows match the filters, whatever the page.
 */
export function countywideMatrix(db: Db, query: MatrixFilters, today: string, page: MatrixPage = {}): Matrix {
  const districts = db.prepare('SELECT id, name FROM districts WHERE retired_at IS NULL ORDER BY sort_order, name').all() as Matrix['districts'];
  const source = sourceFilter(query);
  const paged = page.limit !== undefined || page.offset !== undefined;
  const extra = paged ? cellFilter(query, today) : { where: '', params: {} };
  const where = extra.where ? `${source.where} AND ${extra.where}` : source.where;
  const params = { ...source.params, ...extra.params };
  // In review order: by reference (unique, ignoring case), then number within the review, which is
  // (position, rowid) order; sorting by those keys lets a page come straight off the indexes.
  const refs = (
    db
      .prepare(
        `SELECT * FROM (${RECOMMENDATION_REFS_ORDERED}) ref WHERE ${where} ORDER BY ref.reviewReference COLLATE NOCASE, ref.position, ref.rid` +
          (paged ? ' LIMIT @limit OFFSET @offset' : ''),
      )
      .all(paged ? { ...params, limit: page.limit ?? -1, offset: page.offset ?? 0 } : params) as Array<RecommendationRef & { position?: number; rid?: number }>
  ).map(({ position: _position, rid: _rid, ...ref }) => ref as RecommendationRef);

  // All the cells of all those rows at once, reading only what a cell shows: every decision when the
  // whole matrix is asked for (cells of recommendations not in it are never looked up), else those rows'.
  const column = new Map(districts.map((d, i) => [d.id, i]));
  const everyRow = !paged && !query.reviewId && !query.themeId;
  const decisions = db
    .prepare(
      `SELECT a.id, a.recommendation_id AS recommendationId, a.district_id AS districtId, a.decision, a.status, a.target_date AS targetDate
         FROM applicability a ${everyRow ? '' : 'WHERE a.recommendation_id IN (SELECT value FROM json_each(@ids))'}`,
    )
    .all(everyRow ? {} : { ids: JSON.stringify(refs.map((r) => r.id)) }) as Array<{
    id: string;
    recommendationId: string;
    districtId: string;
    decision: MatrixCell['decision'];
    status: Status | null;
    targetDate: string | null;
  }>;
  const cells = new Map<string, Array<MatrixCell | undefined>>();
  for (const a of decisions) {
    const col = column.get(a.districtId);
    if (col === undefined) continue; // a retired district has no column
    const applicable = a.decision === 'applicable';
    let row = cells.get(a.recommendationId);
    if (!row) cells.set(a.recommendationId, (row = []));
    row[col] = {
      applicabilityId: a.id,
      districtId: a.districtId,
      decision: a.decision,
      // Only an applicable district is implementing the recommendation, so only it has a status.
      status: applicable ? (a.status ?? 'not_started') : null,
      due: applicable ? dueState(a.targetDate, a.status ?? 'not_started', today) : 'closed',
      targetDate: a.targetDate,
    };
  }

  const matrixRows = refs
    .map((recommendation) => ({
      recommendation,
      cells: districts.map((d, i) => cells.get(recommendation.id)?.[i] ?? undecided(d.id)),
    }))
    .filter(({ cells: row }) => (!query.status || row.some((c) => c.decision === 'applicable' && c.status === query.status)) && (!query.overdueOnly || row.some((c) => c.due === 'overdue')));
  return { asAt: today, districts, rows: matrixRows, total: paged ? pageTotal(db, query, today, page, refs.length) : matrixRows.length };
}

/**
 * How many rows match, for a page that returned `returned` rows. A page that
 * is not full, and not past the end, holds the last matching row, so the
 * total is known without counting: only a full page (or one past the end)
 * needs the count.
 */
function pageTotal(db: Db, query: MatrixFilters, today: string, page: MatrixPage, returned: number): number {
  const offset = page.offset ?? 0;
  const full = page.limit !== undefined && returned >= page.limit;
  if (!full && (returned > 0 || offset === 0)) return offset + returned;
  return countMatrixRows(db, query, today);
}

export function countywideHandlers(session: Session): PartialHandlers<'countywide.matrix'> {
  return {
    // Without limit and offset, the whole matrix (as before paging); with either, that page of it.
    'countywide.matrix': ({ limit, offset, ...filters }) => countywideMatrix(session.requireStore().db, filters, todayOf(session.clock), { limit, offset }),
  };
}
