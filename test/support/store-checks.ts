import { verifyAuditChain } from '../../electron/services/store/audit.ts';
import { openStoreReadOnly } from '../../electron/services/store/open-store.ts';
import { storeStats } from '../../electron/services/store/store-stats.ts';

/** The error code a call throws (an AppError's code), or undefined when it does not throw. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

/** What a store holds and whether it is sound, read with the passphrase given: counts, audit chain and integrity. */
export function storeContents(file: string, passphrase: string) {
  const { db } = openStoreReadOnly(file, passphrase);
  try {
    return { stats: storeStats(db), audit: verifyAuditChain(db), integrity: db.pragma('integrity_check', { simple: true }) };
  } finally {
    db.close();
  }
}
