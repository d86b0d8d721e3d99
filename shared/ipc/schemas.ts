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

export const isoDate = z.string().refine(isIsoDate, 'Use a real date in the form yyyy-mm-dd.');

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
});
export type SessionStatus = z.infer<typeof sessionStatus>;

export const appSettings = z.object({
  autoLockMinutes: z.number().int().min(1).max(240),
  partnershipName: z.string(),
  reviewLabel: z.enum(['DHR', 'DARDR']),
  protectiveMarking: z.string(),
});
export type AppSettings = z.infer<typeof appSettings>;

export const districtSummary = z.object({
  districtId: z.string(),
  name: z.string(),
  counts: z.record(z.enum(STATUSES), z.number().int()),
  applicable: z.number().int(),
  underConsideration: z.number().int(),
  overdue: z.number().int(),
});

export const dashboardSummary = z.object({
  asAt: isoDate,
  partnershipName: z.string(),
  reviewLabel: z.enum(['DHR', 'DARDR']),
  totals: storeStats,
  statusCounts: z.record(z.enum(STATUSES), z.number().int()),
  districts: z.array(districtSummary),
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
