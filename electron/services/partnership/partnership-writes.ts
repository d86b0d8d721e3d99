import { stampOf, todayOf } from '../../../shared/domain/clock.ts';
import { THEME_CATEGORY_WORDS, type AgencyKind, type ThemeCategory } from '../../../shared/domain/vocabulary.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import type { Agency, District, Theme } from '../../../shared/ipc/partnership-schemas.ts';
import { appendAudit } from '../store/audit.ts';
import { ensureApplicability } from '../progress/progress-queries.ts';
import type { Store } from '../store/open-store.ts';
import { createInserter } from '../store/rows.ts';
import { actorName, readSettings } from '../store/settings-store.ts';
import type { Db } from '../store/sqlite.ts';
import { getAgency, getDistrict, getTheme } from './partnership-lists.ts';

// Adding, renaming and retiring districts, agencies and themes. Nothing is
// ever deleted: reviews and recommendations refer to these items, so a
// retired item stays on the records that use it. Every write is one
// transaction that also appends its audit entry, so either both the change
// and its record are kept or neither is.

type Entity = 'district' | 'agency' | 'theme';
type Value = string | boolean | null;
interface Change {
  field: string;
  before: Value;
  after: Value;
}

/** Names are compared and stored with their spaces tidied: "  Fen   land " is "Fen land". */
const tidy = (text: string) => text.trim().replace(/\s+/g, ' ');

function conflict(field: string, message: string): never {
  throw new AppError('CONFLICT', message, { [field]: message });
}

function notFound(what: Entity): never {
  throw new AppError('NOT_FOUND', `That ${what} is not in this store. Reload the settings screen and try again.`);
}

/** The action recorded in the audit log: retire and unretire are named, anything else is an update. */
function actionFor(changes: Change[]): string {
  if (changes.length === 1 && changes[0]!.field === 'retired') return changes[0]!.after ? 'retire' : 'unretire';
  return 'update';
}

function record(store: Store, now: string, action: string, entity: Entity, id: string, name: string, changes: Change[]): void {
  appendAudit(store.db, store.installationId, { actor: actorName(readSettings(store.db)), action, entity, entityId: id, detail: { name, changes } }, now);
}

/** Run one write in a transaction, with one timestamp for the change and its audit entry. */
function write<T>(store: Store, body: (now: string) => T): T {
  const now = stampOf(store.clock);
  return store.db.transaction(() => body(now))();
}

function update(db: Db, table: string, id: string, columns: Record<string, unknown>, now: string): void {
  const names = Object.keys(columns);
  if (!names.length) return;
  const sets = [...names.map((c) => `${c} = @${c}`), 'updated_at = @updated_at'].join(', ');
  db.prepare(`UPDATE ${table} SET ${sets} WHERE id = @id`).run({ ...columns, updated_at: now, id });
}

function retiredChange(before: string | null, retired: boolean | undefined, now: string, changes: Change[], columns: Record<string, unknown>): void {
  if (retired === undefined || retired === (before !== null)) return;
  changes.push({ field: 'retired', before: before !== null, after: retired });
  columns.retired_at = retired ? now : null;
}

/**
 * Names are unique within a list (themes: within their category), ignoring
 * case. A clash with a retired item says to unretire it instead.
 */
function checkUniqueName(db: Db, list: { table: string; noun: string; category?: ThemeCategory }, name: string, exceptId: string | null): void {
  const inCategory = list.category ? ' AND category = @category' : '';
  const clash = db
    .prepare(`SELECT name, retired_at FROM ${list.table} WHERE name = @name COLLATE NOCASE AND id IS NOT @exceptId${inCategory}`)
    .get({ name, exceptId, ...(list.category ? { category: list.category } : {}) }) as { name: string; retired_at: string | null } | undefined;
  if (!clash) return;
  const where = list.category ? ` under ${THEME_CATEGORY_WORDS[list.category]}` : '';
  conflict(
    'name',
    clash.retired_at
      ? `There is already a retired ${list.noun} called “${clash.name}”${where}. Unretire it rather than adding it again, or choose a different name.`
      : `There is already ${/^[aeiou]/.test(list.noun) ? 'an' : 'a'} ${list.noun} called “${clash.name}”${where}. Choose a different name.`,
  );
}

const DISTRICTS = { table: 'districts', noun: 'district' };
const AGENCIES = { table: 'agencies', noun: 'agency' };

// ---------------------------------------------------------------- districts

interface DistrictRow {
  id: string;
  name: string;
  short_name: string;
  retired_at: string | null;
}

function checkShortCode(db: Db, shortName: string, exceptId: string | null): void {
  const clash = db.prepare('SELECT name FROM districts WHERE short_name = ? COLLATE NOCASE AND id IS NOT ?').get(shortName, exceptId) as { name: string } | undefined;
  if (clash) conflict('shortName', `The short code ${shortName} is already used by ${clash.name}. Choose a different one.`);
}

export function addDistrict(store: Store, input: { name: string; shortName: string }): District {
  const name = tidy(input.name);
  const shortName = input.shortName.trim();
  return write(store, (now) => {
    const { db } = store;
    checkUniqueName(db, DISTRICTS, name, null);
    checkShortCode(db, shortName, null);
    // New districts go to the end of the partnership's order.
    const { next } = db.prepare('SELECT coalesce(max(sort_order), -1) + 1 AS next FROM districts').get() as { next: number };
    const id = createInserter(db, { installationId: store.installationId, now })('districts', { name, short_name: shortName, sort_order: next });
    // Every existing recommendation is now to be considered in the new district too.
    ensureApplicability(db, store.installationId, now, todayOf(store.clock));
    record(store, now, 'create', 'district', id, name, [
      { field: 'name', before: null, after: name },
      { field: 'shortName', before: null, after: shortName },
    ]);
    return getDistrict(db, id)!;
  });
}

export function updateDistrict(store: Store, input: { id: string; name?: string; shortName?: string; retired?: boolean }): District {
  return write(store, (now) => {
    const { db } = store;
    const before = db.prepare('SELECT id, name, short_name, retired_at FROM districts WHERE id = ?').get(input.id) as DistrictRow | undefined;
    if (!before) notFound('district');
    const changes: Change[] = [];
    const columns: Record<string, unknown> = {};
    const name = input.name === undefined ? undefined : tidy(input.name);
    if (name !== undefined && name !== before.name) {
      checkUniqueName(db, DISTRICTS, name, before.id);
      changes.push({ field: 'name', before: before.name, after: name });
      columns.name = name;
    }
    const shortName = input.shortName?.trim();
    if (shortName !== undefined && shortName !== before.short_name) {
      checkShortCode(db, shortName, before.id);
      changes.push({ field: 'shortName', before: before.short_name, after: shortName });
      columns.short_name = shortName;
    }
    retiredChange(before.retired_at, input.retired, now, changes, columns);
    if (changes.length) {
      update(db, 'districts', before.id, columns, now);
      // Back in use: it considers the recommendations made while it was retired.
      if (input.retired === false) ensureApplicability(db, store.installationId, now, todayOf(store.clock));
      record(store, now, actionFor(changes), 'district', before.id, name ?? before.name, changes);
    }
    return getDistrict(db, before.id)!;
  });
}

// ----------------------------------------------------------------- agencies

interface AgencyRow {
  id: string;
  name: string;
  kind: AgencyKind;
  retired_at: string | null;
}

export function addAgency(store: Store, input: { name: string; kind: AgencyKind }): Agency {
  const name = tidy(input.name);
  return write(store, (now) => {
    const { db } = store;
    checkUniqueName(db, AGENCIES, name, null);
    const id = createInserter(db, { installationId: store.installationId, now })('agencies', { name, kind: input.kind });
    record(store, now, 'create', 'agency', id, name, [
      { field: 'name', before: null, after: name },
      { field: 'kind', before: null, after: input.kind },
    ]);
    return getAgency(db, id)!;
  });
}

export function updateAgency(store: Store, input: { id: string; name?: string; kind?: AgencyKind; retired?: boolean }): Agency {
  return write(store, (now) => {
    const { db } = store;
    const before = db.prepare('SELECT id, name, kind, retired_at FROM agencies WHERE id = ?').get(input.id) as AgencyRow | undefined;
    if (!before) notFound('agency');
    const changes: Change[] = [];
    const columns: Record<string, unknown> = {};
    const name = input.name === undefined ? undefined : tidy(input.name);
    if (name !== undefined && name !== before.name) {
      checkUniqueName(db, AGENCIES, name, before.id);
      changes.push({ field: 'name', before: before.name, after: name });
      columns.name = name;
    }
    if (input.kind !== undefined && input.kind !== before.kind) {
      changes.push({ field: 'kind', before: before.kind, after: input.kind });
      columns.kind = input.kind;
    }
    retiredChange(before.retired_at, input.retired, now, changes, columns);
    if (changes.length) {
      update(db, 'agencies', before.id, columns, now);
      record(store, now, actionFor(changes), 'agency', before.id, name ?? before.name, changes);
    }
    return getAgency(db, before.id)!;
  });
}

// ------------------------------------------------------------------- themes

interface ThemeRow {
  id: string;
  name: string;
  category: ThemeCategory;
  retired_at: string | null;
}

export function addTheme(store: Store, input: { name: string; category: ThemeCategory }): Theme {
  const name = tidy(input.name);
  return write(store, (now) => {
    const { db } = store;
    checkUniqueName(db, { table: 'themes', noun: 'theme', category: input.category }, name, null);
    // After every theme so far: last in its category, whatever order the defaults came in.
    const { next } = db.prepare('SELECT coalesce(max(sort_order), -1) + 1 AS next FROM themes').get() as { next: number };
    const id = createInserter(db, { installationId: store.installationId, now })('themes', { name, category: input.category, sort_order: next });
    record(store, now, 'create', 'theme', id, name, [
      { field: 'name', before: null, after: name },
      { field: 'category', before: null, after: input.category },
    ]);
    return getTheme(db, id)!;
  });
}

export function updateTheme(store: Store, input: { id: string; name?: string; retired?: boolean }): Theme {
  return write(store, (now) => {
    const { db } = store;
    const before = db.prepare('SELECT id, name, category, retired_at FROM themes WHERE id = ?').get(input.id) as ThemeRow | undefined;
    if (!before) notFound('theme');
    const changes: Change[] = [];
    const columns: Record<string, unknown> = {};
    const name = input.name === undefined ? undefined : tidy(input.name);
    if (name !== undefined && name !== before.name) {
      checkUniqueName(db, { table: 'themes', noun: 'theme', category: before.category }, name, before.id);
      changes.push({ field: 'name', before: before.name, after: name });
      columns.name = name;
    }
    retiredChange(before.retired_at, input.retired, now, changes, columns);
    if (changes.length) {
      update(db, 'themes', before.id, columns, now);
      record(store, now, actionFor(changes), 'theme', before.id, name ?? before.name, changes);
    }
    return getTheme(db, before.id)!;
  });
}
