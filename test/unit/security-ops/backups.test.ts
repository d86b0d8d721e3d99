import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupFolderFor,
  backupNow,
  backupStatus,
  backupStore,
  listBackups,
  readBackupSettings,
  removeInterruptedBackups,
  restoreBackup,
  writeBackupSettings,
} from '../../../electron/services/security-ops/backups.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import { verifyAuditChain } from '../../../electron/services/store/audit.ts';
import { takeFileLock } from '../../../electron/services/store/file-lock.ts';
import { createStore, openStore, openStoreReadOnly, type Store } from '../../../electron/services/store/open-store.ts';
import { openKeyed } from '../../../electron/services/store/sqlite.ts';
import { storeStats } from '../../../electron/services/store/store-stats.ts';
import { loadDemo } from '../../../electron/services/demo/demo-loader.ts';
import { PASSPHRASE, filesContain, tempDir } from '../../support/temp.ts';
import { TEST_STORE_OPTIONS, testClock } from '../../support/clock.ts';
import { codeOf } from '../../support/store-checks.ts';

const CANARY = 'CANARY-7c2d-backup-plaintext-check';

let template: { dir: string; cleanup: () => void; file: string };
let dir: string;
let cleanup: () => void;
let store: Store;
/** The store's clock: a backup is stamped with the time it says */
let clock: ReturnType<typeof testClock>;

beforeAll(() => {
  const t = tempDir();
  template = { ...t, file: path.join(t.dir, 'template.dhr') };
  const s = createStore(template.file, PASSPHRASE, TEST_STORE_OPTIONS);
  loadDemo(s, { actor: 'test' });
  s.db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('canaryNote', JSON.stringify(CANARY), 'now');
  s.close();
});
afterAll(() => template.cleanup());
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  const file = path.join(dir, 'county.dhr');
  fs.copyFileSync(template.file, file);
  clock = testClock();
  store = openStore(file, PASSPHRASE, { ...TEST_STORE_OPTIONS, clock });
});
afterEach(() => {
  store.close();
  cleanup();
});

function readOnly<T>(file: string, use: (db: ReturnType<typeof openStoreReadOnly>['db']) => T): T {
  const { db } = openStoreReadOnly(file, PASSPHRASE);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

describe('why backups use VACUUM INTO', () => {
  it('better-sqlite3’s db.backup() refuses to copy a keyed store into an unkeyed file, writing no plaintext', async () => {
    const out = path.join(dir, 'online-backup.db');
    await expect(store.db.backup(out)).rejects.toThrow(/incompatible source and target/);
    const left = fs.existsSync(out) ? [out] : [];
    expect(filesContain(left, CANARY)).toEqual([]);
  });
});

describe('a backup', () => {
  it('is encrypted: no plaintext canary in its bytes (UTF-8 or UTF-16), and it opens only with the passphrase', () => {
    const out = path.join(dir, 'copy.dhr-backup');
    const made = backupStore(store, out);
    expect(made).toMatchObject({ file: out, bytes: fs.statSync(out).size });
    // The canary really is in the store, so the scan below can fail.
    expect(store.db.prepare("SELECT value FROM settings WHERE key = 'canaryNote'").get()).toEqual({ value: JSON.stringify(CANARY) });
    expect(filesContain([out], CANARY)).toEqual([]);
    expect(filesContain([out], 'SQLite format 3')).toEqual([]);
    expect(codeOf(() => openStoreReadOnly(out, 'not the passphrase at all'))).toBe('WRONG_PASSPHRASE');
    readOnly(out, (db) => {
      expect(db.prepare("SELECT value FROM settings WHERE key = 'canaryNote'").get()).toEqual({ value: JSON.stringify(CANARY) });
      expect(storeStats(db)).toEqual(storeStats(store.db));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(verifyAuditChain(db).ok).toBe(true);
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    });
  });

  it('is a private file (0600), never overwrites, leaves no partial file, and is audited', () => {
    const out = path.join(dir, 'copy.dhr-backup');
    backupStore(store, out, { actor: 'tester' });
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(codeOf(() => backupStore(store, out))).toBe('FILE_EXISTS');
    expect(codeOf(() => backupStore(store, store.file))).toBe('FILE_EXISTS');
    expect(codeOf(() => backupStore(store, path.join(dir, 'missing-folder', 'x.dhr-backup')))).toBe('FOLDER_NOT_FOUND');
    const last = store.db.prepare('SELECT actor, action, entity, detail FROM audit_log ORDER BY seq DESC LIMIT 1').get() as Record<string, string>;
    expect(last).toMatchObject({ actor: 'tester', action: 'backup', entity: 'store' });
    expect(JSON.parse(last.detail!)).toEqual({ file: out, bytes: fs.statSync(out).size });
    expect(verifyAuditChain(store.db).ok).toBe(true);
  });

  it('goes into a private folder beside the store, keeps the newest N and reports progress', () => {
    writeBackupSettings(store, { everyHours: 24, keep: 3 });
    const steps: string[] = [];
    let t = Date.parse('2026-11-01T09:00:00Z');
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      t += 3_600_000;
      clock.set(new Date(t));
      made.push(backupNow(store, { onProgress: (done, total, label) => steps.push(`${done}/${total} ${label}`) }).file);
    }
    const folder = backupFolderFor(store.file);
    expect(folder).toBe(path.join(dir, 'county-backups'));
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    expect(listBackups(store.file).map((b) => b.file)).toEqual(made.slice(2).reverse());
    expect(fs.readdirSync(folder).sort()).toEqual(made.slice(2).map((f) => path.basename(f)).sort());
    for (const f of made.slice(2)) expect(fs.statSync(f).mode & 0o777).toBe(0o600);
    expect(steps.slice(0, 5)).toEqual(['0/4 Copying the store', '1/4 Checking the copy', '2/4 Backup written', '3/4 Removing old backups', '4/4 Backup finished']);
    expect(listBackups(store.file)[0]).toMatchObject({ at: new Date(t).toISOString() });
  });

  it('ignores files in the folder that are not its backups', () => {
    backupNow(store);
    const folder = backupFolderFor(store.file);
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'mine');
    fs.writeFileSync(path.join(folder, `other-${backupFileName('other.dhr', clock.now()).slice('other-'.length)}`), 'another store’s');
    writeBackupSettings(store, { everyHours: 24, keep: 1 });
    backupNow(store);
    expect(listBackups(store.file)).toHaveLength(1);
    expect(fs.existsSync(path.join(folder, 'notes.txt'))).toBe(true);
  });
});

describe('what a backup cut off by a crash leaves', () => {
  /** A killed backup leaves its encrypted, unfinished copy under the backup's name plus ".partial". */
  function leavePartial(folder: string, name: string): string {
    const file = path.join(folder, name);
    fs.writeFileSync(file, fs.readFileSync(store.file).subarray(0, 8192));
    return file;
  }

  it('is removed by the next backup: only this store’s own partial files, nothing else in the folder', () => {
    const folder = backupFolderFor(store.file);
    fs.mkdirSync(folder, { recursive: true });
    const ours = [0, 1, 2].map((i) => leavePartial(folder, `${backupFileName(store.file, new Date(Date.parse('2026-11-20T10:00:00Z') + i * 60_000))}.partial`));
    const others = [
      leavePartial(folder, `other-${backupFileName('other.dhr', clock.now()).slice('other-'.length)}.partial`),
      leavePartial(folder, 'notes.partial'),
      leavePartial(folder, `${backupFileName(store.file, clock.now())}.partial.keep`),
      leavePartial(path.dirname(store.file), `${path.basename(store.file)}.partial`),
    ];
    const kept = path.join(folder, `${backupFileName(store.file, new Date(Date.parse('2026-11-19T10:00:00Z')))}.partial`);
    fs.mkdirSync(kept); // a folder with our name: not a file we wrote
    const made = backupNow(store);
    expect(made.tidied.sort()).toEqual(ours.sort());
    for (const file of ours) expect(fs.existsSync(file)).toBe(false);
    for (const file of [...others, kept, made.file]) expect(fs.existsSync(file)).toBe(true);
    // Nothing of the backup's own is left either: no lock file, no partial.
    expect(fs.readdirSync(folder).filter((f) => f.startsWith('county') && !fs.statSync(path.join(folder, f)).isDirectory()).sort()).toEqual([path.basename(made.file), `${backupFileName(store.file, clock.now())}.partial.keep`].sort());
  });

  it('is removed when the store is opened again (removeInterruptedBackups), unless a backup is under way there', () => {
    const folder = backupFolderFor(store.file);
    fs.mkdirSync(folder, { recursive: true });
    const partial = leavePartial(folder, `${backupFileName(store.file, clock.now())}.partial`);
    // Another window or dhr command making a backup holds the folder's backup lock: its partial is not touched, and a second backup waits its turn.
    const busy = takeFileLock(path.join(folder, 'county.backup-lock'), () => new AppError('CONFLICT', 'busy'));
    try {
      expect(removeInterruptedBackups(store.file)).toEqual([]);
      expect(fs.existsSync(partial)).toBe(true);
      expect(codeOf(() => backupNow(store))).toBe('CONFLICT');
    } finally {
      busy.release();
    }
    expect(removeInterruptedBackups(store.file)).toEqual([partial]);
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});

describe('the schedule', () => {
  it('defaults to every 24 hours keeping 7, and changes are audited', () => {
    expect(readBackupSettings(store.db)).toEqual({ everyHours: 24, keep: 7 });
    const before = (store.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    expect(writeBackupSettings(store, { everyHours: 0, keep: 3 })).toEqual({ everyHours: 0, keep: 3 });
    writeBackupSettings(store, { everyHours: 0, keep: 3 }); // no change, no entry
    const entries = store.db.prepare('SELECT action, entity, detail FROM audit_log WHERE seq > ? ORDER BY seq').all(before) as Array<{ detail: string }>;
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]!.detail)).toEqual({
      changes: [
        { field: 'backupEveryHours', before: 24, after: 0 },
        { field: 'backupKeep', before: 7, after: 3 },
      ],
    });
  });

  it('is overdue once the last backup (or, before any, the store itself) is older than the schedule allows', () => {
    const created = Date.parse((store.db.prepare('SELECT created_at FROM installation').get() as { created_at: string }).created_at);
    const hours = (h: number) => new Date(created + h * 3_600_000);
    expect(backupStatus(store, hours(23))).toMatchObject({ overdue: false, last: null, dueAt: hours(24).toISOString() });
    expect(backupStatus(store, hours(25)).overdue).toBe(true);
    clock.set(hours(25));
    backupNow(store);
    expect(backupStatus(store, hours(26))).toMatchObject({ overdue: false, dueAt: hours(49).toISOString(), last: { at: hours(25).toISOString() } });
    expect(backupStatus(store, hours(50)).overdue).toBe(true);
    writeBackupSettings(store, { everyHours: 0, keep: 7 });
    expect(backupStatus(store, hours(5000))).toMatchObject({ overdue: false, dueAt: null });
  });
});

describe('restoring', () => {
  let backup: string;
  beforeEach(() => {
    backup = backupNow(store).file;
  });

  it('restores into a new private file, verified, with identical contents', () => {
    const target = path.join(dir, 'restored.dhr');
    const steps: string[] = [];
    const report = restoreBackup(backup, target, PASSPHRASE, { onProgress: (d, t, label) => steps.push(`${d}/${t} ${label}`) });
    expect(report).toMatchObject({ file: target, verify: { ok: true, integrity: ['ok'] } });
    expect(steps.at(-1)).toBe('3/3 Restored and checked');
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    readOnly(target, (db) => {
      expect(storeStats(db)).toEqual(storeStats(store.db));
      expect(db.prepare('SELECT id FROM installation').get()).toEqual({ id: store.installationId });
    });
    expect(filesContain([target], CANARY)).toEqual([]);
  });

  it('never restores over an existing file', () => {
    const target = path.join(dir, 'taken.dhr');
    fs.writeFileSync(target, 'precious');
    expect(codeOf(() => restoreBackup(backup, target, PASSPHRASE))).toBe('FILE_EXISTS');
    expect(fs.readFileSync(target, 'utf8')).toBe('precious');
    expect(codeOf(() => restoreBackup(backup, store.file, PASSPHRASE))).toBe('FILE_EXISTS');
  });

  it('refuses a wrong passphrase, leaving nothing behind', () => {
    const target = path.join(dir, 'restored.dhr');
    expect(codeOf(() => restoreBackup(backup, target, 'not the passphrase at all'))).toBe('WRONG_PASSPHRASE');
    expect(fs.existsSync(target)).toBe(false);
  });

  it('refuses a backup whose audit log was tampered with, leaving nothing behind', () => {
    const db = openKeyed(backup, PASSPHRASE, { readonly: false });
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET actor = 'someone else' WHERE seq = 1`).run();
    db.close();
    const target = path.join(dir, 'restored.dhr');
    let error: unknown;
    try {
      restoreBackup(backup, target, PASSPHRASE);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'VERIFY_FAILED', message: expect.stringMatching(/audit log broken at entry 1/) });
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('restored'))).toEqual([]);
  });

  it('refuses a file that is not a store', () => {
    const junk = path.join(dir, 'junk.dhr-backup');
    fs.writeFileSync(junk, Buffer.alloc(4096, 7));
    expect(codeOf(() => restoreBackup(junk, path.join(dir, 'restored.dhr'), PASSPHRASE))).toBe('WRONG_PASSPHRASE');
  });
});
