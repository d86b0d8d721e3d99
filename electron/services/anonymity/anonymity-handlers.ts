import { AppError } from '../../../shared/ipc/errors.ts';
import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Dialogs } from '../platform.ts';
import type { Session } from '../session/session.ts';
import { actorName, readSettings } from '../store/settings-store.ts';
import { checkChosenDocument, readChosenDocument } from './anonymity-guard.ts';

// "Check a document for names": the person picks any .docx (a chair's own
// draft overview report, say) and sees every real name from any review's
// pseudonym register in it, with where. The file is only read, never
// changed; the check is recorded in the audit log.

export function anonymityHandlers(session: Session, dialogs: Dialogs): PartialHandlers<'anonymity.checkFile'> {
  return {
    'anonymity.checkFile': async () => {
      // Locked: refused before any dialog opens.
      const store = session.requireStore();
      const file = await dialogs.chooseOpenFile({ title: 'Check a document for names', extensions: ['docx'], filterName: 'Word document' });
      if (!file) return { file: null, checked: false, hits: [] };
      // The store may have locked (or another been opened) while the dialog was up.
      if (session.requireStore() !== store) throw new AppError('CONFLICT', 'The store was closed while you chose the document, so it was not checked. Check it again.');
      const document = readChosenDocument(file);
      const hits = checkChosenDocument(store, document, actorName(readSettings(store.db)));
      return { file: document.file, checked: true, hits: hits.map(({ name, reviewReference, location, context, kind }) => ({ name, reviewReference, location, context, kind })) };
    },
  };
}
