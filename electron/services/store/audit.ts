import { createHash, randomUUID } from 'node:crypto';
import type { Db as Database } from './sqlite.ts';

// The audit log is append-only (triggers refuse UPDATE and DELETE) and
// hash-chained: each entry's hash covers the previous entry's hash, so an
// edit anywhere breaks every link after it.

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | null;
  detail?: Record<string, unknown>;
}

interface AuditRow {
  seq: number;
  id: string;
  at: string;
  installation_id: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

function entryHash(row: Omit<AuditRow, 'seq' | 'hash'>): string {
  const canonical = JSON.stringify([row.prev_hash, row.id, row.at, row.installation_id, row.actor, row.action, row.entity, row.entity_id, row.detail]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Append one entry. Call inside the transaction that makes the change it records. */
export function appendAudit(db: Database, installationId: string, entry: AuditEntry, at: string): void {
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
  const row = {
    id: randomUUID(),
    at,
    installation_id: installationId,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  db.prepare(
    `INSERT INTO audit_log (id, at, installation_id, actor, action, entity, entity_id, detail, prev_hash, hash)
     VALUES (@id, @at, @installation_id, @actor, @action, @entity, @entity_id, @detail, @prev_hash, @hash)`,
  ).run({ ...row, hash: entryHash(row) });
}

export type AuditVerdict = { ok: true; entries: number } | { ok: false; entries: number; firstBrokenSeq: number; problem: string };

/**
 * Walk the chain from the start; report the first entry whose links do not hold.
 * `schema` names an attached database (a backup being checked); default the store itself.
 */
export function verifyAuditChain(db: Database, schema = 'main'): AuditVerdict {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new Error(`Not a schema name: ${schema}`);
  let prev = GENESIS_HASH;
  let count = 0;
  for (const row of db.prepare(`SELECT * FROM "${schema}".audit_log ORDER BY seq`).iterate() as IterableIterator<AuditRow>) {
    count++;
    if (row.prev_hash !== prev) {
      return { ok: false, entries: count, firstBrokenSeq: row.seq, problem: `entry ${row.seq} does not follow the entry before it (an entry was removed or reordered)` };
    }
    if (entryHash(row) !== row.hash) {
      return { ok: false, entries: count, firstBrokenSeq: row.seq, problem: `entry ${row.seq} was altered after it was written` };
    }
    prev = row.hash;
  }
  return { ok: true, entries: count };
}
