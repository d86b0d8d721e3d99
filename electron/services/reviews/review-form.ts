import type { ReviewData } from '../../../shared/ipc/review-schemas.ts';
import type { StoredReview } from './review-store.ts';

/** The editable part of a stored review, ready to change and save again. */
export function formFromStored(review: StoredReview): ReviewData {
  const { districtName: _d, ownerInstallationId: _o, createdAt: _c, updatedAt: _u, ...data } = review;
  return data;
}
