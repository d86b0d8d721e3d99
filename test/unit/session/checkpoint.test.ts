import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/services/handlers.ts';
import { CHECKPOINT_AFTER_MS } from '../../../electron/services/session/session.ts';
import { openStoreReadOnly } from '../../../electron/services/store/open-store.ts';
import { readSettings } from '../../../electron/services/store/settings-store.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { clockWithTimers, type ClockWithTimers } from '../../support/clock.ts';

// People move a store by copying its .dhr file, and a -wal file can be lost
// after a crash. Shortly after each burst of writes the app folds the log into
// the main file, so that file alone holds every change saved before then.

let dir: string;
let cleanup: () => void;
let backend: Backend;
let time: ClockWithTimers;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  time = clockWithTimers();
  backend = createBackend({
    configDir: path.join(dir, 'config'),
    defaultStoreFile: path.join(dir, 'dhr-tracker.dhr'),
    appVersion: 'test',
    emit: () => {},
    dialogs: { chooseStoreFile: async () => null, chooseExportFile: async () => null, chooseOpenFile: async () => null },
    clock: time.clock,
    timers: time.timers,
  });
});
afterEach(() => {
  backend.session.close();
  cleanup();
});

const ok = async (channel: string, input: unknown = {}) => {
  const reply = await backend.dispatch(channel, input);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
  return reply.value as never;
};

/** What a copy of only the .dhr file (no -wal, no -shm) holds. */
function autoLockInCopyOfMainFile(file: string, name: string): number {
  const copyDir = path.join(dir, name);
  fs.mkdirSync(copyDir);
  const copy = path.join(copyDir, 'copied.dhr');
  fs.copyFileSync(file, copy);
  const { db } = openStoreReadOnly(copy, PASSPHRASE);
  try {
    return readSettings(db).autoLockMinutes;
  } finally {
    db.close();
  }
}

describe('the main store file on its own', () => {
  it('holds every change a few seconds after a burst of writes, while the app is still open', async () => {
    const file = path.join(dir, 'a.dhr');
    await ok('session.create', { file, passphrase: PASSPHRASE });
    time.advance(CHECKPOINT_AFTER_MS);
    await ok('settings.update', { autoLockMinutes: 7 });
    await ok('settings.update', { autoLockMinutes: 8 });
    // Straight after the writes the change is only in the -wal file: a copy of the main file misses it.
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(autoLockInCopyOfMainFile(file, 'before')).toBe(10);
    time.advance(CHECKPOINT_AFTER_MS);
    expect(autoLockInCopyOfMainFile(file, 'after')).toBe(8);
    expect(await ok('session.status')).toMatchObject({ state: 'unlocked' });
  });

  it('is brought up to date every few seconds while writes keep coming', async () => {
    const file = path.join(dir, 'c.dhr');
    await ok('session.create', { file, passphrase: PASSPHRASE });
    time.advance(CHECKPOINT_AFTER_MS);
    await ok('settings.update', { autoLockMinutes: 7 });
    time.advance(CHECKPOINT_AFTER_MS - 500);
    await ok('settings.update', { autoLockMinutes: 8 }); // a write before the countdown ends does not restart it
    time.advance(500);
    expect(autoLockInCopyOfMainFile(file, 'steady')).toBe(8);
  });

  it('holds everything once the store is locked', async () => {
    const file = path.join(dir, 'b.dhr');
    await ok('session.create', { file, passphrase: PASSPHRASE });
    await ok('settings.update', { autoLockMinutes: 9 });
    await ok('session.lock');
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(autoLockInCopyOfMainFile(file, 'locked')).toBe(9);
  });
});
