import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays } from '../../../shared/domain/dates.ts';
import { CLOSED_STATUSES, STATUSES, type Status } from '../../../shared/domain/vocabulary.ts';
import type { Matrix } from '../../../shared/ipc/progress-schemas.ts';
import type { DashboardSummary } from '../../../shared/ipc/schemas.ts';
import type { ReviewRow } from '../../../shared/ipc/review-schemas.ts';
import { countywideMatrix } from '../../../electron/services/countywide/countywide-handlers.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { TEST_TODAY } from '../../support/clock.ts';

// The countywide matrix against direct SQL over the same store.

let t: TestBackend;
const today = TEST_TODAY;
const closed = CLOSED_STATUSES.map((s) => `'${s}'`).join(', ');
beforeAll(async () => {
  t = await openTestBackend({ demo: true });
  // Give a few more applicable, open cells a target date in the next fortnight, beside the demo's own due-soon cells.
  t.db()
    .prepare(
      `UPDATE applicability SET target_date = @soon WHERE id IN (
         SELECT id FROM applicability WHERE decision = 'applicable' AND coalesce(status, 'not_started') NOT IN (${closed}) AND target_date >= @today ORDER BY id LIMIT 4)`,
    )
    .run({ soon: addDays(today, 14), today });
});
afterAll(() => t.close());

const matrix = (query: Record<string, unknown> = {}) => t.ok<Matrix>('countywide.matrix', query);
const ids = (sql: string, params: Record<string, unknown> = {}) => (t.db().prepare(sql).all(params) as Array<{ id: string }>).map((r) => r.id).sort();
const count = (sql: string, params: Record<string, unknown> = {}) => (t.db().prepare(sql).get(params) as { n: number }).n;
const rowIds = (m: Matrix) => m.rows.map((r) => r.recommendation.id).sort();
const cells = (m: Matrix) => m.rows.flatMap((r) => r.cells);
/** Live recommendations in reviews that are not deleted, as the matrix counts them */
const LIVE = `SELECT r.id FROM recommendations r JOIN reviews v ON v.id = r.review_id AND v.deleted_at IS NULL WHERE r.deleted_at IS NULL`;
const CURRENT_CELLS = `FROM applicability a JOIN districts d ON d.id = a.district_id AND d.retired_at IS NULL WHERE a.recommendation_id IN (${LIVE})`;

describe('the countywide matrix', () => {
  let all: Matrix;
  beforeAll(async () => {
    all = await matrix();
  });

  it('has a column for every current district, in the partnership’s order, and a row for every live recommendation', () => {
    const districts = t.db().prepare('SELECT id, name FROM districts WHERE retired_at IS NULL ORDER BY sort_order, name').all();
    expect(all.districts).toEqual(districts);
    expect(all.districts.map((d) => d.name)).toEqual(['Cambridge City', 'East Cambridgeshire', 'Fenland', 'Huntingdonshire', 'South Cambridgeshire', 'Peterborough']);
    expect(all.rows.length).toBe(count(`SELECT count(*) AS n FROM (${LIVE})`));
    expect(all.rows.length).toBe(85);
    expect(all.asAt).toBe(today);
    for (const row of all.rows) expect(row.cells.map((c) => c.districtId)).toEqual(all.districts.map((d) => d.id));
  });

  it('orders rows by review reference, then by the recommendation’s number in its review, numbered as the review numbers them', () => {
    const keys = all.rows.map((r) => [r.recommendation.reviewReference, r.recommendation.number] as const);
    const sorted = [...keys].sort(([a, m], [b, n]) => (a === b ? m - n : a < b ? -1 : 1));
    expect(keys).toEqual(sorted);
    const first = t.db().prepare('SELECT reference FROM reviews ORDER BY reference LIMIT 1').get() as { reference: string };
    expect(all.rows[0]!.recommendation).toMatchObject({ reviewReference: first.reference, number: 1 });
    // Each review's recommendations are numbered 1, 2, 3… by position.
    const byReview = new Map<string, Matrix['rows']>();
    for (const r of all.rows) byReview.set(r.recommendation.reviewId, [...(byReview.get(r.recommendation.reviewId) ?? []), r]);
    for (const [reviewId, rows] of byReview) {
      const texts = (t.db().prepare('SELECT text FROM recommendations WHERE review_id = ? AND deleted_at IS NULL ORDER BY position').all(reviewId) as Array<{ text: string }>).map((r) => r.text);
      expect(rows.map((r) => r.recommendation.number)).toEqual(texts.map((_, i) => i + 1));
      expect(rows.map((r) => r.recommendation.text)).toEqual(texts);
    }
  });

  it('gives each cell the district’s decision, status and target date exactly as stored, with a status only where it applies', () => {
    const stored = new Map(
      (t.db().prepare(`SELECT a.id, a.recommendation_id AS r, a.district_id AS d, a.decision, a.status, a.target_date AS targetDate ${CURRENT_CELLS}`).all() as Array<{
        id: string;
        r: string;
        d: string;
        decision: string;
        status: Status | null;
        targetDate: string | null;
      }>).map((a) => [`${a.r} ${a.d}`, a]),
    );
    expect(cells(all).length).toBe(stored.size);
    for (const row of all.rows) {
      for (const cell of row.cells) {
        const a = stored.get(`${row.recommendation.id} ${cell.districtId}`)!;
        expect(cell).toMatchObject({ applicabilityId: a.id, decision: a.decision, targetDate: a.targetDate });
        expect(cell.status).toBe(a.decision === 'applicable' ? (a.status ?? 'not_started') : null);
      }
    }
  });

  it('counts decisions, statuses, overdue and due-soon cells as SQL does', () => {
    const decisions = t.db().prepare(`SELECT a.decision, count(*) AS n ${CURRENT_CELLS} GROUP BY a.decision`).all() as Array<{ decision: string; n: number }>;
    for (const { decision, n } of decisions) expect(cells(all).filter((c) => c.decision === decision).length, decision).toBe(n);
    for (const status of STATUSES) {
      const n = count(`SELECT count(*) AS n ${CURRENT_CELLS} AND a.decision = 'applicable' AND coalesce(a.status, 'not_started') = @status`, { status });
      expect(cells(all).filter((c) => c.status === status).length, status).toBe(n);
    }
    const overdue = count(`SELECT count(*) AS n ${CURRENT_CELLS} AND a.decision = 'applicable' AND a.target_date < @today AND coalesce(a.status, 'not_started') NOT IN (${closed})`, { today });
    expect(overdue).toBeGreaterThan(0);
    expect(cells(all).filter((c) => c.due === 'overdue').length).toBe(overdue);
    const soon = count(
      `SELECT count(*) AS n ${CURRENT_CELLS} AND a.decision = 'applicable' AND a.target_date BETWEEN @today AND @soon AND coalesce(a.status, 'not_started') NOT IN (${closed})`,
      { today, soon: addDays(today, 30) },
    );
    expect(soon).toBeGreaterThanOrEqual(4);
    expect(cells(all).filter((c) => c.due === 'due_soon').length).toBe(soon);
    // Only an applicable district can be overdue or due.
    expect(cells(all).filter((c) => c.decision !== 'applicable' && ['overdue', 'due_soon', 'not_due', 'no_target'].includes(c.due))).toEqual([]);
  });

  it('agrees with the dashboard, district by district', async () => {
    const summary = await t.ok<DashboardSummary>('dashboard.summary');
    all.districts.forEach((d, i) => {
      const column = all.rows.map((r) => r.cells[i]!);
      const district = summary.districts.find((x) => x.districtId === d.id)!;
      for (const status of STATUSES) expect(column.filter((c) => c.status === status).length, `${d.name} ${status}`).toBe(district.counts[status]);
      expect(column.filter((c) => c.due === 'overdue').length, `${d.name} overdue`).toBe(district.overdue);
      expect(column.filter((c) => c.due === 'due_soon').length, `${d.name} due soon`).toBe(district.dueSoon);
      expect(column.filter((c) => c.decision === 'under_consideration').length, `${d.name} under consideration`).toBe(district.underConsideration);
    });
    expect(cells(all).filter((c) => c.due === 'overdue').length).toBe(summary.overdueCount);
    expect(cells(all).filter((c) => c.due === 'due_soon').length).toBe(summary.dueSoonCount);
  });

  it('reads all the cells in one query, however many rows there are', () => {
    const db = t.db();
    const prepare = vi.spyOn(db, 'prepare');
    try {
      const m = countywideMatrix(db, {}, today);
      expect(m.rows.length).toBe(85);
      // Districts, rows, cells: three statements, not one per row or per cell.
      expect(prepare).toHaveBeenCalledTimes(3);
    } finally {
      prepare.mockRestore();
    }
  });
});

describe('filters', () => {
  it('by review: that review’s recommendations only, numbered from 1', async () => {
    const { rows } = await t.ok<{ rows: ReviewRow[] }>('reviews.list', { search: 'DHR-HU-2024-01' });
    const review = rows[0]!;
    const m = await matrix({ reviewId: review.id });
    expect(rowIds(m)).toEqual(ids(`${LIVE} AND r.review_id = @id`, { id: review.id }));
    expect(m.rows.map((r) => r.recommendation.number)).toEqual(m.rows.map((_, i) => i + 1));
    expect(m.rows.every((r) => r.recommendation.reviewReference === 'DHR-HU-2024-01')).toBe(true);
  });

  it('by theme: the recommendations tagged with it', async () => {
    const theme = t.db().prepare('SELECT theme_id AS id, count(*) AS n FROM recommendation_themes GROUP BY theme_id ORDER BY n DESC LIMIT 1').get() as { id: string; n: number };
    const m = await matrix({ themeId: theme.id });
    const expected = ids(`${LIVE} AND EXISTS (SELECT 1 FROM recommendation_themes rt WHERE rt.recommendation_id = r.id AND rt.theme_id = @theme)`, { theme: theme.id });
    expect(expected.length).toBeGreaterThan(0);
    expect(rowIds(m)).toEqual(expected);
    // Every district's cell is still there for each row.
    expect(m.rows.every((r) => r.cells.length === m.districts.length)).toBe(true);
  });

  it('by status: recommendations with that status in at least one district where they apply', async () => {
    for (const status of ['blocked', 'on_track', 'complete'] as const) {
      const m = await matrix({ status });
      const expected = ids(`SELECT DISTINCT a.recommendation_id AS id ${CURRENT_CELLS} AND a.decision = 'applicable' AND coalesce(a.status, 'not_started') = @status`, { status });
      expect(expected.length, status).toBeGreaterThan(0);
      expect(rowIds(m), status).toEqual(expected);
      expect(m.rows.every((r) => r.cells.some((c) => c.status === status))).toBe(true);
    }
  });

  it('by status ignores a status left on a district where the recommendation does not apply', async () => {
    const blockedBefore = rowIds(await matrix({ status: 'blocked' }));
    // A not-applicable decision somewhere no district has it blocked, carrying a stray "blocked".
    const stray = t.db().prepare(`SELECT a.id, a.recommendation_id AS r, a.status ${CURRENT_CELLS} AND a.decision = 'not_applicable' AND a.recommendation_id NOT IN (${blockedBefore.map((id) => `'${id}'`).join(', ')}) LIMIT 1`).get() as {
      id: string;
      r: string;
      status: string | null;
    };
    t.db().prepare("UPDATE applicability SET status = 'blocked' WHERE id = ?").run(stray.id);
    try {
      expect(rowIds(await matrix({ status: 'blocked' }))).toEqual(blockedBefore);
      expect(rowIds(await matrix({ status: 'blocked' }))).not.toContain(stray.r);
    } finally {
      t.db().prepare('UPDATE applicability SET status = ? WHERE id = ?').run(stray.status, stray.id);
    }
  });

  it('overdue only: recommendations overdue in at least one district', async () => {
    const m = await matrix({ overdueOnly: true });
    const expected = ids(
      `SELECT DISTINCT a.recommendation_id AS id ${CURRENT_CELLS} AND a.decision = 'applicable' AND a.target_date < @today AND coalesce(a.status, 'not_started') NOT IN (${closed})`,
      { today },
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(rowIds(m)).toEqual(expected);
    expect(m.rows.every((r) => r.cells.some((c) => c.due === 'overdue'))).toBe(true);
  });

  it('combines filters: all of them must hold', async () => {
    const overdue = await matrix({ overdueOnly: true });
    const reviewId = overdue.rows[0]!.recommendation.reviewId;
    const m = await matrix({ reviewId, overdueOnly: true, status: 'not_started' });
    const expected = ids(
      `SELECT DISTINCT a.recommendation_id AS id ${CURRENT_CELLS}
          AND a.recommendation_id IN (SELECT id FROM recommendations WHERE review_id = @reviewId)
          AND a.recommendation_id IN (SELECT recommendation_id FROM applicability x JOIN districts dx ON dx.id = x.district_id AND dx.retired_at IS NULL
                                       WHERE x.decision = 'applicable' AND x.target_date < @today AND coalesce(x.status, 'not_started') NOT IN (${closed}))
          AND a.decision = 'applicable' AND coalesce(a.status, 'not_started') = 'not_started'`,
      { reviewId, today },
    );
    expect(rowIds(m)).toEqual(expected);
    expect(rowIds(await matrix({ reviewId: '00000000-0000-4000-8000-000000000000' }))).toEqual([]);
  });

  it('refuses a filter that is not a review, theme or status', async () => {
    expect(await t.dispatch('countywide.matrix', { status: 'finished' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.dispatch('countywide.matrix', { reviewId: 'DHR-FL-2016-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.dispatch('countywide.matrix', { district: 'Fenland' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('as the partnership changes', () => {
  it('drops a deleted recommendation, and renumbers the rest of its review', async () => {
    const before = await matrix();
    const target = before.rows.find((r) => r.recommendation.number === 1 && before.rows.some((x) => x.recommendation.reviewId === r.recommendation.reviewId && x.recommendation.number === 2))!;
    await t.ok('recommendations.delete', { id: target.recommendation.id });
    const after = await matrix();
    expect(after.rows.length).toBe(before.rows.length - 1);
    expect(rowIds(after)).not.toContain(target.recommendation.id);
    const same = after.rows.filter((r) => r.recommendation.reviewId === target.recommendation.reviewId);
    expect(same.map((r) => r.recommendation.number)).toEqual(same.map((_, i) => i + 1));
  });

  it('shows a district with no decision recorded as still under consideration', async () => {
    const m = await matrix();
    const cell = m.rows[0]!.cells[2]!;
    t.db().prepare('DELETE FROM applicability WHERE id = ?').run(cell.applicabilityId);
    const after = await matrix();
    expect(after.rows[0]!.cells[2]).toEqual({ applicabilityId: null, districtId: cell.districtId, decision: 'under_consideration', status: null, due: 'closed', targetDate: null });
  });

  it('leaves out a retired district’s column', async () => {
    const fenland = (await matrix()).districts.find((d) => d.name === 'Fenland')!;
    await t.ok('districts.update', { id: fenland.id, retired: true });
    const m = await matrix();
    expect(m.districts.map((d) => d.name)).not.toContain('Fenland');
    expect(m.rows.every((r) => r.cells.length === 5 && r.cells.every((c) => c.districtId !== fenland.id))).toBe(true);
    // Its overdue items no longer count towards "overdue only" either.
    const expected = ids(
      `SELECT DISTINCT a.recommendation_id AS id ${CURRENT_CELLS} AND a.decision = 'applicable' AND a.target_date < @today AND coalesce(a.status, 'not_started') NOT IN (${closed})`,
      { today },
    );
    expect(rowIds(await matrix({ overdueOnly: true }))).toEqual(expected);
  });
});
