import Database from 'better-sqlite3-multiple-ciphers';

// The one import of the SQLite driver, so the cipher settings live in one place.
export type Db = Database.Database;

/**
 * Open a database file and key it with SQLCipher v4-compatible settings.
 * The cipher must be chosen before the key, and the key set before
 * anything else touches the file.
 */
export function openKeyed(file: string, passphrase: string, options: { readonly: boolean }): Db {
  const db = new Database(file, { readonly: options.readonly, fileMustExist: true, timeout: 5000 });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.key(Buffer.from(passphrase, 'utf8'));
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function isNotADatabase(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

/**
 * Open a plain, empty file whose only use is SQLite's file lock, which the
 * system drops when the holding process ends, however it ends. Waits for
 * nothing: a lock held elsewhere fails at once with SQLITE_BUSY.
 */
export function openLockFile(file: string): Db {
  return new Database(file, { fileMustExist: true, timeout: 0 });
}
