import { stampOf } from '../../../shared/domain/clock.ts';
import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Session } from '../session/session.ts';
import { appendAudit } from '../store/audit.ts';
import { actorName, readSettings, writeSettings } from '../store/settings-store.ts';

export function settingsHandlers(session: Session): PartialHandlers<'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => readSettings(session.requireStore().db),
    'settings.update': (changes) => {
      const store = session.requireStore();
      store.db.transaction(() => {
        const before = readSettings(store.db);
        writeSettings(store.db, changes, store.clock.now());
        const changed = Object.entries(changes).filter(([key, value]) => value !== undefined && before[key as keyof typeof before] !== value);
        if (!changed.length) return;
        appendAudit(store.db, store.installationId, {
          actor: actorName(readSettings(store.db)),
          action: 'update',
          entity: 'settings',
          detail: { changes: changed.map(([field, after]) => ({ field, before: before[field as keyof typeof before], after })) },
        }, stampOf(store.clock));
      })();
      session.settingsChanged();
      return readSettings(store.db);
    },
  };
}
