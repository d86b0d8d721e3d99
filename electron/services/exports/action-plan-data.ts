import type { RecommendationScope } from '../../../shared/domain/vocabulary.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import { readSettings } from '../store/settings-store.ts';
import type { Db } from '../store/sqlite.ts';

// Everything the Word exports of one review's recommendations need, read in
// one go. Holds pseudonyms only: the pseudonym register's real names are
// never read here, so they cannot reach an exported file.

export interface ActionPlanAction {
  position: number;
  actionText: string;
  leadAgency: string | null;
  milestones: string | null;
  targetDate: string | null;
  completionDate: string | null;
  outcome: string | null;
}

export interface ActionPlanRecommendation {
  number: number;
  text: string;
  scope: RecommendationScope;
  finding: string | null;
  expectedOutcome: string | null;
  addressedTo: string[];
  actions: ActionPlanAction[];
}

export interface ActionPlanData {
  partnershipName: string;
  reviewLabel: 'DHR' | 'DARDR';
  protectiveMarking: string;
  review: { reference: string; victimPseudonym: string; districtName: string; publicationDate: string | null };
  recommendations: ActionPlanRecommendation[];
}

export function loadActionPlan(db: Db, reviewId: string): ActionPlanData {
  const settings = readSettings(db);
  const review = db
    .prepare(
      `SELECT v.reference, v.victim_pseudonym AS victimPseudonym, d.name AS districtName, v.publication_date AS publicationDate
         FROM reviews v JOIN districts d ON d.id = v.commissioning_district_id WHERE v.id = ? AND v.deleted_at IS NULL`,
    )
    .get(reviewId) as ActionPlanData['review'] | undefined;
  if (!review) throw new AppError('NOT_FOUND', 'That review no longer exists. Go back to the list of reviews.');
  const recs = db
    .prepare(
      `SELECT id, position, text, scope, finding, expected_outcome AS expectedOutcome FROM recommendations
        WHERE review_id = ? AND deleted_at IS NULL ORDER BY position`,
    )
    .all(reviewId) as Array<{ id: string; position: number; text: string; scope: RecommendationScope; finding: string | null; expectedOutcome: string | null }>;
  const addressees = db.prepare(
    `SELECT a.name FROM recommendation_addressees ra JOIN agencies a ON a.id = ra.agency_id WHERE ra.recommendation_id = ? ORDER BY a.name`,
  );
  const actions = db.prepare(
    `SELECT x.position, x.action_text AS actionText, a.name AS leadAgency, x.milestones, x.target_date AS targetDate,
            x.completion_date AS completionDate, x.outcome
       FROM actions x LEFT JOIN agencies a ON a.id = x.lead_agency_id
      WHERE x.recommendation_id = ? AND x.deleted_at IS NULL ORDER BY x.position`,
  );
  return {
    partnershipName: settings.partnershipName,
    reviewLabel: settings.reviewLabel,
    protectiveMarking: settings.protectiveMarking,
    review,
    recommendations: recs.map((r, i) => ({
      number: i + 1,
      text: r.text,
      scope: r.scope,
      finding: r.finding,
      expectedOutcome: r.expectedOutcome,
      addressedTo: (addressees.all(r.id) as Array<{ name: string }>).map((a) => a.name),
      actions: actions.all(r.id) as ActionPlanAction[],
    })),
  };
}
