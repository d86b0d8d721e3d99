import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_TODAY, fillStore } from '../../../electron/services/bench/generate.ts';
import { SCALES } from '../../../electron/services/bench/scales.ts';
import { countywideMatrix } from '../../../electron/services/countywide/countywide-handlers.ts';
import { dashboardSummary } from '../../../electron/services/dashboard/dashboard-summary.ts';
import { history, myDistrict } from '../../../electron/services/progress/progress-service.ts';
import { recommendationRef } from '../../../electron/services/progress/progress-queries.ts';
import { findSimilar, searchRecommendations } from '../../../electron/services/recommendations/similar.ts';
import { createStore, type Store } from '../../../electron/services/store/open-store.ts';
import type { Db } from '../../../electron/services/store/sqlite.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';

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
  store = createStore(path.join(dir.dir, 'plans.dhr'), PASSPHRASE, { appVersion: 'test' });
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
