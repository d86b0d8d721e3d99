import { CLOSED_STATUSES, STATUSES, type Status } from '../../../shared/domain/vocabulary.ts';
import type { Implementation } from '../../../shared/ipc/recommendation-schemas.ts';
import type { Db } from '../store/sqlite.ts';

// How far each recommendation has got across the districts where it applies,
// in words and numbers, for drafting help and the recurring view.

const closed = CLOSED_STATUSES.map((s) => `'${s}'`).join(', ');

export function describeImplementation(counts: Record<Status, number>, overdue: number): Implementation {
  const applicable = STATUSES.reduce((n, s) => n + counts[s], 0);
  const complete = counts.complete + counts.complete_late;
  let label: string;
  if (applicable === 0) label = 'Not yet applied in any district';
  else if (complete === applicable) label = applicable === 1 ? 'Complete in its one district' : `Complete in all ${applicable} districts`;
  else if (complete === 0 && counts.not_started === applicable) label = `Not started in ${applicable} district${applicable === 1 ? '' : 's'}`;
  else label = `Complete in ${complete} of ${applicable} districts`;
  if (overdue) label += `; ${overdue} overdue`;
  return { label, applicable, complete, overdue, counts };
}

/** Implementation for many recommendations at once (ids not given: all). */
export function implementationByRecommendation(db: Db, today: string, ids?: readonly string[]): Map<string, Implementation> {
  const rows = db
    .prepare(
      `SELECT recommendation_id AS id, coalesce(status, 'not_started') AS status, count(*) AS n,
              sum(target_date < @today AND coalesce(status, 'not_started') NOT IN (${closed})) AS overdue
         FROM applicability WHERE decision = 'applicable'${ids ? ' AND recommendation_id IN (SELECT value FROM json_each(@ids))' : ''}
        GROUP BY recommendation_id, coalesce(status, 'not_started')`,
    )
    .all(ids ? { today, ids: JSON.stringify(ids) } : { today }) as Array<{ id: string; status: Status; n: number; overdue: number }>;
  const tallies = new Map<string, { counts: Record<Status, number>; overdue: number }>();
  for (const row of rows) {
    const t = tallies.get(row.id) ?? { counts: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>, overdue: 0 };
    t.counts[row.status] += row.n;
    t.overdue += row.overdue;
    tallies.set(row.id, t);
  }
  return new Map([...tallies].map(([id, t]) => [id, describeImplementation(t.counts, t.overdue)]));
}

export const NO_IMPLEMENTATION = describeImplementation(Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>, 0);
