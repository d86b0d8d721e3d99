import { z } from 'zod';
import { isIsoDate } from '../domain/dates.ts';
import { STATUSES } from '../domain/vocabulary.ts';

// Building blocks for the contract. Messages are written for people: they
// reach the screen and the CLI unchanged.

export const empty = z.strictObject({});

export const storeFile = z
  .string({ error: 'Give the path of the store file.' })
  .trim()
  .min(1, 'Give the path of the store file.')
  .max(4096, 'That path is too long.');

export const passphrase = z
  .string({ error: 'Enter the passphrase.' })
  .min(1, 'Enter the passphrase.')
  .max(1024, 'That passphrase is too long (over 1,024 characters).');

export const isoDate = z.string().refine(isIsoDate, 'Enter a real date, with its day, month and year.');

export const uuid = z.uuid({ error: 'That is not a record id.' });

export const status = z.enum(STATUSES);

export const storeStats = z.object({
  reviews: z.number().int(),
  recommendations: z.number().int(),
  actions: z.number().int(),
  applicabilityDecisions: z.number().int(),
  progressUpdates: z.number().int(),
  districts: z.number().int(),
  agencies: z.number().int(),
});
export type StoreStats = z.infer<typeof storeStats>;

export const sessionStatus = z.object({
  state: z.enum(['locked', 'unlocked']),
  /** The open (or last used) store file */
  file: z.string().nullable(),
  recentFiles: z.array(z.string()),
  /** Suggested location for a new store */
  defaultFile: z.string(),
  /** True when the open store holds no partnership data yet */
  empty: z.boolean(),
  autoLockMinutes: z.number().int(),
  /** The day by the backend's clock: the renderer asks, never the browser, so forms and limits agree with the rules that check them */
  today: isoDate,
});
export type SessionStatus = z.infer<typeof sessionStatus>;

export const appSettings = z.object({
  autoLockMinutes: z.number().int().min(1).max(240),
  partnershipName: z.string(),
  reviewLabel: z.enum(['DHR', 'DARDR']),
  protectiveMarking: z.string(),
  decisionWithinDays: z.number().int(),
  completionWithinMonths: z.number().int(),
  /** Who this installation's changes are recorded as, in the audit log */
  userName: z.string(),
  userOrganisation: z.string(),
  maxTargetMonths: z.number().int(),
});
const settingText = (what: string, max: number) => z.string().trim().max(max, `The ${what} can be at most ${max} characters.`);
export const settingsUpdate = z.strictObject({
  autoLockMinutes: z
    .number({ error: 'Auto-lock must be a whole number of minutes.' })
    .int('Auto-lock must be a whole number of minutes.')
    .min(1, 'Auto-lock must be at least 1 minute.')
    .max(240, 'Auto-lock can be at most 240 minutes (4 hours).')
    .optional(),
  partnershipName: settingText('partnership name', 200).optional(),
  reviewLabel: z.enum(['DHR', 'DARDR'], { error: 'Choose DHR or DARDR.' }).optional(),
  protectiveMarking: settingText('protective marking', 100).min(1, 'Enter the protective marking, such as OFFICIAL-SENSITIVE.').optional(),
  decisionWithinDays: z
    .number({ error: 'Enter a whole number of days.' })
    .int('Enter a whole number of days.')
    .min(1, 'The decision period must be at least 1 day.')
    .max(365, 'The decision period can be at most 365 days.')
    .optional(),
  completionWithinMonths: z
    .number({ error: 'Enter a whole number of months.' })
    .int('Enter a whole number of months.')
    .min(1, 'The completion period must be at least 1 month.')
    .max(60, 'The completion period can be at most 60 months.')
    .optional(),
  userName: settingText('name', 200).optional(),
  userOrganisation: settingText('organisation', 200).optional(),
  maxTargetMonths: z
    .number({ error: 'Enter a whole number of months.' })
    .int('Enter a whole number of months.')
    .min(1, 'The furthest target date must be at least 1 month away.')
    .max(120, 'The furthest target date can be at most 120 months (10 years) away.')
    .optional(),
});
export type AppSettings = z.infer<typeof appSettings>;

export const districtSummary = z.object({
  districtId: z.string(),
  name: z.string(),
  counts: z.record(z.enum(STATUSES), z.number().int()),
  applicable: z.number().int(),
  underConsideration: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
});

export const dashboardSummary = z.object({
  asAt: isoDate,
  partnershipName: z.string(),
  reviewLabel: z.enum(['DHR', 'DARDR']),
  totals: storeStats,
  statusCounts: z.record(z.enum(STATUSES), z.number().int()),
  overdueCount: z.number().int(),
  dueSoonCount: z.number().int(),
  districts: z.array(districtSummary),
  reviewsByStage: z.array(z.object({ stage: z.string(), label: z.string(), count: z.number().int() })),
  overdue: z.array(
    z.object({
      reviewReference: z.string(),
      recommendationNumber: z.number().int(),
      recommendationText: z.string(),
      districtName: z.string(),
      targetDate: isoDate,
      status: status,
    }),
  ),
});
export type DashboardSummary = z.infer<typeof dashboardSummary>;

export const exportResult = z.object({ file: z.string().nullable(), bytes: z.number().int().nullable() });
export type ExportResult = z.infer<typeof exportResult>;

/** One place the anonymity guard found a real name. */
export const anonymityHit = z.object({
  /** The real name (or surname) that matched, as written in the pseudonym register */
  name: z.string(),
  reviewReference: z.string(),
  /** Where in the document: "Body, paragraph 12", "Table 2, row 3, column 1", "Header", "Comment by …", "Document property: Title" */
  location: z.string(),
  /** The surrounding words, with the name in place */
  context: z.string(),
  /** A full name or a surname is a definite hit; a first name on its own only a possible one, for the person to review */
  kind: z.enum(['full name', 'surname', 'first name']).optional(),
});
export type AnonymityHit = z.infer<typeof anonymityHit>;
/**
 * On a publishable export: the person has reviewed each first name the
 * anonymity guard found on its own (NAMES_TO_REVIEW) and says none is a
 * person from a pseudonym register. Full names and surnames refuse regardless.
 */
export const reviewedFirstNames = z.boolean().optional();
export const anonymityReport = z.object({ file: z.string().nullable(), checked: z.boolean(), hits: z.array(anonymityHit) });
export type AnonymityReport = z.infer<typeof anonymityReport>;
