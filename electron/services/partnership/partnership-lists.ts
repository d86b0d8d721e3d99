import { AGENCY_KINDS, THEME_CATEGORIES, type AgencyKind, type ThemeCategory } from '../../../shared/domain/vocabulary.ts';
import type { Agency, District, PartnershipLists, Theme } from '../../../shared/ipc/partnership-schemas.ts';
import type { Db } from '../store/sqlite.ts';

// Reading the partnership's reference lists, each item with how many
// records refer to it. Retired items are included (flagged) so the
// settings screen can show them and bring them back.

/** Every column that refers to a district. */
const DISTRICT_REFERENCES = [
  ['reviews', 'commissioning_district_id'],
  ['applicability', 'district_id'],
] as const;

/** Every column that refers to an agency. */
const AGENCY_REFERENCES = [
  ['review_panel_members', 'agency_id'],
  ['review_imrs', 'agency_id'],
  ['recommendation_addressees', 'agency_id'],
  ['actions', 'lead_agency_id'],
  ['applicability', 'local_lead_agency_id'],
] as const;

/** Every column that refers to a theme. */
const THEME_REFERENCES = [
  ['review_themes', 'theme_id'],
  ['recommendation_themes', 'theme_id'],
] as const;

/** Themes sort by the fixed order of their categories, not alphabetically. */
const CATEGORY_ORDER = `CASE t.category ${THEME_CATEGORIES.map((c, i) => `WHEN '${c}' THEN ${i}`).join(' ')} ELSE ${THEME_CATEGORIES.length} END`;

// Each item's uses are counted on an index of each referring column
// (migration 004), so the lists stay quick with hundreds of thousands of
// decisions: they are read again on every screen.
const withUse = (table: string, references: ReadonlyArray<readonly [string, string]>) => `
  SELECT t.*, ${references.map(([from, column]) => `(SELECT count(*) FROM ${from} WHERE ${column} = t.id)`).join(' + ')} AS in_use
  FROM ${table} t`;

interface ItemRow {
  id: string;
  name: string;
  retired_at: string | null;
  in_use: number;
}
interface DistrictRow extends ItemRow {
  short_name: string;
  sort_order: number;
}
interface AgencyRow extends ItemRow {
  kind: AgencyKind;
}
interface ThemeRow extends ItemRow {
  category: ThemeCategory;
  sort_order: number;
}

const item = (row: ItemRow) => ({ id: row.id, name: row.name, retired: row.retired_at !== null, inUse: row.in_use });
const toDistrict = (row: DistrictRow): District => ({ ...item(row), shortName: row.short_name });
const toAgency = (row: AgencyRow): Agency => ({ ...item(row), kind: AGENCY_KINDS.includes(row.kind) ? row.kind : 'local' });
const toTheme = (row: ThemeRow): Theme => ({ ...item(row), category: row.category });

export function listDistricts(db: Db): District[] {
  const rows = db.prepare(`${withUse('districts', DISTRICT_REFERENCES)} ORDER BY t.sort_order, t.name COLLATE NOCASE`).all() as DistrictRow[];
  return rows.map(toDistrict);
}

export function listAgencies(db: Db): Agency[] {
  const rows = db.prepare(`${withUse('agencies', AGENCY_REFERENCES)} ORDER BY t.name COLLATE NOCASE`).all() as AgencyRow[];
  return rows.map(toAgency);
}

export function listThemes(db: Db): Theme[] {
  const rows = db.prepare(`${withUse('themes', THEME_REFERENCES)} ORDER BY ${CATEGORY_ORDER}, t.sort_order, t.name COLLATE NOCASE`).all() as ThemeRow[];
  return rows.map(toTheme);
}

export function partnershipLists(db: Db): PartnershipLists {
  return { districts: listDistricts(db), agencies: listAgencies(db), themes: listThemes(db) };
}

export function getDistrict(db: Db, id: string): District | null {
  const row = db.prepare(`${withUse('districts', DISTRICT_REFERENCES)} WHERE t.id = ?`).get(id) as DistrictRow | undefined;
  return row ? toDistrict(row) : null;
}

export function getAgency(db: Db, id: string): Agency | null {
  const row = db.prepare(`${withUse('agencies', AGENCY_REFERENCES)} WHERE t.id = ?`).get(id) as AgencyRow | undefined;
  return row ? toAgency(row) : null;
}

export function getTheme(db: Db, id: string): Theme | null {
  const row = db.prepare(`${withUse('themes', THEME_REFERENCES)} WHERE t.id = ?`).get(id) as ThemeRow | undefined;
  return row ? toTheme(row) : null;
}
