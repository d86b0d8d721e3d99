import path from 'node:path';
import { stampOf, todayOf } from '../../../shared/domain/clock.ts';
import { checkChosenDocument, guardForPublication, isPossibleHit, readChosenDocument } from '../anonymity/anonymity-guard.ts';
import { safeFileName } from '../exports/docx-common.ts';
import { reviewedDetail } from '../exports/review-exports.ts';
import { writeExportFile } from '../exports/write-export-file.ts';
import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Dialogs } from '../platform.ts';
import type { Session } from '../session/session.ts';
import { appendAudit } from '../store/audit.ts';
import { actorName, readSettings } from '../store/settings-store.ts';
import type { Db } from '../store/sqlite.ts';
import { acknowledge, acknowledgementsFor, unacknowledge } from './acknowledgements.ts';
import { loadSkeletonData } from './skeleton-data.ts';
import { executiveSummarySkeletonDocx, overviewSkeletonDocx } from './skeleton-docx.ts';
import { runSubmissionCheck } from './submission.ts';
import { makeSubmissionPack } from './submission-pack.ts';

type Channels =
  | 'drafting.overviewSkeleton'
  | 'drafting.executiveSummarySkeleton'
  | 'drafting.acknowledgements'
  | 'drafting.acknowledgeHint'
  | 'drafting.unacknowledgeHint'
  | 'drafting.submissionCheck'
  | 'drafting.submissionPack';

export const SKELETONS = {
  overview: { title: 'overview report skeleton', build: overviewSkeletonDocx },
  'executive summary': { title: 'executive summary skeleton', build: executiveSummarySkeletonDocx },
} as const;

/**
 * Build a skeleton in memory, refusing it if a real name slipped in (from a
 * recommendation's text, say: only the register's pseudonyms are read), and
 * stopping at a first name alone until the person has reviewed it.
 */
export async function buildSkeleton(db: Db, reviewId: string, kind: keyof typeof SKELETONS, today: string, options: { reviewedFirstNames?: boolean } = {}) {
  const data = loadSkeletonData(db, reviewId);
  const bytes = await SKELETONS[kind].build(data, today);
  const label = `The ${SKELETONS[kind].title}`;
  const { firstNamesReviewed } = guardForPublication(bytes, db, { label, what: `${label} of ${data.review.reference} becomes a published report`, reviewedFirstNames: options.reviewedFirstNames });
  return { bytes, reference: data.review.reference, firstNamesReviewed, defaultName: `${safeFileName(data.review.reference)} ${SKELETONS[kind].title}.docx` };
}

/** The audit entry's detail for a written skeleton. */
export function skeletonAuditDetail(kind: keyof typeof SKELETONS, file: string, firstNamesReviewed: number) {
  return { export: SKELETONS[kind].title, file: path.basename(file), changes: [], ...reviewedDetail(firstNamesReviewed) };
}

export function draftingHandlers(session: Session, dialogs: Dialogs): PartialHandlers<Channels> {
  const today = () => todayOf(session.clock);
  const open = () => {
    const store = session.requireStore();
    return { store, db: store.db, actor: actorName(readSettings(store.db)) };
  };
  const exportSkeleton = (kind: keyof typeof SKELETONS) => async ({ reviewId, reviewedFirstNames }: { reviewId: string; reviewedFirstNames?: boolean }) => {
    const built = await buildSkeleton(open().db, reviewId, kind, today(), { reviewedFirstNames });
    const chosen = await dialogs.chooseExportFile({ title: `Export the ${SKELETONS[kind].title}`, defaultName: built.defaultName, extension: 'docx' });
    if (!chosen) return { file: null, bytes: null };
    const { store, db, actor } = open(); // the store may have locked while the dialog was open
    const written = writeExportFile(chosen, built.bytes, 'docx');
    db.transaction(() => appendAudit(db, store.installationId, { actor, action: 'export', entity: 'review', entityId: reviewId, detail: skeletonAuditDetail(kind, written.file, built.firstNamesReviewed) }, stampOf(store.clock)))();
    return written;
  };
  return {
    'drafting.overviewSkeleton': exportSkeleton('overview'),
    'drafting.executiveSummarySkeleton': exportSkeleton('executive summary'),
    'drafting.acknowledgements': ({ recommendationId }) => acknowledgementsFor(open().db, recommendationId),
    'drafting.acknowledgeHint': (input) => {
      const { store, actor } = open();
      return acknowledge(store, input, actor);
    },
    'drafting.unacknowledgeHint': ({ recommendationId, hintKey }) => {
      const { store, actor } = open();
      return unacknowledge(store, recommendationId, hintKey, actor);
    },
    'drafting.submissionCheck': async ({ reviewId, chooseReport }) => {
      runSubmissionCheck(open().db, reviewId, null, today()); // NOT_FOUND before any dialog
      if (!chooseReport) return runSubmissionCheck(open().db, reviewId, null, today());
      const file = await dialogs.chooseOpenFile({ title: "Choose the chair's final overview report", extensions: ['docx'], filterName: 'Word document' });
      const { store, db, actor } = open();
      if (!file) return runSubmissionCheck(db, reviewId, null, today());
      // Definite hits only: a first name alone is a possible one, listed by "Check a document for names".
      const hits = checkChosenDocument(store, readChosenDocument(file), actor).filter((h) => !isPossibleHit(h));
      return runSubmissionCheck(db, reviewId, { file, hits: hits.length }, today());
    },
    'drafting.submissionPack': (input) => {
      const { store, actor } = open();
      return makeSubmissionPack(store, dialogs, input, actor, today());
    },
  };
}
