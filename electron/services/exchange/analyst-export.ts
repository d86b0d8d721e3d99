import { stampOf } from '../../../shared/domain/clock.ts';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { formatUkDate, ukDateOf } from '../../../shared/domain/dates.ts';
import { APPLICABILITY_WORDS, RELATIONSHIP_WORDS, SCOPE_WORDS, type Applicability, type Relationship, type RecommendationScope } from '../../../shared/domain/vocabulary.ts';
import { decideOnHits, findRealNames, isPossibleHit, loadProfessionals, loadRegister, type GuardHit } from '../anonymity/anonymity-guard.ts';
import type { DocxTextSegment } from '../anonymity/docx-text.ts';
import { reviewedDetail } from '../exports/review-exports.ts';
import { appendAudit } from '../store/audit.ts';
import type { Store } from '../store/open-store.ts';
import type { Db } from '../store/sqlite.ts';
import { buildXlsx, type XlsxCell, type XlsxSheet } from './xlsx-write.ts';

// The store as tables for analysts: reviews, recommendations, actions,
// applicability decisions and progress updates, one row per record, with
// words rather than codes. Pseudonyms only: the register's real names are
// never written, and evidence files are listed by name, never included.
// Deleted records are left out.
//
// Free text (a recommendation, a note) can still hold a real name someone
// typed, so every cell is checked with the anonymity guard, as published
// documents are: a full name or surname refuses the export, a first name
// alone stops it until the person has reviewed it. An analyst who needs the
// data as it is asks for an internal export instead: then nothing is
// refused, and the file says OFFICIAL-SENSITIVE in its name and inside it
// (a first sheet in the workbook, a first line in each CSV file).
//
// Two forms:
// - .xlsx: one sheet per table, header rows, dates as real Excel dates
//   shown dd/mm/yyyy;
// - .csv: a zip holding one CSV file per table (UTF-8 with a byte order
//   mark so Excel reads accents right, CRLF line ends, RFC 4180 quoting,
//   dates as dd/mm/yyyy). One zip rather than one chosen table, so the
//   tables always travel together and their references line up. A text
//   cell that starts with = + - @ gets a leading apostrophe so no
//   spreadsheet runs it as a formula.

export interface AnalystTable {
  /** Sheet name and CSV file name */
  name: string;
  /** professional: the column names a professional (a chair, an officer), who is named by design */
  columns: Array<{ header: string; date?: boolean; professional?: boolean }>;
  /** undefined and null are both an empty cell */
  rows: Array<Array<string | number | null | undefined>>;
}

const d = (iso: string | null) => iso;

function statusWords(db: Db): Map<string, string> {
  return new Map((db.prepare('SELECT code, label FROM statuses').all() as Array<{ code: string; label: string }>).map((s) => [s.code, s.label]));
}

export function analystTables(db: Db): AnalystTable[] {
  const status = statusWords(db);
  const words = (code: string | null) => (code ? (status.get(code) ?? code) : null);

  const reviews = db
    .prepare(
      `SELECT r.reference, d.name AS district, r.relationship, r.victim_pseudonym, r.date_of_death, r.notification_date, r.decision, r.decision_date,
              r.home_office_notified_date, r.chair_name, r.terms_of_reference_date, r.draft_report_date, r.family_consulted_date, r.csp_approval_date,
              r.publication_date, r.embargoed, r.closed_date,
              (SELECT count(*) FROM recommendations x WHERE x.review_id = r.id AND x.deleted_at IS NULL) AS recommendations, r.summary
         FROM reviews r JOIN districts d ON d.id = r.commissioning_district_id
        WHERE r.deleted_at IS NULL ORDER BY r.reference COLLATE NOCASE`,
    )
    .all() as Array<Record<string, string | number | null>>;

  const recommendations = db
    .prepare(
      `SELECT v.reference, r.position, r.text, r.scope, r.finding, r.expected_outcome,
              (SELECT group_concat(a.name, '; ') FROM recommendation_addressees x JOIN agencies a ON a.id = x.agency_id WHERE x.recommendation_id = r.id) AS addressees,
              (SELECT group_concat(t.name, '; ') FROM recommendation_themes x JOIN themes t ON t.id = x.theme_id WHERE x.recommendation_id = r.id) AS themes,
              (SELECT count(*) FROM actions a WHERE a.recommendation_id = r.id AND a.deleted_at IS NULL) AS actions
         FROM recommendations r JOIN reviews v ON v.id = r.review_id
        WHERE r.deleted_at IS NULL AND v.deleted_at IS NULL ORDER BY v.reference COLLATE NOCASE, r.position`,
    )
    .all() as Array<Record<string, string | number | null>>;

  const actions = db
    .prepare(
      `SELECT v.reference, r.position AS rec, a.position, a.action_text, g.name AS lead, a.milestones, a.target_date, a.completion_date, a.outcome, a.status
         FROM actions a JOIN recommendations r ON r.id = a.recommendation_id JOIN reviews v ON v.id = r.review_id LEFT JOIN agencies g ON g.id = a.lead_agency_id
        WHERE a.deleted_at IS NULL AND r.deleted_at IS NULL AND v.deleted_at IS NULL ORDER BY v.reference COLLATE NOCASE, r.position, a.position`,
    )
    .all() as Array<Record<string, string | number | null>>;

  const applicability = db
    .prepare(
      `SELECT v.reference, r.position AS rec, d.name AS district, a.decision, a.reason, a.evidence, g.name AS lead, a.officer_name, a.target_date, a.decided_date, a.status, a.status_reason
         FROM applicability a JOIN recommendations r ON r.id = a.recommendation_id JOIN reviews v ON v.id = r.review_id
         JOIN districts d ON d.id = a.district_id LEFT JOIN agencies g ON g.id = a.local_lead_agency_id
        WHERE r.deleted_at IS NULL AND v.deleted_at IS NULL ORDER BY v.reference COLLATE NOCASE, r.position, d.sort_order, d.name`,
    )
    .all() as Array<Record<string, string | number | null>>;

  const updates = db
    .prepare(
      `SELECT v.reference, r.position AS rec, CASE WHEN u.applicability_id IS NOT NULL THEN 'District' ELSE 'Action' END AS kind,
              d.name AS district, ac.position AS action, u.as_at_date, u.author, u.status, u.note,
              (SELECT group_concat(f.file_name, '; ') FROM attachments f WHERE f.progress_update_id = u.id) AS files
         FROM progress_updates u
         LEFT JOIN applicability ap ON ap.id = u.applicability_id
         LEFT JOIN districts d ON d.id = ap.district_id
         LEFT JOIN actions ac ON ac.id = u.action_id
         JOIN recommendations r ON r.id = coalesce(ap.recommendation_id, ac.recommendation_id)
         JOIN reviews v ON v.id = r.review_id
        WHERE r.deleted_at IS NULL AND v.deleted_at IS NULL AND (ac.id IS NULL OR ac.deleted_at IS NULL)
        ORDER BY v.reference COLLATE NOCASE, r.position, u.as_at_date, u.created_at`,
    )
    .all() as Array<Record<string, string | number | null>>;

  return [
    {
      name: 'Reviews',
      columns: [
        { header: 'Reference' },
        { header: 'Commissioning district' },
        { header: 'Relationship' },
        { header: 'Victim (pseudonym)' },
        { header: 'Date of death', date: true },
        { header: 'Notified', date: true },
        { header: 'Decision' },
        { header: 'Decision date', date: true },
        { header: 'Home Office notified', date: true },
        { header: 'Chair', professional: true },
        { header: 'Terms of reference', date: true },
        { header: 'Draft report', date: true },
        { header: 'Family consulted', date: true },
        { header: 'CSP approval', date: true },
        { header: 'Published', date: true },
        { header: 'Embargoed' },
        { header: 'Closed', date: true },
        { header: 'Recommendations' },
        { header: 'Summary' },
      ],
      rows: reviews.map((r) => [
        r.reference,
        r.district,
        RELATIONSHIP_WORDS[r.relationship as Relationship] ?? r.relationship,
        r.victim_pseudonym,
        d(r.date_of_death as string | null),
        d(r.notification_date as string | null),
        r.decision === 'hold' ? 'Hold a review' : r.decision === 'not_hold' ? 'Not to hold a review' : null,
        d(r.decision_date as string | null),
        d(r.home_office_notified_date as string | null),
        r.chair_name,
        d(r.terms_of_reference_date as string | null),
        d(r.draft_report_date as string | null),
        d(r.family_consulted_date as string | null),
        d(r.csp_approval_date as string | null),
        d(r.publication_date as string | null),
        r.embargoed ? 'Yes' : 'No',
        d(r.closed_date as string | null),
        r.recommendations,
        r.summary,
      ]),
    },
    {
      name: 'Recommendations',
      columns: [{ header: 'Review' }, { header: 'No.' }, { header: 'Recommendation' }, { header: 'Scope' }, { header: 'Finding' }, { header: 'Expected outcome' }, { header: 'Addressed to' }, { header: 'Themes' }, { header: 'Actions' }],
      rows: recommendations.map((r) => [r.reference, r.position, r.text, SCOPE_WORDS[r.scope as RecommendationScope] ?? r.scope, r.finding, r.expected_outcome, r.addressees, r.themes, r.actions]),
    },
    {
      name: 'Actions',
      columns: [
        { header: 'Review' },
        { header: 'Recommendation no.' },
        { header: 'Action no.' },
        { header: 'Action' },
        { header: 'Lead agency' },
        { header: 'Key milestones' },
        { header: 'Target date', date: true },
        { header: 'Completion date', date: true },
        { header: 'Outcome' },
        { header: 'Status' },
      ],
      rows: actions.map((a) => [a.reference, a.rec, a.position, a.action_text, a.lead, a.milestones, d(a.target_date as string | null), d(a.completion_date as string | null), a.outcome, words(a.status as string)]),
    },
    {
      name: 'Applicability',
      columns: [
        { header: 'Review' },
        { header: 'Recommendation no.' },
        { header: 'District' },
        { header: 'Decision' },
        { header: 'Reason' },
        { header: 'Evidence' },
        { header: 'Local lead agency' },
        { header: 'Officer', professional: true },
        { header: 'Local target date', date: true },
        { header: 'Decided', date: true },
        { header: 'Status' },
        { header: 'Status reason' },
      ],
      rows: applicability.map((a) => [
        a.reference,
        a.rec,
        a.district,
        APPLICABILITY_WORDS[a.decision as Applicability] ?? a.decision,
        a.reason,
        a.evidence,
        a.lead,
        a.officer_name,
        d(a.target_date as string | null),
        d(a.decided_date as string | null),
        words(a.status as string | null),
        a.status_reason,
      ]),
    },
    {
      name: 'Updates',
      columns: [
        { header: 'Review' },
        { header: 'Recommendation no.' },
        { header: 'Update on' },
        { header: 'District' },
        { header: 'Action no.' },
        { header: 'As at', date: true },
        { header: 'Author', professional: true },
        { header: 'Status' },
        { header: 'Note' },
        { header: 'Evidence files' },
      ],
      rows: updates.map((u) => [u.reference, u.rec, u.kind, u.district, u.action, d(u.as_at_date as string), u.author, words(u.status as string), u.note, u.files]),
    },
  ];
}

/** The government security marking an internal export carries. */
export const INTERNAL_MARKING = 'OFFICIAL-SENSITIVE';
const INTERNAL_NOTE = 'Internal export: it may hold real names from the pseudonym registers. Do not publish it or share it outside the partnership.';

/**
 * Each text cell of the tables as the anonymity guard reads it, with where
 * it is in the workbook (row 1 is the header): the free text, and apart
 * the columns naming professionals.
 */
export function analystSegments(tables: readonly AnalystTable[]): { text: DocxTextSegment[]; professional: DocxTextSegment[] } {
  const out = { text: [] as DocxTextSegment[], professional: [] as DocxTextSegment[] };
  for (const t of tables) {
    t.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const column = t.columns[c]!;
        if (typeof value === 'string' && value && !column.date) (column.professional ? out.professional : out.text).push({ location: `${t.name} sheet, row ${r + 2}, column ${column.header}`, text: value });
      }),
    );
  }
  return out;
}

/**
 * Every real name from any register in the tables' text, with where. In a
 * column naming a professional, a first name alone is that professional's
 * (an officer called Kieran is not the Kieran of a register), so only full
 * names and surnames count there.
 */
export function analystHits(db: Db, tables: readonly AnalystTable[]): GuardHit[] {
  const register = loadRegister(db);
  const segments = analystSegments(tables);
  return [...findRealNames(segments.text, register, loadProfessionals(db)), ...findRealNames(segments.professional, register).filter((h) => !isPossibleHit(h))];
}

/** The tables as an Excel workbook; an internal one opens on a sheet saying OFFICIAL-SENSITIVE. */
export function analystWorkbook(tables: readonly AnalystTable[], created: Date, options: { internal?: boolean } = {}): Uint8Array {
  const marking: XlsxSheet[] = options.internal ? [{ name: INTERNAL_MARKING, columns: [{ header: INTERNAL_MARKING, width: 100 }], rows: [[INTERNAL_NOTE]] }] : [];
  const sheets: XlsxSheet[] = [...marking, ...tables.map((t) => ({
    name: t.name,
    columns: t.columns.map((c) => ({ header: c.header, ...(c.date ? { width: 12 } : {}) })),
    rows: t.rows.map((row) => row.map((value, i): XlsxCell => (t.columns[i]!.date && typeof value === 'string' ? { date: value } : (value ?? null)))),
  }))];
  const title = 'DHR Tracker: reviews, recommendations, actions, applicability and updates';
  return buildXlsx(sheets, { title: options.internal ? `${INTERNAL_MARKING}: ${title}` : title, created });
}

/** One CSV field: quoted when it must be, and never a formula. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One table as CSV; an internal one starts with a line saying OFFICIAL-SENSITIVE, before the header row. */
export function tableCsv(table: AnalystTable, options: { internal?: boolean } = {}): string {
  const lines = options.internal ? [[INTERNAL_MARKING, INTERNAL_NOTE].map(csvField).join(',')] : [];
  lines.push(table.columns.map((c) => csvField(c.header)).join(','));
  for (const row of table.rows) lines.push(row.map((value, i) => csvField(table.columns[i]!.date && typeof value === 'string' ? formatUkDate(value) : value)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The tables as a zip of CSV files: reviews.csv, recommendations.csv, … */
export function analystCsvZip(tables: readonly AnalystTable[], created: Date, options: { internal?: boolean } = {}): Uint8Array {
  return zipSync(Object.fromEntries(tables.map((t) => [`${t.name.toLowerCase()}.csv`, strToU8(tableCsv(t, options))])), { level: 6, mtime: created });
}

export type AnalystFormat = 'xlsx' | 'csv';

export interface AnalystExportOptions {
  /** Marked OFFICIAL-SENSITIVE and never refused for names: for use inside the partnership only */
  internal?: boolean;
  /** The person has reviewed each first name found on its own (see the anonymity guard) */
  reviewedFirstNames?: boolean;
}

export interface BuiltAnalystExport {
  bytes: Uint8Array;
  defaultName: string;
  extension: 'xlsx' | 'zip';
  rows: Record<string, number>;
  internal: boolean;
  /** Places a real name (or a first name alone) was found: only an internal export holds any */
  namesFound: number;
  firstNamesReviewed: number;
}

/**
 * now: when the export is made, by the one clock; it names the file and
 * dates the workbook. Refused with NAMES_FOUND (or NAMES_TO_REVIEW) when a
 * real name is in the text, unless internal. Nothing is written.
 */
export function buildAnalystExport(db: Db, format: AnalystFormat, now: Date, options: AnalystExportOptions = {}): BuiltAnalystExport {
  const tables = analystTables(db);
  const hits = analystHits(db, tables);
  const internal = options.internal ?? false;
  const checked = internal
    ? { firstNamesReviewed: 0 }
    : decideOnHits(hits, {
        what: 'The export for analysts holds pseudonyms only',
        reviewedFirstNames: options.reviewedFirstNames,
        fix: `Change that text in DHR Tracker to use the pseudonyms and export again; or, if the analysts need it as it is, make an internal export, marked ${INTERNAL_MARKING}.`,
      });
  const day = ukDateOf(now).split('-').reverse().join('-');
  const marked = internal ? ` ${INTERNAL_MARKING}` : '';
  const rows = Object.fromEntries(tables.map((t) => [t.name, t.rows.length]));
  const common = { rows, internal, namesFound: internal ? hits.length : 0, firstNamesReviewed: checked.firstNamesReviewed };
  if (format === 'xlsx') return { bytes: analystWorkbook(tables, now, { internal }), defaultName: `DHR Tracker data ${day}${marked}.xlsx`, extension: 'xlsx', ...common };
  return { bytes: analystCsvZip(tables, now, { internal }), defaultName: `DHR Tracker data ${day}${marked} (CSV).zip`, extension: 'zip', ...common };
}

/** The audit entry: what was exported, to which file name, and for an internal export how many places held names (never the names). */
export function recordAnalystExport(store: Store, format: AnalystFormat, file: string, built: Pick<BuiltAnalystExport, 'rows' | 'internal' | 'namesFound' | 'firstNamesReviewed'>, actor: string): void {
  const what = format === 'xlsx' ? 'spreadsheet for analysts (.xlsx)' : 'CSV files for analysts (.zip)';
  const internal = built.internal ? { internal: true, marking: INTERNAL_MARKING, namesFound: built.namesFound } : {};
  store.db.transaction(() =>
    appendAudit(
      store.db,
      store.installationId,
      { actor, action: 'export', entity: 'store', detail: { export: built.internal ? `internal ${what}` : what, file: path.basename(file), rows: built.rows, ...internal, ...reviewedDetail(built.firstNamesReviewed) } },
      stampOf(store.clock),
    ),
  )();
}
