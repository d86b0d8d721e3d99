import { LATEST_SCHEMA_VERSION } from './migrations/index.ts';
import { verifyAuditChain } from './audit.ts';
import { openStoreReadOnly } from './open-store.ts';
import { isCorrupt } from './sqlite.ts';
import { damagedStoreMessage } from './store-errors.ts';

export interface VerifyReport {
  file: string;
  schemaVersion: number;
  appSchemaVersion: number;
  integrity: string[];
  foreignKeyProblems: number;
  audit: ReturnType<typeof verifyAuditChain>;
  ok: boolean;
}

/** Check a store without changing it: page integrity, foreign keys, schema version and the audit chain. */
export function verifyStore(file: string, passphrase: string): VerifyReport {
  const { db, file: abs, schemaVersion } = openStoreReadOnly(file, passphrase);
  try {
    let integrity: string[];
    try {
      integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    } catch (error) {
      // A page that fails its check stops the integrity check itself: that is the finding.
      if (!isCorrupt(error)) throw error;
      integrity = [damagedStoreMessage(undefined, 'some of its pages fail their check or are missing')];
    }
    const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    const audit = verifyAuditChain(db);
    const ok = integrity.length === 1 && integrity[0] === 'ok' && foreignKeyProblems === 0 && audit.ok && schemaVersion <= LATEST_SCHEMA_VERSION;
    return { file: abs, schemaVersion, appSchemaVersion: LATEST_SCHEMA_VERSION, integrity, foreignKeyProblems, audit, ok };
  } finally {
    db.close();
  }
}
