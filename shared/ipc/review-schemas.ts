import { z } from 'zod';
import { REVIEW_STAGES } from '../domain/review-clock.ts';
import { PERSON_ROLES, QA_OUTCOMES, RELATIONSHIPS } from '../domain/vocabulary.ts';
import { isoDate, uuid } from './schemas.ts';

// The review record as it crosses IPC. Shape and types are checked here;
// the order of dates and other cross-field rules are checked by
// shared/domain/review-validation.ts on both sides.

const text = (max: number, message = `Keep this to ${max.toLocaleString('en-GB')} characters or fewer.`) => z.string().max(max, message);
const optionalText = (max: number) => text(max).nullable().default(null);
const date = isoDate.nullable().default(null);

export const personInput = z.strictObject({
  id: uuid.optional(),
  role: z.enum(PERSON_ROLES),
  pseudonym: text(100),
  realName: optionalText(200),
});
export const panelMemberInput = z.strictObject({
  id: uuid.optional(),
  agencyId: uuid.nullable().default(null),
  memberName: text(200),
  role: optionalText(200),
});
export const imrInput = z.strictObject({
  id: uuid.optional(),
  agencyId: z.string(),
  requestedDate: date,
  receivedDate: date,
});
export const pauseInput = z.strictObject({
  id: uuid.optional(),
  startDate: z.string(),
  endDate: date,
  reason: optionalText(2000),
});
export const qaSubmissionInput = z.strictObject({
  id: uuid.optional(),
  submittedDate: z.string(),
  outcome: z.enum(QA_OUTCOMES).nullable().default(null),
  outcomeDate: date,
  feedback: optionalText(10_000),
});

export const reviewInput = z.strictObject({
  /** Absent for a new review */
  id: uuid.optional(),
  reference: text(40, 'Keep the reference to 40 characters or fewer.').trim(),
  victimPseudonym: text(100).trim(),
  commissioningDistrictId: z.string(),
  relationship: z.enum(RELATIONSHIPS, { error: 'Choose the relationship.' }),
  dateOfDeath: date,
  notificationDate: date,
  decision: z.enum(['hold', 'not_hold']).nullable().default(null),
  decisionDate: date,
  decisionReasons: optionalText(10_000),
  homeOfficeNotifiedDate: date,
  chairName: optionalText(200),
  termsOfReferenceDate: date,
  draftReportDate: date,
  executiveSummaryDraftDate: date,
  familyConsultedDate: date,
  familyInvolvement: optionalText(20_000),
  cspApprovalDate: date,
  publicationDate: date,
  embargoed: z.boolean().default(false),
  embargoReason: optionalText(2000),
  closedDate: date,
  summary: optionalText(20_000),
  notes: optionalText(50_000),
  themeIds: z.array(uuid).max(200).default([]),
  people: z.array(personInput).max(100).default([]),
  panel: z.array(panelMemberInput).max(100).default([]),
  imrs: z.array(imrInput).max(100).default([]),
  pauses: z.array(pauseInput).max(50).default([]),
  qaSubmissions: z.array(qaSubmissionInput).max(20).default([]),
});
export type ReviewInput = z.input<typeof reviewInput>;
export type ReviewData = z.output<typeof reviewInput>;

export const reviewClock = z.object({
  stage: z.enum(REVIEW_STAGES),
  stageLabel: z.string(),
  stageSince: isoDate.nullable(),
  daysInStage: z.number().int().nullable(),
  decisionDue: isoDate.nullable(),
  decisionOverdue: z.boolean(),
  completionDue: isoDate.nullable(),
  completionOverdue: z.boolean(),
  pausedDays: z.number().int(),
  qaResubmissionOutstanding: z.boolean(),
  actionPlanOpen: z.boolean(),
  overdue: z.boolean(),
});
export type ReviewClockView = z.infer<typeof reviewClock>;

export const reviewDetail = reviewInput.extend({
  id: z.string(),
  districtName: z.string(),
  clock: reviewClock,
  timeline: z.array(z.object({ date: isoDate, label: z.string() })),
  ownerInstallationId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReviewDetail = z.infer<typeof reviewDetail>;

export const REVIEW_SORTS = ['reference', 'district', 'stage', 'daysInStage', 'notificationDate'] as const;
export const reviewListInput = z.strictObject({
  search: z.string().max(200).optional(),
  districtId: uuid.optional(),
  stage: z.enum(REVIEW_STAGES).optional(),
  year: z.number().int().min(1990).max(2100).optional(),
  themeId: uuid.optional(),
  overdueOnly: z.boolean().optional(),
  sort: z.enum(REVIEW_SORTS).default('reference'),
  direction: z.enum(['asc', 'desc']).default('asc'),
});
export type ReviewListQuery = z.input<typeof reviewListInput>;

/** A review in lists: never the pseudonym register's real names. */
export const reviewRow = z.object({
  id: z.string(),
  reference: z.string(),
  victimPseudonym: z.string(),
  districtId: z.string(),
  districtName: z.string(),
  relationship: z.enum(RELATIONSHIPS),
  notificationDate: isoDate.nullable(),
  year: z.number().int().nullable(),
  recommendations: z.number().int(),
  clock: reviewClock,
});
export type ReviewRow = z.infer<typeof reviewRow>;
export const reviewList = z.object({ rows: z.array(reviewRow), total: z.number().int(), years: z.array(z.number().int()) });

export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  summary: z.string(),
  changes: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
});
export type AuditEntryView = z.infer<typeof auditEntry>;
