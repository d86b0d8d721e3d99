import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/ipc/errors.ts';
import { deleteWithTombstone } from './deletions.ts';
import type { Db } from './sqlite.ts';

// Saving a record's list of child rows (a review's IMRs, a recommendation's
// actions…) from a form: rows that kept their id are updated, rows without
// one are inserted, and rows no longer in the list are deleted (with a
// tombstone, so the deletion travels in exchange packages). An id that
// does not belong to this parent is refused, so a stale or forged form
// cannot move another record's rows.

export interface ChildRows<T> {
  table: string;
  /** The column naming the parent, such as review_id */
  parentColumn: string;
  parentId: string;
  /** Owner columns for new rows */
  owner: Record<string, unknown>;
  label: string;
  rows: readonly T[];
  existing: readonly T[];
  columns: (row: T, index: number) => Record<string, unknown>;
}

export function syncChildRows<T extends { id?: string | undefined }>(db: Db, now: string, spec: ChildRows<T>): void {
  const known = new Set(spec.existing.map((row) => row.id));
  const kept = new Set<string>();
  spec.rows.forEach((row, index) => {
    const columns = spec.columns(row, index);
    if (row.id && !known.has(row.id)) throw new AppError('NOT_FOUND', `A ${spec.label} in this form does not belong here. Reload and try again.`);
    if (row.id) {
      kept.add(row.id);
      const sets = Object.keys(columns).map((c) => `${c} = @${c}`).join(', ');
      db.prepare(`UPDATE ${spec.table} SET ${sets}, updated_at = @updated_at WHERE id = @id AND ${spec.parentColumn} = @parent`).run({ ...columns, id: row.id, parent: spec.parentId, updated_at: now });
    } else {
      const values = { id: randomUUID(), [spec.parentColumn]: spec.parentId, ...spec.owner, created_at: now, updated_at: now, ...columns };
      const names = Object.keys(values);
      db.prepare(`INSERT INTO ${spec.table} (${names.join(', ')}) VALUES (${names.map((c) => `@${c}`).join(', ')})`).run(values);
    }
  });
  for (const id of known) if (id && !kept.has(id)) deleteWithTombstone(db, spec.table, id, now);
}
