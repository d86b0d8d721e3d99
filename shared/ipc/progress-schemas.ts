import { z } from 'zod';
import { REVIEW_STAGES } from '../domain/review-clock.ts';
import { APPLICABILITY, STATUSES } from '../domain/vocabulary.ts';
import { isoDate, uuid } from './schemas.ts';

// Cross-district applicability, implementation status and progress updates.

const optionalText = (max: number) => z.string().max(max, `Keep this to ${max.toLocaleString('en-GB')} characters or fewer.`).nullable().default(null);
export const dueState = z.enum(['overdue', 'due_soon', 'not_due', 'no_target', 'closed']);

export const applicabilityRow = z.object({
  id: z.string(),
  recommendationId: z.string(),
  districtId: z.string(),
  districtName: z.string(),
  decision: z.enum(APPLICABILITY),
  reason: z.string().nullable(),
  evidence: z.string().nullable(),
  localLeadAgencyId: z.string().nullable(),
  localLeadAgency: z.string().nullable(),
  officerName: z.string().nullable(),
  targetDate: isoDate.nullable(),
  decidedDate: isoDate.nullable(),
  status: z.enum(STATUSES).nullable(),
  statusReason: z.string().nullable(),
  due: dueState,
  latestUpdate: z.object({ asAtDate: isoDate, author: z.string(), note: z.string() }).nullable(),
});
export type ApplicabilityRow = z.infer<typeof applicabilityRow>;

export const recommendationRef = z.object({
  id: z.string(),
  reviewId: z.string(),
  reviewReference: z.string(),
  number: z.number().int(),
  text: z.string(),
  commissioningDistrictId: z.string(),
  dateOfDeath: isoDate.nullable(),
  notificationDate: isoDate.nullable(),
});
export type RecommendationRef = z.infer<typeof recommendationRef>;

export const applicabilityForRecommendation = z.object({ recommendation: recommendationRef, districts: z.array(applicabilityRow) });

export const decideInput = z.strictObject({
  /** One or many recommendation × district pairs: the same decision for all of them */
  items: z.array(z.strictObject({ recommendationId: uuid, districtId: uuid })).min(1, 'Choose at least one recommendation and district.').max(5000),
  decision: z.enum(APPLICABILITY, { error: 'Choose a decision.' }),
  reason: optionalText(5000),
  evidence: optionalText(5000),
  localLeadAgencyId: uuid.nullable().default(null),
  officerName: optionalText(200),
  targetDate: isoDate.nullable().default(null),
  /** An applicable decision saved knowingly without a local target date */
  targetDateNotSet: z.boolean().default(false),
});
export type DecideInput = z.input<typeof decideInput>;

export const attachmentUpload = z.strictObject({
  fileName: z.string().trim().min(1, 'The attachment has no file name.').max(255, 'The attachment’s file name is too long (over 255 characters).'),
  /** The file's bytes, base64-encoded by the renderer */
  dataBase64: z.string().max(15_000_000, 'That attachment is too large: attachments can be at most 10 MB.'),
});

export const progressInput = z
  .strictObject({
    applicabilityId: uuid.optional(),
    actionId: uuid.optional(),
    asAtDate: isoDate,
    author: z.string().max(200, 'Keep the author to 200 characters or fewer.'),
    status: z.enum(STATUSES, { error: 'Choose the status at this date.' }),
    note: z.string().max(20_000, 'Keep the progress note to 20,000 characters or fewer.'),
    statusReason: optionalText(5000),
    attachments: z.array(attachmentUpload).max(10, 'Attach at most 10 files to one update.').default([]),
  })
  .refine((u) => Boolean(u.applicabilityId) !== Boolean(u.actionId), { message: 'An update is for one district’s applicability or one action.' });
export type ProgressInput = z.input<typeof progressInput>;

export const progressUpdate = z.object({
  id: z.string(),
  asAtDate: isoDate,
  author: z.string(),
  status: z.enum(STATUSES),
  note: z.string(),
  createdAt: z.string(),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int() })),
});
export type ProgressUpdateView = z.infer<typeof progressUpdate>;

export const progressHistory = z.object({
  recommendation: recommendationRef,
  applicability: applicabilityRow.nullable(),
  action: z.object({ id: z.string(), actionText: z.string(), status: z.enum(STATUSES), targetDate: isoDate.nullable(), due: dueState }).nullable(),
  updates: z.array(progressUpdate),
});
export type ProgressHistory = z.infer<typeof progressHistory>;

export const myDistrictItem = z.object({ recommendation: recommendationRef, applicability: applicabilityRow });
export type MyDistrictItem = z.infer<typeof myDistrictItem>;
export const myDistrict = z.object({
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  asAt: isoDate,
  items: z.array(myDistrictItem),
  /** The recommendations still under consideration in the district, oldest review first: each one waits for a decision */
  toDecide: z.array(myDistrictItem),
  underConsideration: z.number().int(),
});
export type MyDistrict = z.infer<typeof myDistrict>;

/** The most rows one request for the matrix may ask for: a page, not the whole of a national store. */
export const MATRIX_PAGE_LIMIT = 1000;
const wholeNumber = (what: string) => z.number({ error: `Give the ${what} as a whole number.` }).int(`Give the ${what} as a whole number.`);
export const matrixInput = z.strictObject({
  reviewId: uuid.optional(),
  themeId: uuid.optional(),
  status: z.enum(STATUSES).optional(),
  overdueOnly: z.boolean().optional(),
  // A page of the rows that match the filters, in the matrix's order. Without either, every matching row, as before paging.
  /** How many rows to return, from 1 to MATRIX_PAGE_LIMIT */
  limit: wholeNumber('number of rows')
    .min(1, 'Ask for at least 1 row.')
    .max(MATRIX_PAGE_LIMIT, `Ask for at most ${MATRIX_PAGE_LIMIT.toLocaleString('en-GB')} rows at a time.`)
    .optional(),
  /** How many matching rows to skip first (0 is the first row) */
  offset: wholeNumber('first row')
    .min(0, 'The first row cannot be before the start: give 0 or more.')
    .optional(),
});
export type MatrixQuery = z.input<typeof matrixInput>;
export const matrixCell = z.object({
  applicabilityId: z.string().nullable(),
  districtId: z.string(),
  decision: z.enum(APPLICABILITY),
  status: z.enum(STATUSES).nullable(),
  due: dueState,
  targetDate: isoDate.nullable(),
});
export const matrix = z.object({
  asAt: isoDate,
  districts: z.array(z.object({ id: z.string(), name: z.string() })),
  rows: z.array(z.object({ recommendation: recommendationRef, cells: z.array(matrixCell) })),
  /** How many rows match the filters in all: more than rows holds when a page was asked for */
  total: z.number().int().min(0),
});
export type Matrix = z.infer<typeof matrix>;

export const statusColours = z.array(z.object({ code: z.enum(STATUSES), label: z.string(), colour: z.string(), colourName: z.string(), meaning: z.string() }));
export type StatusColours = z.infer<typeof statusColours>;
export const statusColourUpdate = z.strictObject({
  code: z.enum(STATUSES),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Give the colour as a hex code such as #2e7d32.'),
  colourName: z.string().trim().min(1, 'Name the colour, such as GREEN.').max(40, 'Keep the colour name to 40 characters or fewer.'),
});

export const reviewsByStage = z.array(z.object({ stage: z.enum(REVIEW_STAGES), label: z.string(), count: z.number().int() }));
