import { stampOf, type Clock } from '../../../shared/domain/clock.ts';
import fs from 'node:fs';
import { AppError, isAppError } from '../../../shared/ipc/errors.ts';
import { appendAudit } from '../store/audit.ts';
import { LATEST_SCHEMA_VERSION } from '../store/migrations/index.ts';
import { checkNewPassphrase, migrate, normalisePassphrase, openStoreReadOnly } from '../store/open-store.ts';
import {
  fsyncFolder,
  PARTIAL_SAFETY_SUFFIX,
  recoverInterruptedRekey,
  SAFETY_SUFFIX,
  soundnessWith,
  takeRekeyLock,
  type RekeyLock,
} from '../store/rekey-recovery.ts';
import { actorName, readSettings } from '../store/settings-store.ts';
import { openKeyed, type Db } from '../store/sqlite.ts';
import { createPrivateFile } from '../store/store-file.ts';

// Changing a store's passphrase. SQLite re-encrypts every page in one
// transaction, but only in rollback-journal mode, so the store leaves WAL
// mode first. A byte-for-byte safety copy is taken under an exclusive lock
// before anything changes; if the change fails or the result does not check
// out, that copy is put back, so the store always opens with one passphrase
// or the other, never neither. If the process dies part-way, the next open
// finishes the job from what is on disk: store/rekey-recovery.ts says how.

export { SAFETY_SUFFIX };

const IN_USE_MESSAGE = (file: string) =>
  `${file} is open in DHR Tracker or another dhr command. Lock it there (or let that command finish) and try again. Nothing was changed.`;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export type RekeyStage = 'locked' | 'copied' | 'audited' | 'rekeyed' | 'verified';

export interface RekeyOptions {
  /** Who the audit log names; by default the store's own "Your details" */
  actor?: string;
  /** Stamps the audit entry that records the change */
  clock: Clock;
  /**
   * For tests: called as the change goes along, to inject failures or report
   * where a killed change had got to: the store locked, the safety copy whole,
   * the audit entry written, every page re-encrypted, the result verified.
   */
  onStage?: (stage: RekeyStage) => void;
}

/**
 * Change the passphrase of a closed store. Verifies the result by opening the
 * file afresh with the new passphrase, and checks the old one no longer
 * works, before returning.
 */
export function rekeyStore(file: string, oldPassphrase: string, newPassphrase: string, options: RekeyOptions): { file: string } {
  checkNewPassphrase(newPassphrase);
  if (normalisePassphrase(newPassphrase) === normalisePassphrase(oldPassphrase)) {
    throw new AppError('INVALID_INPUT', 'The new passphrase is the same as the current one. Choose a different passphrase.', {
      newPassphrase: 'Choose a passphrase different from the current one.',
    });
  }
  // The old passphrase and the schema version are checked on a read-only handle first.
  const probe = openStoreReadOnly(file, oldPassphrase);
  const abs = probe.file;
  // The form of the old passphrase that opened it (as typed, for a store keyed before normalisation).
  const oldKey = probe.passphrase;
  // New keys are always made from the NFC form, so the same letters typed on any keyboard open the store.
  const newKey = normalisePassphrase(newPassphrase);
  try {
    if (probe.schemaVersion > LATEST_SCHEMA_VERSION) migrate(probe.db, abs); // throws NEWER_STORE
  } finally {
    probe.db.close();
  }
  const safety = abs + SAFETY_SUFFIX;
  const partial = abs + PARTIAL_SAFETY_SUFFIX;
  // Opening the probe above finished any earlier change that was cut off; anything still here is someone else's.
  if (fs.existsSync(safety)) {
    throw new AppError(
      'CONFLICT',
      `An earlier passphrase change did not finish and left a safety copy at ${safety}. Check which passphrase opens ${abs}; if it opens and checks out (dhr verify), delete the safety copy, then try again. Nothing was changed.`,
    );
  }

  let db: Db | undefined;
  let lock: RekeyLock | undefined;
  try {
    try {
      db = openKeyed(abs, oldKey, { readonly: false });
      // Fold any write-ahead log back in and leave WAL mode: SQLite re-encrypts in rollback-journal mode only.
      const checkpoint = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      if (checkpoint[0]?.busy) throw new AppError('CONFLICT', IN_USE_MESSAGE(abs));
      const mode = db.pragma('journal_mode = DELETE', { simple: true });
      if (mode !== 'delete') throw new AppError('CONFLICT', IN_USE_MESSAGE(abs));
      // Hold the store exclusively from here until the change is done: nobody else reads or writes it meanwhile.
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
      db.exec('COMMIT');
    } catch (error) {
      if (isBusy(error)) throw new AppError('CONFLICT', IN_USE_MESSAGE(abs));
      throw error;
    }
    // Held until the end, including the checks after the store itself is let go, so no open meanwhile takes this for a crash.
    lock = takeRekeyLock(abs);
    options.onStage?.('locked');
    // The safety copy: the store exactly as it was, still under the old passphrase. Written under
    // another name and renamed once whole and on disk, so a copy under its own name is always complete.
    fs.rmSync(partial, { force: true });
    createPrivateFile(partial);
    fs.copyFileSync(abs, partial);
    fs.chmodSync(partial, 0o600);
    fsyncFile(partial);
    fs.renameSync(partial, safety);
    fsyncFolder(safety);
    options.onStage?.('copied');

    // The audit entry goes in first, under the old passphrase: undoing the change (putting the
    // safety copy back) takes the entry away with it, so it is there exactly when the change is.
    const opened = db;
    opened.transaction(() => {
      const row = opened.prepare('SELECT id FROM installation').get() as { id: string };
      appendAudit(
        opened,
        row.id,
        { actor: options.actor ?? actorName(readSettings(opened)), action: 'change-passphrase', entity: 'store', detail: {} },
        stampOf(options.clock),
      );
    })();
    options.onStage?.('audited');
    db.rekey(Buffer.from(newKey, 'utf8'));
    db.close();
    db = undefined;
    options.onStage?.('rekeyed');

    // Verify from scratch: the new passphrase opens a sound store, and the old one does not.
    const sound = soundnessWith(abs, newKey);
    if (sound !== 'sound') throw new AppError('VERIFY_FAILED', `the new passphrase did not open a sound store: ${sound === 'wrong-passphrase' ? 'it did not open it' : sound.problem}`);
    if (soundnessWith(abs, oldKey) !== 'wrong-passphrase') throw new AppError('VERIFY_FAILED', 'the old passphrase still opened the store');
    options.onStage?.('verified');
    fs.rmSync(safety, { force: true });
    fsyncFolder(safety);
    lock.release();
    return { file: abs };
  } catch (error) {
    try {
      db?.close();
    } catch {
      // Closing a connection that failed half-way can fail too; the file is what matters.
    }
    if (lock) {
      // Let go, and let the recovery every open runs put things back, as it would after a crash.
      lock.unlock();
      try {
        recoverInterruptedRekey(abs, oldKey);
      } catch (putBackError) {
        throw new AppError(
          'INTERNAL',
          `The passphrase change failed and the store could not be put back automatically (${(putBackError as Error).message}). A copy of the store as it was, under the current passphrase, is at ${safety}: keep it safe.`,
        );
      }
    }
    if (isAppError(error) && error.code === 'VERIFY_FAILED') {
      throw new AppError('VERIFY_FAILED', `The passphrase change could not be verified (${error.message.replace(/\.$/, '')}), so it was undone. The store still opens with its current passphrase.`);
    }
    throw error;
  }
}
