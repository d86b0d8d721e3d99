import { createHash } from 'node:crypto';
import { formatUkDate } from '../../../shared/domain/dates.ts';
import { senderMayChange, type Importer, type OwnershipVerdict, type PackageSender } from '../../../shared/domain/exchange-ownership.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import { deleteWithTombstone, recordTombstone, tombstoneOf, type Tombstone } from '../store/deletions.ts';
import type { Db } from '../store/sqlite.ts';
import { createMatcher, recommendationWarnings } from './pack-match.ts';
import type { PackageDeletion, PackageMetadata, PackageTables } from './pack-records.ts';
import { contentColumns, REAL_NAME, TABLE_BY_NAME, TABLES, type Row, type TableSpec } from './pack-tables.ts';

// Comparing a package with the store (the preview) and writing what it
// brings (the apply), by the rules in shared/domain/exchange-ownership.ts:
// - records are matched by their stable id; lists and records that are
//   unique by name or place (a district's name, a review's reference, one
//   decision per recommendation and district) are also matched that way,
//   as two installations may each have made their own copy with its own id;
// - under a matched parent, records are matched by content too (a
//   recommendation by its number and wording): see pack-match.ts; every
//   match under another id is linked, so later packages find it by id;
// - a record not in the store is added, with its owner as the package says;
// - a matched record is changed only when the package's copy differs, is
//   newer (updated_at), and the sender owns it here; a newer copy from
//   someone who does not own it is a conflict, and this store's copy stays;
// - a record whose parent is not in the package or the store is skipped;
// - a record the package says was deleted (a tombstone) is deleted here
//   only when the sender owns it here (the same rule as for changes) and
//   it has not changed here since it was deleted; the tombstone is kept,
//   so no package, older or from elsewhere, brings it back: a copy no
//   newer than a tombstone is neither added nor changed, and nor are the
//   records that hung from it. A copy changed after its deletion (someone
//   went on editing it) comes back, if its sender owned it.
// The same package imported twice changes nothing the second time.

export interface TableCounts {
  table: string;
  label: string;
  add: number;
  change: number;
  unchanged: number;
  conflicts: number;
  skipped: number;
  /** Links removed (a theme taken off a record by its owner) */
  remove: number;
  /** Records removed because their owner deleted them */
  delete: number;
}

export interface PlanProblem {
  table: string;
  label: string;
  record: string;
  reason: string;
  /** For a near match: the key to give back (sameRecords) when the person says the two are the same record */
  choice?: string;
}

type Op =
  | { kind: 'insert'; spec: TableSpec; row: Row }
  | { kind: 'update'; spec: TableSpec; id: string; row: Row; columns: string[] }
  | { kind: 'link-add'; spec: TableSpec; parent: string; other: string }
  | { kind: 'link-remove'; spec: TableSpec; parent: string; other: string }
  | { kind: 'delete'; spec: TableSpec; id: string; deletedAt: string }
  | { kind: 'tombstone'; spec: TableSpec; tombstone: Tombstone }
  /** This store's record that the sender's id names, from now on */
  | { kind: 'alias'; spec: TableSpec; senderId: string; localId: string; senderInstallationId: string };

export interface ImportPlan {
  ops: Op[];
  tables: TableCounts[];
  conflicts: PlanProblem[];
  skipped: PlanProblem[];
  /** Recommendations the package adds, so every district starts considering them */
  addedRecommendations: string[];
  /** Whether the register's real names are taken from this package */
  realNamesAccepted: boolean;
  notes: string[];
  /** What to check before applying: reviews the import would leave with numbers used twice or the same wording twice */
  warnings: string[];
  /** link: records here found to be the package's under another id, linked to it on apply */
  totals: { add: number; change: number; remove: number; delete: number; conflicts: number; skipped: number; link: number };
  /** Deletions of records this store never had, kept so that no later package adds them */
  deletionsNoted: number;
}

const SINGULAR: Record<string, string> = {
  districts: 'district',
  agencies: 'agency',
  themes: 'theme',
  reviews: 'review',
  review_people: 'register entry',
  review_panel_members: 'panel member',
  review_imrs: 'IMR',
  review_pauses: 'pause',
  review_qa_submissions: 'QA submission',
  recommendations: 'recommendation',
  recommendation_addressees: 'addressee',
  actions: 'action',
  applicability: 'applicability decision',
  progress_updates: 'progress update',
  attachments: 'evidence file',
  smart_acknowledgements: 'acknowledged SMART hint',
};

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export interface PlanContext {
  installationId: string;
  /** Near matches the person said are the same record (their conflicts' choice keys), or 'all' of them */
  sameRecords?: ReadonlySet<string> | 'all';
}

/** The id of this store's district with the package's district id or, failing that, its name. */
function localDistrict(db: Db, tables: PackageTables, packageDistrictId: string, districtName: string): string | null {
  const byId = db.prepare('SELECT id FROM districts WHERE id = ?').get(packageDistrictId) as { id: string } | undefined;
  if (byId) return byId.id;
  const row = tables.get('districts')!.find((d) => d.id === packageDistrictId);
  const name = (row?.name as string | undefined) ?? districtName;
  const byName = db.prepare('SELECT id FROM districts WHERE name = ? COLLATE NOCASE').get(name) as { id: string } | undefined;
  return byName?.id ?? (row ? packageDistrictId : null);
}

/** Compare a package with the store. Reads only; call applyPlan to write. */
export function planImport(db: Db, metadata: PackageMetadata, tables: PackageTables, ctx: PlanContext, deletions: readonly PackageDeletion[] = []): ImportPlan {
  const myDistrict = (db.prepare("SELECT value FROM settings WHERE key = 'myDistrictId'").get() as { value: string } | undefined)?.value;
  const importer: Importer = { installationId: ctx.installationId, districtId: (myDistrict && (JSON.parse(myDistrict) as string)) || null };
  const partnership = (db.prepare("SELECT value FROM settings WHERE key = 'partnershipName'").get() as { value: string } | undefined)?.value;
  const ourPartnership = partnership ? (JSON.parse(partnership) as string) : '';
  const notes: string[] = [];
  let realNamesAccepted = false;
  if (metadata.includesRealNames) {
    realNamesAccepted = Boolean(ourPartnership.trim()) && sameName(ourPartnership, metadata.sender.partnershipName);
    notes.push(
      realNamesAccepted
        ? `This package holds the real names in the pseudonym registers, because the sender chose to include them for installations of ${metadata.sender.partnershipName}. They are imported and kept encrypted in this store.`
        : `This package holds real names from the pseudonym registers for ${metadata.sender.partnershipName || 'another partnership'}, but this store ${ourPartnership.trim() ? `belongs to ${ourPartnership}` : 'has no partnership name set (Settings)'}, so the real names are not imported. Pseudonyms are.`,
    );
  } else if (tables.get(REAL_NAME.table)!.length) {
    notes.push('Real names from the pseudonym registers are not in this package (only pseudonyms and roles). Real names already in this store are kept.');
  }

  // The sender's district, as this store knows it (ids differ between stores that were set up separately).
  const sender: PackageSender = {
    installationId: metadata.sender.installationId,
    districtId: metadata.scope.kind === 'district' ? (localDistrict(db, tables, metadata.scope.districtId, metadata.scope.districtName) ?? metadata.scope.districtId) : null,
  };

  const ops: Op[] = [];
  const counts = new Map<string, TableCounts>();
  const conflicts: PlanProblem[] = [];
  const skipped: PlanProblem[] = [];
  /** package id → this store's id, per table, for every row matched or added */
  const idMap = new Map<string, Map<string, string>>();
  const skippedIds = new Map<string, Set<string>>();
  /** What happens to each parent row, for its links */
  const fate = new Map<string, Map<string, 'insert' | 'update' | 'other'>>();
  const addedRecommendations: string[] = [];
  /** Package ids of rows that stay deleted here (a tombstone covers them, or their parent), so they are neither added nor changed */
  const goneIds = new Map<string, Set<string>>();
  /** This store's ids of the rows the plan deletes */
  const deleting = new Map<string, Set<string>>();
  /** The package's tombstones that stand (not undone at the sender), by table and package id */
  const incoming = new Map<string, Map<string, PackageDeletion>>();
  const deleteOps: Op[] = [];
  let deletionsNoted = 0;
  for (const spec of TABLES) {
    idMap.set(spec.name, new Map());
    skippedIds.set(spec.name, new Set());
    fate.set(spec.name, new Map());
    goneIds.set(spec.name, new Set());
    deleting.set(spec.name, new Set());
    incoming.set(spec.name, new Map());
    counts.set(spec.name, { table: spec.name, label: spec.label, add: 0, change: 0, unchanged: 0, conflicts: 0, skipped: 0, remove: 0, delete: 0 });
  }

  const districtName = (id: string | null) => (id ? ((db.prepare('SELECT name FROM districts WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? tables.get('districts')!.find((d) => d.id === id)?.name ?? 'another district') : 'no district') as string;
  const reviewRef = (id: string) =>
    ((db.prepare('SELECT reference FROM reviews WHERE id = ?').get(id) as { reference: string } | undefined)?.reference ?? tables.get('reviews')!.find((r) => r.id === id)?.reference ?? 'a review') as string;
  const recLabel = (id: string) => {
    const rec = (db.prepare('SELECT review_id, position FROM recommendations WHERE id = ?').get(id) as Row | undefined) ?? tables.get('recommendations')!.find((r) => r.id === id);
    return rec ? `recommendation ${rec.position} of ${reviewRef(rec.review_id as string)}` : 'a recommendation';
  };
  const describe = (spec: TableSpec, row: Row): string => {
    switch (spec.name) {
      case 'districts':
      case 'agencies':
        return `${SINGULAR[spec.name]} ${row.name}`;
      case 'themes':
        return `theme ${row.name}`;
      case 'reviews':
        return `review ${row.reference}`;
      case 'recommendations':
        return `recommendation ${row.position} of ${reviewRef(row.review_id as string)}`;
      case 'actions':
        return `action ${row.position} of ${recLabel(row.recommendation_id as string)}`;
      case 'applicability':
        return `${districtName(row.district_id as string)}'s decision on ${recLabel(row.recommendation_id as string)}`;
      case 'recommendation_addressees':
        return `an addressee of ${recLabel(row.recommendation_id as string)}`;
      case 'progress_updates':
        return `the progress update as at ${formatUkDate(row.as_at_date as string)} by ${row.author}`;
      case 'smart_acknowledgements':
        return `the acknowledged SMART hint ${row.hint_key} on ${recLabel(row.recommendation_id as string)}`;
      default:
        return row.review_id ? `a ${SINGULAR[spec.name] ?? 'record'} of review ${reviewRef(row.review_id as string)}` : `${SINGULAR[spec.name] ?? 'record'} ${String(row.id).slice(0, 8)}`;
    }
  };
  const whyNot = (verdict: Extract<OwnershipVerdict, { ok: false }>, local: Row): string => {
    switch (verdict.why) {
      case 'other_district':
        return `it belongs to ${districtName(local.owner_district_id as string)}, and this package speaks only for ${metadata.scope.kind === 'district' ? metadata.scope.districtName : 'its sender'}`;
      case 'not_sender':
        return 'it was made by another installation, not the sender';
      case 'importer_district':
        return `it belongs to this installation's own district (${districtName(local.owner_district_id as string)}), so it changes only here`;
      case 'importer_record':
        return 'it was made in this store, so it changes only here';
    }
  };

  const exists = new Map<string, ReturnType<Db['prepare']>>();
  const localById = (table: string, id: string): Row | undefined => {
    let statement = exists.get(table);
    if (!statement) exists.set(table, (statement = db.prepare(`SELECT * FROM ${table} WHERE id = ?`)));
    return statement.get(id) as Row | undefined;
  };
  const naturalStatements = new Map<string, ReturnType<Db['prepare']>>();
  const localByNatural = (spec: TableSpec, row: Row): Row | undefined => {
    if (!spec.natural) return undefined;
    let statement = naturalStatements.get(spec.name);
    if (!statement) {
      const where = spec.natural.map((c) => `${c} = @${c}${spec.nocase?.includes(c) ? ' COLLATE NOCASE' : ''}`).join(' AND ');
      naturalStatements.set(spec.name, (statement = db.prepare(`SELECT * FROM ${spec.name} WHERE ${where}`)));
    }
    const found = statement.get(Object.fromEntries(spec.natural.map((c) => [c, row[c]]))) as Row | undefined;
    // A row this plan deletes no longer holds its name or place.
    return found && deleting.get(spec.name)!.has(found.id as string) ? undefined : found;
  };

  // Most stores have no tombstones, nor most packages: then no row needs looking up.
  const hasTombstones = deletions.length > 0 || db.prepare('SELECT 1 FROM deletions LIMIT 1').get() !== undefined;
  const matcher = createMatcher(db);
  let linked = 0;
  /** A deletion here of the record the sender's id names: under that id, or under the id an earlier package linked it to */
  const tombstoneHere = (table: string, id: string) => {
    if (!hasTombstones) return undefined;
    const alias = matcher.aliasOf(table, id);
    return tombstoneOf(db, table, id) ?? (alias ? tombstoneOf(db, table, alias) : undefined);
  };

  // Deletions first: they decide which rows stay deleted, and they are
  // written before any insert, so a new row may take a deleted one's place.
  const packageIds = new Map<string, Map<string, Row>>();
  const packageRow = (table: string, id: string): Row | undefined => {
    let byId = packageIds.get(table);
    if (!byId) packageIds.set(table, (byId = new Map(tables.get(table)!.map((r) => [r.id as string, r]))));
    return byId.get(id);
  };
  const ukDay = (stamp: string) => formatUkDate(stamp.slice(0, 10));
  for (const d of deletions) {
    const spec = TABLE_BY_NAME.get(d.table)!;
    const count = counts.get(spec.name)!;
    // The sender brought the row back after deleting it: its copy in the package is what counts.
    const copy = packageRow(spec.name, d.id);
    if (copy && String(copy.updated_at) > d.deletedAt) continue;
    if (incoming.get(spec.name)!.has(d.id)) continue; // named twice: once is enough
    incoming.get(spec.name)!.set(d.id, d);
    if (tombstoneHere(spec.name, d.id)) continue; // already deleted here
    const local = localById(spec.name, d.id) ?? matcher.aliased(spec.name, d.id);
    if (!local) {
      // Never here: keep the tombstone, so a package from elsewhere does not add the row later.
      const owner = { ownerInstallationId: d.ownerInstallationId, ownerDistrictId: d.ownerDistrictId && (localDistrict(db, tables, d.ownerDistrictId, '') ?? d.ownerDistrictId) };
      if (senderMayChange(owner, sender, importer).ok) {
        deleteOps.push({ kind: 'tombstone', spec, tombstone: { table_name: spec.name, row_id: d.id, deleted_at: d.deletedAt, owner_installation_id: owner.ownerInstallationId, owner_district_id: owner.ownerDistrictId } });
        deletionsNoted++;
      }
      continue;
    }
    if (d.deletedAt < String(local.updated_at)) {
      count.conflicts++;
      conflicts.push({ table: spec.name, label: spec.label, record: describe(spec, local), reason: `The package says it was deleted on ${ukDay(d.deletedAt)}, but it was changed here after that. This store's copy is kept.` });
      continue;
    }
    const verdict = senderMayChange({ ownerInstallationId: local.owner_installation_id as string, ownerDistrictId: (local.owner_district_id as string | null) ?? null }, sender, importer);
    if (!verdict.ok) {
      count.conflicts++;
      conflicts.push({ table: spec.name, label: spec.label, record: describe(spec, local), reason: `The package says it was deleted, but ${whyNot(verdict, local)}. This store's copy is kept.` });
      continue;
    }
    deleting.get(spec.name)!.add(local.id as string);
    deleteOps.push({ kind: 'delete', spec, id: local.id as string, deletedAt: d.deletedAt });
    count.delete++;
  }

  for (const spec of TABLES) {
    const count = counts.get(spec.name)!;
    const rows = tables.get(spec.name)!;
    if (spec.link) {
      planLinks(db, spec, rows);
      continue;
    }
    matcher.reserve(spec, rows, (id) => localById(spec.name, id));
    const map = idMap.get(spec.name)!;
    const skip = (row: Row, reason: string) => {
      count.skipped++;
      skippedIds.get(spec.name)!.add(row.id as string);
      skipped.push({ table: spec.name, label: spec.label, record: describe(spec, row), reason });
    };
    /** A row that stays deleted here: nothing to do, and its children stay deleted too */
    const gone = (original: Row) => {
      count.unchanged++;
      goneIds.get(spec.name)!.add(original.id as string);
      fate.get(spec.name)!.set(original.id as string, 'other');
    };
    rowLoop: for (const original of rows) {
      const row: Row = { ...original };
      // Point references at this store's records.
      for (const [column, def] of Object.entries(spec.columns)) {
        const target = def.refs;
        const value = row[column];
        if (!target || value === null || value === undefined) continue;
        if (goneIds.get(target)!.has(value as string)) {
          gone(original);
          continue rowLoop;
        }
        if (skippedIds.get(target)!.has(value as string)) {
          skip(original, `its ${SINGULAR[target] ?? 'parent'} was not imported`);
          continue rowLoop;
        }
        const mapped = idMap.get(target)!.get(value as string) ?? (matcher.aliased(target, value as string)?.id as string | undefined);
        if (mapped) {
          if (deleting.get(target)!.has(mapped)) {
            gone(original);
            continue rowLoop;
          }
          row[column] = mapped;
        } else if (!localById(target, value as string)) {
          if (tombstoneHere(target, value as string)) gone(original);
          else skip(original, `it refers to ${SINGULAR[target] ? `a ${SINGULAR[target]}` : 'a record'} that is neither in the package nor in this store`);
          continue rowLoop;
        }
      }
      // Deleted (by the package, or here) no earlier than this copy was last changed: it stays deleted.
      const packageTombstone = incoming.get(spec.name)!.get(original.id as string);
      const localTombstone = packageTombstone ? undefined : tombstoneHere(spec.name, original.id as string);
      const deletedAt = packageTombstone?.deletedAt ?? localTombstone?.deleted_at;
      if (deletedAt !== undefined && deletedAt >= String(row.updated_at)) {
        gone(original);
        continue;
      }
      if (spec.name === 'attachments') {
        const bytes = Buffer.from(row.content as string, 'base64');
        if (bytes.length !== row.size_bytes || createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
          skip(original, 'its file does not match the size and checksum recorded with it');
          continue;
        }
      }
      if (spec.name === REAL_NAME.table && !realNamesAccepted) row[REAL_NAME.column] = null;

      const byId = localById(spec.name, row.id as string) ?? matcher.aliased(spec.name, row.id as string);
      const match = byId ? null : matcher.byContent(spec, row);
      const choice = `${spec.name}:${original.id as string}`;
      const sameAsHere = ctx.sameRecords === 'all' || Boolean(ctx.sameRecords?.has(choice));
      if (match?.kind === 'near' && !sameAsHere) {
        // Not added (it would double the record) and not linked (it may not be the same): the person decides.
        count.conflicts++;
        skippedIds.get(spec.name)!.add(original.id as string);
        conflicts.push({ table: spec.name, label: spec.label, record: describe(spec, match.local), reason: match.reason, choice });
        continue;
      }
      const local = byId ?? localByNatural(spec, row) ?? match?.local;
      if (local) matcher.claim(spec.name, local.id as string);
      if (local && !byId && local.id !== original.id) {
        ops.push({ kind: 'alias', spec, senderId: original.id as string, localId: local.id as string, senderInstallationId: metadata.sender.installationId });
        linked++;
      }
      if (!local && localTombstone) {
        // Changed at the sender after it was deleted here: it comes back only from someone who may change it.
        const owner = { ownerInstallationId: localTombstone.owner_installation_id, ownerDistrictId: localTombstone.owner_district_id };
        const verdict = senderMayChange(owner, sender, importer);
        if (!verdict.ok) {
          count.conflicts++;
          goneIds.get(spec.name)!.add(original.id as string);
          fate.get(spec.name)!.set(original.id as string, 'other');
          conflicts.push({
            table: spec.name,
            label: spec.label,
            record: describe(spec, row),
            reason: `It was deleted here on ${ukDay(localTombstone.deleted_at)}. The package has a copy changed since, but ${whyNot(verdict, { owner_district_id: owner.ownerDistrictId })}. It stays deleted.`,
          });
          continue;
        }
      }
      if (!local) {
        map.set(original.id as string, row.id as string);
        fate.get(spec.name)!.set(original.id as string, 'insert');
        ops.push({ kind: 'insert', spec, row });
        count.add++;
        if (spec.name === 'recommendations' && !row.deleted_at) addedRecommendations.push(row.id as string);
        continue;
      }
      map.set(original.id as string, local.id as string);
      let columns = contentColumns(spec);
      if (spec.name === REAL_NAME.table && !realNamesAccepted) columns = columns.filter((c) => c !== REAL_NAME.column);
      if (spec.name === 'attachments') columns = columns.filter((c) => c !== 'content');
      const differs = columns.filter((c) => !same(row[c], local[c]));
      if (spec.name === 'attachments' && differs.includes('sha256')) columns.push('content');
      if (!differs.length || String(row.updated_at) <= String(local.updated_at)) {
        count.unchanged++;
        fate.get(spec.name)!.set(original.id as string, 'other');
        continue;
      }
      const verdict = senderMayChange(
        { ownerInstallationId: local.owner_installation_id as string, ownerDistrictId: (local.owner_district_id as string | null) ?? null },
        sender,
        importer,
      );
      if (!verdict.ok) {
        count.conflicts++;
        fate.get(spec.name)!.set(original.id as string, 'other');
        conflicts.push({ table: spec.name, label: spec.label, record: describe(spec, local), reason: `The package has a newer copy, but ${whyNot(verdict, local)}. This store's copy is kept.` });
        continue;
      }
      // A new name or reference must not be taken already by another record here.
      if (spec.natural && spec.natural.some((c) => differs.includes(c))) {
        const taken = localByNatural(spec, row);
        if (taken && taken.id !== local.id) {
          count.conflicts++;
          fate.get(spec.name)!.set(original.id as string, 'other');
          conflicts.push({ table: spec.name, label: spec.label, record: describe(spec, local), reason: `The package renames it, but another ${SINGULAR[spec.name]} here already has that name. This store's copy is kept.` });
          continue;
        }
      }
      fate.get(spec.name)!.set(original.id as string, 'update');
      ops.push({ kind: 'update', spec, id: local.id as string, row, columns: [...columns, 'updated_at'] });
      count.change++;
    }
  }

  function planLinks(db: Db, spec: TableSpec, rows: Row[]): void {
    const link = spec.link!;
    const count = counts.get(spec.name)!;
    const byParent = new Map<string, Row[]>();
    for (const row of rows) {
      const list = byParent.get(row[link.parentColumn] as string) ?? [];
      list.push(row);
      byParent.set(row[link.parentColumn] as string, list);
    }
    const parents = fate.get(link.parentTable)!;
    for (const [packageParent, what] of parents) {
      const links = byParent.get(packageParent) ?? [];
      if (what === 'other') {
        count.unchanged += links.length;
        continue;
      }
      const parent = idMap.get(link.parentTable)!.get(packageParent)!;
      const desired = new Set<string>();
      for (const l of links) {
        const other = l[link.otherColumn] as string;
        const mapped = idMap.get(link.otherTable)!.get(other) ?? (localById(link.otherTable, other) ? other : null);
        if (mapped) desired.add(mapped);
        else count.skipped++;
      }
      const current = new Set(
        what === 'insert' ? [] : (db.prepare(`SELECT ${link.otherColumn} AS other FROM ${spec.name} WHERE ${link.parentColumn} = ?`).all(parent) as Array<{ other: string }>).map((r) => r.other),
      );
      for (const other of desired) {
        if (current.has(other)) count.unchanged++;
        else {
          ops.push({ kind: 'link-add', spec, parent, other });
          count.add++;
        }
      }
      for (const other of current) {
        if (!desired.has(other)) {
          ops.push({ kind: 'link-remove', spec, parent, other });
          count.remove++;
        }
      }
    }
  }

  const list = TABLES.map((t) => counts.get(t.name)!);
  const totals = list.reduce(
    (sum, c) => ({ ...sum, add: sum.add + c.add, change: sum.change + c.change, remove: sum.remove + c.remove, delete: sum.delete + c.delete, conflicts: sum.conflicts + c.conflicts, skipped: sum.skipped + c.skipped }),
    { add: 0, change: 0, remove: 0, delete: 0, conflicts: 0, skipped: 0, link: linked },
  );
  if (linked) {
    notes.push(
      `${linked === 1 ? 'One record here is' : `${linked} records here are`} the same as the package's under another id (matched by reference, number and wording, as when both installations entered the same review): ${linked === 1 ? 'it is' : 'they are'} linked, not added again, so later packages from this sender update ${linked === 1 ? 'it' : 'them'}.`,
    );
  }
  const warnings = recommendationWarnings(
    db,
    ops.flatMap((o) =>
      (o.kind === 'insert' || o.kind === 'update') && o.spec.name === 'recommendations'
        ? [{ reviewId: o.row.review_id as string, id: o.kind === 'insert' ? (o.row.id as string) : o.id, position: o.row.position as number, text: o.row.text as string, deleted: Boolean(o.row.deleted_at) }]
        : [],
    ),
    reviewRef,
  );
  // New recommendations are considered in every district: say how many districts will start "Under consideration".
  const liveDistricts = new Set([
    ...(db.prepare('SELECT id FROM districts WHERE retired_at IS NULL').all() as Array<{ id: string }>).map((d) => d.id),
    ...ops.filter((o) => o.kind === 'insert' && o.spec.name === 'districts' && !o.row.retired_at).map((o) => (o as { row: Row }).row.id as string),
  ]);
  const decided = new Set(
    tables.get('applicability')!.map((a) => `${idMap.get('recommendations')!.get(a.recommendation_id as string)}|${idMap.get('districts')!.get(a.district_id as string) ?? a.district_id}`),
  );
  const undecided = addedRecommendations.filter((rec) => [...liveDistricts].some((d) => !decided.has(`${rec}|${d}`))).length;
  if (undecided) {
    notes.push(
      `${undecided === 1 ? 'One new recommendation has' : `${undecided} new recommendations have`} no decision from some districts in this package: those districts will start with "Under consideration", as for a recommendation written here.`,
    );
  }
  return { ops: [...deleteOps, ...ops], tables: list, conflicts, skipped, addedRecommendations, realNamesAccepted, notes, warnings, totals, deletionsNoted };
}

/** Write a plan. Call inside a transaction; any failure throws and the transaction rolls back. */
export function applyPlan(db: Db, plan: ImportPlan, onTable?: (label: string, done: number, total: number) => void): void {
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };
  const bind = (spec: TableSpec, row: Row, columns: readonly string[]) =>
    Object.fromEntries(columns.map((c) => [c, spec.columns[c]?.kind === 'blob' ? Buffer.from(row[c] as string, 'base64') : row[c]]));
  let current = '';
  const done = new Set<string>();
  for (const op of plan.ops) {
    if (op.spec.name !== current) {
      if (current) done.add(current);
      current = op.spec.name;
      onTable?.(op.spec.label, done.size, new Set(plan.ops.map((o) => o.spec.name)).size);
    }
    try {
      switch (op.kind) {
        case 'insert': {
          const columns = Object.keys(op.spec.columns);
          prepared(`INSERT INTO ${op.spec.name} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(bind(op.spec, op.row, columns));
          break;
        }
        case 'update':
          prepared(`UPDATE ${op.spec.name} SET ${op.columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @__id`).run({ ...bind(op.spec, op.row, op.columns), __id: op.id });
          break;
        case 'link-add':
          prepared(`INSERT OR IGNORE INTO ${op.spec.name} (${op.spec.link!.parentColumn}, ${op.spec.link!.otherColumn}) VALUES (?, ?)`).run([op.parent, op.other]);
          break;
        case 'link-remove':
          prepared(`DELETE FROM ${op.spec.name} WHERE ${op.spec.link!.parentColumn} = ? AND ${op.spec.link!.otherColumn} = ?`).run([op.parent, op.other]);
          break;
        case 'delete':
          // Stamped with the sender's time of deletion, and the rows it cascades to with it.
          deleteWithTombstone(db, op.spec.name, op.id, op.deletedAt);
          break;
        case 'tombstone':
          recordTombstone(db, op.tombstone);
          break;
        case 'alias':
          prepared('INSERT OR REPLACE INTO exchange_id_aliases (table_name, sender_id, local_id, sender_installation_id) VALUES (?, ?, ?, ?)').run([op.spec.name, op.senderId, op.localId, op.senderInstallationId]);
          break;
      }
    } catch (error) {
      throw new AppError(
        'INVALID_INPUT',
        `The package could not be applied: one of its ${op.spec.label} does not fit this store (${(error as Error).message}). Nothing was changed.`,
      );
    }
  }
}
