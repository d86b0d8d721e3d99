import fs from 'node:fs';
import { AppError } from '../../../shared/ipc/errors.ts';
import { openLockFile } from './sqlite.ts';
import { createPrivateFile } from './store-file.ts';

// A lock that says "this process is doing X to the store", held as SQLite's
// lock on an empty file of its own. The system drops it when the process
// ends, however it ends, so a lock that can be taken means whoever held it is
// gone, and what they left behind can be tidied.

export interface FileLock {
  /** Let go of the lock and leave its file. */
  unlock(): void;
  /** Let go of the lock and remove its file. */
  release(): void;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/** Take the lock at `file` (made, private, if missing); throws busy() if another process or connection holds it. */
export function takeFileLock(file: string, busy: () => AppError): FileLock {
  if (!fs.existsSync(file)) {
    try {
      createPrivateFile(file);
    } catch (error) {
      // Another process made it first: its lock decides below.
      if (!fs.existsSync(file)) throw error;
    }
  }
  const db = openLockFile(file);
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if (isBusy(error)) throw busy();
    throw error;
  }
  let held = true;
  const unlock = () => {
    if (!held) return;
    held = false;
    try {
      db.exec('ROLLBACK');
    } finally {
      db.close();
    }
  };
  return {
    unlock,
    release() {
      unlock();
      // SQLite gives the lock file a journal of its own while the lock is held; it holds nothing.
      for (const suffix of ['-journal', '']) fs.rmSync(file + suffix, { force: true });
    },
  };
}
