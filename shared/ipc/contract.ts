import { z } from 'zod';
import { ERROR_CODES } from './errors.ts';
import * as d from './drafting-schemas.ts';
import * as p from './partnership-schemas.ts';
import * as pr from './progress-schemas.ts';
import * as rec from './recommendation-schemas.ts';
import * as r from './review-schemas.ts';
import * as s from './schemas.ts';
import { exchangeContract } from './exchange-contract-entries.ts';
import { securityContractEntries } from './security-contract-entries.ts';

/**
 * Every IPC channel the renderer may call, with the schema of its input and
 * of its output. Main validates each input against this before a handler
 * runs and each output before it leaves; the preload refuses any channel
 * not named here. Adding a feature means adding its channels here first.
 */
export const contract = {
  // Session: create, open, lock. Work while locked.
  'session.status': { input: s.empty, output: s.sessionStatus },
  'session.create': { input: z.strictObject({ file: s.storeFile, passphrase: s.passphrase }), output: s.sessionStatus },
  'session.open': { input: z.strictObject({ file: s.storeFile, passphrase: s.passphrase }), output: s.sessionStatus },
  'session.lock': { input: s.empty, output: s.sessionStatus },
  /** The renderer reports user activity (throttled) so idle auto-lock measures the person, not the app. */
  'session.activity': { input: s.empty, output: z.object({ autoLockAt: z.number() }).nullable() },

  // Native file dialogs. Returns null when the person cancels.
  'dialog.chooseStoreFile': {
    input: z.strictObject({ purpose: z.enum(['create', 'open']) }),
    output: z.object({ file: z.string().nullable() }),
  },

  // Store-wide
  'store.stats': { input: s.empty, output: s.storeStats },
  'demo.load': { input: s.empty, output: s.storeStats },
  'settings.get': { input: s.empty, output: s.appSettings },
  'settings.update': { input: s.settingsUpdate, output: s.appSettings },

  // Partnership reference lists: add, rename, retire (never delete)
  'partnership.lists': { input: s.empty, output: p.partnershipLists },
  'districts.add': { input: p.addDistrictInput, output: p.district },
  'districts.update': { input: p.updateDistrictInput, output: p.district },
  'agencies.add': { input: p.addAgencyInput, output: p.agency },
  'agencies.update': { input: p.updateAgencyInput, output: p.agency },
  'themes.add': { input: p.addThemeInput, output: p.theme },
  'themes.update': { input: p.updateThemeInput, output: p.theme },

  // Reviews
  'reviews.list': { input: r.reviewListInput, output: r.reviewList },
  'reviews.get': { input: z.strictObject({ id: s.uuid }), output: r.reviewDetail },
  'reviews.save': { input: r.reviewInput, output: r.reviewDetail },
  'reviews.audit': { input: z.strictObject({ id: s.uuid }), output: z.object({ entries: z.array(r.auditEntry) }) },

  // Recommendations and their actions, in the Home Office template
  'recommendations.list': { input: z.strictObject({ reviewId: s.uuid }), output: rec.recommendationsForReview },
  'recommendations.save': { input: rec.recommendationInput, output: rec.recommendationDetail },
  'recommendations.delete': { input: z.strictObject({ id: s.uuid }), output: rec.recommendationsForReview },
  'recommendations.reorder': {
    input: z.strictObject({ reviewId: s.uuid, ids: z.array(s.uuid).min(1).max(500) }),
    output: rec.recommendationsForReview,
  },
  /** Earlier recommendations that say much the same as a draft */
  'recommendations.similar': { input: rec.similarInput, output: z.object({ matches: z.array(rec.similarMatch) }) },
  /** Groups of similar recommendations made by different reviews */
  'recommendations.recurring': { input: s.empty, output: z.object({ groups: z.array(rec.recurringGroup) }) },

  'dashboard.summary': { input: s.empty, output: s.dashboardSummary },

  // Cross-district applicability and implementation progress
  'applicability.forRecommendation': { input: z.strictObject({ recommendationId: s.uuid }), output: pr.applicabilityForRecommendation },
  /** The same decision for one or many recommendation × district pairs, in one transaction */
  'applicability.decide': { input: pr.decideInput, output: z.object({ updated: z.number().int() }) },
  'progress.add': { input: pr.progressInput, output: pr.progressHistory },
  'progress.history': {
    input: z.strictObject({ applicabilityId: s.uuid.optional(), actionId: s.uuid.optional() }).refine((q) => Boolean(q.applicabilityId) !== Boolean(q.actionId), {
      message: 'Ask for one district’s applicability or one action.',
    }),
    output: pr.progressHistory,
  },
  /** Save an evidence file out of the store, where the person chooses */
  'attachments.save': { input: z.strictObject({ id: s.uuid }), output: s.exportResult },
  'myDistrict.get': { input: z.strictObject({ districtId: s.uuid.optional() }), output: pr.myDistrict },
  'myDistrict.choose': { input: z.strictObject({ districtId: s.uuid }), output: pr.myDistrict },
  'countywide.matrix': { input: pr.matrixInput, output: pr.matrix },
  'statuses.list': { input: s.empty, output: pr.statusColours },
  'statuses.update': { input: pr.statusColourUpdate, output: pr.statusColours },

  // Word exports: main asks where to save (null file = cancelled) and writes the file whole or not at all.
  'export.actionPlan': { input: z.strictObject({ reviewId: s.uuid, reviewedFirstNames: s.reviewedFirstNames }), output: s.exportResult },
  'export.recommendations': { input: z.strictObject({ reviewId: s.uuid, reviewedFirstNames: s.reviewedFirstNames }), output: s.exportResult },
  /** Board and countywide reports; forPublication refuses to write a file containing any real name */
  'reports.cspProgress': {
    input: z.strictObject({ districtId: s.uuid, asAt: s.isoDate, forPublication: z.boolean().default(false), reviewedFirstNames: s.reviewedFirstNames }),
    output: s.exportResult,
  },
  'reports.countywide': {
    input: z.strictObject({ from: s.isoDate, to: s.isoDate, forPublication: z.boolean().default(false), reviewedFirstNames: s.reviewedFirstNames }),
    output: s.exportResult,
  },
  // The chair's drafting pack
  'drafting.overviewSkeleton': { input: z.strictObject({ reviewId: s.uuid, reviewedFirstNames: s.reviewedFirstNames }), output: s.exportResult },
  'drafting.executiveSummarySkeleton': { input: z.strictObject({ reviewId: s.uuid, reviewedFirstNames: s.reviewedFirstNames }), output: s.exportResult },
  'drafting.acknowledgements': { input: z.strictObject({ recommendationId: s.uuid }), output: d.acknowledgements },
  'drafting.acknowledgeHint': { input: d.acknowledgeInput, output: d.acknowledgements },
  'drafting.unacknowledgeHint': { input: z.strictObject({ recommendationId: s.uuid, hintKey: z.string().max(40) }), output: d.acknowledgements },
  /** chooseReport: ask for the chair's final .docx and check it for real names as part of the checklist */
  'drafting.submissionCheck': { input: z.strictObject({ reviewId: s.uuid, chooseReport: z.boolean().default(false) }), output: d.submissionCheck },
  /** Asks for the overview report, the executive summary and a folder; writes the pack and records the submission only if every check passes */
  'drafting.submissionPack': { input: d.submissionPackInput, output: d.submissionPack },

  /** Pick any .docx (a chair's own draft, say) and list every real name in it, with where */
  'anonymity.checkFile': { input: s.empty, output: s.anonymityReport },

  // Passphrase change, "Remember on this device", backups and restore
  ...securityContractEntries,
  // Exchange packages, legacy action plans in, spreadsheets out for analysts
  ...exchangeContract,
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

/** Messages main pushes to the renderer. */
export const events = {
  'session.locked': z.object({ reason: z.enum(['manual', 'idle', 'menu']) }),
  'task.progress': z.object({
    task: z.string(),
    label: z.string(),
    done: z.number(),
    total: z.number(),
  }),
} as const satisfies Record<string, z.ZodType>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const CHANNELS = Object.keys(contract) as Channel[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export const errorInfo = z.object({ code: z.enum(ERROR_CODES), message: z.string(), fields: z.record(z.string(), z.string()).optional() });
export type Reply<T> = { ok: true; value: T } | { ok: false; error: z.infer<typeof errorInfo> };

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
