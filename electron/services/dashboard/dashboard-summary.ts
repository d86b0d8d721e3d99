import { addDays, ukDateOf } from '../../../shared/domain/dates.ts';
import { DUE_SOON_DAYS } from '../../../shared/domain/implementation-status.ts';
import { REVIEW_STAGES, STAGE_WORDS } from '../../../shared/domain/review-clock.ts';
import { DEAD_RECOMMENDATION_IDS, RECOMMENDATION_REFS } from '../progress/progress-queries.ts';
import { reviewStageCounts } from '../reviews/review-list.ts';
import { CLOSED_STATUSES, STATUSES, type Status } from '../../../shared/domain/vocabulary.ts';
import type { DashboardSummary } from '../../../shared/ipc/schemas.ts';
import type { Db } from '../store/sqlite.ts';
import { readSettings } from '../store/settings-store.ts';
import { storeStats } from '../store/store-stats.ts';

const zeroCounts = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
/** The overdue list shows at most this many; overdueCount counts them all. */
export const OVERDUE_LIST_LIMIT = 200;
const closedList = CLOSED_STATUSES.map((s) => `'${s}'`).join(', ');
type DistrictSummary = DashboardSummary['districts'][number];

/** Counts by status for each district and the overdue list, as at a day. */
export function dashboardSummary(db: Db, asAt: string): DashboardSummary {
  const settings = readSettings(db);
  const districts = db.prepare('SELECT id, name FROM districts WHERE retired_at IS NULL ORDER BY sort_order, name').all() as Array<{ id: string; name: string }>;
  const byDistrict = new Map<string, DistrictSummary>(
    districts.map((d) => [d.id, { districtId: d.id, name: d.name, counts: zeroCounts(), applicable: 0, underConsideration: 0, overdue: 0, dueSoon: 0 }]),
  );
  const soon = addDays(asAt, DUE_SOON_DAYS);
  // Each current district's decisions by decision and status come from the running counts
  // (migration 5); overdue and due soon, which depend on the day, are ranges of the
  // applicability_district index (district, decision, status, target date) counted, for the
  // statuses still open. No row of any table is read.
  const overdueOf = db
    .prepare(`SELECT count(*) FROM applicability WHERE district_id = @district AND decision = 'applicable' AND status IS @status AND target_date < @asAt`)
    .pluck();
  const dueSoonOf = db
    .prepare(`SELECT count(*) FROM applicability WHERE district_id = @district AND decision = 'applicable' AND status IS @status AND target_date BETWEEN @asAt AND @soon`)
    .pluck();
  const statusCounts = zeroCounts();
  const tally = (district: DistrictSummary, status: Status, n: number, overdue: number, dueSoon: number) => {
    district.applicable += n;
    district.counts[status] += n;
    district.overdue += overdue;
    district.dueSoon += dueSoon;
    statusCounts[status] += n;
  };
  const counted = db
    .prepare(`SELECT district_id AS districtId, decision, status, n FROM applicability_counts WHERE n <> 0 AND decision IN ('applicable', 'under_consideration')`)
    .all() as Array<{ districtId: string; decision: string; status: string; n: number }>;
  for (const row of counted) {
    const district = byDistrict.get(row.districtId);
    if (!district) continue; // a retired district
    if (row.decision === 'under_consideration') {
      district.underConsideration += row.n;
      continue;
    }
    const status = (row.status || null) as Status | null;
    // Closed work is never overdue or due (a missing status counts as not started).
    const open = !CLOSED_STATUSES.includes(status ?? 'not_started');
    const at = { district: row.districtId, status, asAt, soon };
    tally(district, status ?? 'not_started', row.n, open ? (overdueOf.get(at) as number) : 0, open ? (dueSoonOf.get(at) as number) : 0);
  }
  // Only live recommendations count: take off the decisions on deleted
  // recommendations and on those of deleted reviews (few, found by index),
  // so the counts above need no join over every decision.
  const dead = db
    .prepare(
      `SELECT district_id AS districtId, decision, coalesce(status, 'not_started') AS status, target_date AS targetDate FROM applicability
        WHERE decision IN ('applicable', 'under_consideration') AND recommendation_id IN (${DEAD_RECOMMENDATION_IDS})`,
    )
    .all() as Array<{ districtId: string; decision: string; status: Status; targetDate: string | null }>;
  for (const row of dead) {
    const district = byDistrict.get(row.districtId);
    if (!district) continue;
    if (row.decision === 'under_consideration') {
      district.underConsideration--;
      continue;
    }
    const open = !CLOSED_STATUSES.includes(row.status) && row.targetDate !== null;
    tally(district, row.status, -1, open && row.targetDate! < asAt ? -1 : 0, open && row.targetDate! >= asAt && row.targetDate! <= soon ? -1 : 0);
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
  const stages = reviewStageCounts(db, asAt);
  const reviewsByStage = REVIEW_STAGES.map((stage) => ({ stage, label: STAGE_WORDS[stage], count: stages.get(stage) ?? 0 }));
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
