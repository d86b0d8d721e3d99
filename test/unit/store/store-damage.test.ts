import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors.ts';
import { createStore, openStore, openStoreReadOnly } from '../../../electron/services/store/open-store.ts';
import { openKeyed } from '../../../electron/services/store/sqlite.ts';
import { appendAudit } from '../../../electron/services/store/audit.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { TEST_STORE_OPTIONS } from '../../support/clock.ts';

// A damaged store must not be blamed on the passphrase: the person would try
// passphrase after passphrase when what they need is their backup.

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function failure(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected it to fail');
}

/** A store with enough in it to span many pages. */
function storeWithPages(name: string): string {
  const file = path.join(dir, name);
  const store = createStore(file, PASSPHRASE, TEST_STORE_OPTIONS);
  store.db.transaction(() => {
    for (let i = 0; i < 300; i++) appendAudit(store.db, store.installationId, { actor: 'test', action: 'update', entity: 'settings', detail: { note: 'x'.repeat(400), i } }, '2026-11-21T09:00:00.000Z');
  })();
  store.close();
  expect(fs.statSync(file).size).toBeGreaterThan(4096 * 40);
  return file;
}

describe('a damaged store', () => {
  it('cut to half its size: damaged, not a wrong passphrase, and the way out is a backup', () => {
    const file = storeWithPages('half.dhr');
    fs.truncateSync(file, fs.statSync(file).size / 2);
    const error = failure(() => openStore(file, PASSPHRASE, TEST_STORE_OPTIONS));
    expect(error.code).toBe('DAMAGED_STORE');
    expect(error.message).toMatch(/is damaged/);
    expect(error.message).toMatch(/The passphrase is not the problem/);
    expect(error.message).toMatch(/dhr restore --from BACKUP/);
    // Cut to whole pages, a wrong passphrase is still just a wrong passphrase.
    fs.truncateSync(file, 4096 * 10);
    expect(failure(() => openStore(file, PASSPHRASE, TEST_STORE_OPTIONS)).code).toBe('DAMAGED_STORE');
    expect(failure(() => openStore(file, 'not the passphrase at all', TEST_STORE_OPTIONS)).code).toBe('WRONG_PASSPHRASE');
  });

  it('cut to a size that is not whole pages: says so', () => {
    const file = storeWithPages('odd.dhr');
    fs.truncateSync(file, 4096 * 20 + 1000);
    const error = failure(() => openStoreReadOnly(file, PASSPHRASE));
    expect(error.code).toBe('DAMAGED_STORE');
    expect(error.message).toMatch(/not a whole number of 4,096-byte pages, so it has been cut short/);
  });

  it('a page after the first that fails its check: damaged', () => {
    const file = storeWithPages('flipped.dhr');
    const bytes = fs.readFileSync(file);
    // Change one byte on every page but the first: each fails its HMAC.
    for (let page = 1; page * 4096 < bytes.length; page++) bytes[page * 4096 + 100]! ^= 0x01;
    fs.writeFileSync(file, bytes);
    const error = failure(() => openStore(file, PASSPHRASE, TEST_STORE_OPTIONS));
    expect(error.code).toBe('DAMAGED_STORE');
  });

  it('damage found later, in the middle of a read, gets the same plain message at the CLI and IPC boundary', async () => {
    const { asAppError } = await import('../../../electron/services/store/store-errors.ts');
    const file = storeWithPages('late.dhr');
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 2000]! ^= 0x01; // the last page, holding audit entries
    fs.writeFileSync(file, bytes);
    const { db } = openStoreReadOnly(file, PASSPHRASE);
    try {
      const raw = (() => {
        try {
          db.prepare('SELECT count(*), max(length(detail)) FROM audit_log').get();
        } catch (error) {
          return error;
        }
        return null;
      })();
      expect((raw as { code?: string } | null)?.code).toMatch(/^SQLITE_CORRUPT/);
      const mapped = asAppError(raw) as AppError;
      expect(mapped.code).toBe('DAMAGED_STORE');
      expect(mapped.message).toMatch(/Restore the most recent backup/);
    } finally {
      db.close();
    }
  });
});

describe('passphrases typed on different platforms', () => {
  const nfc = 'Café crème brûlée 2026'; // each accented letter one character
  const nfd = nfc.normalize('NFD'); // as macOS can type it: letter, then combining accent
  it('the same accented passphrase opens the store whichever way it was typed', () => {
    expect(nfd).not.toBe(nfc);
    const file = path.join(dir, 'accents.dhr');
    createStore(file, nfd, TEST_STORE_OPTIONS).close();
    openStore(file, nfc, TEST_STORE_OPTIONS).close();
    openStore(file, nfd, TEST_STORE_OPTIONS).close();
    openStoreReadOnly(file, nfc).db.close();
  });

  it('a store keyed from a passphrase that was not normalised still opens with it, typed as before', () => {
    const file = path.join(dir, 'older.dhr');
    createStore(file, PASSPHRASE, TEST_STORE_OPTIONS).close();
    // How an older version keyed it: the bytes exactly as typed (here decomposed).
    const db = openKeyed(file, PASSPHRASE, { readonly: false });
    db.rekey(Buffer.from(nfd, 'utf8'));
    db.close();
    expect(failure(() => openStoreReadOnly(file, PASSPHRASE)).code).toBe('WRONG_PASSPHRASE');
    const store = openStore(file, nfd, TEST_STORE_OPTIONS);
    expect(store.installationId).toMatch(/^[0-9a-f-]{36}$/);
    store.close();
  });
});
