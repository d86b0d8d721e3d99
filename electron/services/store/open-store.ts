import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { stampOf, type Clock } from '../../../shared/domain/clock.ts';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/domain/passphrase.ts';
import { DEFAULT_THEMES } from '../../../shared/domain/taxonomy.ts';
import { STATUSES, STATUS_DEFAULTS } from '../../../shared/domain/vocabulary.ts';
import { AppError, WRONG_PASSPHRASE_MESSAGE } from '../../../shared/ipc/errors.ts';
import { appendAudit } from './audit.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations/index.ts';
import { recoverInterruptedRekey } from './rekey-recovery.ts';
import { DEFAULT_SETTINGS } from './settings-store.ts';
import { isNotADatabase, openKeyed, type Db } from './sqlite.ts';
import { checkExistingStoreFile, checkNewStoreLocation, createPrivateFile } from './store-file.ts';

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

export function checkNewPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
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
    db = openKeyed(abs, passphrase, { readonly: false });
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

/**
 * Open an existing store read-only, checking the file and the passphrase.
 * Nothing is written, so a wrong passphrase (or a store from a newer app)
 * leaves the file's bytes exactly as they were.
 */
export function openStoreReadOnly(file: string, passphrase: string): { db: Db; file: string; schemaVersion: number } {
  const abs = checkExistingStoreFile(file);
  if (!passphrase) throw new AppError('WRONG_PASSPHRASE', 'Enter the passphrase for this store.');
  recoverInterruptedRekey(abs, passphrase); // the one write here: only when a passphrase change was cut off
  const db = openKeyed(abs, passphrase, { readonly: true });
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    const version = schemaVersion(db);
    if (version === 0) throw new AppError('NOT_A_STORE', `${abs} is an encrypted database but not a DHR Tracker store.`);
    return { db, file: abs, schemaVersion: version };
  } catch (error) {
    db.close();
    if (isNotADatabase(error)) throw new AppError('WRONG_PASSPHRASE', WRONG_PASSPHRASE_MESSAGE);
    throw error;
  }
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
  const db = openKeyed(probe.file, passphrase, { readonly: false });
  try {
    configureConnection(db);
    migrate(db, probe.file);
    return wrap(db, probe.file, options.clock);
  } catch (error) {
    db.close();
    throw error;
  }
}
