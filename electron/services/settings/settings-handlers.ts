import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Session } from '../session/session.ts';
import { appendAudit } from '../store/audit.ts';
import { readSettings, writeSettings } from '../store/settings-store.ts';

export function settingsHandlers(session: Session, actor: string): PartialHandlers<'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => readSettings(session.requireStore().db),
    'settings.update': (changes) => {
      const store = session.requireStore();
      store.db.transaction(() => {
        writeSettings(store.db, changes);
        appendAudit(store.db, store.installationId, { actor, action: 'update', entity: 'settings', detail: changes });
      })();
      session.settingsChanged();
      return readSettings(store.db);
    },
  };
}
