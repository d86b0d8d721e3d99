import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillStore } from '../../../electron/services/bench/generate.ts';
import { SCALES } from '../../../electron/services/bench/scales.ts';
import { collectRecords } from '../../../electron/services/exchange/pack-select.ts';
import { createStore, type Store } from '../../../electron/services/store/open-store.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { TEST_STORE_OPTIONS } from '../../support/clock.ts';

// A district's package reads its rows through the indexes, so making one
// takes time in proportion to the district rather than the store. Every
// statement collectRecords runs for a district is recorded with its
// parameters and its query plan read with EXPLAIN QUERY PLAN. Plans depend
// on the schema, not on how much data there is (the app never runs
// ANALYZE), so a county-sized synthetic store will do.
//
// The lists (districts, agencies, themes) travel whole, and are small.
// Every other read is by index, including which records a district owns
// (owner_district_id, migration 6): without those indexes a district's
// package read every progress update in the store.

const LISTS = ['districts', 'agencies', 'themes'];
const OWNER_FILTERED = ['reviews', 'recommendations', 'applicability', 'progress_updates'];

interface Recorded {
  sql: string;
  args: unknown[];
}

let dir: ReturnType<typeof tempDir>;
let store: Store;
let districtId: string;
let recorded: Recorded[] | null = null;
const restore: Array<() => void> = [];

beforeAll(() => {
  dir = tempDir();
  store = createStore(path.join(dir.dir, 'pack-plans.dhr'), PASSPHRASE, TEST_STORE_OPTIONS);
  store.db.transaction(() => fillStore(store, SCALES.county))();
  districtId = store.db.prepare("SELECT district_id FROM applicability WHERE decision = 'applicable' GROUP BY district_id ORDER BY count(*) DESC LIMIT 1").pluck().get() as string;
  // Two of the district's updates on another district's decision and action, so their parents travel too
  // (the generator's updates all hang from their own district's records).
  const other = (sql: string) => store.db.prepare(sql).pluck().get({ d: districtId }) as string;
  const decision = other('SELECT id FROM applicability WHERE owner_district_id <> @d LIMIT 1');
  const action = other('SELECT a.id FROM actions a JOIN recommendations r ON r.id = a.recommendation_id JOIN reviews v ON v.id = r.review_id WHERE r.owner_district_id <> @d AND v.owner_district_id <> @d LIMIT 1');
  const update = store.db.prepare(
    `INSERT INTO progress_updates (id, applicability_id, action_id, as_at_date, author, status, note, owner_installation_id, owner_district_id, created_at, updated_at)
     VALUES (?, ?, ?, '2026-10-01', 'CSP officer', 'on_track', 'Joint work.', ?, ?, '2026-10-01T09:00:00.000Z', '2026-10-01T09:00:00.000Z')`,
  );
  const updateIds = [randomUUID(), randomUUID()];
  update.run(updateIds[0], decision, null, store.installationId, districtId);
  update.run(updateIds[1], null, action, store.installationId, districtId);
  // And an evidence file, read on its own.
  const content = Buffer.from('Evidence of the joint work.');
  store.db
    .prepare(
      `INSERT INTO attachments (id, progress_update_id, file_name, media_type, size_bytes, sha256, content, owner_installation_id, owner_district_id, created_at, updated_at)
       VALUES (?, ?, 'minutes.txt', 'text/plain', ?, 'not checked here', ?, ?, ?, '2026-10-01T09:00:00.000Z', '2026-10-01T09:00:00.000Z')`,
    )
    .run(randomUUID(), updateIds[0], content.length, content, store.installationId, districtId);
  // Record every statement run, with its parameters.
  const proto = Object.getPrototypeOf(store.db.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  for (const method of ['all', 'get', 'iterate']) {
    const original = proto[method]!;
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      recorded?.push({ sql: this.source, args });
      return original.apply(this, args);
    };
    restore.push(() => (proto[method] = original));
  }
}, 60_000);
afterAll(() => {
  for (const undo of restore) undo();
  store?.close();
  dir?.cleanup();
});

/** The statements a district's package runs, each with its plan. */
function districtPackagePlans(): Array<{ sql: string; plan: string[] }> {
  recorded = [];
  const tables = collectRecords(store.db, { kind: 'district', districtId, districtName: 'the district' }, false);
  const statements = recorded;
  recorded = null;
  // The package does carry rows of every kind, including parents, so every statement has run.
  for (const name of ['reviews', 'review_people', 'recommendations', 'actions', 'applicability', 'progress_updates', 'attachments']) expect(tables.get(name)!.length, name).toBeGreaterThan(0);
  return statements.map((s) => ({ sql: s.sql, plan: (store.db.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.args) as Array<{ detail: string }>).map((r) => r.detail) }));
}

/** Tables a plan reads from end to end (the json_each list of ids is not a table). */
const scanned = (plan: readonly string[]) => plan.flatMap((line) => (line.includes('VIRTUAL TABLE') ? [] : (/^SCAN (\w+)/.exec(line)?.[1] ?? [])));
const searched = (plan: readonly string[]) => plan.flatMap((line) => /^SEARCH (\w+) USING (?:COVERING INDEX|INDEX|PRIMARY KEY|INTEGER PRIMARY KEY)\b/.exec(line)?.[1] ?? []);

/** Each table the district's rows come from, with how: every one of these is read by index. */
function expectIndexReads(plans: Array<{ sql: string; plan: string[] }>): void {
  const byIndex = new Set(plans.flatMap((p) => [...p.plan.join('\n').matchAll(/SEARCH (\w+) USING (?:COVERING )?(INDEX \w+|(?:INTEGER )?PRIMARY KEY)/g)].map((m) => `${m[1]} ${m[2]}`)));
  for (const read of [
    'review_people INDEX review_people_review',
    'review_panel_members INDEX review_panel_review',
    'review_imrs INDEX review_imrs_review',
    'review_pauses INDEX review_pauses_review',
    'review_themes PRIMARY KEY',
    'recommendation_themes PRIMARY KEY',
    'actions INDEX actions_recommendation',
    'attachments INDEX attachments_update',
    'attachments INTEGER PRIMARY KEY',
  ]) {
    expect(byIndex, read).toContain(read);
  }
  // Unique constraints' own indexes: the QA rounds and addressees by parent, the parents by id.
  for (const table of ['review_qa_submissions', 'recommendation_addressees', 'applicability', 'actions', 'recommendations', 'reviews']) {
    expect([...byIndex].some((r) => r.startsWith(`${table} INDEX sqlite_autoindex_${table}_`)), table).toBe(true);
  }
}

describe('query plans of a district’s exchange package', () => {
  it('reads nothing but the lists whole, and the district’s own records through the owner indexes', () => {
    const plans = districtPackagePlans();
    expect(plans.length).toBeGreaterThan(0);
    for (const { sql, plan } of plans) {
      for (const table of scanned(plan)) expect(LISTS, `${table} read whole by\n${sql}\n${plan.join('\n')}`).toContain(table);
      expect(searched(plan).length + scanned(plan).length, sql).toBeGreaterThan(0);
    }
    expectIndexReads(plans);
    for (const table of OWNER_FILTERED) {
      const owned = plans.find((p) => new RegExp(`FROM ${table} WHERE owner_district_id`).test(p.sql));
      expect(owned, `${table} by owner`).toBeDefined();
      expect(owned!.plan.join('\n'), table).toContain(`INDEX ${table}_owner_district`);
    }
    const updates = plans.find((p) => /FROM progress_updates WHERE/.test(p.sql))!.plan.join('\n');
    for (const index of ['progress_applicability', 'progress_action']) expect(updates).toContain(`INDEX ${index}`);
  });
});
