import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_TODAY, fillStore } from '../../../electron/services/bench/generate.ts';
import { SCALES } from '../../../electron/services/bench/scales.ts';
import { countywideMatrix } from '../../../electron/services/countywide/countywide-handlers.ts';
import { countMatrixRows } from '../../../electron/services/countywide/matrix-total.ts';
import { dashboardSummary } from '../../../electron/services/dashboard/dashboard-summary.ts';
import { history, myDistrict } from '../../../electron/services/progress/progress-service.ts';
import { recommendationRef } from '../../../electron/services/progress/progress-queries.ts';
import { findSimilar, searchRecommendations } from '../../../electron/services/recommendations/similar.ts';
import { createStore, type Store } from '../../../electron/services/store/open-store.ts';
import type { Db } from '../../../electron/services/store/sqlite.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { TEST_STORE_OPTIONS } from '../../support/clock.ts';

// The hot queries of a large store use the indexes chosen for them
// (migration 004, from what npm run bench showed), so an index cannot
// disappear, or a rewrite stop using it, without this failing. Every
// statement each operation runs is recorded with its parameters, and its
// query plan read with EXPLAIN QUERY PLAN: none may scan a large table
// whole, and each operation must use the indexes it was tuned for.
// Query plans depend on the schema, not on how much data there is (the
// app never runs ANALYZE), so a county-sized synthetic store will do.

const LARGE = ['applicability', 'progress_updates', 'recommendations', 'actions', 'recommendation_themes', 'recommendation_addressees', 'attachments', 'audit_log'];

interface Recorded {
  sql: string;
  args: unknown[];
}

let dir: ReturnType<typeof tempDir>;
let store: Store;
let recorded: Recorded[] | null = null;
const restore: Array<() => void> = [];

beforeAll(() => {
  dir = tempDir();
  store = createStore(path.join(dir.dir, 'plans.dhr'), PASSPHRASE, TEST_STORE_OPTIONS);
  store.db.transaction(() => fillStore(store, SCALES.county))();
  // Record every statement run, with its parameters.
  const proto = Object.getPrototypeOf(store.db.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  for (const method of ['all', 'get', 'iterate', 'run']) {
    const original = proto[method]!;
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      recorded?.push({ sql: this.source, args });
      return original.apply(this, args);
    };
    restore.push(() => (proto[method] = original));
  }
});
afterAll(() => {
  for (const undo of restore) undo();
  store.close();
  dir.cleanup();
});

/** Run an operation and return the query plan of each statement it ran. */
function plansOf(run: (db: Db) => unknown): Array<{ sql: string; plan: string[] }> {
  recorded = [];
  run(store.db);
  const statements = recorded;
  recorded = null;
  const unique = new Map(statements.map((s) => [s.sql, s]));
  const plans = [...unique.values()]
    .filter((s) => /^\s*(WITH|SELECT)\b/i.test(s.sql))
    .map((s) => ({ sql: s.sql, plan: (store.db.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.args) as Array<{ detail: string }>).map((r) => r.detail) }));
  if (process.env.SHOW_PLANS) for (const p of plans) console.log(`${p.sql.replace(/\s+/g, ' ').slice(0, 160)}\n  ${p.plan.join('\n  ')}`);
  return plans;
}

/** Aliases the services' queries give the large tables. */
const ALIASES: Record<string, string> = { a: 'applicability', r: 'recommendations', n: 'recommendations', p: 'recommendations', u: 'progress_updates', l: 'progress_updates' };

/** Plan lines that read a large table (or an index of one) from end to end. */
function wholeScans(plan: readonly string[]): string[] {
  return plan.filter((line) => {
    const m = /^SCAN (\S+)(?: USING (?:COVERING )?INDEX (\w+))?/.exec(line);
    if (!m || line.includes('VIRTUAL TABLE')) return false;
    const table = LARGE.includes(m[1]!) ? m[1] : ALIASES[m[1]!];
    // A partial index of the few deleted recommendations is small by design.
    return table !== undefined && m[2] !== 'recommendations_deleted';
  });
}

const usedIndexes = (plans: Array<{ plan: string[] }>) => new Set(plans.flatMap((p) => p.plan.flatMap((line) => [...line.matchAll(/INDEX (\w+)/g)].map((m) => m[1]!))));

/** Large tables whose rows (not just index entries) a statement reads: their table cursor is moved or a column read from it. */
function rowsRead(sql: string): string[] {
  const roots = new Map((store.db.prepare(`SELECT rootpage, name FROM sqlite_schema WHERE type = 'table'`).all() as Array<{ rootpage: number; name: string }>).map((t) => [t.rootpage, t.name]));
  const program = store.db.prepare(`EXPLAIN ${sql}`).all() as Array<{ opcode: string; p1: number; p2: number }>;
  const tables = new Map(program.filter((op) => op.opcode === 'OpenRead' && LARGE.includes(roots.get(op.p2) ?? '')).map((op) => [op.p1, roots.get(op.p2)!]));
  // A DeferredSeek only notes the row: it is read when a column of it is (or the cursor is moved by hand).
  const reads = ['Column', 'Rowid', 'SeekRowid', 'NotExists', 'Rewind', 'Last', 'Next', 'Prev', 'SeekGE', 'SeekGT', 'SeekLE', 'SeekLT', 'RowData', 'FinishSeek'];
  return [...new Set(program.filter((op) => reads.includes(op.opcode) && tables.has(op.p1)).map((op) => tables.get(op.p1)!))];
}

function district(db: Db, order: 'most' | 'least'): string {
  return db
    .prepare(`SELECT district_id FROM applicability WHERE decision = 'applicable' GROUP BY district_id ORDER BY count(*) ${order === 'most' ? 'DESC' : 'ASC'} LIMIT 1`)
    .pluck()
    .get() as string;
}

const DRAFT = 'The police should make sure officers complete a DASH risk assessment at every domestic abuse incident and recognise coercive control.';

describe('query plans of the hot queries', () => {
  it('the dashboard counts from applicability_district, lists the overdue from applicability_open_due, and numbers from recommendations_live', () => {
    const plans = plansOf((db) => dashboardSummary(db, BENCH_TODAY));
    // The store's totals count whole tables by nature (a count reads only the pages of the smallest index).
    const counted = plans.filter((p) => !p.sql.includes('AS progressUpdates'));
    for (const p of counted) expect(wholeScans(p.plan), p.sql).toEqual([]);
    const used = usedIndexes(plans);
    for (const index of ['applicability_district', 'applicability_open_due', 'recommendations_live', 'recommendations_deleted']) expect(used).toContain(index);
  });

  it('My district reads one district by applicability_district and each latest update from progress_applicability', () => {
    const largest = district(store.db, 'most');
    const plans = plansOf((db) => myDistrict(db, largest, BENCH_TODAY));
    for (const p of plans) expect(wholeScans(p.plan), p.sql).toEqual([]);
    const used = usedIndexes(plans);
    for (const index of ['applicability_district', 'progress_applicability', 'recommendations_live']) expect(used).toContain(index);
    // The latest update comes off the index in order: no sorting.
    const latest = plans.find((p) => p.sql.includes('ORDER BY as_at_date DESC, created_at DESC LIMIT 1'))!;
    expect(latest.plan.join('\n')).not.toMatch(/TEMP B-TREE FOR (LAST TERM OF )?ORDER BY/);
  });

  it('a page of the countywide matrix comes off reviews_reference and recommendations_live in order, with no sort', () => {
    const plans = plansOf((db) => countywideMatrix(db, {}, BENCH_TODAY, { limit: 100, offset: 0 }));
    for (const p of plans) expect(wholeScans(p.plan), p.sql).toEqual([]);
    const page = plans.find((p) => p.sql.includes('LIMIT @limit OFFSET @offset'))!;
    expect(page.plan.join('\n')).toMatch(/SCAN v USING (COVERING )?INDEX reviews_reference/);
    expect(page.plan.join('\n')).toMatch(/recommendations_live/);
    expect(page.plan.join('\n')).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it('filtered matrix pages read the status and overdue filters off applicability_district and applicability_open_due', () => {
    const byStatus = plansOf((db) => countywideMatrix(db, { status: 'blocked' }, BENCH_TODAY, { limit: 100, offset: 0 }));
    for (const p of byStatus) expect(wholeScans(p.plan), p.sql).toEqual([]);
    expect(usedIndexes(byStatus)).toContain('applicability_district');
    const overdue = plansOf((db) => countywideMatrix(db, { overdueOnly: true }, BENCH_TODAY, { limit: 100, offset: 0 }));
    for (const p of overdue) expect(wholeScans(p.plan), p.sql).toEqual([]);
    expect(usedIndexes(overdue)).toContain('applicability_open_due');
  });

  it('the total matching a page is counted from indexes alone, reading no recommendation or decision row', () => {
    const themeId = store.db.prepare('SELECT theme_id FROM recommendation_themes GROUP BY theme_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as string;
    // Unfiltered: each live review's range of recommendations_live. The plan does not say COVERING, as the
    // index lacks deleted_at, but its condition answers that: the program only defers the seek to the row
    // and never makes it, as no column of the row is read.
    const live = plansOf((db) => countMatrixRows(db, {}, BENCH_TODAY));
    expect(live).toHaveLength(1);
    expect(wholeScans(live[0]!.plan)).toEqual([]);
    expect(live[0]!.plan.join('\n')).toMatch(/SEARCH r USING INDEX recommendations_live \(review_id=\?\)/);
    expect(rowsRead(live[0]!.sql)).toEqual([]);
    // (The same count that reads a column of each row does read the rows.)
    expect(rowsRead(live[0]!.sql.replace('r.deleted_at IS NULL', "r.deleted_at IS NULL AND r.text <> ''"))).toEqual(['recommendations']);

    const filters = [{ themeId }, { status: 'blocked' }, { overdueOnly: true }, { themeId, status: 'on_track', overdueOnly: true }] as const;
    for (const query of filters) {
      const plans = plansOf((db) => countMatrixRows(db, query, BENCH_TODAY));
      expect(plans, JSON.stringify(query)).toHaveLength(1);
      const plan = plans[0]!.plan;
      expect(wholeScans(plan), JSON.stringify(query)).toEqual([]);
      // Every set is read off a covering index; the only rows read are those of recommendations in deleted
      // reviews (taken off, and few), found by review.
      const rows = plan.filter((line) => /^(SEARCH|SCAN) /.test(line) && !/COVERING INDEX|PRIMARY KEY|recommendations_deleted|sqlite_autoindex_districts|^SCAN (d|reviews)$/.test(line));
      expect(rows, `${JSON.stringify(query)}\n${plan.join('\n')}`).toEqual(['SEARCH recommendations USING INDEX recommendations_review (review_id=?)']);
    }
    expect(usedIndexes(plansOf((db) => countMatrixRows(db, { status: 'blocked' }, BENCH_TODAY)))).toContain('applicability_district');
    expect(usedIndexes(plansOf((db) => countMatrixRows(db, { overdueOnly: true }, BENCH_TODAY)))).toContain('applicability_open_due');
    expect(usedIndexes(plansOf((db) => countMatrixRows(db, { themeId }, BENCH_TODAY)))).toContain('recommendation_themes_theme');
  });

  it('a full page of the matrix counts its total with that one query; a last page needs no count', () => {
    const full = plansOf((db) => countywideMatrix(db, { status: 'blocked' }, BENCH_TODAY, { limit: 1, offset: 0 }));
    expect(full.filter((p) => p.sql.includes('count(DISTINCT s.id)'))).toHaveLength(1);
    const last = plansOf((db) => countywideMatrix(db, { status: 'blocked' }, BENCH_TODAY, { limit: 1000, offset: 0 }));
    expect(last.filter((p) => p.sql.includes('count(DISTINCT s.id)'))).toEqual([]);
  });

  it('full-text search ranks in the FTS index and reads only the best rows', () => {
    const plans = plansOf((db) => searchRecommendations(db, 'coercive control strangulation', 200));
    for (const p of plans) expect(wholeScans(p.plan), p.sql).toEqual([]);
    const search = plans.find((p) => p.sql.includes('bm25'))!;
    expect(search.plan.join('\n')).toMatch(/VIRTUAL TABLE INDEX/);
    expect(search.plan.join('\n')).toMatch(/SEARCH r USING INTEGER PRIMARY KEY \(rowid=\?\)/);
  });

  it('the similar-recommendation lookup scans no large table', () => {
    const plans = plansOf((db) => findSimilar(db, DRAFT, { limit: 5 }, BENCH_TODAY));
    for (const p of plans) expect(wholeScans(p.plan), p.sql).toEqual([]);
    expect(usedIndexes(plans)).toContain('sqlite_autoindex_applicability_2');
  });

  it('one recommendation, its number and its history are found by index', () => {
    const id = store.db.prepare('SELECT id FROM recommendations LIMIT 1 OFFSET 400').pluck().get() as string;
    const applicabilityId = store.db.prepare(`SELECT id FROM applicability WHERE decision = 'applicable' LIMIT 1 OFFSET 100`).pluck().get() as string;
    const plans = [...plansOf((db) => recommendationRef(db, id)), ...plansOf((db) => history(db, { applicabilityId }, BENCH_TODAY))];
    for (const p of plans) expect(wholeScans(p.plan), p.sql).toEqual([]);
    const used = usedIndexes(plans);
    for (const index of ['recommendations_live', 'progress_applicability']) expect(used).toContain(index);
    const updates = plans.find((p) => p.sql.includes('FROM progress_updates WHERE applicability_id = ? ORDER BY'))!;
    expect(updates.plan.join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});
