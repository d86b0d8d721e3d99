import type { Db } from './sqlite.ts';

// Deleting rows that exchange packages carry, leaving a tombstone for each
// (migration 7): the table, the row's id, when it was deleted and who
// owned it. The rows a delete takes with it (foreign keys ON DELETE
// CASCADE: an action's progress updates and their evidence files) get
// tombstones too, so no package can bring any of them back.

/** The children each table's delete takes with it: [child table, column naming the parent]. */
const CASCADES: Record<string, ReadonlyArray<readonly [string, string]>> = {
  reviews: [
    ['review_people', 'review_id'],
    ['review_panel_members', 'review_id'],
    ['review_imrs', 'review_id'],
    ['review_pauses', 'review_id'],
    ['review_qa_submissions', 'review_id'],
    ['recommendations', 'review_id'],
  ],
  recommendations: [
    ['recommendation_addressees', 'recommendation_id'],
    ['actions', 'recommendation_id'],
    ['applicability', 'recommendation_id'],
    ['smart_acknowledgements', 'recommendation_id'],
  ],
  actions: [['progress_updates', 'action_id']],
  applicability: [['progress_updates', 'applicability_id']],
  progress_updates: [['attachments', 'progress_update_id']],
};

/** Statements prepared once per connection: an import may look up a tombstone for every row of a package. */
const prepared = new WeakMap<Db, Map<string, ReturnType<Db['prepare']>>>();
function statement(db: Db, sql: string): ReturnType<Db['prepare']> {
  let map = prepared.get(db);
  if (!map) prepared.set(db, (map = new Map()));
  let s = map.get(sql);
  if (!s) map.set(sql, (s = db.prepare(sql)));
  return s;
}

export interface Tombstone {
  table_name: string;
  row_id: string;
  deleted_at: string;
  owner_installation_id: string;
  owner_district_id: string | null;
}

/** Record a tombstone; a later deletion of the same row (after it came back) moves its time on, an earlier one does not. */
export function recordTombstone(db: Db, tombstone: Tombstone): void {
  statement(
    db,
    `INSERT INTO deletions (table_name, row_id, deleted_at, owner_installation_id, owner_district_id)
     VALUES (@table_name, @row_id, @deleted_at, @owner_installation_id, @owner_district_id)
     ON CONFLICT (table_name, row_id) DO UPDATE SET deleted_at = excluded.deleted_at, owner_installation_id = excluded.owner_installation_id, owner_district_id = excluded.owner_district_id
     WHERE excluded.deleted_at > deleted_at`,
  ).run(tombstone);
}

export function tombstoneOf(db: Db, table: string, id: string): Tombstone | undefined {
  return statement(db, 'SELECT * FROM deletions WHERE table_name = ? AND row_id = ?').get([table, id]) as Tombstone | undefined;
}

function entomb(db: Db, table: string, id: string, deletedAt: string): boolean {
  const owner = statement(db, `SELECT owner_installation_id, owner_district_id FROM ${table} WHERE id = ?`).get(id) as
    | { owner_installation_id: string; owner_district_id: string | null }
    | undefined;
  if (!owner) return false;
  recordTombstone(db, { table_name: table, row_id: id, deleted_at: deletedAt, ...owner });
  for (const [child, column] of CASCADES[table] ?? []) {
    for (const childId of statement(db, `SELECT id FROM ${child} WHERE ${column} = ?`).pluck().all(id) as string[]) entomb(db, child, childId, deletedAt);
  }
  return true;
}

/**
 * Delete one row by id, with a tombstone for it and for every row its
 * delete cascades to. Call inside the transaction of the change it is
 * part of. Returns whether there was such a row.
 */
export function deleteWithTombstone(db: Db, table: string, id: string, deletedAt: string): boolean {
  if (!entomb(db, table, id, deletedAt)) return false;
  statement(db, `DELETE FROM ${table} WHERE id = ?`).run(id);
  return true;
}
