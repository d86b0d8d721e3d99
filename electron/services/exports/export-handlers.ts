import { todayOf } from '../../../shared/domain/clock.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Dialogs } from '../platform.ts';
import type { Session } from '../session/session.ts';
import { actorName, readSettings } from '../store/settings-store.ts';
import { buildReviewExport, recordReviewExport, type ReviewExportKind } from './review-exports.ts';
import { writeExportFile } from './write-export-file.ts';

// The Word exports of a review: build the document from the unlocked store,
// check it for real names (refused before any dialog), ask where to save
// it, write it all-or-nothing, and audit the export.

export function exportHandlers(session: Session, dialogs: Dialogs): PartialHandlers<'export.actionPlan' | 'export.recommendations'> {
  const today = () => todayOf(session.clock);
  const exportReview =
    (kind: ReviewExportKind) =>
    async ({ reviewId, reviewedFirstNames }: { reviewId: string; reviewedFirstNames?: boolean }) => {
      const store = session.requireStore();
      // Built and checked before asking where to save, so an unknown review or a real name is refused without a dialog.
      const built = await buildReviewExport(store.db, reviewId, kind, today(), { reviewedFirstNames });
      const chosen = await dialogs.chooseExportFile({ title: built.dialogTitle, defaultName: built.defaultName, extension: 'docx' });
      if (!chosen) return { file: null, bytes: null };
      // The store may have locked (or another been opened) while the dialog was up: then write nothing.
      if (session.requireStore() !== store) throw new AppError('CONFLICT', 'The store was closed while you chose where to save, so nothing was exported. Export again.');
      const written = writeExportFile(chosen, built.bytes, 'docx');
      recordReviewExport(store, built, written.file, actorName(readSettings(store.db)));
      return written;
    };
  return { 'export.actionPlan': exportReview('action plan'), 'export.recommendations': exportReview('recommendations') };
}
