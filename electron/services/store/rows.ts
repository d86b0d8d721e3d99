import { randomUUID } from 'node:crypto';
import type { Db } from './sqlite.ts';

/** Tables that link two records and so have no id or owner of their own. */
const LINK_TABLES = new Set(['review_themes', 'recommendation_themes']);

export interface RowContext {
  installationId: string;
  /** The district that owns the rows written, or null for countywide records */
  ownerDistrictId?: string | null;
  now: string;
}

/**
 * A small INSERT helper for owned records: fills id, owner and timestamps,
 * and reuses one prepared statement per table and column set.
 */
export function createInserter(db: Db, ctx: RowContext) {
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  return function insert(table: string, values: Record<string, unknown>): string {
    const row: Record<string, unknown> = LINK_TABLES.has(table)
      ? { ...values }
      : {
          id: randomUUID(),
          owner_installation_id: ctx.installationId,
          owner_district_id: ctx.ownerDistrictId ?? null,
          created_at: ctx.now,
          updated_at: ctx.now,
          ...values,
        };
    const columns = Object.keys(row);
    const key = `${table}(${columns.join(',')})`;
    let statement = statements.get(key);
    if (!statement) {
      statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
      statements.set(key, statement);
    }
    statement.run(row);
    return row.id as string;
  };
}
export type Insert = ReturnType<typeof createInserter>;
