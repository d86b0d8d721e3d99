import { addDays, ukToday } from '../../../shared/domain/dates.ts';
import { DUE_SOON_DAYS } from '../../../shared/domain/implementation-status.ts';
import { REVIEW_STAGES, STAGE_WORDS } from '../../../shared/domain/review-clock.ts';
import { RECOMMENDATION_REFS } from '../progress/progress-queries.ts';
import { listReviews } from '../reviews/review-list.ts';
import { CLOSED_STATUSES, STATUSES, type Status } from '../../../shared/domain/vocabulary.ts';
import type { DashboardSummary } from '../../../shared/ipc/schemas.ts';
import type { Db } from '../store/sqlite.ts';
import { readSettings } from '../store/settings-store.ts';
import { storeStats } from '../store/store-stats.ts';

const zeroCounts = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
/** The overdue list shows at most this many; overdueCount counts them all. */
export const OVERDUE_LIST_LIMIT = 200;
const closedList = CLOSED_STATUSES.map((s) => `'${s}'`).join(', ');

/** Counts by status for each district and the overdue list, as at a day. */
export function dashboardSummary(db: Db, asAt: string = ukToday()): DashboardSummary {
  const settings = readSettings(db);
  const districts = db.prepare('SELECT id, name FROM districts WHERE retired_at IS NULL ORDER BY sort_order, name').all() as Array<{ id: string; name: string }>;
  const byDistrict = new Map(
    districts.map((d) => [d.id, { districtId: d.id, name: d.name, counts: zeroCounts(), applicable: 0, underConsideration: 0, overdue: 0, dueSoon: 0 }]),
  );
  const rows = db
    .prepare(
      `SELECT a.district_id AS districtId, a.decision, coalesce(a.status, 'not_started') AS status, count(*) AS n,
              sum(a.decision = 'applicable' AND a.target_date < @asAt AND coalesce(a.status, 'not_started') NOT IN (${closedList})) AS overdue,
              sum(a.decision = 'applicable' AND a.target_date BETWEEN @asAt AND @soon AND coalesce(a.status, 'not_started') NOT IN (${closedList})) AS dueSoon
         FROM applicability a
         JOIN recommendations r ON r.id = a.recommendation_id AND r.deleted_at IS NULL
         JOIN reviews v ON v.id = r.review_id AND v.deleted_at IS NULL
        GROUP BY a.district_id, a.decision, coalesce(a.status, 'not_started')`,
    )
    .all({ asAt, soon: addDays(asAt, DUE_SOON_DAYS) }) as Array<{ districtId: string; decision: string; status: Status; n: number; overdue: number; dueSoon: number }>;
  const statusCounts = zeroCounts();
  for (const row of rows) {
    const district = byDistrict.get(row.districtId);
    if (!district) continue;
    if (row.decision === 'under_consideration') district.underConsideration += row.n;
    if (row.decision !== 'applicable') continue;
    district.applicable += row.n;
    district.counts[row.status] += row.n;
    district.overdue += row.overdue;
    district.dueSoon += row.dueSoon;
    statusCounts[row.status] += row.n;
  }
  // The same live recommendations and current districts as the counts, numbered as their review numbers them.
  const overdue = db
    .prepare(
      `SELECT ref.reviewReference, ref.number AS recommendationNumber, ref.text AS recommendationText,
              d.name AS districtName, a.target_date AS targetDate, coalesce(a.status, 'not_started') AS status
         FROM applicability a
         JOIN (${RECOMMENDATION_REFS}) ref ON ref.id = a.recommendation_id
         JOIN districts d ON d.id = a.district_id AND d.retired_at IS NULL
        WHERE a.decision = 'applicable' AND a.target_date < @asAt AND coalesce(a.status, 'not_started') NOT IN (${closedList})
        ORDER BY a.target_date, ref.reviewReference, ref.number, d.sort_order, d.name
        LIMIT ${OVERDUE_LIST_LIMIT}`,
    )
    .all({ asAt }) as DashboardSummary['overdue'];
  const summaries = [...byDistrict.values()];
  const { rows: reviews } = listReviews(db, { sort: 'reference', direction: 'asc' }, asAt);
  const reviewsByStage = REVIEW_STAGES.map((stage) => ({ stage, label: STAGE_WORDS[stage], count: reviews.filter((r) => r.clock.stage === stage).length }));
  return {
    asAt,
    partnershipName: settings.partnershipName,
    reviewLabel: settings.reviewLabel,
    totals: storeStats(db),
    statusCounts,
    overdueCount: summaries.reduce((n, d) => n + d.overdue, 0),
    dueSoonCount: summaries.reduce((n, d) => n + d.dueSoon, 0),
    districts: summaries,
    reviewsByStage,
    overdue,
  };
}
