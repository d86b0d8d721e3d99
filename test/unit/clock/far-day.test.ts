import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/domain/clock.ts';
import { addDays } from '../../../shared/domain/dates.ts';
import { CLOSED_STATUSES } from '../../../shared/domain/vocabulary.ts';
import type { ProgressHistory } from '../../../shared/ipc/progress-schemas.ts';
import type { DashboardSummary, SessionStatus } from '../../../shared/ipc/schemas.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { TEST_TODAY } from '../../support/clock.ts';
import { PASSPHRASE } from '../../support/temp.ts';

// The services take the day from the clock they are given, never from the
// computer. Here that clock stands in 2031, years from the day the tests
// were written and from any day they are likely to run: had a service read
// the system's date instead, its overdue count, its "future date" check or
// the day a dhr command works to would come out differently.

const FAR_DAY = '2031-06-15';
const closed = CLOSED_STATUSES.map((s) => `'${s}'`).join(', ');
let t: TestBackend;

beforeAll(async () => {
  t = await openTestBackend({ demo: true, clock: fixedClock(FAR_DAY) });
});
afterAll(() => t.close());

const overdueOn = (day: string) =>
  (
    t
      .db()
      .prepare(`SELECT count(*) AS n FROM applicability a JOIN districts d ON d.id = a.district_id WHERE d.retired_at IS NULL AND a.decision = 'applicable' AND a.target_date < ? AND coalesce(a.status, 'not_started') NOT IN (${closed})`)
      .get(day) as { n: number }
  ).n;

describe('a clock far from today', () => {
  it('the session and the dashboard are as at the clock’s day', async () => {
    expect((await t.ok<SessionStatus>('session.status')).today).toBe(FAR_DAY);
    const summary = await t.ok<DashboardSummary>('dashboard.summary');
    expect(summary.asAt).toBe(FAR_DAY);
    // Counted against 2031, the demo has work overdue; against the tests' own day, five years earlier, none of it is yet.
    expect(overdueOn(FAR_DAY)).toBeGreaterThan(0);
    expect(overdueOn(TEST_TODAY)).toBe(0);
    expect(summary.overdueCount).toBe(overdueOn(FAR_DAY));
  });

  it('a progress update is "in the future" only after the clock’s day', async () => {
    const cell = t.db().prepare(`SELECT id FROM applicability WHERE decision = 'applicable' AND coalesce(status, 'not_started') NOT IN (${closed}) LIMIT 1`).get() as { id: string };
    const base = { applicabilityId: cell.id, author: 'Dan Whitlock', status: 'on_track', note: 'Briefings delivered.' };
    expect(await t.dispatch('progress.add', { ...base, asAtDate: addDays(FAR_DAY, 1) })).toMatchObject({ ok: false, error: { fields: { asAtDate: expect.stringMatching(/future/) } } });
    const saved = await t.ok<ProgressHistory>('progress.add', { ...base, asAtDate: FAR_DAY });
    expect(saved.applicability?.latestUpdate?.asAtDate).toBe(FAR_DAY);
  });

  it('a dhr command works to DHR_TODAY, and refuses a DHR_TODAY that is not a date', async () => {
    const overdue = overdueOn(FAR_DAY);
    await t.ok('session.lock');
    const dhr = (env: Record<string, string>) =>
      spawnSync(process.execPath, [path.resolve('bin/dhr.mjs'), 'status', '--db', t.file, '--json'], { env: { PATH: process.env.PATH, DHR_PASSPHRASE: PASSPHRASE, ...env }, encoding: 'utf8', timeout: 60_000 });
    const far = dhr({ DHR_TODAY: FAR_DAY });
    expect(far.stderr).toBe('');
    expect(JSON.parse(far.stdout)).toMatchObject({ asAt: FAR_DAY, overdue });
    const bad = dhr({ DHR_TODAY: '15/06/2031' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/DHR_TODAY must be a date written yyyy-mm-dd/);
  });
});
