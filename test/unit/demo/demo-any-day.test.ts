import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_WRITTEN_AS_AT, moveYearsInText } from '../../../electron/services/demo/demo-timeline.ts';
import { fixedClock } from '../../../shared/domain/clock.ts';
import { addDays } from '../../../shared/domain/dates.ts';
import { REVIEW_STAGES } from '../../../shared/domain/review-clock.ts';
import type { DashboardSummary } from '../../../shared/ipc/schemas.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';

// The demo partnership is laid out around the day it is loaded: loaded
// three years after it was written, it must still be a county with reviews
// at every stage, a few things overdue and a few due soon, and a history
// that ends on the day it was loaded, not a county where everything is late.

const THREE_YEARS_ON = addDays(DEMO_WRITTEN_AS_AT, 1095);
let written: TestBackend;
let later: TestBackend;
let summaryThen: DashboardSummary;
let summaryLater: DashboardSummary;

beforeAll(async () => {
  written = await openTestBackend({ demo: true, clock: fixedClock(DEMO_WRITTEN_AS_AT) });
  later = await openTestBackend({ demo: true, clock: fixedClock(THREE_YEARS_ON) });
  summaryThen = await written.ok<DashboardSummary>('dashboard.summary');
  summaryLater = await later.ok<DashboardSummary>('dashboard.summary');
});
afterAll(() => {
  written.close();
  later.close();
});

describe('the demo, loaded three years after it was written', () => {
  it('is as at the day it was loaded', () => {
    expect(summaryLater.asAt).toBe(THREE_YEARS_ON);
  });

  it('still has a review at every stage the register shows', () => {
    const stages = summaryLater.reviewsByStage.filter((s) => s.count > 0).map((s) => s.stage);
    expect(new Set(stages)).toEqual(new Set(summaryThen.reviewsByStage.filter((s) => s.count > 0).map((s) => s.stage)));
    // Every stage a review can be at, short of none.
    expect(stages.length).toBeGreaterThanOrEqual(REVIEW_STAGES.length - 1);
  });

  it('has a few recommendations overdue and a few due soon, as it had when written', () => {
    expect(summaryLater.overdueCount).toBeGreaterThan(0);
    expect(summaryLater.dueSoonCount).toBeGreaterThan(0);
    expect(summaryLater.overdueCount).toBe(summaryThen.overdueCount);
    expect(summaryLater.dueSoonCount).toBe(summaryThen.dueSoonCount);
    const applicable = summaryLater.districts.reduce((n, d) => n + d.applicable, 0);
    expect(summaryLater.overdueCount).toBeLessThan(applicable / 4);
  });

  it('has the same mix of statuses, and a history that ends on the day it was loaded', () => {
    expect(summaryLater.statusCounts).toEqual(summaryThen.statusCounts);
    const span = later.db().prepare('SELECT min(as_at_date) AS first, max(as_at_date) AS last FROM progress_updates').get() as { first: string; last: string };
    expect(span.last <= THREE_YEARS_ON).toBe(true);
    expect(span.last >= addDays(THREE_YEARS_ON, -60)).toBe(true);
    expect(span.first <= addDays(THREE_YEARS_ON, -730)).toBe(true);
  });

  it('moves the years in references and text with the dates, but not the years of Acts', () => {
    const refs = (t: TestBackend) => (t.db().prepare('SELECT reference FROM reviews ORDER BY reference').all() as Array<{ reference: string }>).map((r) => r.reference);
    expect(refs(written)).toContain('DHR-FL-2016-01');
    expect(refs(later)).toContain('DHR-FL-2019-01');
    expect(moveYearsInText('Published in 2018; by March 2021, for 2025/26, under the Care Act 2014.', 3)).toBe('Published in 2021; by March 2024, for 2028/29, under the Care Act 2014.');
  });
});
