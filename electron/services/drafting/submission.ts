import path from 'node:path';
import { submissionChecklist } from '../../../shared/domain/submission-check.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import type { SubmissionCheck } from '../../../shared/ipc/drafting-schemas.ts';
import { loadRecommendations } from '../recommendations/recommendation-store.ts';
import { loadReview } from '../reviews/review-store.ts';
import { readSettings } from '../store/settings-store.ts';
import type { Db } from '../store/sqlite.ts';
import { acknowledgedByRecommendation } from './acknowledgements.ts';

/** The submission checklist for a review; reportCheck is the anonymity result on the chair's final report, if one was picked. */
export function runSubmissionCheck(db: Db, reviewId: string, reportCheck: { file: string; hits: number } | null, today: string): SubmissionCheck {
  const review = loadReview(db, reviewId);
  if (!review) throw new AppError('NOT_FOUND', 'That review no longer exists. Go back to the list of reviews.');
  const acknowledged = acknowledgedByRecommendation(db, reviewId);
  const items = submissionChecklist(
    {
      cspApprovalDate: review.cspApprovalDate,
      familyInvolvement: review.familyInvolvement,
      victimPseudonym: review.victimPseudonym,
      people: review.people,
      recommendations: loadRecommendations(db, reviewId).map((r) => ({ ...r, acknowledged: acknowledged.get(r.id) ?? new Set<string>() })),
      reportCheck: reportCheck ? { file: path.basename(reportCheck.file), hits: reportCheck.hits } : null,
    },
    { today, maxTargetMonths: readSettings(db).maxTargetMonths },
  );
  return { reference: review.reference, items, passed: items.every((i) => i.passed), reportFile: reportCheck?.file ?? null };
}
