import { z } from 'zod';
import { RECOMMENDATION_SCOPES, STATUSES } from '../domain/vocabulary.ts';
import { isoDate, uuid } from './schemas.ts';

// Recommendations in the Home Office template, their actions, and what the
// store knows about similar recommendations made before.

const text = (max: number) => z.string().max(max, `Keep this to ${max.toLocaleString('en-GB')} characters or fewer.`);
const optionalText = (max: number) => text(max).nullable().default(null);
const date = isoDate.nullable().default(null);

export const addresseeInput = z.strictObject({
  id: uuid.optional(),
  agencyId: z.string(),
  notifiedDate: date,
  acknowledgedDate: date,
});

export const actionInput = z.strictObject({
  id: uuid.optional(),
  actionText: text(5000),
  leadAgencyId: uuid.nullable().default(null),
  milestones: optionalText(5000),
  targetDate: date,
  completionDate: date,
  outcome: optionalText(5000),
});

export const recommendationInput = z.strictObject({
  id: uuid.optional(),
  reviewId: uuid,
  text: text(5000),
  scope: z.enum(RECOMMENDATION_SCOPES, { error: 'Choose the scope of the recommendation.' }),
  finding: optionalText(10_000),
  expectedOutcome: optionalText(5000),
  themeIds: z.array(uuid).max(200).default([]),
  addressees: z.array(addresseeInput).max(50).default([]),
  actions: z.array(actionInput).max(50).default([]),
});
export type RecommendationInput = z.input<typeof recommendationInput>;
export type RecommendationData = z.output<typeof recommendationInput>;

/** How a recommendation is getting on across the districts where it applies. */
export const implementation = z.object({
  label: z.string(),
  applicable: z.number().int(),
  complete: z.number().int(),
  overdue: z.number().int(),
  counts: z.record(z.enum(STATUSES), z.number().int()),
});
export type Implementation = z.infer<typeof implementation>;

export const recommendationDetail = recommendationInput.extend({
  id: z.string(),
  number: z.number().int(),
  implementation,
  /** Each action's current status and whether it is due, in the order of actions */
  actionStatus: z.array(z.object({ id: z.string(), status: z.enum(STATUSES), due: z.enum(['overdue', 'due_soon', 'not_due', 'no_target', 'closed']) })),
  updatedAt: z.string(),
});
export type RecommendationDetail = z.infer<typeof recommendationDetail>;

export const recommendationsForReview = z.object({
  review: z.object({ id: z.string(), reference: z.string(), dateOfDeath: isoDate.nullable(), districtName: z.string() }),
  recommendations: z.array(recommendationDetail),
});
export type RecommendationsForReview = z.infer<typeof recommendationsForReview>;

export const similarMatch = z.object({
  id: z.string(),
  reviewId: z.string(),
  reviewReference: z.string(),
  districtName: z.string(),
  year: z.number().int().nullable(),
  number: z.number().int(),
  text: z.string(),
  /** 0 to 1 */
  score: z.number(),
  implementation,
});
export type SimilarMatch = z.infer<typeof similarMatch>;

export const similarInput = z.strictObject({
  text: z.string().max(5000, 'Keep this to 5,000 characters or fewer.'),
  /** The recommendation being edited, left out of its own matches */
  excludeId: uuid.optional(),
  limit: z.number().int().min(1).max(50).default(8),
});

export const recurringGroup = z.object({
  members: z.array(similarMatch),
  reviews: z.number().int(),
  districts: z.array(z.string()),
  firstYear: z.number().int().nullable(),
  lastYear: z.number().int().nullable(),
});
export type RecurringGroup = z.infer<typeof recurringGroup>;
