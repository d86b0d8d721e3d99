import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_STAGES } from '../../../shared/domain/review-clock.ts';
import type { Matrix } from '../../../shared/ipc/progress-schemas.ts';
import type { DashboardSummary } from '../../../shared/ipc/schemas.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';

// The dashboard's overdue list and counts tell the same story as the matrix.

let t: TestBackend;
beforeAll(async () => {
  t = await openTestBackend({ demo: true });
});
afterAll(() => t.close());

const summary = () => t.ok<DashboardSummary>('dashboard.summary');

describe('dashboard summary', () => {
  it('lists every overdue item the count counts, numbered as its review numbers it, longest overdue first', async () => {
    const s = await summary();
    expect(s.overdueCount).toBeGreaterThan(0);
    expect(s.overdue.length).toBe(s.overdueCount);
    expect(s.overdue.map((o) => o.targetDate)).toEqual([...s.overdue.map((o) => o.targetDate)].sort());
    const m = await t.ok<Matrix>('countywide.matrix', { overdueOnly: true });
    const fromMatrix = m.rows.flatMap((r) =>
      r.cells.filter((c) => c.due === 'overdue').map((c) => `${r.recommendation.reviewReference} ${r.recommendation.number} ${m.districts.find((d) => d.id === c.districtId)!.name}`),
    );
    expect(s.overdue.map((o) => `${o.reviewReference} ${o.recommendationNumber} ${o.districtName}`).sort()).toEqual(fromMatrix.sort());
  });

  it('numbers a recommendation by its place in the review after an earlier one is deleted', async () => {
    const before = await summary();
    const item = before.overdue.find((o) => o.recommendationNumber > 1)!;
    const first = t.db().prepare(
      `SELECT r.id FROM recommendations r JOIN reviews v ON v.id = r.review_id WHERE v.reference = ? AND r.deleted_at IS NULL ORDER BY r.position LIMIT 1`,
    ).get(item.reviewReference) as { id: string };
    await t.ok('recommendations.delete', { id: first.id });
    const after = await summary();
    expect(after.overdue).toContainEqual({ ...item, recommendationNumber: item.recommendationNumber - 1 });
  });

  it('counts reviews at every stage, adding up to all the reviews', async () => {
    const s = await summary();
    expect(s.reviewsByStage.map((r) => r.stage)).toEqual([...REVIEW_STAGES]);
    expect(s.reviewsByStage.reduce((n, r) => n + r.count, 0)).toBe(s.totals.reviews);
  });

  it('leaves a retired district out of the counts and the overdue list alike', async () => {
    const before = await summary();
    const district = before.districts.find((d) => d.overdue > 0)!;
    await t.ok('districts.update', { id: district.districtId, retired: true });
    const after = await summary();
    expect(after.districts.map((d) => d.districtId)).not.toContain(district.districtId);
    expect(after.overdueCount).toBe(before.overdueCount - district.overdue);
    expect(after.overdue.length).toBe(after.overdueCount);
    expect(after.overdue.map((o) => o.districtName)).not.toContain(district.name);
  });
});
