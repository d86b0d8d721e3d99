import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Matrix } from '../../../shared/ipc/progress-schemas.ts';
import { countywideMatrix } from '../../../electron/services/countywide/countywide-handlers.ts';
import { dashboardSummary } from '../../../electron/services/dashboard/dashboard-summary.ts';
import { findSimilar, recurringGroups, searchRecommendations, SEARCH_MATCH_BUDGET } from '../../../electron/services/recommendations/similar.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { TEST_TODAY } from '../../support/clock.ts';

// What the national-scale work added to the services, on the demo store:
// a page of the matrix is exactly that slice of the whole matrix, whatever
// the filters; counts that leave out deleted recommendations by subtraction
// agree with a plain join; and the bounded search and recurring groups
// behave as before where the bounds are not reached.

let t: TestBackend;
const today = TEST_TODAY;
beforeAll(async () => {
  t = await openTestBackend({ demo: true });
});
afterAll(() => t.close());

describe('a page of the countywide matrix', () => {
  const queries = (reviewId: string, themeId: string) => [{}, { reviewId }, { themeId }, { status: 'on_track' }, { overdueOnly: true }, { status: 'not_started', overdueOnly: true }] as const;

  it('is the same rows as that slice of the whole matrix, with every filter', () => {
    const db = t.db();
    const reviewId = db.prepare('SELECT review_id FROM recommendations GROUP BY review_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as string;
    const themeId = db.prepare('SELECT theme_id FROM recommendation_themes GROUP BY theme_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as string;
    for (const query of queries(reviewId, themeId)) {
      const whole: Matrix = countywideMatrix(db, query, today);
      if (!('status' in query && 'overdueOnly' in query)) expect(whole.rows.length, JSON.stringify(query)).toBeGreaterThan(0);
      for (const [limit, offset] of [[5, 0], [7, 3], [100, 0], [3, whole.rows.length - 2], [4, whole.rows.length + 1]] as const) {
        const page = countywideMatrix(db, query, today, { limit, offset });
        expect(page, `${JSON.stringify(query)} ${limit}@${offset}`).toEqual({ ...whole, rows: whole.rows.slice(offset, offset + limit) });
      }
    }
  });

  it('leaves out deleted recommendations and retired districts, as the whole matrix does', async () => {
    const db = t.db();
    const before = countywideMatrix(db, {}, today);
    const victim = before.rows[1]!.recommendation;
    await t.ok('recommendations.delete', { id: victim.id });
    const whole = countywideMatrix(db, {}, today);
    expect(whole.rows.some((r) => r.recommendation.id === victim.id)).toBe(false);
    expect(countywideMatrix(db, {}, today, { limit: 10, offset: 0 })).toEqual({ ...whole, rows: whole.rows.slice(0, 10) });
  });
});

describe('counts taken from the indexes, less the deleted', () => {
  it('agree with counting through a join, after recommendations and a review are deleted', async () => {
    const db = t.db();
    const review = db.prepare('SELECT id FROM reviews ORDER BY reference LIMIT 1 OFFSET 5').pluck().get() as string;
    const recommendation = db.prepare('SELECT id FROM recommendations WHERE review_id <> ? AND deleted_at IS NULL LIMIT 1 OFFSET 20').pluck().get(review) as string;
    await t.ok('recommendations.delete', { id: recommendation });
    db.prepare(`UPDATE reviews SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE id = ?`).run(review);
    const summary = dashboardSummary(db, today);
    const joined = db
      .prepare(
        `SELECT a.district_id AS id, sum(a.decision = 'applicable') AS applicable, sum(a.decision = 'under_consideration') AS considering
           FROM applicability a JOIN recommendations r ON r.id = a.recommendation_id AND r.deleted_at IS NULL
           JOIN reviews v ON v.id = r.review_id AND v.deleted_at IS NULL GROUP BY a.district_id`,
      )
      .all() as Array<{ id: string; applicable: number; considering: number }>;
    for (const d of summary.districts) {
      const row = joined.find((j) => j.id === d.districtId)!;
      expect(d.applicable).toBe(row.applicable);
      expect(d.underConsideration).toBe(row.considering);
    }
  });
});

describe('bounded search and recurring groups', () => {
  it('searches every significant word while the matches stay within the budget', () => {
    const db = t.db();
    const text = db.prepare('SELECT text FROM recommendations LIMIT 1').pluck().get() as string;
    const found = searchRecommendations(db, text, 200);
    expect(found.length).toBeGreaterThan(0);
    expect(db.prepare('SELECT count(*) FROM recommendations').pluck().get() as number).toBeLessThan(SEARCH_MATCH_BUDGET);
    // The recommendation itself is the best match for its own words.
    expect(findSimilar(db, text, { limit: 5 }, today)[0]!.text).toBe(text);
  });

  it('groups recurring recommendations from different reviews', () => {
    const groups = recurringGroups(t.db(), today);
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(g.reviews).toBeGreaterThanOrEqual(2);
  });
});

describe('the running counts (migration 5)', () => {
  const inStep = () => {
    const db = t.db();
    const kept = db.prepare(`SELECT district_id, decision, status, n FROM applicability_counts WHERE n <> 0 ORDER BY 1, 2, 3`).all();
    const counted = db
      .prepare(`SELECT district_id, decision, coalesce(status, '') AS status, count(*) AS n FROM applicability GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`)
      .all();
    expect(kept).toEqual(counted);
    expect(db.prepare(`SELECT n FROM row_counts WHERE name = 'progress_updates'`).pluck().get()).toBe(db.prepare('SELECT count(*) FROM progress_updates').pluck().get());
    expect(db.prepare('SELECT count(*) FROM applicability_counts WHERE n < 0').pluck().get()).toBe(0);
  };

  it('stay in step with the decisions and updates through decisions, progress, new districts and deletions', async () => {
    inStep();
    const db = t.db();
    // Decisions still to make on live recommendations (earlier tests deleted some).
    const considering = db
      .prepare(
        `SELECT a.recommendation_id AS recommendationId, a.district_id AS districtId FROM applicability a
           JOIN recommendations r ON r.id = a.recommendation_id AND r.deleted_at IS NULL JOIN reviews v ON v.id = r.review_id AND v.deleted_at IS NULL
           JOIN districts d ON d.id = a.district_id AND d.retired_at IS NULL
          WHERE a.decision = 'under_consideration' ORDER BY a.id LIMIT 3`,
      )
      .all() as Array<{ recommendationId: string; districtId: string }>;
    expect(considering).toHaveLength(3);
    const lead = (db.prepare("SELECT id FROM agencies WHERE kind = 'local' AND retired_at IS NULL LIMIT 1").get() as { id: string }).id;
    await t.ok('applicability.decide', { items: considering, decision: 'applicable', localLeadAgencyId: lead, officerName: 'Dan Whitlock', targetDate: '2027-06-30' });
    inStep();
    const applicable = db
      .prepare(
        `SELECT a.id FROM applicability a JOIN recommendations r ON r.id = a.recommendation_id AND r.deleted_at IS NULL
           JOIN reviews v ON v.id = r.review_id AND v.deleted_at IS NULL WHERE a.decision = 'applicable' ORDER BY a.id LIMIT 1`,
      )
      .pluck()
      .get() as string;
    await t.ok('progress.add', { applicabilityId: applicable, asAtDate: today, author: 'Test Officer', status: 'blocked', note: 'Waiting for funding.' });
    inStep();
    await t.ok('districts.add', { name: 'Newtown', shortName: 'NT' });
    inStep();
    // A recommendation deleted outright takes its decisions and their updates with it.
    db.prepare('DELETE FROM recommendations WHERE rowid = (SELECT min(rowid) FROM recommendations)').run();
    inStep();
  });
});
