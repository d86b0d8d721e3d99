import { stampOf } from '../../../shared/domain/clock.ts';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/errors.ts';
import { guardForPublication } from '../anonymity/anonymity-guard.ts';
import { appendAudit } from '../store/audit.ts';
import type { Store } from '../store/open-store.ts';
import type { Db } from '../store/sqlite.ts';
import { loadActionPlan, type ActionPlanData } from './action-plan-data.ts';
import { actionPlanDocx } from './action-plan-docx.ts';
import { safeFileName } from './docx-common.ts';
import { recommendationsDocx } from './recommendations-docx.ts';
import { cutInput } from '../../../shared/domain/quote-input.ts';

// The Word exports of one review, as the app and the CLI both make them:
// build the document, check it for real names (both are appended to the
// published overview report, so the anonymity guard refuses a real name and
// stops at a first name until the person has reviewed it), then (once
// written) record the export in the audit log.

interface ReviewExportSpec {
  /** What the audit log and messages call it */
  label: string;
  dialogTitle: string;
  build: (data: ActionPlanData, options: { today: string }) => Promise<Buffer>;
}

export const REVIEW_EXPORTS = {
  'action plan': { label: 'action plan', dialogTitle: 'Export the action plan as a Word document', build: actionPlanDocx },
  recommendations: { label: 'recommendations', dialogTitle: 'Export the numbered recommendations as a Word document', build: recommendationsDocx },
} as const satisfies Record<string, ReviewExportSpec>;
export type ReviewExportKind = keyof typeof REVIEW_EXPORTS;

export interface BuiltReviewExport {
  kind: ReviewExportKind;
  reviewId: string;
  reference: string;
  /** A file name to offer, such as "DHR-FL-2016-01 action plan.docx" */
  defaultName: string;
  dialogTitle: string;
  recommendations: number;
  actions: number;
  bytes: Buffer;
  /** First names alone the person said they had reviewed before it went ahead */
  firstNamesReviewed: number;
}

/**
 * Read the review (NOT_FOUND when it does not exist), build the document in
 * memory and check it for real names (NAMES_FOUND, or NAMES_TO_REVIEW for
 * first names alone unless reviewedFirstNames). Nothing is written.
 */
export async function buildReviewExport(db: Db, reviewId: string, kind: ReviewExportKind, today: string, options: { reviewedFirstNames?: boolean } = {}): Promise<BuiltReviewExport> {
  const spec = REVIEW_EXPORTS[kind];
  const data = loadActionPlan(db, reviewId);
  const bytes = await spec.build(data, { today });
  const label = spec.label === 'action plan' ? 'The action plan' : 'The recommendations document';
  const checked = guardForPublication(bytes, db, {
    label,
    what: `${label} of ${data.review.reference} is published with the overview report`,
    reviewedFirstNames: options.reviewedFirstNames,
  });
  return {
    kind,
    reviewId,
    reference: data.review.reference,
    defaultName: `${safeFileName(`${data.review.reference} ${spec.label}`)}.docx`,
    dialogTitle: spec.dialogTitle,
    recommendations: data.recommendations.length,
    actions: data.recommendations.reduce((n, r) => n + r.actions.length, 0),
    bytes,
    firstNamesReviewed: checked.firstNamesReviewed,
  };
}

/** One audit entry on the review for a finished export: who exported what, to which file name. */
export function recordReviewExport(store: Store, built: Pick<BuiltReviewExport, 'reviewId' | 'kind'> & { firstNamesReviewed?: number }, file: string, actor: string): void {
  store.db.transaction(() => {
    appendAudit(store.db, store.installationId, {
      actor,
      action: 'export',
      entity: 'review',
      entityId: built.reviewId,
      detail: { changes: [], export: REVIEW_EXPORTS[built.kind].label, file: path.basename(file), ...reviewedDetail(built.firstNamesReviewed) },
    }, stampOf(store.clock));
  })();
}

/** For an audit entry: how many first names alone the person confirmed they had reviewed (never the names). */
export function reviewedDetail(firstNamesReviewed: number | undefined): { firstNamesReviewed?: number } {
  return firstNamesReviewed ? { firstNamesReviewed } : {};
}

/** A review's id from its reference, ignoring case, for the command line. */
export function reviewIdByReference(db: Db, reference: string): string {
  const row = db.prepare('SELECT id FROM reviews WHERE reference = ? COLLATE NOCASE AND deleted_at IS NULL').get(reference.trim()) as { id: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no review with the reference ${cutInput(reference)}. dhr reviews list shows the references.`);
  return row.id;
}
