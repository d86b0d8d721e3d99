import { stampOf, type Clock } from '../../../shared/domain/clock.ts';
import fs from 'node:fs';
import { AppError, isAppError } from '../../../shared/ipc/errors.ts';
import { appendAudit, verifyAuditChain } from '../store/audit.ts';
import { LATEST_SCHEMA_VERSION } from '../store/migrations/index.ts';
import { checkNewPassphrase, migrate, normalisePassphrase, openStoreReadOnly } from '../store/open-store.ts';
import { actorName, readSettings } from '../store/settings-store.ts';
import { openKeyed, type Db } from '../store/sqlite.ts';
import { createPrivateFile } from '../store/store-file.ts';

// Changing a store's passphrase. SQLite re-encrypts every page in one
// transaction, but only in rollback-journal mode, so the store leaves WAL
// mode first. A byte-for-byte safety copy is taken under an exclusive lock
// before anything changes; if the change fails or the result does not check
// out, that copy is put back, so the store always opens with one passphrase
// or the other, never neither.

export const SAFETY_SUFFIX = '.rekey-safety';

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

/** Check a store opens with this passphrase and is sound: integrity and audit chain. Throws VERIFY_FAILED. */
function checkOpensWith(file: string, passphrase: string): void {
  const { db } = openStoreReadOnly(file, passphrase);
  try {
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    if (integrity.length !== 1 || integrity[0] !== 'ok') throw new AppError('VERIFY_FAILED', `The integrity check failed: ${integrity.slice(0, 3).join('; ')}.`);
    const audit = verifyAuditChain(db);
    if (!audit.ok) throw new AppError('VERIFY_FAILED', `The audit log does not check out: ${audit.problem}.`);
  } finally {
    db.close();
  }
}

/** True if the passphrase opens the store (any other failure counts as no). */
function opensWith(file: string, passphrase: string): boolean {
  try {
    openStoreReadOnly(file, passphrase).db.close();
    return true;
  } catch {
    return false;
  }
}

export interface RekeyOptions {
  /** Who the audit log names; by default the store's own "Your details" */
  actor?: string;
  /** Stamps the audit entry that records the change */
  clock: Clock;
  /** For tests: called after the safety copy is taken and after the change is written, to inject failures */
  onStage?: (stage: 'copied' | 'rekeyed') => void;
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
  try {
    if (probe.schemaVersion > LATEST_SCHEMA_VERSION) migrate(probe.db, abs); // throws NEWER_STORE
  } finally {
    probe.db.close();
  }
  const safety = abs + SAFETY_SUFFIX;
  if (fs.existsSync(safety)) {
    throw new AppError(
      'CONFLICT',
      `An earlier passphrase change did not finish and left a safety copy at ${safety}. Check which passphrase opens ${abs}; if it opens and checks out (dhr verify), delete the safety copy, then try again. Nothing was changed.`,
    );
  }

  let db: Db | undefined;
  let copied = false;
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
    // The safety copy: the store exactly as it was, still under the old passphrase.
    createPrivateFile(safety);
    copied = true;
    fs.copyFileSync(abs, safety);
    fs.chmodSync(safety, 0o600);
    fsyncFile(safety);
    options.onStage?.('copied');

    db.rekey(Buffer.from(normalisePassphrase(newPassphrase), 'utf8'));
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
    db.close();
    db = undefined;
    options.onStage?.('rekeyed');

    // Verify from scratch: the new passphrase opens a sound store, and the old one does not.
    try {
      checkOpensWith(abs, newPassphrase);
    } catch (error) {
      throw new AppError('VERIFY_FAILED', `the new passphrase did not open a sound store: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (opensWith(abs, oldPassphrase)) throw new AppError('VERIFY_FAILED', 'the old passphrase still opened the store');
    fs.rmSync(safety, { force: true });
    return { file: abs };
  } catch (error) {
    try {
      db?.close();
    } catch {
      // Closing a connection that failed half-way can fail too; the file is what matters.
    }
    if (copied) {
      try {
        putBack(abs, safety, oldPassphrase);
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

/**
 * After a failed change: if the store still opens with the old passphrase
 * (SQLite rolled the change back), keep it as it is; otherwise put the
 * safety copy back. Either way the store opens with the old passphrase.
 */
function putBack(abs: string, safety: string, oldPassphrase: string): void {
  let sound = false;
  try {
    checkOpensWith(abs, oldPassphrase);
    sound = true;
  } catch {
    sound = false;
  }
  if (!sound) {
    for (const suffix of ['-journal', '-wal', '-shm']) fs.rmSync(abs + suffix, { force: true });
    fs.renameSync(safety, abs);
    return;
  }
  fs.rmSync(safety, { force: true });
}
