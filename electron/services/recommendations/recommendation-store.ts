import { dueState } from '../../../shared/domain/implementation-status.ts';
import type { Status } from '../../../shared/domain/vocabulary.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import type { Implementation, RecommendationData, RecommendationDetail, RecommendationsForReview } from '../../../shared/ipc/recommendation-schemas.ts';
import type { Db } from '../store/sqlite.ts';
import { implementationByRecommendation, NO_IMPLEMENTATION } from './implementation.ts';

// Reading a review's recommendations, with their addressees, themes and actions.

export interface StoredRecommendation extends RecommendationData {
  id: string;
  actionStatus: Array<{ id: string; status: Status; targetDate: string | null }>;
  number: number;
  updatedAt: string;
  ownerInstallationId: string;
  ownerDistrictId: string | null;
}

export function reviewHeader(db: Db, reviewId: string): RecommendationsForReview['review'] {
  const review = db
    .prepare(
      `SELECT v.id, v.reference, v.date_of_death AS dateOfDeath, d.name AS districtName
         FROM reviews v JOIN districts d ON d.id = v.commissioning_district_id WHERE v.id = ? AND v.deleted_at IS NULL`,
    )
    .get(reviewId) as RecommendationsForReview['review'] | undefined;
  if (!review) throw new AppError('NOT_FOUND', 'That review no longer exists. Go back to the list of reviews.');
  return review;
}

export function loadRecommendations(db: Db, reviewId: string, onlyId?: string): StoredRecommendation[] {
  const rows = db
    .prepare(
      `SELECT id, review_id AS reviewId, position, text, scope, finding, expected_outcome AS expectedOutcome, updated_at AS updatedAt,
              owner_installation_id AS ownerInstallationId, owner_district_id AS ownerDistrictId
         FROM recommendations WHERE review_id = ? AND deleted_at IS NULL ORDER BY position, rowid`,
    )
    .all(reviewId) as Array<Omit<StoredRecommendation, 'number' | 'themeIds' | 'addressees' | 'actions'> & { position: number }>;
  const themes = db.prepare('SELECT theme_id FROM recommendation_themes WHERE recommendation_id = ? ORDER BY theme_id');
  const addressees = db.prepare(
    `SELECT id, agency_id AS agencyId, notified_date AS notifiedDate, acknowledged_date AS acknowledgedDate
       FROM recommendation_addressees WHERE recommendation_id = ? ORDER BY rowid`,
  );
  const statuses = db.prepare('SELECT id, status, target_date AS targetDate FROM actions WHERE recommendation_id = ? AND deleted_at IS NULL ORDER BY position, rowid');
  const actions = db.prepare(
    `SELECT id, action_text AS actionText, lead_agency_id AS leadAgencyId, milestones, target_date AS targetDate,
            completion_date AS completionDate, outcome
       FROM actions WHERE recommendation_id = ? AND deleted_at IS NULL ORDER BY position, rowid`,
  );
  return rows
    .map(({ position: _p, ...r }, i) => ({ ...r, number: i + 1 }))
    .filter((r) => !onlyId || r.id === onlyId)
    .map((r) => ({
      ...r,
      themeIds: (themes.all(r.id) as Array<{ theme_id: string }>).map((t) => t.theme_id),
      addressees: addressees.all(r.id) as StoredRecommendation['addressees'],
      actions: actions.all(r.id) as StoredRecommendation['actions'],
      actionStatus: statuses.all(r.id) as StoredRecommendation['actionStatus'],
    }));
}

export function toDetail(r: StoredRecommendation, implementation: Implementation | undefined, today: string): RecommendationDetail {
  const { ownerInstallationId: _o, ownerDistrictId: _d, actionStatus, ...detail } = r;
  return { ...detail, implementation: implementation ?? NO_IMPLEMENTATION, actionStatus: actionStatus.map((a) => ({ id: a.id, status: a.status, due: dueState(a.targetDate, a.status, today) })) };
}

export function recommendationsForReview(db: Db, reviewId: string, today: string): RecommendationsForReview {
  const review = reviewHeader(db, reviewId);
  const implementation = implementationByRecommendation(db, today);
  return { review, recommendations: loadRecommendations(db, reviewId).map((r) => toDetail(r, implementation.get(r.id), today)) };
}
