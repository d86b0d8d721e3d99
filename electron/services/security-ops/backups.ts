import fs from 'node:fs';
import path from 'node:path';
import { AppError, isAppError } from '../../../shared/ipc/errors.ts';
import { appendAudit, verifyAuditChain } from '../store/audit.ts';
import { takeFileLock, type FileLock } from '../store/file-lock.ts';
import { LATEST_SCHEMA_VERSION } from '../store/migrations/index.ts';
import { openStoreReadOnly, type Store } from '../store/open-store.ts';
import { actorName, readSettings } from '../store/settings-store.ts';
import type { Db } from '../store/sqlite.ts';
import { checkNewStoreLocation, createPrivateFile } from '../store/store-file.ts';
import { verifyStore, type VerifyReport } from '../store/verify-store.ts';

// Encrypted backups of the open store.
//
// better-sqlite3's db.backup() (SQLite's backup API) refuses to copy a keyed
// store into a new file: it opens the destination without a key, and
// SQLite3 Multiple Ciphers rejects the mismatch ("backup is not supported
// with incompatible source and target databases") rather than write
// plaintext. So a backup is made with VACUUM INTO, SQLite's other online
// copy: it reads one consistent snapshot while the store stays open, and
// writes the copy encrypted with the store's own cipher and key. The copy
// goes to a private ".partial" file, is checked by attaching it (which uses
// the same key, so no passphrase is needed), and only then renamed into
// place, so a backup file is always whole and sound.

export const BACKUP_EXTENSION = '.dhr-backup';
export const DEFAULT_BACKUP_SETTINGS = { backupEveryHours: 24, backupKeep: 7 } as const;
export const MAX_BACKUP_EVERY_HOURS = 720;
export const MAX_BACKUP_KEEP = 100;

export interface BackupSettings {
  /** Hours between scheduled backups; 0 turns the schedule off */
  everyHours: number;
  /** How many scheduled backups to keep in the folder */
  keep: number;
}

export interface BackupInfo {
  file: string;
  /** When it was made (ISO), from its name */
  at: string;
  bytes: number;
}

export type BackupProgress = (done: number, total: number, label: string) => void;

const STAMP = /-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.dhr-backup$/;

function stem(storeFile: string): string {
  return path.basename(storeFile).replace(/\.[^.]+$/, '') || 'dhr-tracker';
}

/** The folder beside the store that scheduled and on-demand backups go to: "county-backups" for "county.dhr". */
export function backupFolderFor(storeFile: string): string {
  return path.join(path.dirname(path.resolve(storeFile)), `${stem(storeFile)}-backups`);
}

/** "county-2026-11-21T06-37-00-123Z.dhr-backup": sorts by time, and says when. */
export function backupFileName(storeFile: string, at: Date): string {
  return `${stem(storeFile)}-${at.toISOString().replace(/[:.]/g, '-')}${BACKUP_EXTENSION}`;
}

/** The time in the name if it is exactly the name of one of this store's backups, else null. */
function backupNameStamp(storeFile: string, name: string): RegExpExecArray | null {
  const prefix = `${stem(storeFile)}-`;
  const m = STAMP.exec(name);
  return m && name.startsWith(prefix) && name.length === prefix.length + m[0].length - 1 ? m : null;
}

/** The names in the store's backups folder; none while the folder does not exist yet. */
function backupFolderNames(storeFile: string): string[] {
  try {
    return fs.readdirSync(backupFolderFor(storeFile));
  } catch {
    return [];
  }
}

/** The store's backups in its folder, newest first. Files that are not ours are ignored. */
export function listBackups(storeFile: string): BackupInfo[] {
  const folder = backupFolderFor(storeFile);
  const names = backupFolderNames(storeFile);
  const found: BackupInfo[] = [];
  for (const name of names) {
    const m = backupNameStamp(storeFile, name);
    if (!m) continue;
    const file = path.join(folder, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    found.push({ file, at: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`, bytes: stat.size });
  }
  return found.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

function readSettingNumber(db: Db, key: string, fallback: number, min: number, max: number): number {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return fallback;
  try {
    const value = JSON.parse(row.value) as unknown;
    return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
  } catch {
    return fallback;
  }
}

export function readBackupSettings(db: Db): BackupSettings {
  return {
    everyHours: readSettingNumber(db, 'backupEveryHours', DEFAULT_BACKUP_SETTINGS.backupEveryHours, 0, MAX_BACKUP_EVERY_HOURS),
    keep: readSettingNumber(db, 'backupKeep', DEFAULT_BACKUP_SETTINGS.backupKeep, 1, MAX_BACKUP_KEEP),
  };
}

/** Change the schedule; one transaction, audited. */
export function writeBackupSettings(store: Store, next: BackupSettings): BackupSettings {
  const now = store.clock.now();
  const { db } = store;
  db.transaction(() => {
    const before = readBackupSettings(db);
    const upsert = db.prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    upsert.run('backupEveryHours', JSON.stringify(next.everyHours), now.toISOString());
    upsert.run('backupKeep', JSON.stringify(next.keep), now.toISOString());
    const changes = (
      [
        ['backupEveryHours', before.everyHours, next.everyHours],
        ['backupKeep', before.keep, next.keep],
      ] as const
    ).filter(([, b, a]) => b !== a);
    if (!changes.length) return;
    appendAudit(
      db,
      store.installationId,
      {
        actor: actorName(readSettings(db)),
        action: 'update',
        entity: 'settings',
        detail: { changes: changes.map(([field, b, a]) => ({ field, before: b, after: a })) },
      },
      now.toISOString(),
    );
  })();
  return readBackupSettings(db);
}

function fsyncPath(file: string, flags = 'r'): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, flags);
    fs.fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot fsync a folder; the rename is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A private folder (0700), created if missing. */
export function ensurePrivateFolder(folder: string): void {
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    fs.chmodSync(folder, 0o700);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new AppError('NOT_WRITABLE', `Cannot create the backups folder ${folder} (${code}). Check you can write beside the store.`);
  }
}

/** Check the copy attached as "bk": page integrity, schema version and audit chain. Throws VERIFY_FAILED. */
function checkAttachedCopy(db: Db): { auditEntries: number; schemaVersion: number } {
  const integrity = (db.pragma('bk.integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
  if (integrity.length !== 1 || integrity[0] !== 'ok') throw new AppError('VERIFY_FAILED', `The backup failed its integrity check: ${integrity.slice(0, 3).join('; ')}.`);
  const schemaVersion = db.pragma('bk.user_version', { simple: true }) as number;
  const mine = db.pragma('main.user_version', { simple: true }) as number;
  if (schemaVersion !== mine) throw new AppError('VERIFY_FAILED', `The backup has schema version ${schemaVersion}, but the store has ${mine}.`);
  const audit = verifyAuditChain(db, 'bk');
  if (!audit.ok) {
    const own = verifyAuditChain(db, 'main');
    if (!own.ok) {
      throw new AppError(
        'VERIFY_FAILED',
        `The store’s own audit log does not check out (${own.problem}), so no backup was made: it would fail its checks when restored. Run dhr verify on the store and report it.`,
      );
    }
    throw new AppError('VERIFY_FAILED', `The backup’s audit log does not check out: ${audit.problem}.`);
  }
  return { auditEntries: audit.entries, schemaVersion };
}

export interface BackupOptions {
  onProgress?: BackupProgress;
  /** Who the audit log names; by default the store's own "Your details" */
  actor?: string;
}

/**
 * Write an encrypted, checked copy of the open store to `out`, which must
 * not exist yet. The file is created 0600 before anything is written to it.
 */
export function backupStore(store: Store, out: string, options: BackupOptions = {}): BackupInfo & { auditEntries: number } {
  const progress = options.onProgress ?? (() => {});
  const target = checkNewStoreLocation(out);
  if (target === store.file) throw new AppError('FILE_EXISTS', `${target} is the store itself. Choose another file for the backup.`);
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true }); // left by a backup that was interrupted
  progress(0, 3, 'Copying the store');
  createPrivateFile(partial);
  let attached = false;
  try {
    store.db.prepare('VACUUM INTO ?').run(partial);
    fs.chmodSync(partial, 0o600);
    fsyncPath(partial, 'r+');
    progress(1, 3, 'Checking the copy');
    store.db.prepare('ATTACH DATABASE ? AS bk').run(partial);
    attached = true;
    const checked = checkAttachedCopy(store.db);
    store.db.exec('DETACH DATABASE bk');
    attached = false;
    if (fs.existsSync(target)) throw new AppError('FILE_EXISTS', `${target} appeared while the backup was being made. Nothing was overwritten.`);
    fs.renameSync(partial, target);
    fsyncPath(path.dirname(target));
    const bytes = fs.statSync(target).size;
    const at = store.clock.now();
    store.db.transaction(() => {
      appendAudit(
        store.db,
        store.installationId,
        { actor: options.actor ?? actorName(readSettings(store.db)), action: 'backup', entity: 'store', detail: { file: target, bytes } },
        at.toISOString(),
      );
    })();
    progress(2, 3, 'Backup written');
    return { file: target, at: at.toISOString(), bytes, auditEntries: checked.auditEntries };
  } catch (error) {
    if (attached) {
      try {
        store.db.exec('DETACH DATABASE bk');
      } catch {
        // Nothing more to do: the partial file is removed below.
      }
    }
    fs.rmSync(partial, { force: true });
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_FULL') throw new AppError('NOT_WRITABLE', `The disk is full, so the backup could not be written to ${target}. Nothing was kept.`);
    if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY')) {
      throw new AppError('NOT_WRITABLE', `The backup could not be written to ${target} (${code}). Check you can write there. Nothing was kept.`);
    }
    throw error;
  }
}

/** Keep the newest `keep` backups in the store's folder; delete the rest. Returns the files deleted. */
export function pruneBackups(storeFile: string, keep: number): string[] {
  const removed: string[] = [];
  for (const old of listBackups(storeFile).slice(Math.max(1, keep))) {
    fs.rmSync(old.file, { force: true });
    removed.push(old.file);
  }
  return removed;
}

const PARTIAL = '.partial';

/** Held while a backup goes into the store's backups folder, so a partial file there whose lock is free belongs to nobody. */
function takeBackupLock(storeFile: string): FileLock {
  return takeFileLock(path.join(backupFolderFor(storeFile), `${stem(storeFile)}.backup-lock`), () => {
    return new AppError('CONFLICT', `A backup of ${path.resolve(storeFile)} is being made by another DHR Tracker window or dhr command. Wait for it to finish, then try again.`);
  });
}

/** Remove the partial files of this store's backups in its folder, by their exact names; nothing else. Call with the backup lock held. */
function removePartials(storeFile: string): string[] {
  const folder = backupFolderFor(storeFile);
  const names = backupFolderNames(storeFile);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.endsWith(PARTIAL) || !backupNameStamp(storeFile, name.slice(0, -PARTIAL.length))) continue;
    const file = path.join(folder, name);
    if (!fs.lstatSync(file, { throwIfNoEntry: false })?.isFile()) continue;
    fs.rmSync(file, { force: true });
    removed.push(file);
  }
  return removed;
}

/**
 * Remove what backups of this store that were cut off (a crash, a kill) left
 * in its backups folder: their encrypted ".partial" files, nothing else.
 * Skipped while another window or dhr command is making a backup there.
 * Returns the files removed.
 */
export function removeInterruptedBackups(storeFile: string): string[] {
  if (!fs.existsSync(backupFolderFor(storeFile))) return [];
  let lock: FileLock;
  try {
    lock = takeBackupLock(storeFile);
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFLICT') return [];
    throw error;
  }
  try {
    return removePartials(storeFile);
  } finally {
    lock.release();
  }
}

/** A backup into the store's backups folder, then the oldest beyond the "keep" setting removed. */
export function backupNow(store: Store, options: BackupOptions = {}): BackupInfo & { removed: string[]; tidied: string[] } {
  const folder = backupFolderFor(store.file);
  ensurePrivateFolder(folder);
  const lock = takeBackupLock(store.file);
  try {
    // Partial files of backups that were cut off: nobody else holds the lock, so none of them is being written.
    const tidied = removePartials(store.file);
    const stamp = store.clock.now();
    let out = path.join(folder, backupFileName(store.file, stamp));
    // Two backups in the same millisecond: the second waits a millisecond in its name.
    for (let i = 1; fs.existsSync(out); i++) out = path.join(folder, backupFileName(store.file, new Date(stamp.getTime() + i)));
    const made = backupStore(store, out, { ...options, onProgress: (d, _t, label) => options.onProgress?.(d, 4, label) });
    options.onProgress?.(3, 4, 'Removing old backups');
    const removed = pruneBackups(store.file, readBackupSettings(store.db).keep);
    options.onProgress?.(4, 4, 'Backup finished');
    return { file: made.file, at: made.at, bytes: made.bytes, removed, tidied };
  } finally {
    lock.release();
  }
}

export interface BackupStatus {
  folder: string;
  settings: BackupSettings;
  backups: BackupInfo[];
  last: BackupInfo | null;
  /** When the next scheduled backup falls due (ISO); null when the schedule is off */
  dueAt: string | null;
  /** The last backup is older than the schedule allows (for a store never backed up: the store is) */
  overdue: boolean;
}

export function backupStatus(store: Store, now: Date): BackupStatus {
  const settings = readBackupSettings(store.db);
  const backups = listBackups(store.file);
  const last = backups[0] ?? null;
  const created = (store.db.prepare('SELECT created_at FROM installation').get() as { created_at: string } | undefined)?.created_at;
  const since = last?.at ?? created ?? now.toISOString();
  const dueAt = settings.everyHours > 0 ? new Date(Date.parse(since) + settings.everyHours * 3_600_000).toISOString() : null;
  return { folder: backupFolderFor(store.file), settings, backups, last, dueAt, overdue: dueAt !== null && Date.parse(dueAt) <= now.getTime() };
}

export interface RestoreReport {
  file: string;
  schemaVersion: number;
  auditEntries: number;
  verify: VerifyReport;
}

function describeProblems(report: VerifyReport): string {
  const problems: string[] = [];
  if (report.integrity.length !== 1 || report.integrity[0] !== 'ok') problems.push(`integrity check: ${report.integrity.slice(0, 3).join('; ')}`);
  if (report.foreignKeyProblems) problems.push(`${report.foreignKeyProblems} broken references`);
  if (!report.audit.ok) problems.push(`audit log broken at entry ${report.audit.firstBrokenSeq}: ${report.audit.problem}`);
  if (report.schemaVersion > LATEST_SCHEMA_VERSION) problems.push(`schema version ${report.schemaVersion} is newer than this app understands (${LATEST_SCHEMA_VERSION})`);
  return problems.join('; ');
}

/**
 * Restore a backup into a NEW store file (never over an existing one), then
 * verify the new file from scratch: integrity, foreign keys, schema version
 * and audit chain. Only a restore that passes is kept.
 */
export function restoreBackup(from: string, to: string, passphrase: string, options: { onProgress?: BackupProgress } = {}): RestoreReport {
  const progress = options.onProgress ?? (() => {});
  const target = checkNewStoreLocation(to);
  progress(0, 3, 'Checking the backup');
  const source = verifyStore(from, passphrase);
  if (!source.ok) throw new AppError('VERIFY_FAILED', `The backup ${source.file} did not pass its checks (${describeProblems(source)}), so it was not restored.`);
  if (path.resolve(source.file) === target) throw new AppError('FILE_EXISTS', `${target} is the backup itself. Choose a new file to restore into.`);
  progress(1, 3, 'Copying it to the new store');
  createPrivateFile(target);
  try {
    const { db } = openStoreReadOnly(source.file, passphrase);
    try {
      db.prepare('VACUUM INTO ?').run(target);
    } finally {
      db.close();
    }
    fs.chmodSync(target, 0o600);
    fsyncPath(target, 'r+');
    progress(2, 3, 'Checking the new store');
    const restored = verifyStore(target, passphrase);
    if (!restored.ok) throw new AppError('VERIFY_FAILED', `The restored store did not pass its checks (${describeProblems(restored)}), so it was removed.`);
    progress(3, 3, 'Restored and checked');
    return { file: target, schemaVersion: restored.schemaVersion, auditEntries: restored.audit.ok ? restored.audit.entries : 0, verify: restored };
  } catch (error) {
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
    throw error;
  }
}
