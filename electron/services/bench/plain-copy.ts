import fs from 'node:fs';
// The benchmark's only direct use of the driver: an unencrypted comparison
// store of synthetic (fictional) data, to measure what encryption costs.
// The app itself never opens or writes an unkeyed database.
import Database from 'better-sqlite3-multiple-ciphers';
import { configureConnection, createStore } from '../store/open-store.ts';
import { openKeyed, type Db } from '../store/sqlite.ts';
import { BENCH_PASSPHRASE, fillStore, GENERATION_OPTIONS, loadPragmas } from './generate.ts';
import { SCALES, type ScaleName } from './scales.ts';

/**
 * The unencrypted twin of a cached bench store: the same schema, and the
 * same data written in the same order by the same generator, so its pages
 * are laid out as the encrypted store's are (a store built up row by row
 * has part-filled pages; decrypting a copy would compact it, and compare a
 * compacted store with a fragmented one).
 */
export function ensurePlainCopy(encryptedFile: string, scale: ScaleName): string {
  const plain = encryptedFile.replace(/\.dhr$/, '.plain.sqlite');
  if (fs.existsSync(plain)) return plain;
  const partial = `${plain}.${process.pid}.partial`;
  const remove = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(partial + suffix, { force: true });
  };
  remove();
  try {
    // An empty store through the real schema and seed, then its (empty) encryption removed.
    const seeded = createStore(partial, BENCH_PASSPHRASE, GENERATION_OPTIONS);
    const installationId = seeded.installationId;
    seeded.close();
    const keyed = openKeyed(partial, BENCH_PASSPHRASE, { readonly: false });
    keyed.rekey(Buffer.from('')); // an empty key removes the encryption
    keyed.close();
    const db = new Database(partial, { fileMustExist: true });
    try {
      configureConnection(db);
      loadPragmas(db);
      db.transaction(() => fillStore({ db, file: partial, installationId, clock: GENERATION_OPTIONS.clock, close() {} }, SCALES[scale]))();
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    fs.renameSync(partial, plain);
    return plain;
  } finally {
    remove();
  }
}

/** Open the plain copy with the same connection settings as an unlocked store. */
export function openPlain(file: string): Db {
  const db = new Database(file, { fileMustExist: true });
  configureConnection(db);
  return db;
}
