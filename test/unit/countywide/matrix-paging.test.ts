import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Matrix } from '../../../shared/ipc/progress-schemas.ts';
import { countywideMatrix } from '../../../electron/services/countywide/countywide-handlers.ts';
import { countMatrixRows } from '../../../electron/services/countywide/matrix-total.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { TEST_TODAY } from '../../support/clock.ts';

// Pages of the countywide matrix through the real handler, over a real
// encrypted store with the demo partnership: the pages put together are
// the whole matrix, whatever the filters; every page carries the total that
// match; and a page asked for wrongly is refused with a message that says
// what to ask for instead.

let t: TestBackend;
const today = TEST_TODAY;
beforeAll(async () => {
  t = await openTestBackend({ demo: true });
});
afterAll(() => t.close());

const matrix = (input: Record<string, unknown> = {}) => t.ok<Matrix>('countywide.matrix', input);
const ids = (m: Matrix) => m.rows.map((r) => r.recommendation.id);

/** Every filter on its own, and some together, with ids from the demo store. */
function filterSets(): Array<Record<string, unknown>> {
  const db = t.db();
  const reviewId = db.prepare('SELECT review_id FROM recommendations GROUP BY review_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as string;
  const themeId = db.prepare('SELECT theme_id FROM recommendation_themes GROUP BY theme_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as string;
  return [
    {},
    { reviewId },
    { themeId },
    { status: 'not_started' },
    { status: 'blocked' },
    { overdueOnly: true },
    { themeId, status: 'on_track' },
    { status: 'not_started', overdueOnly: true },
    { reviewId, themeId, status: 'not_started', overdueOnly: true },
  ];
}

/** Fetch every page of `size` rows, as the countywide screen does while someone scrolls to the end. */
async function allPages(filters: Record<string, unknown>, size: number): Promise<Matrix[]> {
  const pages: Matrix[] = [];
  for (let offset = 0; ; offset += size) {
    const page = await matrix({ ...filters, limit: size, offset });
    pages.push(page);
    if (offset + size >= page.total) return pages;
  }
}

describe('the whole matrix, when no page is asked for', () => {
  it('is every matching row, as before paging, with the total the number of rows', async () => {
    for (const filters of filterSets()) {
      const whole = await matrix(filters);
      expect(whole, JSON.stringify(filters)).toEqual(countywideMatrix(t.db(), filters as never, today));
      expect(whole.total, JSON.stringify(filters)).toBe(whole.rows.length);
    }
    expect((await matrix()).rows.length).toBe(85);
  });
});

describe('pages of the matrix', () => {
  it('put together are the whole matrix, in order, with every filter; each page carries the total', async () => {
    for (const filters of filterSets()) {
      const whole = await matrix(filters);
      for (const size of [1, 7, 40, 1000]) {
        const pages = await allPages(filters, size);
        const label = `${JSON.stringify(filters)} by ${size}`;
        expect(pages.flatMap(ids), label).toEqual(ids(whole));
        expect(pages.flatMap((p) => p.rows), label).toEqual(whole.rows);
        for (const page of pages) {
          expect(page.total, label).toBe(whole.rows.length);
          expect(page.districts, label).toEqual(whole.districts);
          expect(page.asAt, label).toBe(today);
        }
      }
    }
  });

  it('count the total even when the page is full or past the end', async () => {
    const whole = await matrix({ status: 'not_started' });
    expect(whole.rows.length).toBeGreaterThan(3);
    // A full page cannot know what follows it, so it counts.
    expect(await matrix({ status: 'not_started', limit: 2, offset: 1 })).toMatchObject({ rows: whole.rows.slice(1, 3), total: whole.rows.length });
    // Past the end: no rows, and still the total, so the screen can find its place again.
    expect(await matrix({ status: 'not_started', limit: 10, offset: whole.rows.length + 5 })).toMatchObject({ rows: [], total: whole.rows.length });
    // An offset alone: every row from there to the end.
    const all = await matrix();
    expect(await matrix({ offset: 80 })).toMatchObject({ rows: all.rows.slice(80), total: all.rows.length });
    // A limit alone starts at the first row.
    expect(ids(await matrix({ limit: 5 }))).toEqual(ids(await matrix()).slice(0, 5));
  });

  it('are empty, with a total of 0, when nothing matches', async () => {
    expect(await matrix({ reviewId: '00000000-0000-4000-8000-000000000000', limit: 10, offset: 0 })).toMatchObject({ rows: [], total: 0 });
    expect(await matrix({ reviewId: '00000000-0000-4000-8000-000000000000', limit: 10, offset: 30 })).toMatchObject({ rows: [], total: 0 });
  });
});

describe('the total', () => {
  it('is what the whole matrix holds, for every filter, counted from the indexes', () => {
    for (const filters of filterSets()) {
      expect(countMatrixRows(t.db(), filters as never, today), JSON.stringify(filters)).toBe(countywideMatrix(t.db(), filters as never, today).rows.length);
    }
  });

  it('leaves out deleted recommendations, deleted reviews and retired districts, as the rows do', async () => {
    const db = t.db();
    const before = await matrix();
    // A recommendation deleted, a review deleted, a district retired.
    await t.ok('recommendations.delete', { id: before.rows[3]!.recommendation.id });
    const review = before.rows.at(-1)!.recommendation.reviewId;
    db.prepare(`UPDATE reviews SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE id = ?`).run(review);
    const fenland = before.districts.find((d) => d.name === 'Fenland')!;
    await t.ok('districts.update', { id: fenland.id, retired: true });
    try {
      for (const filters of [...filterSets(), { reviewId: review }]) {
        const whole = await matrix(filters);
        const label = JSON.stringify(filters);
        expect(countMatrixRows(db, filters as never, today), label).toBe(whole.rows.length);
        expect((await matrix({ ...filters, limit: 1, offset: 0 })).total, label).toBe(whole.rows.length);
      }
      expect((await matrix({ reviewId: review, limit: 10 })).total).toBe(0);
      expect((await matrix({ limit: 1 })).total).toBeLessThan(before.rows.length - 1);
    } finally {
      db.prepare('UPDATE reviews SET deleted_at = NULL WHERE id = ?').run(review);
      await t.ok('districts.update', { id: fenland.id, retired: false });
    }
  });
});

describe('a page asked for wrongly', () => {
  const refused = async (input: Record<string, unknown>) => {
    const reply = await t.dispatch('countywide.matrix', input);
    expect(reply.ok, JSON.stringify(input)).toBe(false);
    return (reply as { error: { code: string; message: string; fields?: Record<string, string> } }).error;
  };

  it('is refused with a message that says what to ask for', async () => {
    expect(await refused({ limit: 10, offset: -1 })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'offset: The first row cannot be before the start: give 0 or more.',
      fields: { offset: 'The first row cannot be before the start: give 0 or more.' },
    });
    expect(await refused({ limit: 1001, offset: 0 })).toMatchObject({ code: 'INVALID_INPUT', message: 'limit: Ask for at most 1,000 rows at a time.' });
    expect(await refused({ limit: 0 })).toMatchObject({ code: 'INVALID_INPUT', message: 'limit: Ask for at least 1 row.' });
    expect(await refused({ limit: 2.5 })).toMatchObject({ code: 'INVALID_INPUT', message: 'limit: Give the number of rows as a whole number.' });
    expect(await refused({ offset: 0.5 })).toMatchObject({ code: 'INVALID_INPUT', message: 'offset: Give the first row as a whole number.' });
    expect(await refused({ limit: '100' })).toMatchObject({ code: 'INVALID_INPUT', message: 'limit: Give the number of rows as a whole number.' });
    expect(await refused({ limit: null })).toMatchObject({ code: 'INVALID_INPUT' });
    // Beyond what SQLite can take as a whole number: refused here, not failing inside the query.
    expect(await refused({ offset: 1e20 })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await refused({ limit: 10, offset: -1, status: 'finished' })).toMatchObject({ code: 'INVALID_INPUT', fields: { offset: expect.any(String), status: expect.any(String) } });
  });

  it('the largest page and a far offset are allowed', async () => {
    const whole = await matrix();
    expect(await matrix({ limit: 1000, offset: 0 })).toEqual(whole);
    expect(await matrix({ limit: 1000, offset: 2 ** 40 })).toMatchObject({ rows: [], total: whole.rows.length });
  });
});
