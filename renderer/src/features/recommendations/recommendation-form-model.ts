import type { RecommendationData, RecommendationDetail } from '../../../../shared/ipc/recommendation-schemas.ts';

export type RecommendationForm = RecommendationData;

export function emptyRecommendation(reviewId: string): RecommendationForm {
  return { reviewId, text: '', scope: 'single_agency', finding: null, expectedOutcome: null, themeIds: [], addressees: [], actions: [] };
}

export function formFromRecommendation(detail: RecommendationDetail): RecommendationForm {
  const { number: _n, implementation: _i, updatedAt: _u, actionStatus: _s, ...form } = detail;
  return form;
}

export const emptyAction = (): RecommendationForm['actions'][number] => ({
  actionText: '',
  leadAgencyId: null,
  milestones: null,
  targetDate: null,
  completionDate: null,
  outcome: null,
});

export const recFieldId = (path: string) => `rec-${path.replace(/\./g, '-')}`;
