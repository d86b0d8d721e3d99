import { addDays, formatUkDate, isIsoDate } from './dates.ts';
import { CLOSED_STATUSES, STATUS_DEFAULTS, type Applicability, type Status } from './vocabulary.ts';

// When an applicable recommendation (or an action) is due, and what may be
// recorded against it. Pure: lists, the matrix, the dashboard, reports and
// the CLI all use the same rules.

export const DUE_SOON_DAYS = 30;

export type DueState = 'overdue' | 'due_soon' | 'not_due' | 'no_target' | 'closed';
export const DUE_WORDS: Record<DueState, string> = {
  overdue: 'Overdue',
  due_soon: `Due within ${DUE_SOON_DAYS} days`,
  not_due: 'Not yet due',
  no_target: 'No target date',
  closed: 'Closed',
};

export function dueState(targetDate: string | null, status: Status | null, today: string): DueState {
  if (status && CLOSED_STATUSES.includes(status)) return 'closed';
  if (!targetDate) return 'no_target';
  if (targetDate < today) return 'overdue';
  if (targetDate <= addDays(today, DUE_SOON_DAYS)) return 'due_soon';
  return 'not_due';
}

export interface DecisionInput {
  decision: Applicability;
  reason: string | null;
  evidence: string | null;
  localLeadAgencyId: string | null;
  officerName: string | null;
  targetDate: string | null;
  /** Said explicitly for an applicable decision with no local target date yet: it shows as its own flag until one is set */
  targetDateNotSet: boolean;
}

/**
 * A district's decision on a recommendation: reasons and evidence where the
 * decision needs them, and for "applicable" who leads it locally, who reports
 * on it, and when it is due. A recommendation with no target date can never
 * become overdue, so leaving it out must be said, not forgotten.
 */
export function validateDecision(d: DecisionInput, context: { dateOfDeath: string | null }): Record<string, string> {
  const errors: Record<string, string> = {};
  if (d.decision === 'applicable') {
    if (!d.localLeadAgencyId) errors.localLeadAgencyId = 'Choose the local lead agency: the agency that will put this into practice in the district.';
    if (!d.officerName?.trim()) errors.officerName = 'Name the officer who will report progress on it.';
    if (!d.targetDate && !d.targetDateNotSet) errors.targetDate = 'Give a local target date, or tick "The target date is not set yet": without a date it can never become overdue.';
  }
  if (d.decision === 'not_applicable' && !d.reason?.trim()) errors.reason = 'Give the reason this recommendation does not apply in the district.';
  if (d.decision === 'already_in_place' && !d.evidence?.trim()) errors.evidence = 'Describe the evidence that this is already in place.';
  if (d.targetDate && !isIsoDate(d.targetDate)) errors.targetDate = 'The local target date is not a real date.';
  else if (d.targetDate && context.dateOfDeath && d.targetDate < context.dateOfDeath) {
    errors.targetDate = `The local target date (${formatUkDate(d.targetDate)}) is before the date of death (${formatUkDate(context.dateOfDeath)}).`;
  }
  return errors;
}

export interface UpdateInput {
  asAtDate: string;
  author: string;
  status: Status;
  note: string;
  statusReason: string | null;
}

/** A progress update: dated no later than today and no earlier than the review's notification. */
export function validateUpdate(u: UpdateInput, context: { today: string; notificationDate: string | null }): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isIsoDate(u.asAtDate)) errors.asAtDate = 'Enter the date this update is as at.';
  else if (u.asAtDate > context.today) errors.asAtDate = `An update cannot be dated in the future (after ${formatUkDate(context.today)}).`;
  else if (context.notificationDate && u.asAtDate < context.notificationDate) {
    errors.asAtDate = `The update is dated before the review was notified (${formatUkDate(context.notificationDate)}).`;
  }
  if (!u.author.trim()) errors.author = 'Enter who is giving this update.';
  if (!u.note.trim()) errors.note = 'Write a progress note: what has happened since the last update.';
  if (u.status === 'not_implemented' && !u.statusReason?.trim()) errors.statusReason = `Give the reason the recommendation will not be implemented ("${STATUS_DEFAULTS.not_implemented.label}" needs one).`;
  return errors;
}

/** Evidence files: what may be attached, and how large. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  txt: 'text/plain',
  csv: 'text/csv',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  msg: 'application/vnd.ms-outlook',
  eml: 'message/rfc822',
};

export function attachmentProblem(fileName: string, size: number): string | null {
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (!extension || !(extension in ATTACHMENT_TYPES)) {
    return `${fileName} is not a type of file that can be attached. Attach PDF, Word, Excel, PowerPoint, OpenDocument, text, CSV, PNG, JPEG or email (.msg, .eml) files.`;
  }
  if (size === 0) return `${fileName} is empty.`;
  if (size > ATTACHMENT_MAX_BYTES) {
    return `${fileName} is ${(size / 1024 / 1024).toFixed(1)} MB; attachments can be at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB. Attach a smaller file, or a PDF of the key pages.`;
  }
  return null;
}
