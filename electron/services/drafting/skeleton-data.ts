import { RELATIONSHIP_WORDS, PERSON_ROLE_WORDS } from '../../../shared/domain/vocabulary.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import { loadActionPlan, type ActionPlanData } from '../exports/action-plan-data.ts';
import { loadReview } from '../reviews/review-store.ts';
import type { Db } from '../store/sqlite.ts';

// What the skeletons fill in from the review. Pseudonyms only: the
// register's real names are dropped here, before any document is built.

export interface SkeletonData extends ActionPlanData {
  relationship: string;
  chairName: string | null;
  dates: Array<[string, string | null]>;
  pauses: Array<{ startDate: string; endDate: string | null; reason: string | null }>;
  people: Array<{ role: string; pseudonym: string }>;
  panel: Array<{ memberName: string; role: string | null; agency: string }>;
  imrs: Array<{ agency: string; requestedDate: string | null; receivedDate: string | null }>;
  themes: string[];
  familyInvolvement: string | null;
  summary: string | null;
  termsOfReferenceDate: string | null;
}

export function loadSkeletonData(db: Db, reviewId: string): SkeletonData {
  const review = loadReview(db, reviewId);
  if (!review) throw new AppError('NOT_FOUND', 'That review no longer exists. Go back to the list of reviews.');
  const plan = loadActionPlan(db, reviewId);
  const agencies = new Map((db.prepare('SELECT id, name FROM agencies').all() as Array<{ id: string; name: string }>).map((a) => [a.id, a.name]));
  const themes = (db.prepare('SELECT t.name FROM review_themes rt JOIN themes t ON t.id = rt.theme_id WHERE rt.review_id = ? ORDER BY t.category, t.sort_order').all(reviewId) as Array<{ name: string }>).map((t) => t.name);
  return {
    ...plan,
    relationship: RELATIONSHIP_WORDS[review.relationship],
    chairName: review.chairName,
    dates: [
      ['Date of death', review.dateOfDeath],
      ['Community Safety Partnership notified', review.notificationDate],
      ['Decision to hold a review', review.decisionDate],
      ['Home Office notified', review.homeOfficeNotifiedDate],
      ['Terms of reference agreed', review.termsOfReferenceDate],
      ['Draft overview report', review.draftReportDate],
      ['Family consulted on the draft', review.familyConsultedDate],
      ['Approved by the Community Safety Partnership', review.cspApprovalDate],
    ],
    pauses: review.pauses.map((p) => ({ startDate: p.startDate, endDate: p.endDate, reason: p.reason })),
    people: review.people.map((p) => ({ role: PERSON_ROLE_WORDS[p.role], pseudonym: p.pseudonym })),
    panel: review.panel.map((m) => ({ memberName: m.memberName, role: m.role, agency: m.agencyId ? (agencies.get(m.agencyId) ?? '') : 'Independent' })),
    imrs: review.imrs.map((i) => ({ agency: agencies.get(i.agencyId) ?? '', requestedDate: i.requestedDate, receivedDate: i.receivedDate })),
    themes,
    familyInvolvement: review.familyInvolvement,
    summary: review.summary,
    termsOfReferenceDate: review.termsOfReferenceDate,
  };
}
