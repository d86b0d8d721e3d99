import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/errors.ts';

// Checks on the file a person points us at, done before SQLite touches it so
// each mistake gets its own message and nothing is created or changed.

const SQLITE_PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** SQLCipher 4's page size: a whole store is always a whole number of these. */
export const STORE_PAGE_SIZE = 4096;

function fsErrorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Where a new store may be created: not an existing file, in a folder that exists. */
export function checkNewStoreLocation(file: string): string {
  const abs = path.resolve(file);
  const stat = fs.statSync(abs, { throwIfNoEntry: false });
  if (stat?.isDirectory()) {
    throw new AppError('NOT_A_STORE', `${abs} is a folder. Give a file name inside it, such as ${path.join(abs, 'dhr-tracker.dhr')}.`);
  }
  if (stat) throw new AppError('FILE_EXISTS', `${abs} already exists. Open it instead, or choose a new file name.`);
  const folder = path.dirname(abs);
  const folderStat = fs.statSync(folder, { throwIfNoEntry: false });
  if (!folderStat) throw new AppError('FOLDER_NOT_FOUND', `The folder ${folder} does not exist. Create it first, or choose another location.`);
  if (!folderStat.isDirectory()) throw new AppError('FOLDER_NOT_FOUND', `${folder} is not a folder. Choose another location.`);
  return abs;
}

/**
 * Create the empty store file with owner-only permissions. SQLite gives its
 * -wal and -shm files the same mode as the database, so they are 0600 too.
 */
export function createPrivateFile(abs: string): void {
  try {
    fs.closeSync(fs.openSync(abs, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, 0o600));
    // openSync's mode is filtered by the umask; set it exactly.
    fs.chmodSync(abs, 0o600);
  } catch (error) {
    const code = fsErrorCode(error);
    if (code === 'EEXIST') throw new AppError('FILE_EXISTS', `${abs} already exists. Open it instead, or choose a new file name.`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new AppError('NOT_WRITABLE', `Cannot create ${abs}: that location is read-only or you do not have permission to write there. Choose a folder you can write to.`);
    }
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new AppError('FOLDER_NOT_FOUND', `The folder ${path.dirname(abs)} does not exist. Create it first, or choose another location.`);
    }
    throw new AppError('NOT_WRITABLE', `Cannot create ${abs} (${code ?? 'unknown error'}). Choose another location.`);
  }
}

/** A file that could be a store: exists, is a regular file, and is not plainly something else. */
export function checkExistingStoreFile(file: string): string {
  const abs = path.resolve(file);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(abs, { throwIfNoEntry: false });
  } catch (error) {
    throw new AppError('FILE_NOT_FOUND', `Cannot read ${abs} (${fsErrorCode(error) ?? 'unknown error'}). Check the path and your permissions.`);
  }
  if (!stat) throw new AppError('FILE_NOT_FOUND', `There is no store at ${abs}. Check the path, or create a new store.`);
  if (stat.isDirectory()) throw new AppError('NOT_A_STORE', `${abs} is a folder, not a store file. Choose the .dhr file inside it.`);
  if (!stat.isFile()) throw new AppError('NOT_A_STORE', `${abs} is not a regular file, so it cannot be a DHR Tracker store.`);
  if (stat.size === 0) throw new AppError('NOT_A_STORE', `${abs} is empty, so it is not a DHR Tracker store.`);
  let header = Buffer.alloc(0);
  try {
    const fd = fs.openSync(abs, 'r');
    try {
      header = Buffer.alloc(16);
      fs.readSync(fd, header, 0, 16, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    throw new AppError('NOT_WRITABLE', `Cannot read ${abs} (${fsErrorCode(error) ?? 'unknown error'}). Check your permissions.`);
  }
  if (header.equals(SQLITE_PLAIN_HEADER)) {
    throw new AppError('NOT_A_STORE', `${abs} is an unencrypted SQLite database, not a DHR Tracker store.`);
  }
  // An encrypted store is at least one whole page. A larger file that is not whole pages may be a
  // store that was cut short: the passphrase tells that apart (see openStoreReadOnly).
  if (stat.size < STORE_PAGE_SIZE) throw new AppError('NOT_A_STORE', `${abs} is not a DHR Tracker store (it is not an encrypted database).`);
  return abs;
}
