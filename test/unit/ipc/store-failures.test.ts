import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract.ts';
import { createDispatcher, type Handlers } from '../../../electron/services/ipc/dispatcher.ts';
import { createStore, openStoreReadOnly } from '../../../electron/services/store/open-store.ts';
import { STORE_READ_ONLY_MESSAGE } from '../../../electron/services/store/store-errors.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { TEST_STORE_OPTIONS } from '../../support/clock.ts';

// The app's windows get the same plain words as the CLI when SQLite itself
// refuses: not "Something went wrong", and never SQLite's own message.

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const fail = () => {
    throw new Error('not under test');
  };
  return { ...(Object.fromEntries(CHANNELS.map((c) => [c, fail])) as unknown as Handlers), ...overrides };
}

describe('dispatcher and SQLite failures', () => {
  it('a write refused because the store is read-only gets the plain message, not INTERNAL', async () => {
    const file = path.join(dir, 'a.dhr');
    createStore(file, PASSPHRASE, TEST_STORE_OPTIONS).close();
    const { db } = openStoreReadOnly(file, PASSPHRASE);
    const log = { error: vi.fn() };
    const dispatch = createDispatcher(
      handlersWith({
        'settings.update': () => {
          db.prepare("UPDATE settings SET value = '5' WHERE key = 'autoLockMinutes'").run();
          throw new Error('the write above should have been refused');
        },
      }),
      log,
    );
    try {
      expect(await dispatch('settings.update', { autoLockMinutes: 5 })).toEqual({ ok: false, error: { code: 'NOT_WRITABLE', message: STORE_READ_ONLY_MESSAGE } });
      expect(log.error).not.toHaveBeenCalled();
    } finally {
      db.close();
    }
  });
});
