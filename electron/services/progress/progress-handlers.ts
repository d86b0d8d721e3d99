import path from 'node:path';
import { stampOf, todayOf } from '../../../shared/domain/clock.ts';
import { writeExportFile } from '../exports/write-export-file.ts';
import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Dialogs } from '../platform.ts';
import type { Session } from '../session/session.ts';
import { appendAudit } from '../store/audit.ts';
import { actorName, readSettings } from '../store/settings-store.ts';
import { addUpdate, applicabilityFor, attachmentContent, chooseMyDistrict, decide, history, myDistrict } from './progress-service.ts';

type Channels = 'applicability.forRecommendation' | 'applicability.decide' | 'progress.add' | 'progress.history' | 'attachments.save' | 'myDistrict.get' | 'myDistrict.choose';

export function progressHandlers(session: Session, dialogs: Dialogs): PartialHandlers<Channels> {
  const today = () => todayOf(session.clock);
  const open = () => {
    const store = session.requireStore();
    return { store, db: store.db, actor: actorName(readSettings(store.db)) };
  };
  return {
    'applicability.forRecommendation': ({ recommendationId }) => applicabilityFor(open().db, recommendationId, today()),
    'applicability.decide': (input) => {
      const { store, actor } = open();
      return { updated: decide(store, input, actor, today()) };
    },
    'progress.add': (input) => {
      const { store, actor } = open();
      return addUpdate(store, input, actor, today());
    },
    'progress.history': (query) => history(open().db, query, today()),
    'attachments.save': async ({ id }) => {
      const { fileName } = attachmentContent(open().db, id);
      const extension = path.extname(fileName).slice(1).toLowerCase();
      const chosen = await dialogs.chooseExportFile({ title: 'Save the attachment', defaultName: fileName, extension });
      if (!chosen) return { file: null, bytes: null };
      // The store may have locked while the dialog was open: check again before anything is written.
      const { store, db, actor } = open();
      const { bytes } = attachmentContent(db, id);
      const written = writeExportFile(chosen, bytes, extension);
      appendAudit(db, store.installationId, { actor, action: 'export', entity: 'attachment', entityId: id, detail: { file: path.basename(written.file), changes: [] } }, stampOf(store.clock));
      return written;
    },
    'myDistrict.get': ({ districtId }) => myDistrict(open().db, districtId ?? null, today()),
    'myDistrict.choose': ({ districtId }) => {
      const { store, db, actor } = open();
      chooseMyDistrict(store, districtId, actor);
      return myDistrict(db, districtId, today());
    },
  };
}
