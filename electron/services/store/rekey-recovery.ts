import fs from 'node:fs';
import path from 'node:path';
import { AppError, WRONG_PASSPHRASE_MESSAGE } from '../../../shared/ipc/errors.ts';
import { verifyAuditChain } from './audit.ts';
import { takeFileLock, type FileLock } from './file-lock.ts';
import { isNotADatabase, openKeyed, type Db } from './sqlite.ts';

// Finishing a passphrase change that was cut off (a crash, a kill, a power
// cut), before anything else opens the store.
//
// What a change leaves beside the store while it runs, in order:
//   STORE.rekey-lock       an empty file whose SQLite lock the changing process
//                          holds throughout; the system drops it when that
//                          process ends, so a lock that can be taken means
//                          nobody is changing the store any more
//   STORE.rekey-safety.partial   the safety copy while it is being written
//   STORE.rekey-safety     the same, renamed once whole and on disk: the store
//                          exactly as it was, under the old passphrase
// Only then is the store itself changed: the audit entry for the change, then
// every page re-encrypted, in SQLite transactions with a rollback journal.
//
// So from what is on disk: a partial copy means the store was not touched
// yet. A whole safety copy and a live journal mean the change was cut off
// half-way: the safety copy goes back (it is the same store, and needs no
// key to put back). With no live journal the store holds either the old key
// or, the change having committed, the new one; the passphrase given decides:
// if it opens the safety copy it is the old one, and the change is undone
// (nobody was told it had finished); if it opens the store and not the copy
// it is the new one, and the change is kept. Either way the file that stays
// is checked (integrity and audit chain) before the safety copy is removed
// or put back, and nothing is removed while the passphrase opens neither.

export const SAFETY_SUFFIX = '.rekey-safety';
export const PARTIAL_SAFETY_SUFFIX = `${SAFETY_SUFFIX}.partial`;
export const LOCK_SUFFIX = '.rekey-lock';

/** The first bytes of a rollback journal that still holds a transaction to undo. */
const JOURNAL_MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);

const UNDER_WAY_MESSAGE = (file: string) =>
  `The passphrase of ${file} is being changed by another DHR Tracker window or dhr command. Wait for it to finish, then try again. Nothing was changed.`;

export function fsyncFolder(file: string): void {
  // Makes a rename or removal durable; some systems cannot open a folder, and there it is already so.
  try {
    const fd = fs.openSync(path.dirname(file), 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Nothing more can be done here.
  }
}

export type RekeyLock = FileLock;

/** Take the lock that says a passphrase change (or its recovery) is under way; CONFLICT if another process holds it. */
export function takeRekeyLock(abs: string): RekeyLock {
  return takeFileLock(abs + LOCK_SUFFIX, () => new AppError('CONFLICT', UNDER_WAY_MESSAGE(abs)));
}

export type Soundness = 'sound' | 'wrong-passphrase' | { problem: string };

/**
 * Does this passphrase open the file, and is what it opens sound (integrity
 * check and audit chain)? Opens read-only and never goes through
 * openStoreReadOnly, so it can look at a store mid-change.
 */
export function soundnessWith(file: string, passphrase: string): Soundness {
  let db: Db;
  try {
    db = openKeyed(file, passphrase, { readonly: true });
  } catch (error) {
    if (isNotADatabase(error)) return 'wrong-passphrase';
    return { problem: (error as Error).message };
  }
  try {
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      if (isNotADatabase(error)) return 'wrong-passphrase';
      throw error;
    }
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    if (integrity.length !== 1 || integrity[0] !== 'ok') return { problem: `the integrity check failed: ${integrity.slice(0, 3).join('; ')}` };
    const audit = verifyAuditChain(db);
    if (!audit.ok) return { problem: `the audit log does not check out: ${audit.problem}` };
    return 'sound';
  } catch (error) {
    return { problem: (error as Error).message };
  } finally {
    db.close();
  }
}

function hasLiveJournal(abs: string): boolean {
  try {
    const fd = fs.openSync(`${abs}-journal`, 'r');
    try {
      const head = Buffer.alloc(JOURNAL_MAGIC.length);
      return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(JOURNAL_MAGIC);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Put the safety copy back as the store. The rename is atomic: the store is always one whole file or the other. */
function putSafetyCopyBack(abs: string): void {
  fs.renameSync(abs + SAFETY_SUFFIX, abs);
  fsyncFolder(abs);
  // The half-changed store's journal (and any log) belonged to the file just replaced.
  for (const suffix of ['-journal', '-wal', '-shm']) fs.rmSync(abs + suffix, { force: true });
}

function removeSafetyCopy(abs: string): void {
  fs.rmSync(abs + SAFETY_SUFFIX, { force: true });
  fsyncFolder(abs);
}

const stuck = (abs: string, why: string) =>
  new AppError(
    'INTERNAL',
    `A passphrase change of ${abs} was interrupted, and it could not be finished automatically: ${why}. Nothing has been removed: the copy of the store from before the change, under the old passphrase, is at ${abs}${SAFETY_SUFFIX}. Keep both files safe.`,
  );

const problemOf = (s: Soundness) => (typeof s === 'object' ? s.problem : s);

function settle(abs: string, passphrase: string): void {
  const safety = abs + SAFETY_SUFFIX;
  const copy = soundnessWith(safety, passphrase);
  if (hasLiveJournal(abs)) {
    // Cut off half-way: the change never committed, so it is undone.
    if (typeof copy === 'object') throw stuck(abs, `the copy does not check out (${copy.problem})`);
    putSafetyCopyBack(abs);
    if (copy === 'wrong-passphrase') {
      throw new AppError(
        'WRONG_PASSPHRASE',
        `${WRONG_PASSPHRASE_MESSAGE} A change of its passphrase was interrupted before it finished and has been undone, so the store opens with the passphrase it had before the change.`,
      );
    }
    return;
  }
  if (copy === 'sound') {
    // The old passphrase: the change had not been reported as done, so it is undone.
    putSafetyCopyBack(abs);
    return;
  }
  const store = soundnessWith(abs, passphrase);
  if (store === 'sound') {
    // The new passphrase (or a copy that never finished): the store stands as it is.
    removeSafetyCopy(abs);
    return;
  }
  if (copy === 'wrong-passphrase' && store === 'wrong-passphrase') {
    throw new AppError('WRONG_PASSPHRASE', `${WRONG_PASSPHRASE_MESSAGE} A change of its passphrase was interrupted: try the passphrase it had before the change, or the new one.`);
  }
  throw stuck(abs, `neither the store (${problemOf(store)}) nor the copy (${problemOf(copy)}) checks out with that passphrase`);
}

/** True if a passphrase change left anything beside the store. Cheap: the normal open asks this every time. */
export function hasRekeyLeftovers(abs: string): boolean {
  return [SAFETY_SUFFIX, PARTIAL_SAFETY_SUFFIX, LOCK_SUFFIX].some((suffix) => fs.existsSync(abs + suffix));
}

/**
 * Before a store is opened: if a passphrase change was interrupted, finish
 * it one way or the other (see the top of this file) and tidy up after it.
 * Does nothing when no change left anything behind. Throws CONFLICT while
 * another process is changing the passphrase, WRONG_PASSPHRASE if the
 * passphrase opens neither the store nor its safety copy (nothing removed).
 */
export function recoverInterruptedRekey(abs: string, passphrase: string): void {
  if (!passphrase || !hasRekeyLeftovers(abs)) return;
  const lock = takeRekeyLock(abs);
  let settled = false;
  try {
    // A copy still being written when the change stopped: the store itself had not been touched.
    fs.rmSync(abs + PARTIAL_SAFETY_SUFFIX, { force: true });
    if (fs.existsSync(abs + SAFETY_SUFFIX)) {
      settle(abs, passphrase);
    } else {
      // Stopped just after the copy was put back: the journal left is the replaced file's, and undoes nothing.
      if (hasLiveJournal(abs)) fs.rmSync(`${abs}-journal`, { force: true });
    }
    settled = true;
  } finally {
    // The lock file goes only once the change is over; while a safety copy remains, its presence brings recovery back.
    if (settled || !fs.existsSync(abs + SAFETY_SUFFIX)) lock.release();
    else lock.unlock();
  }
}
