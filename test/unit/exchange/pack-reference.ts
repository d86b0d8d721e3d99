import type { Db } from '../../../electron/services/store/sqlite.ts';
import type { PackageScope, PackageTables } from '../../../electron/services/exchange/pack-records.ts';
import { REAL_NAME, TABLES, type Row, type TableSpec } from '../../../electron/services/exchange/pack-tables.ts';

// The records of a package as collectRecords chose them before it selected
// a district's rows in SQL (kept word for word, only renamed): every table
// read whole, twice for a district, and filtered in JavaScript. It is the
// yardstick the SQL version is held to, row for row and in the same order,
// so packages made before and after the rewrite carry the same records.

function columnList(spec: TableSpec): string {
  return Object.keys(spec.columns).join(', ');
}

export function collectRecordsBefore(db: Db, scope: PackageScope, includeRealNames: boolean): PackageTables {
  const tables: PackageTables = new Map();
  const read = (spec: TableSpec): Row[] => {
    if (spec.name === 'attachments') return [];
    const order = spec.link ? `${spec.link.parentColumn}, ${spec.link.otherColumn}` : 'rowid';
    return db.prepare(`SELECT ${columnList(spec)} FROM ${spec.name} ORDER BY ${order}`).all() as Row[];
  };
  for (const spec of TABLES) tables.set(spec.name, read(spec));

  if (scope.kind === 'district') {
    const d = scope.districtId;
    const ids = (rows: Row[]) => new Set(rows.map((r) => r.id as string));
    const keep = (name: string, test: (row: Row) => boolean) => tables.set(name, tables.get(name)!.filter(test));
    keep('reviews', (r) => r.owner_district_id === d);
    const reviews = ids(tables.get('reviews')!);
    for (const name of ['review_people', 'review_panel_members', 'review_imrs', 'review_pauses', 'review_qa_submissions', 'review_themes']) keep(name, (r) => reviews.has(r.review_id as string));
    keep('recommendations', (r) => r.owner_district_id === d || reviews.has(r.review_id as string));
    const recs = ids(tables.get('recommendations')!);
    for (const name of ['recommendation_addressees', 'recommendation_themes', 'actions', 'smart_acknowledgements']) keep(name, (r) => recs.has(r.recommendation_id as string));
    keep('applicability', (r) => r.owner_district_id === d);
    const decisions = ids(tables.get('applicability')!);
    const actions = ids(tables.get('actions')!);
    keep('progress_updates', (r) => r.owner_district_id === d || decisions.has(r.applicability_id as string) || actions.has(r.action_id as string));

    // The rows the chosen ones hang from, without their own details.
    const all = new Map(TABLES.map((spec) => [spec.name, new Map(read(spec).map((r) => [r.id as string, r]))]));
    const addParent = (table: string, id: string | null) => {
      if (!id) return;
      const rows = tables.get(table)!;
      if (rows.some((r) => r.id === id)) return;
      const parent = all.get(table)!.get(id);
      if (parent) rows.push(parent);
    };
    for (const u of tables.get('progress_updates')!) {
      addParent('applicability', u.applicability_id as string | null);
      addParent('actions', u.action_id as string | null);
    }
    for (const row of [...tables.get('applicability')!, ...tables.get('actions')!]) addParent('recommendations', row.recommendation_id as string);
    for (const rec of tables.get('recommendations')!) addParent('reviews', rec.review_id as string);
  }

  // Evidence files, read one at a time so only the chosen ones are held in memory.
  const updates = new Set(tables.get('progress_updates')!.map((u) => u.id as string));
  const attachmentSpec = TABLES.find((t) => t.name === 'attachments')!;
  const ids = db.prepare('SELECT id, progress_update_id FROM attachments ORDER BY rowid').all() as Array<{ id: string; progress_update_id: string }>;
  const one = db.prepare(`SELECT ${columnList(attachmentSpec)} FROM attachments WHERE id = ?`);
  tables.set(
    'attachments',
    ids
      .filter((a) => updates.has(a.progress_update_id))
      .map((a) => {
        const row = one.get(a.id) as Row & { content: Buffer };
        return { ...row, content: Buffer.from(row.content).toString('base64') };
      }),
  );

  if (!includeRealNames) tables.set(REAL_NAME.table, tables.get(REAL_NAME.table)!.map((p) => ({ ...p, [REAL_NAME.column]: null })));
  return tables;
}
