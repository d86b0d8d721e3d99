import { formatUkDate, isIsoDate } from './dates.ts';
import type { QaOutcome } from './vocabulary.ts';

// Checks a review as a person would, before anything is saved: dates in an
// impossible order, dates in the future, missing reasons. Returns a message
// per field path so forms can show each one beside its field; the service
// runs the same function and refuses to save while any remain.

export interface ReviewForValidation {
  reference: string;
  victimPseudonym: string;
  commissioningDistrictId: string;
  dateOfDeath: string | null;
  notificationDate: string | null;
  decision: 'hold' | 'not_hold' | null;
  decisionDate: string | null;
  decisionReasons: string | null;
  homeOfficeNotifiedDate: string | null;
  termsOfReferenceDate: string | null;
  draftReportDate: string | null;
  executiveSummaryDraftDate: string | null;
  familyConsultedDate: string | null;
  cspApprovalDate: string | null;
  publicationDate: string | null;
  embargoed: boolean;
  embargoReason: string | null;
  closedDate: string | null;
  people: ReadonlyArray<{ pseudonym: string; realName: string | null }>;
  panel: ReadonlyArray<{ memberName: string }>;
  imrs: ReadonlyArray<{ agencyId: string; requestedDate: string | null; receivedDate: string | null }>;
  pauses: ReadonlyArray<{ startDate: string; endDate: string | null }>;
  qaSubmissions: ReadonlyArray<{ submittedDate: string; outcome: QaOutcome | null; outcomeDate: string | null }>;
}

export type FieldErrors = Record<string, string>;

const DATE_FIELDS: ReadonlyArray<[keyof ReviewForValidation, string]> = [
  ['dateOfDeath', 'The date of death'],
  ['notificationDate', 'The notification date'],
  ['decisionDate', 'The decision date'],
  ['homeOfficeNotifiedDate', 'The Home Office notified date'],
  ['termsOfReferenceDate', 'The terms of reference date'],
  ['draftReportDate', 'The draft report date'],
  ['executiveSummaryDraftDate', 'The executive summary draft date'],
  ['familyConsultedDate', 'The family consulted date'],
  ['cspApprovalDate', 'The CSP approval date'],
  ['publicationDate', 'The publication date'],
  ['closedDate', 'The closed date'],
];

export function validateReview(r: ReviewForValidation, today: string): FieldErrors {
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => {
    if (!(field in errors)) errors[field] = message;
  };
  const dateOf = (field: keyof ReviewForValidation) => r[field] as string | null;

  if (!r.reference.trim()) fail('reference', 'Enter a reference for the review, such as DHR-FL-2026-01.');
  if (!r.victimPseudonym.trim()) fail('victimPseudonym', "Enter the victim's pseudonym, as used in the report.");
  if (!r.commissioningDistrictId) fail('commissioningDistrictId', 'Choose the district whose CSP commissioned the review.');

  // Every date must be real and must already have happened.
  const check = (field: string, value: string | null, name: string) => {
    if (!value) return;
    if (!isIsoDate(value)) fail(field, `${name} is not a real date.`);
    else if (value > today) fail(field, `${name} is in the future (after ${formatUkDate(today)}). Enter the date it happened.`);
  };
  for (const [field, name] of DATE_FIELDS) check(field, dateOf(field), name);
  r.imrs.forEach((imr, i) => {
    check(`imrs.${i}.requestedDate`, imr.requestedDate, 'The date the IMR was requested');
    check(`imrs.${i}.receivedDate`, imr.receivedDate, 'The date the IMR was received');
  });
  r.pauses.forEach((p, i) => {
    if (!p.startDate) fail(`pauses.${i}.startDate`, 'Enter the date the pause started.');
    check(`pauses.${i}.startDate`, p.startDate || null, 'The pause start date');
    check(`pauses.${i}.endDate`, p.endDate, 'The pause end date');
  });
  r.qaSubmissions.forEach((q, i) => {
    if (!q.submittedDate) fail(`qaSubmissions.${i}.submittedDate`, 'Enter the date the report was submitted.');
    check(`qaSubmissions.${i}.submittedDate`, q.submittedDate || null, 'The submission date');
    check(`qaSubmissions.${i}.outcomeDate`, q.outcomeDate, 'The outcome date');
  });

  // "later" must not be before "earlier": the message names both dates.
  const order = (laterField: string, later: string | null, earlier: string | null, message: string) => {
    if (later && earlier && isIsoDate(later) && isIsoDate(earlier) && later < earlier) fail(laterField, `${message} (${formatUkDate(later)} is before ${formatUkDate(earlier)}).`);
  };
  order('notificationDate', r.notificationDate, r.dateOfDeath, 'The notification date is before the date of death');
  order('decisionDate', r.decisionDate, r.notificationDate, 'The decision date is before the notification date');
  order('homeOfficeNotifiedDate', r.homeOfficeNotifiedDate, r.decisionDate, 'The Home Office was notified before the decision was made');
  order('termsOfReferenceDate', r.termsOfReferenceDate, r.decisionDate, 'The terms of reference date is before the decision to hold the review');
  order('draftReportDate', r.draftReportDate, r.termsOfReferenceDate ?? r.decisionDate, 'The draft report date is before the review was set up');
  order('executiveSummaryDraftDate', r.executiveSummaryDraftDate, r.decisionDate, 'The executive summary draft date is before the decision to hold the review');
  order('familyConsultedDate', r.familyConsultedDate, r.draftReportDate, 'The family was consulted before the draft existed');
  order('cspApprovalDate', r.cspApprovalDate, r.draftReportDate, 'The CSP approval date is before the draft report date');
  order('closedDate', r.closedDate, r.publicationDate, 'The closed date is before the publication date');

  if (r.decision && !r.decisionDate) fail('decisionDate', 'Enter the date of the decision.');
  if (!r.decision && r.decisionDate) fail('decision', 'Record what was decided on the decision date.');
  if (r.decision === 'not_hold' && !r.decisionReasons?.trim()) fail('decisionReasons', 'Record the reasons for deciding not to hold a review.');
  if (r.cspApprovalDate && !r.draftReportDate) fail('draftReportDate', 'Enter the draft report date: the CSP approved a draft.');
  if (r.embargoed && !r.embargoReason?.trim()) fail('embargoReason', 'Record why publication is embargoed.');
  if (r.closedDate && !r.publicationDate && r.decision !== 'not_hold') fail('closedDate', 'A review is closed after its report is published: enter the publication date first.');

  r.imrs.forEach((imr, i) => {
    if (!imr.agencyId) fail(`imrs.${i}.agencyId`, 'Choose the agency writing this IMR.');
    order(`imrs.${i}.requestedDate`, imr.requestedDate, r.decisionDate, 'The IMR was requested before the decision to hold the review');
    order(`imrs.${i}.receivedDate`, imr.receivedDate, imr.requestedDate, 'The IMR was received before it was requested');
  });
  r.pauses.forEach((p, i) => {
    order(`pauses.${i}.endDate`, p.endDate, p.startDate || null, 'The pause ends before it starts');
    order(`pauses.${i}.startDate`, p.startDate || null, r.notificationDate, 'The pause starts before the CSP was notified');
  });

  const rounds = r.qaSubmissions;
  rounds.forEach((q, i) => {
    const field = `qaSubmissions.${i}`;
    if (q.submittedDate && !r.cspApprovalDate) fail('cspApprovalDate', 'Enter the CSP approval date: the report has been submitted to the Home Office.');
    order(`${field}.submittedDate`, q.submittedDate || null, r.cspApprovalDate, 'The report was submitted before the CSP approved it');
    if (q.outcome && !q.outcomeDate) fail(`${field}.outcomeDate`, 'Enter the date of the outcome.');
    if (!q.outcome && q.outcomeDate) fail(`${field}.outcome`, 'Choose the outcome for this date.');
    order(`${field}.outcomeDate`, q.outcomeDate, q.submittedDate || null, 'The outcome is dated before the submission');
    const previous = rounds[i - 1];
    if (previous) {
      if (previous.outcome !== 'resubmit') fail(`${field}.submittedDate`, `Round ${i} must have the outcome "resubmit with changes" before a further round.`);
      order(`${field}.submittedDate`, q.submittedDate || null, previous.outcomeDate, 'A resubmission is dated before the previous outcome');
    }
  });
  const approval = rounds.find((q) => q.outcome === 'approved');
  order('publicationDate', r.publicationDate, approval?.outcomeDate ?? r.cspApprovalDate, 'The publication date is before the report was approved');

  r.people.forEach((p, i) => {
    if (!p.pseudonym.trim()) fail(`people.${i}.pseudonym`, 'Enter the pseudonym used for this person in the report.');
    const real = p.realName?.trim().toLowerCase();
    if (real && real === p.pseudonym.trim().toLowerCase()) fail(`people.${i}.pseudonym`, 'The pseudonym is the same as the real name. Choose a pseudonym that does not identify the person.');
    if (real && real === r.victimPseudonym.trim().toLowerCase()) fail('victimPseudonym', "The victim's pseudonym is a real name from the pseudonym register.");
  });
  r.panel.forEach((m, i) => {
    if (!m.memberName.trim()) fail(`panel.${i}.memberName`, "Enter the panel member's name.");
  });
  return errors;
}
