import Database from 'better-sqlite3-multiple-ciphers';

// The one import of the SQLite driver, so the cipher settings live in one place.
export type Db = Database.Database;

/** How long a connection waits for another window's or command's write to finish before giving up. */
export const BUSY_TIMEOUT_MS = 5000;

const commitListeners = new WeakMap<Db, Set<() => void>>();

/** Hear about every write transaction this connection commits (the session checkpoints after a burst of them). */
export function onCommit(db: Db, listener: () => void): () => void {
  const listeners = commitListeners.get(db);
  listeners?.add(listener);
  return () => listeners?.delete(listener);
}

/**
 * Every db.transaction(fn) on a connection that writes begins IMMEDIATE: it
 * takes the write lock at BEGIN, where SQLite waits up to the busy timeout
 * for another writer to finish. A plain (deferred) BEGIN takes the lock only
 * at the first write, and if another process committed since the
 * transaction's first read, SQLite cannot wait and fails at once with
 * "database is locked". Nested transactions still become savepoints.
 */
function writeTransactionsLockAtBegin(db: Db): void {
  const listeners = new Set<() => void>();
  commitListeners.set(db, listeners);
  const plain = db.transaction.bind(db);
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const immediate = plain(fn).immediate;
    const run = function (this: unknown, ...args: unknown[]) {
      const outermost = !db.inTransaction;
      const result = immediate.apply(this, args);
      if (outermost) for (const listener of listeners) listener();
      return result;
    };
    // Keep the driver's variants (run.deferred, run.exclusive) for callers that ask for one by name.
    for (const key of ['deferred', 'exclusive', 'database'] as const) Object.defineProperty(run, key, { value: (immediate as unknown as Record<string, unknown>)[key] });
    Object.defineProperty(run, 'default', { value: run });
    Object.defineProperty(run, 'immediate', { value: run });
    return run;
  }) as Db['transaction'];
}

/**
 * Open a database file and key it with SQLCipher v4-compatible settings.
 * The cipher must be chosen before the key, and the key set before
 * anything else touches the file.
 */
export function openKeyed(file: string, passphrase: string, options: { readonly: boolean }): Db {
  const db = new Database(file, { readonly: options.readonly, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.key(Buffer.from(passphrase, 'utf8'));
    if (!options.readonly) writeTransactionsLockAtBegin(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The key could not decrypt the first page: a wrong passphrase (or a first page damaged beyond telling apart). */
export function isNotADatabase(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === 'SQLITE_NOTADB';
}

/** The first page decrypted with this key, but a later page did not check out or is missing: the file is damaged. */
export function isCorrupt(error: unknown): boolean {
  return ((error as { code?: string } | undefined)?.code ?? '').startsWith('SQLITE_CORRUPT');
}

/**
 * Open a plain, empty file whose only use is SQLite's file lock, which the
 * system drops when the holding process ends, however it ends. Waits for
 * nothing: a lock held elsewhere fails at once with SQLITE_BUSY.
 */
export function openLockFile(file: string): Db {
  return new Database(file, { fileMustExist: true, timeout: 0 });
}
