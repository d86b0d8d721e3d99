import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_PASSPHRASE, generateStore, openBenchStore } from '../../../electron/services/bench/generate.ts';
import { expectedCounts, SCALES } from '../../../electron/services/bench/scales.ts';
import { verifyAuditChain } from '../../../electron/services/store/audit.ts';
import { openStoreReadOnly } from '../../../electron/services/store/open-store.ts';
import { tempDir } from '../../support/temp.ts';

// The benchmark's synthetic stores: the exact sizes the scales promise,
// the same data on every run, and ordinary stores the app can open.

let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.cleanup());

describe('the synthetic data generator', () => {
  it('makes a county-scale store of exactly the promised size, the same every time', () => {
    const a = generateStore(path.join(dir.dir, 'a.dhr'), 'county');
    const b = generateStore(path.join(dir.dir, 'b.dhr'), 'county');
    const want = expectedCounts(SCALES.county);
    expect(want).toEqual({ districts: 6, reviews: 60, recommendations: 900, applicabilityDecisions: 5_400, progressUpdates: 18_000 });
    for (const key of Object.keys(want) as Array<keyof typeof want>) expect(a.counts[key]).toBe(want[key]);
    expect(b.counts).toMatchObject(want);
    const read = (file: string) => {
      const { db } = openStoreReadOnly(path.join(dir.dir, file), BENCH_PASSPHRASE);
      try {
        return db.prepare('SELECT id, text FROM recommendations ORDER BY rowid').all();
      } finally {
        db.close();
      }
    };
    expect(read('a.dhr')).toEqual(read('b.dhr'));
  });

  it('national is 2,000 reviews, 30,000 recommendations, 40 districts, 300,000 decisions and 1,000,000 updates', () => {
    expect(expectedCounts(SCALES.national)).toEqual({ districts: 40, reviews: 2_000, recommendations: 30_000, applicabilityDecisions: 300_000, progressUpdates: 1_000_000 });
    const region = expectedCounts(SCALES.region);
    expect(region.reviews).toBeGreaterThan(60);
    expect(region.reviews).toBeLessThan(2_000);
  });

  it('writes a sound store through the real schema: integrity, audit chain, full-text index and varied texts', () => {
    const store = openBenchStore(path.join(dir.dir, 'a.dhr'));
    try {
      const { db } = store;
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(verifyAuditChain(db).ok).toBe(true);
      const texts = db.prepare('SELECT count(DISTINCT text) FROM recommendations').pluck().get() as number;
      expect(texts).toBeGreaterThan(850);
      const matches = db.prepare(`SELECT count(*) FROM recommendation_fts WHERE recommendation_fts MATCH 'text : "coercive"'`).pluck().get() as number;
      expect(matches).toBeGreaterThan(0);
      // Every applicable decision's status is its latest update's.
      const mismatched = db
        .prepare(
          `SELECT count(*) FROM applicability a WHERE a.decision = 'applicable' AND EXISTS (SELECT 1 FROM progress_updates WHERE applicability_id = a.id)
              AND a.status IS NOT (SELECT status FROM progress_updates WHERE applicability_id = a.id ORDER BY as_at_date DESC, created_at DESC LIMIT 1)`,
        )
        .pluck()
        .get();
      expect(mismatched).toBe(0);
    } finally {
      store.close();
    }
  });
});
