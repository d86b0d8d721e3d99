import type { Db } from '../store/sqlite.ts';
import type { PackageDeletion, PackageScope, PackageTables } from './pack-records.ts';
import { REAL_NAME, TABLE_BY_NAME, TABLES, type Row, type TableSpec } from './pack-tables.ts';

// Choosing the records of a package in SQL. A district's package selects
// only its own rows and the rows they hang from, each table in one pass,
// through the reference indexes (review_id, recommendation_id,
// applicability_id, action_id and the ids themselves). Before, every table
// was read whole, twice, and filtered in JavaScript: at national scale a
// district's package read and decrypted the whole store (over 700 MiB, far
// more than the page cache holds) and built a million rows it then threw
// away. Which district owns a record (owner_district_id) is found by the
// owner indexes of migration 6 (test/unit/exchange/pack-query-plans.test.ts
// checks that only the partnership's lists are read whole).
//
// The records, their values and their order are exactly what they were
// when every table was read whole and filtered in JavaScript
// (test/unit/exchange/pack-records.test.ts holds the two side by side):
// each table's rows in rowid order (link tables by their two columns),
// then, for a district, the parents its records need but do not own, in
// the order the records first name them.

function columnList(spec: TableSpec): string {
  return Object.keys(spec.columns).join(', ');
}

function orderOf(spec: TableSpec): string {
  return spec.link ? `${spec.link.parentColumn}, ${spec.link.otherColumn}` : 'rowid';
}

const spec = (name: string) => TABLE_BY_NAME.get(name)!;

/**
 * A set of ids as one statement parameter, for `column IN (SELECT value
 * FROM json_each(?))`: a statement cannot take a list, and a temporary
 * table would be a write. The index on the column is searched once per id.
 */
const idList = (ids: Iterable<string>) => JSON.stringify([...ids]);
const IN_LIST = 'IN (SELECT value FROM json_each(?))';

/**
 * Evidence files as they travel, their bytes in base64. Which files is
 * read first (their rowids, in order, off the table or its index); then
 * each file is read on its own, so only one file's bytes are held at a
 * time besides the package's copy (sorting whole rows would hold them all).
 */
function evidenceFiles(db: Db, where: string, ...args: unknown[]): Row[] {
  const rowids = db.prepare(`SELECT rowid FROM attachments ${where} ORDER BY rowid`).pluck().all(...args) as number[];
  const one = db.prepare(`SELECT ${columnList(spec('attachments'))} FROM attachments WHERE rowid = ?`);
  return rowids.map((rowid) => {
    const row = one.get(rowid) as Row & { content: Buffer };
    return { ...row, content: Buffer.from(row.content).toString('base64') };
  });
}

/** The whole store, for the countywide group: retired lists and deleted records too, so retirements and deletions travel. */
function wholeStore(db: Db): PackageTables {
  const tables: PackageTables = new Map();
  for (const t of TABLES) {
    // Every evidence file hangs from an update (foreign keys are on, and deleting an update deletes its files).
    tables.set(t.name, t.name === 'attachments' ? evidenceFiles(db, '') : (db.prepare(`SELECT ${columnList(t)} FROM ${t.name} ORDER BY ${orderOf(t)}`).all() as Row[]));
  }
  return tables;
}

/**
 * A district's records: the lists, its own reviews (with their details
 * and register), the recommendations it owns or that its reviews made,
 * with their addressees, themes and actions, the decisions it owns, and
 * the updates it owns or that hang from those decisions and actions, with
 * their evidence; then the decisions, actions, recommendations and reviews
 * those hang from, without their details, so the package imports into any
 * store.
 */
function districtRecords(db: Db, districtId: string): PackageTables {
  const tables: PackageTables = new Map();
  const select = (name: string, where: string, ...args: unknown[]): Row[] => {
    const t = spec(name);
    return db.prepare(`SELECT ${columnList(t)} FROM ${name}${where ? ` WHERE ${where}` : ''} ORDER BY ${orderOf(t)}`).all(...args) as Row[];
  };
  const ids = (name: string) => idList(tables.get(name)!.map((r) => r.id as string));

  for (const name of ['districts', 'agencies', 'themes']) tables.set(name, select(name, ''));
  tables.set('reviews', select('reviews', 'owner_district_id = ?', districtId));
  const reviews = ids('reviews');
  for (const name of ['review_people', 'review_panel_members', 'review_imrs', 'review_pauses', 'review_qa_submissions', 'review_themes']) {
    tables.set(name, select(name, `review_id ${IN_LIST}`, reviews));
  }
  tables.set('recommendations', select('recommendations', `owner_district_id = ? OR review_id ${IN_LIST}`, districtId, reviews));
  const recommendations = ids('recommendations');
  for (const name of ['recommendation_addressees', 'recommendation_themes', 'actions', 'smart_acknowledgements']) {
    tables.set(name, select(name, `recommendation_id ${IN_LIST}`, recommendations));
  }
  tables.set('applicability', select('applicability', 'owner_district_id = ?', districtId));
  tables.set(
    'progress_updates',
    select('progress_updates', `owner_district_id = ? OR applicability_id ${IN_LIST} OR action_id ${IN_LIST}`, districtId, ids('applicability'), ids('actions')),
  );

  // The rows the chosen ones hang from, without their own details: each
  // parent not already there, added after the table's own rows in the
  // order the children first name it.
  const addParents = (name: string, named: Array<string | number | null | undefined>) => {
    const rows = tables.get(name)!;
    const have = new Set(rows.map((r) => r.id as string));
    const wanted: string[] = [];
    for (const id of named as Array<string | null | undefined>) {
      if (!id || have.has(id)) continue;
      have.add(id);
      wanted.push(id);
    }
    if (!wanted.length) return;
    const found = new Map(select(name, `id ${IN_LIST}`, idList(wanted)).map((r) => [r.id as string, r]));
    for (const id of wanted) {
      const parent = found.get(id);
      if (parent) rows.push(parent);
    }
  };
  const updates = tables.get('progress_updates')!;
  addParents('applicability', updates.map((u) => u.applicability_id));
  addParents('actions', updates.map((u) => u.action_id));
  addParents('recommendations', [...tables.get('applicability')!, ...tables.get('actions')!].map((r) => r.recommendation_id));
  addParents('reviews', tables.get('recommendations')!.map((r) => r.review_id));

  tables.set('attachments', evidenceFiles(db, `WHERE progress_update_id ${IN_LIST}`, ids('progress_updates')));
  // Keep the order of TABLES (parents before children), which the package's JSON follows.
  return new Map(TABLES.map((t) => [t.name, tables.get(t.name)!]));
}

/**
 * The rows of a scope. Countywide: everything. A district: its own records
 * and what they hang from (see districtRecords). Real names from the
 * pseudonym registers only when the sender chose to include them.
 */
export function collectRecords(db: Db, scope: PackageScope, includeRealNames: boolean): PackageTables {
  const tables = scope.kind === 'all' ? wholeStore(db) : districtRecords(db, scope.districtId);
  if (!includeRealNames) tables.set(REAL_NAME.table, tables.get(REAL_NAME.table)!.map((p) => ({ ...p, [REAL_NAME.column]: null })));
  return tables;
}

/**
 * The deletions a package carries. Countywide: every tombstone, its own
 * and those it relays. A district: the deletions of rows its district
 * owned, and of district-less rows this installation made: the only
 * deletions a district package may make elsewhere (exchange-ownership.ts).
 */
export function collectDeletions(db: Db, scope: PackageScope): PackageDeletion[] {
  const columns = 'table_name AS "table", row_id AS id, deleted_at AS deletedAt, owner_installation_id AS ownerInstallationId, owner_district_id AS ownerDistrictId';
  if (scope.kind === 'all') return db.prepare(`SELECT ${columns} FROM deletions ORDER BY table_name, row_id`).all() as PackageDeletion[];
  return db
    .prepare(
      `SELECT ${columns} FROM deletions
        WHERE owner_district_id = ? OR (owner_district_id IS NULL AND owner_installation_id = (SELECT id FROM installation))
        ORDER BY table_name, row_id`,
    )
    .all(scope.districtId) as PackageDeletion[];
}
