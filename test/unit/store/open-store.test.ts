import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors.ts';
import { LATEST_SCHEMA_VERSION } from '../../../electron/services/store/migrations/index.ts';
import { createStore, migrate, openStore, openStoreReadOnly } from '../../../electron/services/store/open-store.ts';
import { openKeyed } from '../../../electron/services/store/sqlite.ts';
import { PASSPHRASE, filesContain, storeFiles, tempDir } from '../../support/temp.ts';
import { TEST_STORE_OPTIONS } from '../../support/clock.ts';

const options = { ...TEST_STORE_OPTIONS, appVersion: '0.0.0-test' };
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function expectAppError(fn: () => unknown, code: string, message?: RegExp | string) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    if (message) expect((error as AppError).message).toMatch(message);
    return;
  }
  throw new Error(`expected ${code}`);
}

const snapshot = (file: string) => storeFiles(file).map((f) => [path.basename(f), createHash('sha256').update(fs.readFileSync(f)).digest('hex')]);

describe('creating a store', () => {
  it('creates an encrypted, migrated store with the required pragmas', () => {
    const file = path.join(dir, 'a.dhr');
    const store = createStore(file, PASSPHRASE, options);
    const { db } = store;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('cipher', { simple: true })).toBe('sqlcipher');
    expect(store.installationId).toMatch(/^[0-9a-f-]{36}$/);
    // Default taxonomy and status key are seeded.
    expect((db.prepare('SELECT count(*) AS n FROM themes').get() as { n: number }).n).toBeGreaterThan(30);
    expect((db.prepare('SELECT count(*) AS n FROM statuses').get() as { n: number }).n).toBe(7);
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('canary', '\"PLAINTEXT-CANARY-7731\"', 'now')").run();
    // The database and its WAL are owner-only and hold no plaintext.
    for (const f of storeFiles(file)) expect(fs.statSync(f).mode & 0o777).toBe(0o600);
    expect(storeFiles(file).length).toBe(3);
    expect(filesContain(storeFiles(file), 'PLAINTEXT-CANARY-7731')).toEqual([]);
    expect(filesContain(storeFiles(file), 'Risk assessment')).toEqual([]);
    store.close();
    expect(fs.readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  });

  it('can be reopened with the same passphrase, keeping its installation id', () => {
    const file = path.join(dir, 'a.dhr');
    const created = createStore(file, PASSPHRASE, options);
    const id = created.installationId;
    created.close();
    const reopened = openStore(file, PASSPHRASE, options);
    expect(reopened.installationId).toBe(id);
    reopened.close();
  });

  it('refuses a short passphrase and creates nothing', () => {
    const file = path.join(dir, 'a.dhr');
    expectAppError(() => createStore(file, 'short', options), 'WEAK_PASSPHRASE', /at least 12 characters/);
    expectAppError(() => createStore(file, '', options), 'WEAK_PASSPHRASE');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('never overwrites an existing file', () => {
    const file = path.join(dir, 'notes.txt');
    fs.writeFileSync(file, 'precious');
    expectAppError(() => createStore(file, PASSPHRASE, options), 'FILE_EXISTS', /already exists/);
    expect(fs.readFileSync(file, 'utf8')).toBe('precious');
  });

  it('explains a folder, a missing folder and a read-only place', () => {
    expectAppError(() => createStore(dir, PASSPHRASE, options), 'NOT_A_STORE', /is a folder/);
    expectAppError(() => createStore(path.join(dir, 'missing', 'a.dhr'), PASSPHRASE, options), 'FOLDER_NOT_FOUND', /does not exist/);
    // sysfs refuses new files even for root, so it stands in for a read-only place.
    expectAppError(() => createStore('/sys/dhr-test.dhr', PASSPHRASE, options), 'NOT_WRITABLE', /read-only|permission/);
    expect(fs.existsSync(path.join(dir, 'missing'))).toBe(false);
  });
});

describe('opening a store', () => {
  let file: string;
  beforeEach(() => {
    file = path.join(dir, 'a.dhr');
    createStore(file, PASSPHRASE, options).close();
  });

  it('refuses a wrong passphrase with the agreed message, leaving the bytes untouched', () => {
    const before = snapshot(file);
    expectAppError(() => openStore(file, 'not the right passphrase', options), 'WRONG_PASSPHRASE', /^That passphrase does not unlock this store\.$/);
    expectAppError(() => openStore(file, '', options), 'WRONG_PASSPHRASE');
    expect(snapshot(file)).toEqual(before);
    expect(storeFiles(file)).toEqual([file]); // no -wal or -shm appeared
  });

  it('refuses a store written by a newer version, without changing it', () => {
    const db = openKeyed(file, PASSPHRASE, { readonly: false });
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const before = snapshot(file);
    expectAppError(() => openStore(file, PASSPHRASE, options), 'NEWER_STORE', /newer version of DHR Tracker/);
    expect(snapshot(file)).toEqual(before);
  });

  it('tells apart files that are not stores', () => {
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'just some text\n');
    expectAppError(() => openStore(text, PASSPHRASE, options), 'NOT_A_STORE', /not a DHR Tracker store/);
    const empty = path.join(dir, 'empty.dhr');
    fs.writeFileSync(empty, '');
    expectAppError(() => openStore(empty, PASSPHRASE, options), 'NOT_A_STORE', /empty/);
    const plain = path.join(dir, 'plain.sqlite');
    fs.writeFileSync(plain, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4096 - 16)]));
    expectAppError(() => openStore(plain, PASSPHRASE, options), 'NOT_A_STORE', /unencrypted SQLite/);
    expectAppError(() => openStore(dir, PASSPHRASE, options), 'NOT_A_STORE', /is a folder/);
    expectAppError(() => openStore(path.join(dir, 'nope.dhr'), PASSPHRASE, options), 'FILE_NOT_FOUND', /There is no store/);
  });

  it('opens read-only for inspection without creating WAL files', () => {
    const { db, schemaVersion } = openStoreReadOnly(file, PASSPHRASE);
    expect(schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(() => db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('x', '1', 'now')").run()).toThrow(/readonly/);
    db.close();
  });
});

describe('migrations', () => {
  it('apply in one transaction: a failing migration leaves the store as it was', () => {
    const file = path.join(dir, 'a.dhr');
    createStore(file, PASSPHRASE, options).close();
    const db = openKeyed(file, PASSPHRASE, { readonly: false });
    const good = { version: LATEST_SCHEMA_VERSION + 1, name: 'good', sql: 'CREATE TABLE later_feature (id TEXT PRIMARY KEY);' };
    const bad = { version: LATEST_SCHEMA_VERSION + 2, name: 'bad', sql: 'CREATE TABLE broken (;' };
    expect(() => migrate(db, file, [{ version: LATEST_SCHEMA_VERSION, name: 'current', sql: '' }, good, bad])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'later_feature'").get()).toEqual({ n: 0 });
    migrate(db, file, [{ version: LATEST_SCHEMA_VERSION, name: 'current', sql: '' }, good]);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    db.close();
  });

  it('every owned table carries a UUID id and its owning installation and district', () => {
    const file = path.join(dir, 'a.dhr');
    const store = createStore(file, PASSPHRASE, options);
    const tables = (store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>).map((t) => t.name);
    // applicability_counts and row_counts are running counts kept by triggers, not records;
    // deletions are tombstones that name a deleted record's owner, not records of their own;
    // exchange_id_aliases link a sender's ids to this store's records.
    const notOwned = new Set(['installation', 'settings', 'statuses', 'audit_log', 'review_themes', 'recommendation_themes', 'applicability_counts', 'row_counts', 'deletions', 'exchange_id_aliases']);
    // The search index and its shadow tables hold copies of recommendation text, not records.
    const owned = tables.filter((t) => !notOwned.has(t) && !t.startsWith('recommendation_fts'));
    expect(owned).toEqual(expect.arrayContaining(['reviews', 'recommendations', 'actions', 'applicability', 'progress_updates', 'attachments', 'districts', 'agencies', 'themes']));
    for (const table of owned) {
      const columns = (store.db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
      expect(columns, table).toEqual(expect.arrayContaining(['id', 'owner_installation_id', 'owner_district_id', 'created_at', 'updated_at']));
    }
    store.close();
  });
});
