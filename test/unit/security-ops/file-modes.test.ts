import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFolderFor, backupNow, backupStore, restoreBackup } from '../../../electron/services/security-ops/backups.ts';
import { rekeyStore } from '../../../electron/services/security-ops/rekey.ts';
import { createStore, openStore } from '../../../electron/services/store/open-store.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { REKEY_OPTIONS, TEST_STORE_OPTIONS } from '../../support/clock.ts';

// Store, write-ahead log, shared-memory index, backups and restored stores
// are readable by their owner alone (0600), backup folders 0700, whatever the
// umask. (Windows has no POSIX modes; this runs where they exist.)

const mode = (file: string) => fs.statSync(file).mode & 0o777;
let dir: string;
let cleanup: () => void;
let umask: number;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  // The most permissive umask there is: nothing may depend on it being kind.
  umask = process.umask(0o000);
});
afterEach(() => {
  process.umask(umask);
  cleanup();
});

describe.skipIf(process.platform === 'win32')('file modes', () => {
  it('the store and its -wal and -shm files are 0600 while open, and the store stays 0600 at rest', () => {
    const file = path.join(dir, 'county.dhr');
    const store = createStore(file, PASSPHRASE, TEST_STORE_OPTIONS);
    store.db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('modeProbe', '1', 'now')").run();
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(fs.existsSync(`${file}-shm`)).toBe(true);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
    store.close();
    expect(mode(file)).toBe(0o600);
    const reopened = openStore(file, PASSPHRASE, TEST_STORE_OPTIONS);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
    reopened.close();
  });

  it('backups are 0600 in a 0700 folder; a restored store and a rekeyed one are 0600', () => {
    const file = path.join(dir, 'county.dhr');
    const store = createStore(file, PASSPHRASE, TEST_STORE_OPTIONS);
    const scheduled = backupNow(store).file;
    const chosen = backupStore(store, path.join(dir, 'chosen.dhr-backup')).file;
    store.close();
    expect(mode(backupFolderFor(file))).toBe(0o700);
    expect(mode(scheduled)).toBe(0o600);
    expect(mode(chosen)).toBe(0o600);
    const restored = restoreBackup(chosen, path.join(dir, 'restored.dhr'), PASSPHRASE).file;
    expect(mode(restored)).toBe(0o600);
    rekeyStore(file, PASSPHRASE, 'another passphrase entirely', REKEY_OPTIONS);
    expect(mode(file)).toBe(0o600);
    // Nothing else in the folder is readable by others either.
    for (const name of fs.readdirSync(dir)) {
      const full = path.join(dir, name);
      expect(mode(full) & 0o077, full).toBe(0);
    }
  });
});
