import type { ReviewData, ReviewDetail } from '../../../../shared/ipc/review-schemas.ts';

// The review form edits ReviewData directly: dates are ISO strings or null,
// exactly what the contract and the shared validation take.

export type ReviewForm = ReviewData;

export function emptyReview(): ReviewForm {
  return {
    reference: '',
    victimPseudonym: '',
    commissioningDistrictId: '',
    relationship: 'intimate_partner',
    dateOfDeath: null,
    notificationDate: null,
    decision: null,
    decisionDate: null,
    decisionReasons: null,
    homeOfficeNotifiedDate: null,
    chairName: null,
    termsOfReferenceDate: null,
    draftReportDate: null,
    executiveSummaryDraftDate: null,
    familyConsultedDate: null,
    familyInvolvement: null,
    cspApprovalDate: null,
    publicationDate: null,
    embargoed: false,
    embargoReason: null,
    closedDate: null,
    summary: null,
    notes: null,
    themeIds: [],
    people: [],
    panel: [],
    imrs: [],
    pauses: [],
    qaSubmissions: [],
  };
}

/** The editable part of a saved review. */
export function formFromDetail(detail: ReviewDetail): ReviewForm {
  const { districtName: _d, clock: _c, timeline: _t, ownerInstallationId: _o, createdAt: _ca, updatedAt: _u, ...form } = detail;
  return form;
}

/** Field path → element id, so the error summary can link to each control. */
export const fieldId = (path: string) => `review-${path.replace(/\./g, '-')}`;
