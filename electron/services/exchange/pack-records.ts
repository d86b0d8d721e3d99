import { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors.ts';
import { FORMAT_VERSION, type OpenedPackage } from './pack-format.ts';
import { rowSchema, TABLES, type Row } from './pack-tables.ts';

// A package's description and records as they travel (rows keyed by
// column; which rows go in is pack-select.ts), and what comes out of one
// (checked against pack-tables.ts, with older formats brought up to date).

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

/** A row deleted at the sender (or relayed by it), from the tombstones of store migration 7 */
export interface PackageDeletion {
  table: string;
  id: string;
  deletedAt: string;
  /** Who owned the row when it was deleted, by the sender's ids */
  ownerInstallationId: string;
  ownerDistrictId: string | null;
}

const ID = z.string().min(1).max(64).regex(/^[A-Za-z0-9-]+$/);
const deletionSchema = z.object({
  table: z.string().max(64),
  id: ID,
  deletedAt: z.string().max(40).regex(/^\d{4}-\d{2}-\d{2}/),
  ownerInstallationId: ID,
  ownerDistrictId: ID.nullable(),
});

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

/** Format 3 and later: the tables, and the deletions beside them. */
export function recordsJson(tables: PackageTables, deletions: readonly PackageDeletion[] = []): { tables: Record<string, Row[]>; deletions: readonly PackageDeletion[] } {
  return { tables: Object.fromEntries(tables), deletions };
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

/** Deletions of tables this version carries (a table it does not know is ignored, as in checkRows); link tables travel with their parents. */
function checkDeletions(label: string, raw: unknown[]): PackageDeletion[] {
  if (raw.length > MAX_ROWS) throw notForm(label, `more than ${MAX_ROWS.toLocaleString('en-GB')} deletions`);
  const deletions: PackageDeletion[] = [];
  raw.forEach((item, i) => {
    const parsed = deletionSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw notForm(label, `deletion ${i + 1}, ${issue.path.join('.') || 'the record'}: ${issue.message}`);
    }
    const spec = TABLES.find((t) => t.name === parsed.data.table);
    if (spec && !spec.link) deletions.push(parsed.data);
  });
  return deletions;
}

export interface OpenedRecords {
  metadata: PackageMetadata;
  tables: PackageTables;
  /** Empty for formats 1 and 2, which carried no deletions */
  deletions: PackageDeletion[];
}

/** Check an opened package's metadata and records, bringing an older format up to date. */
export function readOpenedPackage(opened: OpenedPackage, label = 'The package'): OpenedRecords {
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
      deletions: [],
    };
  }
  const meta = metadataSchema.safeParse(opened.metadata);
  if (!meta.success || meta.data.formatVersion !== opened.formatVersion) throw notForm(label, 'its description');
  const records = z.object({ tables: z.record(z.string(), z.unknown()), deletions: z.array(z.unknown()).optional() }).safeParse(opened.records);
  if (!records.success) throw notForm(label, 'its list of records');
  const names = Object.fromEntries(TABLES.map((t) => [t.name, t.name]));
  // Format 2 had no deletions; from format 3 they are always there.
  if (opened.formatVersion >= 3 && !records.data.deletions) throw notForm(label, 'its list of deletions');
  return { metadata: meta.data as PackageMetadata, tables: checkRows(label, records.data.tables, names), deletions: checkDeletions(label, records.data.deletions ?? []) };
}

export { FORMAT_VERSION };
