import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../electron/services/demo/demo-loader.ts';
import { DEMO_REVIEWS } from '../../../electron/services/demo/reviews/index.ts';
import { verifyAuditChain } from '../../../electron/services/store/audit.ts';
import { createStore, type Store } from '../../../electron/services/store/open-store.ts';
import { storeStats } from '../../../electron/services/store/store-stats.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { TEST_STORE_OPTIONS } from '../../support/clock.ts';

let store: Store;
let cleanup: () => void;
const progress: Array<[number, number]> = [];

beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  store = createStore(path.join(t.dir, 'demo.dhr'), PASSPHRASE, TEST_STORE_OPTIONS);
  loadDemo(store, { actor: 'test', today: '2026-11-21', onProgress: (done, total) => progress.push([done, total]) });
});
afterAll(() => {
  store.close();
  cleanup();
});

const all = <T>(sql: string, ...params: unknown[]) => store.db.prepare(sql).all(...params) as T[];

describe('demo data', () => {
  it('is the six-district partnership with at least 8 reviews and 60 recommendations', () => {
    const s = storeStats(store.db);
    expect(s.districts).toBe(6);
    expect(s.reviews).toBeGreaterThanOrEqual(8);
    expect(s.recommendations).toBeGreaterThanOrEqual(60);
    expect(s.actions).toBeGreaterThan(s.recommendations);
    expect(s.applicabilityDecisions).toBe(s.recommendations * 6);
    expect(s.progressUpdates).toBeGreaterThan(200);
  });

  it('gives at least 8 reviews 6 to 15 recommendations each, across districts and stages', () => {
    const counts = all<{ n: number }>('SELECT count(r.id) AS n FROM reviews v LEFT JOIN recommendations r ON r.review_id = v.id GROUP BY v.id');
    expect(counts.filter((c) => c.n >= 6 && c.n <= 15).length).toBeGreaterThanOrEqual(8);
    expect(all('SELECT DISTINCT commissioning_district_id FROM reviews').length).toBe(6);
    expect(all('SELECT id FROM reviews WHERE publication_date IS NULL').length).toBeGreaterThan(2);
    expect(all('SELECT id FROM reviews WHERE closed_date IS NOT NULL').length).toBeGreaterThanOrEqual(1);
  });

  it('spreads progress updates over at least two years', () => {
    const span = store.db.prepare('SELECT min(as_at_date) AS first, max(as_at_date) AS last FROM progress_updates').get() as { first: string; last: string };
    expect(Number(span.last.slice(0, 4)) - Number(span.first.slice(0, 4))).toBeGreaterThanOrEqual(2);
    expect(span.last <= '2026-11-21').toBe(true);
  });

  it('applies each recommendation in its own district and decides the others', () => {
    const own = all<{ decision: string }>(
      `SELECT a.decision FROM applicability a JOIN recommendations r ON r.id = a.recommendation_id JOIN reviews v ON v.id = r.review_id
        WHERE a.district_id = v.commissioning_district_id`,
    );
    expect(new Set(own.map((o) => o.decision))).toEqual(new Set(['applicable']));
    const decisions = new Set(all<{ decision: string }>('SELECT DISTINCT decision FROM applicability').map((d) => d.decision));
    expect(decisions).toEqual(new Set(['applicable', 'not_applicable', 'already_in_place', 'under_consideration']));
    expect(all("SELECT id FROM applicability WHERE decision = 'not_applicable' AND (reason IS NULL OR reason = '')")).toEqual([]);
  });

  it('keeps real names in the pseudonym register and nowhere else', () => {
    const realNames = DEMO_REVIEWS.flatMap((r) => r.people.map((p) => p.realName));
    expect(realNames.length).toBeGreaterThan(10);
    const tables = ['reviews', 'recommendations', 'actions', 'applicability', 'progress_updates', 'review_panel_members'];
    for (const table of tables) {
      const text = JSON.stringify(all(`SELECT * FROM ${table}`));
      for (const name of realNames) expect(text.includes(name), `${name} in ${table}`).toBe(false);
    }
  });

  it('reports progress and audits the load', () => {
    expect(progress.at(-1)).toEqual([DEMO_REVIEWS.length, DEMO_REVIEWS.length]);
    expect(verifyAuditChain(store.db)).toEqual({ ok: true, entries: 2 });
  });

  it('refuses to load twice, leaving the store as it was', () => {
    const before = storeStats(store.db);
    expect(() => loadDemo(store, { actor: 'test' })).toThrow(AppError);
    expect(storeStats(store.db)).toEqual(before);
  });

  it('loads around agencies and themes someone set up first', () => {
    const t = tempDir();
    const fresh = createStore(path.join(t.dir, 'c.dhr'), PASSPHRASE, TEST_STORE_OPTIONS);
    fresh.db.prepare("INSERT INTO agencies (id, name, kind, owner_installation_id, created_at, updated_at) VALUES ('a-1', 'refuge', 'local', 'x', 'now', 'now')").run();
    fresh.db.prepare("UPDATE themes SET name = 'Alcohol misuse' WHERE name = 'Alcohol'").run();
    fresh.db.prepare("UPDATE themes SET retired_at = 'now' WHERE name = 'Housing'").run();
    loadDemo(fresh, { actor: 'test', today: '2026-11-21' });
    expect(fresh.db.prepare("SELECT count(*) AS n FROM agencies WHERE name = 'Refuge' COLLATE NOCASE").get()).toEqual({ n: 1 });
    expect(fresh.db.prepare("SELECT count(*) AS n FROM themes WHERE name IN ('Alcohol', 'Alcohol misuse')").get()).toEqual({ n: 2 });
    fresh.close();
    t.cleanup();
  });

  it('writes nothing at all when a review is broken part-way through', () => {
    const t = tempDir();
    const fresh = createStore(path.join(t.dir, 'b.dhr'), PASSPHRASE, TEST_STORE_OPTIONS);
    const broken = [DEMO_REVIEWS[0]!, { ...DEMO_REVIEWS[1]!, district: 'Atlantis' as never }];
    expect(() => loadDemo(fresh, { actor: 'test', reviews: broken })).toThrow(/unknown district: Atlantis/);
    expect(storeStats(fresh.db)).toMatchObject({ reviews: 0, districts: 0, recommendations: 0 });
    fresh.close();
    t.cleanup();
  });
});
