import { describe, expect, it } from 'vitest';
import { validateReview, type ReviewForValidation } from '../../../shared/domain/review-validation.ts';

const TODAY = '2026-11-21';
const valid: ReviewForValidation = {
  reference: 'DHR-FL-2025-01',
  victimPseudonym: 'Mira',
  commissioningDistrictId: 'd1',
  dateOfDeath: '2025-01-02',
  notificationDate: '2025-01-06',
  decision: 'hold',
  decisionDate: '2025-01-30',
  decisionReasons: null,
  homeOfficeNotifiedDate: '2025-02-03',
  termsOfReferenceDate: '2025-03-01',
  draftReportDate: '2025-09-01',
  executiveSummaryDraftDate: null,
  familyConsultedDate: '2025-09-20',
  cspApprovalDate: '2025-10-10',
  publicationDate: null,
  embargoed: false,
  embargoReason: null,
  closedDate: null,
  people: [{ pseudonym: 'Mira', realName: 'Joanna Test-Person' }],
  panel: [{ memberName: 'A Chair' }],
  imrs: [{ agencyId: 'a1', requestedDate: '2025-03-05', receivedDate: '2025-05-01' }],
  pauses: [{ startDate: '2025-04-01', endDate: '2025-06-01' }],
  qaSubmissions: [{ submittedDate: '2025-10-20', outcome: 'resubmit', outcomeDate: '2025-12-01' }],
};
const check = (patch: Partial<ReviewForValidation>) => validateReview({ ...valid, ...patch }, TODAY);

describe('review validation', () => {
  it('accepts a consistent review', () => {
    expect(check({})).toEqual({});
  });

  it('refuses dates in an impossible order, saying which two dates clash', () => {
    expect(check({ decisionDate: '2025-01-05' }).decisionDate).toBe('The decision date is before the notification date (05/01/2025 is before 06/01/2025).');
    expect(check({ notificationDate: '2024-12-31', decisionDate: '2025-01-30' }).notificationDate).toMatch(/before the date of death/);
    expect(check({ cspApprovalDate: '2025-08-01' }).cspApprovalDate).toMatch(/before the draft report date/);
    expect(check({ closedDate: '2025-01-01', publicationDate: '2025-02-01' }).closedDate).toMatch(/before the publication date/);
  });

  it('refuses dates in the future', () => {
    expect(check({ dateOfDeath: '2026-11-22' }).dateOfDeath).toBe('The date of death is in the future (after 21/11/2026). Enter the date it happened.');
    expect(check({ pauses: [{ startDate: '2027-01-01', endDate: null }] })['pauses.0.startDate']).toMatch(/in the future/);
  });

  it('refuses a pause that ends before it starts', () => {
    expect(check({ pauses: [{ startDate: '2025-06-01', endDate: '2025-04-01' }] })['pauses.0.endDate']).toMatch(/The pause ends before it starts/);
  });

  it('requires reasons for a decision not to hold a review', () => {
    expect(check({ decision: 'not_hold', decisionReasons: '  ' }).decisionReasons).toMatch(/reasons/);
    expect(check({ decision: 'not_hold', decisionReasons: 'Death not within s.9 criteria' }).decisionReasons).toBeUndefined();
  });

  it('requires the basics', () => {
    const errors = check({ reference: ' ', victimPseudonym: '', commissioningDistrictId: '' });
    expect(Object.keys(errors).sort()).toEqual(['commissioningDistrictId', 'reference', 'victimPseudonym']);
  });

  it('checks Home Office QA rounds in order', () => {
    expect(check({ cspApprovalDate: null, qaSubmissions: [{ submittedDate: '2025-10-20', outcome: null, outcomeDate: null }] }).cspApprovalDate).toMatch(/CSP approval date/);
    expect(check({ qaSubmissions: [{ submittedDate: '2025-10-20', outcome: 'approved', outcomeDate: '2025-10-01' }] })['qaSubmissions.0.outcomeDate']).toMatch(/before the submission/);
    const twoRounds = [
      { submittedDate: '2025-10-20', outcome: null, outcomeDate: null },
      { submittedDate: '2025-11-20', outcome: null, outcomeDate: null },
    ];
    expect(check({ qaSubmissions: twoRounds })['qaSubmissions.1.submittedDate']).toMatch(/resubmit with changes/);
    expect(check({ qaSubmissions: [{ submittedDate: '2025-10-20', outcome: 'approved', outcomeDate: null }] })['qaSubmissions.0.outcomeDate']).toMatch(/date of the outcome/);
  });

  it('refuses an IMR received before it was requested', () => {
    expect(check({ imrs: [{ agencyId: 'a1', requestedDate: '2025-05-01', receivedDate: '2025-04-01' }] })['imrs.0.receivedDate']).toMatch(/received before it was requested/);
  });

  it('refuses a pseudonym that is the real name', () => {
    expect(check({ people: [{ pseudonym: 'Joanna Test-Person', realName: 'joanna test-person' }] })['people.0.pseudonym']).toMatch(/same as the real name/);
    expect(check({ victimPseudonym: 'Joanna Test-Person' }).victimPseudonym).toMatch(/real name/);
  });
});
