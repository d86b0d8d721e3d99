import { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors.ts';
import type { Db } from '../store/sqlite.ts';
import { FORMAT_VERSION, type OpenedPackage } from './pack-format.ts';
import { REAL_NAME, rowSchema, TABLES, type Row, type TableSpec } from './pack-tables.ts';

// What goes into a package (the records of a scope, as rows keyed by
// column) and what comes out of one (checked against pack-tables.ts, with
// older formats brought up to date).

export type PackageScope = { kind: 'all' } | { kind: 'district'; districtId: string; districtName: string };

export interface PackageMetadata {
  app: 'DHR Tracker';
  formatVersion: number;
  /** When the package was made (ISO timestamp) */
  createdAt: string;
  appVersion: string;
  sender: {
    installationId: string;
    /** The person who made it, as the audit log names them: "Name (Organisation)" */
    name: string;
    partnershipName: string;
  };
  scope: PackageScope;
  /** Whether the pseudonym registers' real names are in it (only when the sender chose so) */
  includesRealNames: boolean;
  /** Rows per table, for the preview before the passphrase is given */
  counts: Record<string, number>;
}

export type PackageTables = Map<string, Row[]>;

const MAX_ROWS = 2_000_000;

const metadataSchema = z.object({
  app: z.literal('DHR Tracker'),
  formatVersion: z.number().int(),
  createdAt: z.string().max(40),
  appVersion: z.string().max(40),
  sender: z.object({ installationId: z.string().max(64), name: z.string().max(400), partnershipName: z.string().max(400).default('') }),
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('district'), districtId: z.string().max(64), districtName: z.string().max(400) }),
  ]),
  includesRealNames: z.boolean(),
  counts: z.record(z.string(), z.number().int()).default({}),
});

/** Format 1 named the sender's district directly and had no real names or counts. */
const metadataV1Schema = z.object({
  app: z.literal('DHR Tracker'),
  formatVersion: z.literal(1),
  createdAt: z.string().max(40),
  appVersion: z.string().max(40),
  sender: z.object({ installationId: z.string().max(64), name: z.string().max(400) }),
  district: z.object({ id: z.string().max(64), name: z.string().max(400) }).nullable(),
});

/** Format 1's names for the tables it carried (no review details beyond themes, no evidence files). */
export const V1_TABLE_NAMES: Record<string, string> = {
  districts: 'districts',
  agencies: 'agencies',
  themes: 'themes',
  reviews: 'reviews',
  reviewThemes: 'review_themes',
  recommendations: 'recommendations',
  addressees: 'recommendation_addressees',
  recommendationThemes: 'recommendation_themes',
  actions: 'actions',
  applicability: 'applicability',
  updates: 'progress_updates',
};

function columnList(spec: TableSpec): string {
  return Object.keys(spec.columns).join(', ');
}

/**
 * The rows of a scope. Countywide: everything (retired lists and deleted
 * records too, so retirements and deletions travel). A district: the lists,
 * the district's own reviews (with their details and register),
 * recommendations and actions, its decisions and updates, and their
 * evidence; plus, for the decisions and updates, the rows they hang from
 * (the recommendation and its review, without their details), so the
 * package imports into any store.
 */
export function collectRecords(db: Db, scope: PackageScope, includeRealNames: boolean): PackageTables {
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
    for (const name of ['recommendation_addressees', 'recommendation_themes', 'actions']) keep(name, (r) => recs.has(r.recommendation_id as string));
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

export function recordsJson(tables: PackageTables): { tables: Record<string, Row[]> } {
  return { tables: Object.fromEntries(tables) };
}

export function countRows(tables: PackageTables): Record<string, number> {
  return Object.fromEntries([...tables].map(([name, rows]) => [name, rows.length]));
}

function notForm(label: string, where: string): AppError {
  return new AppError(
    'INVALID_INPUT',
    `${label} opened, but its records are not in the form DHR Tracker expects (${where}). It may have been made by a newer or a modified app. Nothing was imported.`,
  );
}

function checkRows(label: string, raw: Record<string, unknown>, names: Record<string, string>): PackageTables {
  const tables: PackageTables = new Map();
  let total = 0;
  for (const [packageName, rows] of Object.entries(raw)) {
    const tableName = names[packageName];
    if (!tableName) continue; // a table this version does not know: nothing of it is imported
    if (!Array.isArray(rows)) throw notForm(label, `${packageName} is not a list`);
    total += rows.length;
    if (total > MAX_ROWS) throw notForm(label, `more than ${MAX_ROWS.toLocaleString('en-GB')} records`);
    const spec = TABLES.find((t) => t.name === tableName)!;
    const schema = rowSchema(spec);
    tables.set(
      tableName,
      rows.map((row, i) => {
        const parsed = schema.safeParse(row);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          throw notForm(label, `${spec.label}, record ${i + 1}, ${issue.path.join('.') || 'the record'}: ${issue.message}`);
        }
        return parsed.data;
      }),
    );
  }
  for (const spec of TABLES) if (!tables.has(spec.name)) tables.set(spec.name, []);
  return tables;
}

/** Check an opened package's metadata and records, bringing an older format up to date. */
export function readOpenedPackage(opened: OpenedPackage, label = 'The package'): { metadata: PackageMetadata; tables: PackageTables } {
  if (opened.formatVersion === 1) {
    const meta = metadataV1Schema.safeParse(opened.metadata);
    if (!meta.success) throw notForm(label, 'its description');
    const records = z.object({ records: z.record(z.string(), z.unknown()) }).safeParse(opened.records);
    if (!records.success) throw notForm(label, 'its list of records');
    const tables = checkRows(label, records.data.records, V1_TABLE_NAMES);
    const m = meta.data;
    return {
      metadata: {
        app: 'DHR Tracker',
        formatVersion: 1,
        createdAt: m.createdAt,
        appVersion: m.appVersion,
        sender: { installationId: m.sender.installationId, name: m.sender.name, partnershipName: '' },
        scope: m.district ? { kind: 'district', districtId: m.district.id, districtName: m.district.name } : { kind: 'all' },
        includesRealNames: false,
        counts: countRows(tables),
      },
      tables,
    };
  }
  const meta = metadataSchema.safeParse(opened.metadata);
  if (!meta.success || meta.data.formatVersion !== opened.formatVersion) throw notForm(label, 'its description');
  const records = z.object({ tables: z.record(z.string(), z.unknown()) }).safeParse(opened.records);
  if (!records.success) throw notForm(label, 'its list of records');
  const names = Object.fromEntries(TABLES.map((t) => [t.name, t.name]));
  return { metadata: meta.data as PackageMetadata, tables: checkRows(label, records.data.tables, names) };
}

export { FORMAT_VERSION };
