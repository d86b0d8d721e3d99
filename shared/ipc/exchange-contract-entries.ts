import { z } from 'zod';
import { RECOMMENDATION_SCOPES, STATUSES } from '../domain/vocabulary.ts';
import { exportResult, isoDate, reviewedFirstNames, uuid } from './schemas.ts';

// The channels of "Exchange" (issue 8): packages between installations,
// legacy action plans in, spreadsheets out for analysts. Spread into the
// contract in contract.ts; same shape as the entries there.

const int = z.number().int();
const token = z.string().min(8).max(100);

/** A package passphrase: checked for length in main too, with a message that says why. */
const packPassphrase = z.string().max(1024);

export const packageInfo = z.object({
  formatVersion: int,
  /** ISO timestamp */
  createdAt: z.string(),
  appVersion: z.string(),
  senderName: z.string(),
  senderInstallationId: z.string(),
  partnershipName: z.string(),
  scope: z.object({ kind: z.enum(['all', 'district']), districtName: z.string().nullable() }),
  includesRealNames: z.boolean(),
  /** Whether this store takes the real names (same partnership only) */
  realNamesImported: z.boolean(),
});

export const tableCounts = z.object({
  table: z.string(),
  label: z.string(),
  add: int,
  change: int,
  unchanged: int,
  conflicts: int,
  skipped: int,
  remove: int,
  /** Records removed because their owner deleted them */
  delete: int,
});

/** choice: for a near match (a recommendation or action worded or numbered a little differently), the key to send back to link the two */
export const planProblem = z.object({ table: z.string(), label: z.string(), record: z.string(), reason: z.string(), choice: z.string().optional() });

/** delete: records their owner deleted; link: records here found to be the package's under another id (same review, number and wording), linked on apply */
export const planTotals = z.object({ add: int, change: int, remove: int, delete: int, conflicts: int, skipped: int, link: int });

export const packagePreview = z.object({
  /** Names the opened package in main for "Apply import"; the records never come to the renderer */
  token,
  file: z.string(),
  info: packageInfo,
  tables: z.array(tableCounts),
  conflicts: z.array(planProblem),
  skipped: z.array(planProblem),
  /** How many were left out of the lists above (they are long only for very old or very different stores) */
  moreConflicts: int,
  moreSkipped: int,
  notes: z.array(z.string()),
  /** What to check before applying: a review left with numbers used twice, or the same wording twice */
  warnings: z.array(z.string()),
  totals: planTotals,
});

export const packageApplied = z.object({ changed: z.boolean(), totals: planTotals, tables: z.array(tableCounts) });

/** Which column (0-based) holds each field; a field left out is not read. */
export const columnMapping = z.strictObject({
  number: int.min(0).max(500).optional(),
  recommendation: int.min(0).max(500).optional(),
  scope: int.min(0).max(500).optional(),
  action: int.min(0).max(500).optional(),
  leadAgency: int.min(0).max(500).optional(),
  milestones: int.min(0).max(500).optional(),
  targetDate: int.min(0).max(500).optional(),
  completion: int.min(0).max(500).optional(),
  outcome: int.min(0).max(500).optional(),
  status: int.min(0).max(500).optional(),
});

export const understoodRow = z.object({
  location: z.string(),
  recommendationNumber: z.string().nullable(),
  recommendation: z.string(),
  action: z.string().nullable(),
  leadAgency: z.string().nullable(),
  targetDate: isoDate.nullable(),
  completionDate: isoDate.nullable(),
  status: z.enum(STATUSES).nullable(),
  notes: z.array(z.string()),
});

export const rowProblem = z.object({ location: z.string(), reason: z.string(), text: z.string() });

export const actionPlanPreview = z.object({
  token,
  file: z.string(),
  kind: z.enum(['docx', 'xlsx', 'csv']),
  sheet: z.string().nullable(),
  reviewId: uuid,
  reviewReference: z.string(),
  /** For spreadsheets: the columns to map, with a sample value from each */
  columns: z.array(z.object({ index: int, header: z.string(), sample: z.string() })),
  mapping: columnMapping,
  tables: z.array(z.object({ label: z.string(), headers: z.array(z.string()), mapping: columnMapping, rows: int })),
  understood: z.array(understoodRow),
  notUnderstood: z.array(rowProblem),
  /** Rows left out of the lists above, which stop at 2,000 each */
  moreUnderstood: int,
  moreNotUnderstood: int,
  recommendations: z.array(z.object({ number: z.string().nullable(), text: z.string(), scope: z.enum(RECOMMENDATION_SCOPES), actions: int })),
  actions: int,
  agencies: z.array(z.object({ name: z.string(), matchedId: uuid.nullable(), matchedName: z.string().nullable() })),
  alreadyInReview: int,
});

/** Per agency name as written in the file: an existing agency's id, or "new" to add it to the list. */
export const agencyChoices = z.record(z.string().max(300), z.union([uuid, z.literal('new')]));

const actionPlanRequest = z.strictObject({
  token,
  reviewId: uuid,
  /** The person's choice of columns (spreadsheets); omitted: the guess from the headers */
  mapping: columnMapping.optional(),
  agencyChoices: agencyChoices.default({}),
});

export const exchangeContract = {
  /** Make a package of the whole store (districtId null) or of one district's records; asks where to save it. */
  'exchange.exportPackage': {
    input: z
      .strictObject({
        passphrase: packPassphrase,
        confirmPassphrase: packPassphrase,
        districtId: uuid.nullable().default(null),
        includeRealNames: z.boolean().default(false),
      })
      .refine((v) => v.passphrase === v.confirmPassphrase, { message: 'The two passphrases are not the same. Type the same passphrase in both boxes.', path: ['confirmPassphrase'] }),
    output: exportResult.extend({ records: int.nullable() }),
  },
  /** Ask for a package file, open it with its passphrase and compare it with the store. Writes nothing. null when cancelled. */
  'exchange.previewPackage': { input: z.strictObject({ passphrase: packPassphrase }), output: packagePreview.nullable() },
  /** Apply the package last previewed, in one transaction. */
  /** sameRecords: the choice keys of near matches the person says are the same record here: linked, not left out */
  'exchange.applyPackage': { input: z.strictObject({ token, sameRecords: z.array(z.string().max(200)).max(100_000).default([]) }), output: packageApplied },
  /** Ask for an action plan (.docx, .xlsx, .csv) and preview importing it into the review. null when cancelled. */
  'exchange.openActionPlan': { input: z.strictObject({ reviewId: uuid }), output: actionPlanPreview.nullable() },
  /** Preview again with another column mapping or agency choices. */
  'exchange.previewActionPlan': { input: actionPlanRequest, output: actionPlanPreview },
  /** Import the previewed action plan into the review, in one transaction. */
  'exchange.applyActionPlan': {
    input: actionPlanRequest,
    output: z.object({ reviewId: uuid, reviewReference: z.string(), recommendations: int, actions: int, agenciesCreated: int }),
  },
  /**
   * The store as a spreadsheet for analysts (.xlsx), or as CSV files in a zip; asks where to save it.
   * Refused (NAMES_FOUND / NAMES_TO_REVIEW) when a real name is in its text, unless internal: then it is
   * marked OFFICIAL-SENSITIVE in its file name and inside it.
   */
  'exchange.exportSpreadsheet': {
    input: z.strictObject({ format: z.enum(['xlsx', 'csv']), internal: z.boolean().optional(), reviewedFirstNames: reviewedFirstNames }),
    output: exportResult,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
