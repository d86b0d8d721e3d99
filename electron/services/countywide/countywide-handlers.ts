import { ukToday } from '../../../shared/domain/dates.ts';
import type { ParsedInput } from '../../../shared/ipc/contract.ts';
import type { Matrix, RecommendationRef } from '../../../shared/ipc/progress-schemas.ts';
import type { PartialHandlers } from '../ipc/dispatcher.ts';
import { applicabilityRows, RECOMMENDATION_REFS } from '../progress/progress-queries.ts';
import type { Session } from '../session/session.ts';
import type { Db } from '../store/sqlite.ts';

// The countywide matrix: every live recommendation against every current
// district, with each district's decision, status and due state. Two
// queries whatever the size: one for the rows, one for all their cells.

type MatrixCell = Matrix['rows'][number]['cells'][number];
type MatrixQuery = ParsedInput<'countywide.matrix'>;

/** Filters that pick recommendations by where they came from; status and overdue are read from the cells. */
function sourceFilter(query: MatrixQuery): { where: string; params: Record<string, unknown> } {
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

export function countywideMatrix(db: Db, query: MatrixQuery, today: string = ukToday()): Matrix {
  const districts = db.prepare('SELECT id, name FROM districts WHERE retired_at IS NULL ORDER BY sort_order, name').all() as Matrix['districts'];
  const { where, params } = sourceFilter(query);
  const refs = db
    .prepare(`SELECT * FROM (${RECOMMENDATION_REFS}) ref WHERE ${where} ORDER BY ref.reviewReference COLLATE NOCASE, ref.reviewReference, ref.number`)
    .all(params) as RecommendationRef[];

  // All the cells of all those rows at once: the same filter, as a subquery.
  const cells = new Map<string, MatrixCell>();
  const rows = applicabilityRows(db, `d.retired_at IS NULL AND a.recommendation_id IN (SELECT ref.id FROM (${RECOMMENDATION_REFS}) ref WHERE ${where})`, params, today);
  for (const a of rows) {
    const applicable = a.decision === 'applicable';
    cells.set(`${a.recommendationId} ${a.districtId}`, {
      applicabilityId: a.id,
      districtId: a.districtId,
      decision: a.decision,
      // Only an applicable district is implementing the recommendation, so only it has a status.
      status: applicable ? (a.status ?? 'not_started') : null,
      due: a.due,
      targetDate: a.targetDate,
    });
  }

  const matrixRows = refs
    .map((recommendation) => ({
      recommendation,
      cells: districts.map((d) => cells.get(`${recommendation.id} ${d.id}`) ?? undecided(d.id)),
    }))
    .filter(({ cells: row }) => (!query.status || row.some((c) => c.decision === 'applicable' && c.status === query.status)) && (!query.overdueOnly || row.some((c) => c.due === 'overdue')));
  return { asAt: today, districts, rows: matrixRows };
}

export function countywideHandlers(session: Session): PartialHandlers<'countywide.matrix'> {
  return {
    'countywide.matrix': (query) => countywideMatrix(session.requireStore().db, query),
  };
}
