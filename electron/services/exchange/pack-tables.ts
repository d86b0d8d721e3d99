import { z } from 'zod';
import { isIsoDate } from '../../../shared/domain/dates.ts';
import { AGENCY_KINDS, APPLICABILITY, PERSON_ROLES, QA_OUTCOMES, RECOMMENDATION_SCOPES, RELATIONSHIPS, STATUSES, THEME_CATEGORIES } from '../../../shared/domain/vocabulary.ts';

// The tables an exchange package carries, in the order they are written
// (parents before children), with what each column holds and which table
// each reference points to. Not carried: the installation row, settings,
// the status key (each installation keeps its own words and colours) and
// the audit log (each store's own history). Deleted rows travel as
// tombstones beside the tables (pack-records.ts).

export type ColumnKind =
  | 'id'
  | 'ref'
  | 'text'
  | 'longText'
  | 'date'
  | 'timestamp'
  | 'int'
  | 'flag'
  | 'blob'
  | { enum: readonly string[] };

export interface TableSpec {
  name: string;
  /** Plural words for the preview: "reviews", "pseudonym register entries" */
  label: string;
  columns: Record<string, { kind: ColumnKind; nullable?: boolean; refs?: string }>;
  /** Link tables have no id, owner or dates of their own: they travel with their parent */
  link?: { parentColumn: string; parentTable: string; otherColumn: string; otherTable: string };
  /** Columns that are unique together in the store (names, references, one decision per district); matched as well as ids */
  natural?: string[];
  /** Text columns of the natural key compared without regard to case */
  nocase?: string[];
}

const owned = {
  owner_installation_id: { kind: 'id' as const },
  owner_district_id: { kind: 'ref' as const, nullable: true, refs: 'districts' },
  created_at: { kind: 'timestamp' as const },
  updated_at: { kind: 'timestamp' as const },
};
const opt = (kind: ColumnKind, refs?: string) => ({ kind, nullable: true, ...(refs ? { refs } : {}) });
const req = (kind: ColumnKind, refs?: string) => ({ kind, ...(refs ? { refs } : {}) });

export const TABLES: readonly TableSpec[] = [
  {
    name: 'districts',
    label: 'districts',
    columns: { id: req('id'), name: req('text'), short_name: req('text'), sort_order: req('int'), retired_at: opt('timestamp'), ...owned },
    natural: ['name'],
    nocase: ['name'],
  },
  {
    name: 'agencies',
    label: 'agencies and national bodies',
    columns: { id: req('id'), name: req('text'), kind: req({ enum: AGENCY_KINDS }), retired_at: opt('timestamp'), ...owned },
    natural: ['name'],
    nocase: ['name'],
  },
  {
    name: 'themes',
    label: 'themes',
    columns: { id: req('id'), category: req({ enum: THEME_CATEGORIES }), name: req('text'), sort_order: req('int'), retired_at: opt('timestamp'), ...owned },
    natural: ['category', 'name'],
    nocase: ['name'],
  },
  {
    name: 'reviews',
    label: 'reviews',
    columns: {
      id: req('id'),
      reference: req('text'),
      victim_pseudonym: req('text'),
      commissioning_district_id: req('ref', 'districts'),
      relationship: req({ enum: RELATIONSHIPS }),
      date_of_death: opt('date'),
      notification_date: opt('date'),
      decision: opt({ enum: ['hold', 'not_hold'] }),
      decision_date: opt('date'),
      decision_reasons: opt('longText'),
      home_office_notified_date: opt('date'),
      chair_name: opt('text'),
      terms_of_reference_date: opt('date'),
      draft_report_date: opt('date'),
      executive_summary_draft_date: opt('date'),
      family_consulted_date: opt('date'),
      family_involvement: opt('longText'),
      csp_approval_date: opt('date'),
      publication_date: opt('date'),
      embargoed: req('flag'),
      embargo_reason: opt('longText'),
      closed_date: opt('date'),
      summary: opt('longText'),
      notes: opt('longText'),
      deleted_at: opt('timestamp'),
      ...owned,
    },
    natural: ['reference'],
    nocase: ['reference'],
  },
  {
    name: 'review_people',
    label: 'pseudonym register entries',
    columns: {
      id: req('id'),
      review_id: req('ref', 'reviews'),
      role: req({ enum: PERSON_ROLES }),
      pseudonym: req('text'),
      real_name: opt('text'),
      sort_order: req('int'),
      ...owned,
    },
  },
  {
    name: 'review_panel_members',
    label: 'panel members',
    columns: { id: req('id'), review_id: req('ref', 'reviews'), agency_id: opt('ref', 'agencies'), member_name: req('text'), role: opt('text'), ...owned },
  },
  {
    name: 'review_imrs',
    label: 'IMRs',
    columns: { id: req('id'), review_id: req('ref', 'reviews'), agency_id: req('ref', 'agencies'), requested_date: opt('date'), received_date: opt('date'), ...owned },
  },
  {
    name: 'review_pauses',
    label: 'pauses',
    columns: { id: req('id'), review_id: req('ref', 'reviews'), start_date: req('date'), end_date: opt('date'), reason: opt('longText'), ...owned },
  },
  {
    name: 'review_qa_submissions',
    label: 'QA submissions',
    columns: {
      id: req('id'),
      review_id: req('ref', 'reviews'),
      round: req('int'),
      submitted_date: req('date'),
      outcome: opt({ enum: QA_OUTCOMES }),
      outcome_date: opt('date'),
      feedback: opt('longText'),
      ...owned,
    },
    natural: ['review_id', 'round'],
  },
  {
    name: 'review_themes',
    label: 'review themes',
    columns: { review_id: req('ref', 'reviews'), theme_id: req('ref', 'themes') },
    link: { parentColumn: 'review_id', parentTable: 'reviews', otherColumn: 'theme_id', otherTable: 'themes' },
  },
  {
    name: 'recommendations',
    label: 'recommendations',
    columns: {
      id: req('id'),
      review_id: req('ref', 'reviews'),
      position: req('int'),
      text: req('longText'),
      scope: req({ enum: RECOMMENDATION_SCOPES }),
      finding: opt('longText'),
      expected_outcome: opt('longText'),
      deleted_at: opt('timestamp'),
      ...owned,
    },
  },
  {
    name: 'recommendation_addressees',
    label: 'addressees',
    columns: {
      id: req('id'),
      recommendation_id: req('ref', 'recommendations'),
      agency_id: req('ref', 'agencies'),
      notified_date: opt('date'),
      acknowledged_date: opt('date'),
      ...owned,
    },
    natural: ['recommendation_id', 'agency_id'],
  },
  {
    name: 'recommendation_themes',
    label: 'recommendation themes',
    columns: { recommendation_id: req('ref', 'recommendations'), theme_id: req('ref', 'themes') },
    link: { parentColumn: 'recommendation_id', parentTable: 'recommendations', otherColumn: 'theme_id', otherTable: 'themes' },
  },
  {
    name: 'actions',
    label: 'actions',
    columns: {
      id: req('id'),
      recommendation_id: req('ref', 'recommendations'),
      position: req('int'),
      action_text: req('longText'),
      lead_agency_id: opt('ref', 'agencies'),
      milestones: opt('longText'),
      target_date: opt('date'),
      completion_date: opt('date'),
      outcome: opt('longText'),
      status: req({ enum: STATUSES }),
      deleted_at: opt('timestamp'),
      ...owned,
    },
  },
  {
    name: 'smart_acknowledgements',
    label: 'acknowledged SMART hints',
    columns: {
      id: req('id'),
      recommendation_id: req('ref', 'recommendations'),
      hint_key: req('text'),
      note: opt('longText'),
      acknowledged_by: req('text'),
      acknowledged_at: req('timestamp'),
      ...owned,
    },
    natural: ['recommendation_id', 'hint_key'],
  },
  {
    name: 'applicability',
    label: 'applicability decisions',
    columns: {
      id: req('id'),
      recommendation_id: req('ref', 'recommendations'),
      district_id: req('ref', 'districts'),
      decision: req({ enum: APPLICABILITY }),
      reason: opt('longText'),
      evidence: opt('longText'),
      local_lead_agency_id: opt('ref', 'agencies'),
      officer_name: opt('text'),
      target_date: opt('date'),
      decided_date: opt('date'),
      status: opt({ enum: STATUSES }),
      status_reason: opt('longText'),
      ...owned,
    },
    natural: ['recommendation_id', 'district_id'],
  },
  {
    name: 'progress_updates',
    label: 'progress updates',
    columns: {
      id: req('id'),
      applicability_id: opt('ref', 'applicability'),
      action_id: opt('ref', 'actions'),
      as_at_date: req('date'),
      author: req('text'),
      status: req({ enum: STATUSES }),
      note: req('longText'),
      ...owned,
    },
  },
  {
    name: 'attachments',
    label: 'evidence files',
    columns: {
      id: req('id'),
      progress_update_id: req('ref', 'progress_updates'),
      file_name: req('text'),
      media_type: req('text'),
      size_bytes: req('int'),
      sha256: req('text'),
      content: req('blob'),
      ...owned,
    },
  },
];

export const TABLE_BY_NAME = new Map(TABLES.map((t) => [t.name, t]));

/** Where the register's real names live: they travel only when the sender chose to include them. */
export const REAL_NAME = { table: 'review_people', column: 'real_name' } as const;

/** Columns compared to tell whether a record changed: not its id (it may have been matched by name), owner or creation time. */
export function contentColumns(spec: TableSpec): string[] {
  return Object.keys(spec.columns).filter((c) => !['id', 'owner_installation_id', 'owner_district_id', 'created_at', 'updated_at'].includes(c));
}

export type Row = Record<string, string | number | null>;

const MAX_TEXT = 10_000;
const MAX_LONG_TEXT = 200_000;
const MAX_BLOB_BASE64 = Math.ceil((60 * 1024 * 1024) / 3) * 4;

function columnSchema(kind: ColumnKind): z.ZodType {
  if (typeof kind === 'object') return z.enum(kind.enum as [string, ...string[]]);
  switch (kind) {
    case 'id':
    case 'ref':
      return z.string().min(1).max(64).regex(/^[A-Za-z0-9-]+$/);
    case 'text':
      return z.string().max(MAX_TEXT);
    case 'longText':
      return z.string().max(MAX_LONG_TEXT);
    case 'date':
      return z.string().refine(isIsoDate, 'not a date');
    case 'timestamp':
      return z.string().max(40).regex(/^\d{4}-\d{2}-\d{2}/);
    case 'int':
      return z.number().int().min(-1e9).max(1e12);
    case 'flag':
      return z.union([z.literal(0), z.literal(1)]);
    case 'blob':
      return z.string().max(MAX_BLOB_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/);
  }
}

/** The zod schema for one table's rows, as they travel in a package. */
export function rowSchema(spec: TableSpec): z.ZodType<Row> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, column] of Object.entries(spec.columns)) {
    const schema = columnSchema(column.kind);
    shape[name] = column.nullable ? schema.nullable().default(null) : schema;
  }
  return z.object(shape) as unknown as z.ZodType<Row>;
}
