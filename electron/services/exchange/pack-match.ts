import type { Db } from '../store/sqlite.ts';
import type { Row, TableSpec } from './pack-tables.ts';

// Finding the record here that a package's record is, when ids do not say
// so: two installations that each entered (or imported) the same review's
// action plan hold the same recommendations under different ids. Matched
// by id alone, a district package from one doubled every recommendation,
// action, decision and update of the other's matching reviews, and moved
// progress updates onto the copies. So, under a parent already matched
// (a review by its reference, a recommendation by the rules here):
// - a record linked by an earlier package (exchange_id_aliases) is that record;
// - otherwise a record with the same number and wording (recommendations,
//   actions) or the same distinguishing values (register entries, IMRs,
//   updates...) is the same record, and the link is recorded on apply;
// - a near match (same number and wording a little different, or the same
//   wording under another number) is a conflict: neither added nor linked,
//   so nothing is doubled, until the person makes the two agree.
// Each record here is matched to at most one of the package's.

interface ContentKey {
  /** The reference(s) to the parent, already pointed at this store's records */
  parent: string[];
  /** Columns that must be equal */
  exact?: string[];
  /** A text column compared without regard to case, spacing or punctuation */
  text?: string;
  /** The record's number within its parent: with text, near matches are conflicts */
  number?: string;
}

const CONTENT_KEYS: Record<string, ContentKey> = {
  review_people: { parent: ['review_id'], exact: ['role'], text: 'pseudonym' },
  review_panel_members: { parent: ['review_id'], text: 'member_name' },
  review_imrs: { parent: ['review_id'], exact: ['agency_id'] },
  review_pauses: { parent: ['review_id'], exact: ['start_date'] },
  recommendations: { parent: ['review_id'], number: 'position', text: 'text' },
  actions: { parent: ['recommendation_id'], number: 'position', text: 'action_text' },
  progress_updates: { parent: ['applicability_id', 'action_id'], exact: ['as_at_date', 'author'], text: 'note' },
  attachments: { parent: ['progress_update_id'], exact: ['sha256', 'file_name'] },
};

const NOUN: Record<string, string> = { recommendations: 'recommendation', actions: 'action' };

/** Text as compared: case, spacing and punctuation do not make two recommendations different. */
export function normalText(value: unknown): string {
  return String(value ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** How alike two texts are, 0 to 1: the share of words they have in common (Dice). */
export function likeness(a: string, b: string): number {
  const wa = normalText(a).split(' ').filter(Boolean);
  const wb = normalText(b).split(' ').filter(Boolean);
  if (!wa.length || !wb.length) return wa.length === wb.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

/** Wording this alike, under the same number, is taken for an edit of the same recommendation, not a new one. */
const NEAR = 0.6;

export type ContentMatch = { kind: 'same'; local: Row } | { kind: 'near'; local: Row; reason: string } | null;

const quote = (text: unknown) => {
  const t = String(text ?? '').replace(/\s+/g, ' ').trim();
  return `"${t.length > 70 ? `${t.slice(0, 69)}…` : t}"`;
};

export interface Matcher {
  /** The record here an earlier package linked this package id to, if it is still here */
  aliased(table: string, packageId: string): Row | undefined;
  /** The id here that an earlier package linked to the sender's id, whether or not that record is still here */
  aliasOf(table: string, packageId: string): string | undefined;
  /** Before a table is planned: the records here its rows reach by id or link are theirs, not for content matching */
  reserve(spec: TableSpec, rows: Row[], byId: (id: string) => Row | undefined): void;
  /** A record here with the same content as the package's (its references already pointed here) */
  byContent(spec: TableSpec, row: Row): ContentMatch;
  /** This record here is now matched to one of the package's */
  claim(table: string, localId: string): void;
}

export function createMatcher(db: Db): Matcher {
  const claimed = new Map<string, Set<string>>();
  const claimedIn = (table: string) => {
    let set = claimed.get(table);
    if (!set) claimed.set(table, (set = new Set()));
    return set;
  };
  const aliasStatement = db.prepare('SELECT local_id FROM exchange_id_aliases WHERE table_name = ? AND sender_id = ?').pluck();
  // Most stores have never linked anything: then no package row is looked up twice.
  const anyAliases = db.prepare('SELECT 1 FROM exchange_id_aliases LIMIT 1').get() !== undefined;
  const rowStatements = new Map<string, ReturnType<Db['prepare']>>();
  const localRow = (table: string, id: string): Row | undefined => {
    let s = rowStatements.get(table);
    if (!s) rowStatements.set(table, (s = db.prepare(`SELECT * FROM ${table} WHERE id = ?`)));
    return s.get(id) as Row | undefined;
  };
  const aliasOf = (table: string, packageId: string): string | undefined => (anyAliases ? (aliasStatement.get(table, packageId) as string | undefined) : undefined);
  const aliased = (table: string, packageId: string): Row | undefined => {
    const localId = aliasOf(table, packageId);
    return localId ? localRow(table, localId) : undefined;
  };
  const siblings = new Map<string, Row[]>();
  const childStatements = new Map<string, ReturnType<Db['prepare']>>();
  const childrenOf = (spec: TableSpec, key: ContentKey, row: Row): Row[] => {
    const cacheKey = `${spec.name}|${key.parent.map((c) => row[c] ?? '').join('|')}`;
    let rows = siblings.get(cacheKey);
    if (!rows) {
      // "= ?" for the parent the record has, so the parent's index is used; "IS NULL" for the other (updates hang from a decision or an action).
      const where = key.parent.map((c) => (row[c] === null || row[c] === undefined ? `${c} IS NULL` : `${c} = @${c}`)).join(' AND ');
      const values = Object.fromEntries(key.parent.filter((c) => row[c] !== null && row[c] !== undefined).map((c) => [c, row[c]]));
      const sql = `SELECT * FROM ${spec.name} WHERE ${where} ORDER BY rowid`;
      let statement = childStatements.get(sql);
      if (!statement) childStatements.set(sql, (statement = db.prepare(sql)));
      rows = statement.all(values) as Row[];
      // A package's rows mostly come parent by parent: a few parents' children are enough to hold, not a national store's.
      if (siblings.size >= 500) siblings.clear();
      siblings.set(cacheKey, rows);
    }
    return rows;
  };

  return {
    aliased,
    aliasOf,
    reserve(spec, rows, byId) {
      if (!CONTENT_KEYS[spec.name]) return;
      const set = claimedIn(spec.name);
      for (const row of rows) {
        const local = byId(row.id as string) ?? aliased(spec.name, row.id as string);
        if (local) set.add(local.id as string);
      }
    },
    claim(table, localId) {
      claimedIn(table).add(localId);
    },
    byContent(spec, row) {
      const key = CONTENT_KEYS[spec.name];
      if (!key) return null;
      const taken = claimedIn(spec.name);
      const free = childrenOf(spec, key, row).filter((c) => !taken.has(c.id as string) && c.id !== row.id);
      const exactSame = (c: Row) => (key.exact ?? []).every((col) => (c[col] ?? null) === (row[col] ?? null));
      const textSame = (c: Row) => !key.text || normalText(c[key.text]) === normalText(row[key.text]);
      const numberSame = (c: Row) => !key.number || c[key.number] === row[key.number];
      // Alive before deleted: a record deleted here and entered again matches the live one.
      const ordered = [...free.filter((c) => !c.deleted_at), ...free.filter((c) => c.deleted_at)];
      const same = ordered.find((c) => exactSame(c) && textSame(c) && numberSame(c));
      if (same) return { kind: 'same', local: same };
      if (!key.number || !key.text) return null;
      const noun = NOUN[spec.name]!;
      const live = ordered.filter((c) => !c.deleted_at);
      const renumbered = live.find((c) => textSame(c));
      if (renumbered) {
        return {
          kind: 'near',
          local: renumbered,
          reason: `The package has the same wording as ${noun} ${renumbered[key.number]} here, but as ${noun} ${row[key.number]}. It is not imported (nor what hangs from it), so nothing is doubled: if they are the same ${noun}, give it the same number in both installations and import again.`,
        };
      }
      const reworded = live.find((c) => numberSame(c) && likeness(String(c[key.text!]), String(row[key.text!])) >= NEAR);
      if (reworded) {
        return {
          kind: 'near',
          local: reworded,
          reason: `The package's ${noun} ${row[key.number]} reads ${quote(row[key.text])}, a little different from this store's ${quote(reworded[key.text])}. It is not imported (nor what hangs from it), so nothing is doubled: if they are the same ${noun}, make the wording agree in both installations and import again; if not, number them apart.`,
        };
      }
      return null;
    },
  };
}

export interface RecommendationChange {
  reviewId: string;
  id: string;
  position: number;
  text: string;
  deleted: boolean;
}

/**
 * Warnings for reviews an import would leave with more recommendations
 * than numbers (two recommendation 4s) or two recommendations worded the
 * same: only where the import makes it so, not where the store already was.
 */
export function recommendationWarnings(db: Db, changes: RecommendationChange[], reviewReference: (id: string) => string): string[] {
  const byReview = new Map<string, RecommendationChange[]>();
  for (const c of changes) byReview.set(c.reviewId, [...(byReview.get(c.reviewId) ?? []), c]);
  const warnings: string[] = [];
  const localOf = db.prepare('SELECT id, review_id AS reviewId, position, text, deleted_at IS NOT NULL AS deleted FROM recommendations WHERE review_id = ?');
  const problems = (recs: Iterable<RecommendationChange>) => {
    const live = [...recs].filter((r) => !r.deleted);
    const numbers = new Set(live.map((r) => r.position));
    const texts = new Map<string, number[]>();
    for (const r of live) texts.set(normalText(r.text), [...(texts.get(normalText(r.text)) ?? []), r.position]);
    const twice = [...texts.values()].filter((p) => p.length > 1);
    return { count: live.length, numbers: numbers.size, twice };
  };
  for (const [reviewId, list] of byReview) {
    const before = new Map((localOf.all(reviewId) as Array<Omit<RecommendationChange, 'deleted'> & { deleted: number }>).map((r) => [r.id, { ...r, deleted: Boolean(r.deleted) }]));
    const after = new Map(before);
    for (const c of list) after.set(c.id, c);
    const was = problems(before.values());
    const will = problems(after.values());
    const ref = reviewReference(reviewId);
    if (will.count - will.numbers > was.count - was.numbers) {
      warnings.push(`${ref} would have ${will.count} recommendations but only ${will.numbers} numbers: some numbers would be used twice. Check that the package's recommendations are not the same as this store's under other ids before you apply it.`);
    }
    if (will.twice.length > was.twice.length) {
      const numbers = will.twice.map((p) => p.join(' and ')).join('; ');
      warnings.push(`${ref} would have recommendations worded the same (numbers ${numbers}). Check that the package does not bring a second copy of a recommendation this store has before you apply it.`);
    }
  }
  return warnings;
}
