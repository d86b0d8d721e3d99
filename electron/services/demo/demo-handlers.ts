import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Emit, Session } from '../session/session.ts';
import { actorName, readSettings } from '../store/settings-store.ts';
import { storeStats } from '../store/store-stats.ts';
import { loadDemo } from './demo-loader.ts';

export function demoHandlers(session: Session, emit: Emit): PartialHandlers<'demo.load' | 'store.stats'> {
  return {
    'demo.load': () => {
      const store = session.requireStore();
      loadDemo(store, {
        actor: actorName(readSettings(store.db)),
        onProgress: (done, total, label) => emit('task.progress', { task: 'demo.load', label, done, total }),
      });
      return storeStats(store.db);
    },
    'store.stats': () => storeStats(session.requireStore().db),
  };
}
