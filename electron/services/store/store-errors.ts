import { AppError, isAppError } from '../../../shared/ipc/errors.ts';

// SQLite's own messages ("database is locked", "attempt to write a readonly
// database") mean nothing to the people using DHR Tracker. The CLI and the
// IPC dispatcher pass every failure through here, so each of these gets one
// plain message saying what happened and what to do. SQLite undoes a failed
// transaction whole, so each message can say that nothing was half saved.

export const STORE_BUSY_MESSAGE =
  'Another DHR Tracker window or dhr command is using this store and did not finish within a few seconds. Wait for it to finish (or close the other window), then try again. Nothing was changed by this attempt.';

export const STORE_READ_ONLY_MESSAGE =
  'This store cannot be changed here: the store file, or the folder it is in, is read-only (for example a read-only drive, or a file you may only read). It can still be read: on the command line dhr stats, dhr verify and the list commands work. To make changes, copy the store (the .dhr file) to a folder you can write to, or ask for permission to write there. Nothing was changed.';

export const STORE_DISK_FULL_MESSAGE =
  'The disk holding the store is full (or the store has reached the largest file size allowed there), so this change could not be saved. Nothing from it was saved and the store is as it was before. Free some space on that drive, or move the store to a drive with room, and try again.';

export const STORE_WRITE_FAILED_MESSAGE =
  'DHR Tracker could not write to the disk holding the store: it may be full, removed, or failing. Nothing from this change was saved and the store is as it was before. Check the drive (and that it has free space), then try again.';

export function damagedStoreMessage(file: string | undefined, why: string): string {
  const which = file ?? 'The store';
  return `${which} is damaged: ${why}. The passphrase is not the problem. Restore the most recent backup into a new file (dhr restore --from BACKUP --db NEWFILE, or Restore in the app); backups are kept in the folder beside the store whose name ends "-backups". Keep the damaged file: do not delete it until the restored store checks out (dhr verify).`;
}

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : '';
}

export function isBusy(error: unknown): boolean {
  const code = sqliteCode(error);
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/** The AppError a person should see for a SQLite failure, or the error unchanged if it is not one we can explain. */
export function asAppError(error: unknown, file?: string): unknown {
  if (isAppError(error)) return error;
  const code = sqliteCode(error);
  if (!code) return error;
  if (isBusy(error)) return new AppError('STORE_BUSY', STORE_BUSY_MESSAGE);
  if (code.startsWith('SQLITE_READONLY')) return new AppError('NOT_WRITABLE', STORE_READ_ONLY_MESSAGE);
  if (code === 'SQLITE_FULL') return new AppError('NOT_WRITABLE', STORE_DISK_FULL_MESSAGE);
  if (code.startsWith('SQLITE_IOERR')) return new AppError('NOT_WRITABLE', STORE_WRITE_FAILED_MESSAGE);
  if (code === 'SQLITE_CANTOPEN') {
    return new AppError(
      'NOT_WRITABLE',
      'DHR Tracker could not open the store\'s working files (the "-wal" and "-shm" files beside it). The folder may be read-only or you may not have permission there. Copy the store to a folder you can write to, or ask for permission, and try again. Nothing was changed.',
    );
  }
  if (code.startsWith('SQLITE_CORRUPT')) return new AppError('DAMAGED_STORE', damagedStoreMessage(file, 'part of it cannot be read back as it was written'));
  return error;
}
