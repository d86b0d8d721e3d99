import { dueState } from '../../../shared/domain/implementation-status.ts';
import type { Status } from '../../../shared/domain/vocabulary.ts';
import type { ApplicabilityRow, RecommendationRef } from '../../../shared/ipc/progress-schemas.ts';
import type { Db } from '../store/sqlite.ts';

// Reading recommendations and their per-district applicability in the shape
// the screens, the matrix and the reports share.

/**
 * A live recommendation's number within its review (the order the review
 * shows): how many of its review's live recommendations come no later, by
 * position then rowid. A correlated count on the recommendations_live index
 * rather than row_number() over the whole table, so a query that wants a
 * few recommendations (by id, review or district) numbers only those: a
 * window function would make SQLite number every recommendation first.
 */
export const recommendationNumber = (r: string) => `(
  SELECT count(*) FROM recommendations n
   WHERE n.review_id = ${r}.review_id AND n.deleted_at IS NULL
     AND (n.position, n.rowid) <= (${r}.position, ${r}.rowid))`;

/** Live recommendations with their number within their review (the order the review shows). */
export const RECOMMENDATION_REFS = `
  SELECT r.id, r.review_id AS reviewId, v.reference AS reviewReference, r.text,
         v.commissioning_district_id AS commissioningDistrictId, v.date_of_death AS dateOfDeath, v.notification_date AS notificationDate,
         ${recommendationNumber('r')} AS number
    FROM recommendations r JOIN reviews v ON v.id = r.review_id AND v.deleted_at IS NULL
   WHERE r.deleted_at IS NULL`;

/**
 * The ids of recommendations that are not live: deleted, or in a deleted
 * review. Few, and found by index (recommendations_deleted, reviews), so a
 * count over every decision can be taken from an index and these taken off.
 */
export const DEAD_RECOMMENDATION_IDS = `
  SELECT id FROM recommendations WHERE deleted_at IS NOT NULL
  UNION ALL
  SELECT id FROM recommendations WHERE review_id IN (SELECT id FROM reviews WHERE deleted_at IS NOT NULL)`;

/**
 * RECOMMENDATION_REFS with the review order's keys (position and rid), so
 * a query can sort by review reference and number using the indexes
 * (reviews_reference, recommendations_live) and stop at a page.
 */
export const RECOMMENDATION_REFS_ORDERED = RECOMMENDATION_REFS.replace('SELECT r.id,', 'SELECT r.position, r.rowid AS rid, r.id,').replace(
  'FROM recommendations r JOIN reviews v ON v.id = r.review_id AND v.deleted_at IS NULL',
  // CROSS JOIN: reviews outer, so they are read in reference order.
  'FROM reviews v CROSS JOIN recommendations r ON v.id = r.review_id AND v.deleted_at IS NULL',
);

export function recommendationRefs(db: Db): Map<string, RecommendationRef> {
  return new Map((db.prepare(RECOMMENDATION_REFS).all() as RecommendationRef[]).map((r) => [r.id, r]));
}

export function recommendationRef(db: Db, id: string): RecommendationRef | null {
  return (db.prepare(`SELECT * FROM (${RECOMMENDATION_REFS}) WHERE id = ?`).get(id) as RecommendationRef | undefined) ?? null;
}

interface ApplicabilityDb {
  id: string;
  recommendationId: string;
  districtId: string;
  districtName: string;
  decision: ApplicabilityRow['decision'];
  reason: string | null;
  evidence: string | null;
  localLeadAgencyId: string | null;
  localLeadAgency: string | null;
  officerName: string | null;
  targetDate: string | null;
  decidedDate: string | null;
  status: Status | null;
  statusReason: string | null;
  latestAsAt: string | null;
  latestAuthor: string | null;
  latestNote: string | null;
}

/**
 * Applicability rows with their district, lead and latest update. `where`
 * filters on the alias a (applicability) and d (districts).
 */
export function applicabilityRows(db: Db, where: string, params: Record<string, unknown>, today: string): ApplicabilityRow[] {
  // The latest update is found by rowid from the progress_applicability index (newest date, then newest entry).
  const rows = db
    .prepare(
      `SELECT a.id, a.recommendation_id AS recommendationId, a.district_id AS districtId, d.name AS districtName, a.decision, a.reason, a.evidence,
              a.local_lead_agency_id AS localLeadAgencyId, ag.name AS localLeadAgency, a.officer_name AS officerName, a.target_date AS targetDate,
              a.decided_date AS decidedDate, a.status, a.status_reason AS statusReason,
              u.as_at_date AS latestAsAt, u.author AS latestAuthor, u.note AS latestNote
         FROM applicability a
         JOIN districts d ON d.id = a.district_id
         LEFT JOIN agencies ag ON ag.id = a.local_lead_agency_id
         LEFT JOIN progress_updates u ON u.rowid = (
           SELECT rowid FROM progress_updates WHERE applicability_id = a.id ORDER BY as_at_date DESC, created_at DESC LIMIT 1)
        WHERE ${where}
        ORDER BY d.sort_order, d.name`,
    )
    .all(params) as ApplicabilityDb[];
  return rows.map(({ latestAsAt, latestAuthor, latestNote, ...r }) => ({
    ...r,
    due: r.decision === 'applicable' ? dueState(r.targetDate, r.status ?? 'not_started', today) : 'closed',
    latestUpdate: latestAsAt ? { asAtDate: latestAsAt, author: latestAuthor ?? '', note: latestNote ?? '' } : null,
  }));
}

/**
 * Every live recommendation is considered in every current district: the
 * commissioning district applies it, the others start "under consideration".
 * Fills in any pair still missing (a new recommendation, a new district).
 */
export function ensureApplicability(db: Db, installationId: string, now: string, today: string, onlyRecommendationId: string | null = null): number {
  return db
    .prepare(
      `INSERT INTO applicability (id, recommendation_id, district_id, decision, status, decided_date, owner_installation_id, owner_district_id, created_at, updated_at)
       SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' ||
              substr('89ab', abs(random()) % 4 + 1, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
              r.id, d.id,
              CASE WHEN d.id = v.commissioning_district_id THEN 'applicable' ELSE 'under_consideration' END,
              CASE WHEN d.id = v.commissioning_district_id THEN 'not_started' END,
              CASE WHEN d.id = v.commissioning_district_id THEN @today END,
              @installation, d.id, @now, @now
         FROM recommendations r
         JOIN reviews v ON v.id = r.review_id AND v.deleted_at IS NULL
         JOIN districts d ON d.retired_at IS NULL
        WHERE r.deleted_at IS NULL AND (@only IS NULL OR r.id = @only)
          AND NOT EXISTS (SELECT 1 FROM applicability a WHERE a.recommendation_id = r.id AND a.district_id = d.id)`,
    )
    .run({ installation: installationId, now, today, only: onlyRecommendationId }).changes;
}
