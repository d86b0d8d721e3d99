import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { stampOf, type Clock } from '../../../shared/domain/clock.ts';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/domain/passphrase.ts';
import { DEFAULT_THEMES } from '../../../shared/domain/taxonomy.ts';
import { STATUSES, STATUS_DEFAULTS } from '../../../shared/domain/vocabulary.ts';
import { AppError, isAppError, WRONG_PASSPHRASE_MESSAGE } from '../../../shared/ipc/errors.ts';
import { appendAudit } from './audit.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations/index.ts';
import { recoverInterruptedRekey } from './rekey-recovery.ts';
import { DEFAULT_SETTINGS } from './settings-store.ts';
import { isCorrupt, isNotADatabase, openKeyed, type Db } from './sqlite.ts';
import { asAppError, damagedStoreMessage, STORE_READ_ONLY_MESSAGE } from './store-errors.ts';
import { checkExistingStoreFile, checkNewStoreLocation, createPrivateFile, STORE_PAGE_SIZE } from './store-file.ts';

export interface Store {
  readonly db: Db;
  readonly file: string;
  readonly installationId: string;
  /** The clock every write through this handle stamps its rows and audit entries with */
  readonly clock: Clock;
  close(): void;
}

export interface StoreOptions {
  appVersion: string;
  /** Who the audit log names for changes made through this store handle */
  actor?: string;
  clock: Clock;
}

/**
 * The passphrase as the store's key is made from: Unicode NFC, so "é" typed
 * as one character (Windows, most keyboards) or as "e" plus an accent (as
 * macOS can produce) is the same passphrase.
 */
export function normalisePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC');
}

/** The forms to try when opening: NFC first, then exactly as typed, for a store keyed before passphrases were normalised. */
function passphraseForms(passphrase: string): string[] {
  const nfc = normalisePassphrase(passphrase);
  return nfc === passphrase ? [passphrase] : [nfc, passphrase];
}

export function checkNewPassphrase(passphrase: string): void {
  if ([...normalisePassphrase(passphrase)].length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError('WEAK_PASSPHRASE', `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`);
  }
}

/** Settings applied on every read-write open, after the key. */
export function configureConnection(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // Deleted content is overwritten, not left in free pages.
  db.pragma('secure_delete = ON');
  // Sorts and temporary tables stay in memory: SQLite's temp files are not encrypted.
  db.pragma('temp_store = MEMORY');
  // An acknowledged write survives power loss, not only a crash.
  db.pragma('synchronous = FULL');
  // Up to 128 MiB of decrypted pages stay in memory (the driver's default is about 16 MB):
  // each page read from the file must be decrypted and checked, and memory
  // mapping cannot be used with encryption, so at national scale the page
  // cache is what keeps reads close to the speed of an unencrypted store.
  // Pages are cached only as they are read, so a small store uses little.
  db.pragma(`cache_size = -${128 * 1024}`);
}

function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Apply every pending migration in one transaction; refuse a store from a newer app. */
export function migrate(db: Db, file: string, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new AppError(
      'NEWER_STORE',
      `${file} was written by a newer version of DHR Tracker (schema ${current}; this version understands up to ${latest}). Update DHR Tracker to open it. The file has not been changed.`,
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (!pending.length) return;
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
}

function seedNewStore(db: Db, options: StoreOptions): string {
  const now = stampOf(options.clock);
  const installationId = randomUUID();
  db.prepare('INSERT INTO installation (id, created_at, app_version) VALUES (?, ?, ?)').run(installationId, now, options.appVersion);
  const setting = db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
  for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) setting.run(key, JSON.stringify(value), now);
  const status = db.prepare('INSERT INTO statuses (code, label, colour, colour_name, meaning, sort_order) VALUES (?, ?, ?, ?, ?, ?)');
  STATUSES.forEach((code, i) => {
    const d = STATUS_DEFAULTS[code];
    status.run(code, d.label, d.colour, d.colourName, d.meaning, i);
  });
  const theme = db.prepare(
    `INSERT INTO themes (id, category, name, sort_order, owner_installation_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  DEFAULT_THEMES.forEach((t, i) => theme.run(randomUUID(), t.category, t.name, i, installationId, now, now));
  appendAudit(db, installationId, { actor: options.actor ?? 'app', action: 'create', entity: 'store', detail: { appVersion: options.appVersion } }, now);
  return installationId;
}

function wrap(db: Db, file: string, clock: Clock): Store {
  const row = db.prepare('SELECT id FROM installation').get() as { id: string } | undefined;
  if (!row) throw new AppError('NOT_A_STORE', `${file} is an encrypted database but not a DHR Tracker store.`);
  let open = true;
  return {
    db,
    file,
    installationId: row.id,
    clock,
    close() {
      if (!open) return;
      open = false;
      // At rest the store is one file in rollback-journal mode: the WAL is
      // folded back in, and a later read-only open (unlock check, verify)
      // then needs no -wal or -shm file and so changes nothing on disk.
      try {
        // Never wait here: a closing connection that waits for others holds them up in turn, and
        // a writer elsewhere could run out of its own wait. Whoever closes last tidies up.
        db.pragma('busy_timeout = 0');
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.pragma('journal_mode = DELETE');
      } catch {
        // Another connection still has the store open; it will tidy up when it closes.
      } finally {
        db.close();
      }
    },
  };
}

/** Create a new, empty store. Nothing is left behind if any step fails. */
export function createStore(file: string, passphrase: string, options: StoreOptions): Store {
  checkNewPassphrase(passphrase);
  const abs = checkNewStoreLocation(file);
  createPrivateFile(abs);
  let db: Db | undefined;
  try {
    db = openKeyed(abs, normalisePassphrase(passphrase), { readonly: false });
    configureConnection(db);
    const opened = db;
    opened.transaction(() => {
      migrate(opened, abs);
      seedNewStore(opened, options);
    })();
    return wrap(db, abs, options.clock);
  } catch (error) {
    db?.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(abs + suffix, { force: true });
    throw error;
  }
}

export interface ReadOnlyStore {
  db: Db;
  file: string;
  schemaVersion: number;
  /** The form of the passphrase that opened it (see passphraseForms), for opening it again */
  passphrase: string;
}

/** Recovery after a cut-off passphrase change, with each form of the passphrase in turn (NFC, then as typed). */
function recoverInterruptedRekeyWithForms(abs: string, passphrase: string): void {
  const forms = passphraseForms(passphrase);
  for (const [i, form] of forms.entries()) {
    try {
      recoverInterruptedRekey(abs, form);
      return;
    } catch (error) {
      if (!(isAppError(error) && error.code === 'WRONG_PASSPHRASE') || i === forms.length - 1) throw error;
    }
  }
}

/** One attempt with one form of the passphrase: the open handle, or why it failed. */
function tryKey(abs: string, passphrase: string): { db: Db; schemaVersion: number } | { failure: 'wrong key' | 'damaged' } {
  const db = openKeyed(abs, passphrase, { readonly: true });
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    const version = schemaVersion(db);
    if (version === 0) throw new AppError('NOT_A_STORE', `${abs} is an encrypted database but not a DHR Tracker store.`);
    return { db, schemaVersion: version };
  } catch (error) {
    db.close();
    // SQLCipher checks each page as it reads it. The first page failing means this key is not the
    // store's; the first page passing and a later one failing (or missing) means the key is right
    // and the file is damaged.
    if (isNotADatabase(error)) return { failure: 'wrong key' };
    if (isCorrupt(error)) return { failure: 'damaged' };
    throw error;
  }
}

/**
 * Open an existing store read-only, checking the file and the passphrase.
 * Nothing is written, so a wrong passphrase (or a store from a newer app)
 * leaves the file's bytes exactly as they were.
 */
export function openStoreReadOnly(file: string, passphrase: string): ReadOnlyStore {
  const abs = checkExistingStoreFile(file);
  if (!passphrase) throw new AppError('WRONG_PASSPHRASE', 'Enter the passphrase for this store.');
  recoverInterruptedRekeyWithForms(abs, passphrase); // the one write here: only when a passphrase change was cut off
  const size = fs.statSync(abs).size;
  const wholePages = size % STORE_PAGE_SIZE === 0;
  for (const form of passphraseForms(passphrase)) {
    const attempt = tryKey(abs, form);
    if ('db' in attempt) return { ...attempt, file: abs, passphrase: form };
    if (attempt.failure === 'damaged') {
      const why = wholePages
        ? 'the passphrase is right, but some of its pages fail their check or are missing'
        : `it is ${size.toLocaleString('en-GB')} bytes, not a whole number of ${STORE_PAGE_SIZE.toLocaleString('en-GB')}-byte pages, so it has been cut short (for example copied while in use, or written to a disk that filled up)`;
      throw new AppError('DAMAGED_STORE', damagedStoreMessage(abs, why));
    }
  }
  if (!wholePages) {
    throw new AppError(
      'NOT_A_STORE',
      `${abs} is not a DHR Tracker store (it is not an encrypted database), or it is a store damaged at its start: its size is not a whole number of pages and the passphrase does not open it. If it was a store, restore the most recent backup (dhr restore --from BACKUP --db NEWFILE).`,
    );
  }
  throw new AppError('WRONG_PASSPHRASE', WRONG_PASSPHRASE_MESSAGE);
}

/**
 * Open an existing store for commands that only read it (stats, lists,
 * reports on screen). The file is opened read-only, so nothing on disk
 * changes, and it works on a read-only drive or a store kept as evidence.
 * A store made by an older version must first be brought up to date,
 * which needs a normal open.
 */
export function openStoreForReading(file: string, passphrase: string, options: StoreOptions): Store {
  const probe = openStoreReadOnly(file, passphrase);
  if (probe.schemaVersion === LATEST_SCHEMA_VERSION) {
    try {
      const row = probe.db.prepare('SELECT id FROM installation').get() as { id: string } | undefined;
      if (!row) throw new AppError('NOT_A_STORE', `${probe.file} is an encrypted database but not a DHR Tracker store.`);
      return { db: probe.db, file: probe.file, installationId: row.id, clock: options.clock, close: () => probe.db.close() };
    } catch (error) {
      probe.db.close();
      throw error;
    }
  }
  probe.db.close();
  // Older (to be migrated) or newer (openStore refuses it with NEWER_STORE).
  return openStore(probe.file, probe.passphrase, options);
}

/** Open an existing store for work, bringing its schema up to date. */
export function openStore(file: string, passphrase: string, options: StoreOptions): Store {
  // Check passphrase and version on a read-only handle before anything can write.
  const probe = openStoreReadOnly(file, passphrase);
  try {
    if (probe.schemaVersion > LATEST_SCHEMA_VERSION) migrate(probe.db, probe.file); // throws NEWER_STORE
  } finally {
    probe.db.close();
  }
  // SQLite quietly opens a file it may not write read-only, and then fails at the first write with
  // its own words. The store and its folder (where the -wal and -shm files go) must both be writable.
  for (const place of [probe.file, path.dirname(probe.file)]) {
    try {
      fs.accessSync(place, fs.constants.W_OK);
    } catch {
      throw new AppError('NOT_WRITABLE', STORE_READ_ONLY_MESSAGE);
    }
  }
  const db = openKeyed(probe.file, probe.passphrase, { readonly: false });
  try {
    configureConnection(db);
    migrate(db, probe.file);
    return wrap(db, probe.file, options.clock);
  } catch (error) {
    db.close();
    throw asAppError(error, probe.file);
  }
}
