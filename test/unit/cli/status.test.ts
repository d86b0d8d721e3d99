import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain/dates.ts';
import { CLOSED_STATUSES, STATUSES } from '../../../shared/domain/vocabulary.ts';
import type { DashboardSummary } from '../../../shared/ipc/schemas.ts';
import type { District } from '../../../shared/ipc/partnership-schemas.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { PASSPHRASE } from '../../support/temp.ts';
import { TEST_DAY_ENV, TEST_TODAY } from '../../support/clock.ts';

// dhr status, run as a person would run it, must give the dashboard's figures.

const BIN = path.resolve('bin/dhr.mjs');
function dhr(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...TEST_DAY_ENV, DHR_PASSPHRASE: PASSPHRASE }, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let t: TestBackend;
let summary: DashboardSummary;
let retired: District;
beforeAll(async () => {
  t = await openTestBackend({ demo: true });
  // Make the figures less uniform than the demo's: a few open items due within the month, and a renamed colour.
  const closed = CLOSED_STATUSES.map((s) => `'${s}'`).join(', ');
  t.db()
    .prepare(
      `UPDATE applicability SET target_date = @soon WHERE id IN (
         SELECT id FROM applicability WHERE decision = 'applicable' AND coalesce(status, 'not_started') NOT IN (${closed}) ORDER BY id LIMIT 5)`,
    )
    .run({ soon: addDays(TEST_TODAY, 20) });
  await t.ok('statuses.update', { code: 'on_track', colour: '#1b5e20', colourName: 'FOREST GREEN' });
  retired = await t.ok<District>('districts.add', { name: 'Rutland', shortName: 'RU' });
  await t.ok('districts.update', { id: retired.id, retired: true });
  summary = await t.ok<DashboardSummary>('dashboard.summary');
  // The CLI opens the store itself, as it would on a person's machine: the app has locked it.
  await t.ok('session.lock');
}, 120_000);
afterAll(() => t.close());

const sum = (pick: (d: DashboardSummary['districts'][number]) => number) => summary.districts.reduce((n, d) => n + pick(d), 0);

describe('dhr status', () => {
  it('--json for the whole county agrees exactly with the dashboard', () => {
    const r = dhr(['status', '--db', t.file, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(summary.overdueCount).toBeGreaterThan(0);
    expect(summary.dueSoonCount).toBeGreaterThan(0);
    expect(JSON.parse(r.stdout)).toEqual({
      asAt: summary.asAt,
      district: null,
      applicable: sum((d) => d.applicable),
      counts: summary.statusCounts,
      overdue: summary.overdueCount,
      dueSoon: summary.dueSoonCount,
      dueSoonDays: 30,
      underConsideration: sum((d) => d.underConsideration),
    });
  });

  it('--district, named in any case, agrees with that district’s row of the dashboard', () => {
    const fenland = summary.districts.find((d) => d.name === 'Fenland')!;
    const r = dhr(['status', '--db', t.file, '--district', '  FENLAND ', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      asAt: summary.asAt,
      district: 'Fenland',
      applicable: fenland.applicable,
      counts: fenland.counts,
      overdue: fenland.overdue,
      dueSoon: fenland.dueSoon,
      dueSoonDays: 30,
      underConsideration: fenland.underConsideration,
    });
    expect(fenland.applicable).toBe(STATUSES.reduce((n, s) => n + fenland.counts[s], 0));
  });

  it('gives every district its own figures, and they add up to the county’s', () => {
    const each = summary.districts.map((d) => JSON.parse(dhr(['status', '--db', t.file, '--district', d.name.toLowerCase(), '--json']).stdout));
    expect(each.map((x) => x.district)).toEqual(summary.districts.map((d) => d.name));
    expect(each.reduce((n, x) => n + x.overdue, 0)).toBe(summary.overdueCount);
    expect(each.reduce((n, x) => n + x.dueSoon, 0)).toBe(summary.dueSoonCount);
    for (const s of STATUSES) expect(each.reduce((n, x) => n + x.counts[s], 0), s).toBe(summary.statusCounts[s]);
  });

  it('without --json prints a readable table, in the partnership’s words and colour names', () => {
    const r = dhr(['status', '--db', t.file, '--district', 'peterborough']);
    expect(r.code).toBe(0);
    const p = summary.districts.find((d) => d.name === 'Peterborough')!;
    expect(r.stdout).toMatch(/^Implementation status for Peterborough, as at \d\d\/\d\d\/\d{4}\n/);
    expect(r.stdout).toMatch(new RegExp(`\\n  On track \\(FOREST GREEN\\) +${p.counts.on_track}\\n`));
    expect(r.stdout).toMatch(new RegExp(`\\n  Blocked \\(RED\\) +${p.counts.blocked}\\n`));
    expect(r.stdout).toMatch(new RegExp(`\\n  Total applicable +${p.applicable}\\n`));
    expect(r.stdout).toMatch(new RegExp(`\\nOverdue +${p.overdue}\\n`));
    expect(r.stdout).toMatch(new RegExp(`\\nDue within 30 days +${p.dueSoon}\\n`));
    const county = dhr(['status', '--db', t.file]);
    expect(county.stdout).toMatch(/^Implementation status for the whole county \(6 districts\)/);
    expect(county.stdout).toMatch(new RegExp(`\\nOverdue +${summary.overdueCount}\\n`));
  });

  it('refuses an unknown district with one line that lists the districts, and a retired one saying so', () => {
    const r = dhr(['status', '--db', t.file, '--district', 'Rutlnd', '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'dhr: There is no district called "Rutlnd". Districts: Cambridge City, East Cambridgeshire, Fenland, Huntingdonshire, South Cambridgeshire, Peterborough.\n',
    );
    const gone = dhr(['status', '--db', t.file, '--district', 'rutland']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/^dhr: Rutland is retired, so it has no status figures\. Current districts: Cambridge City, .*Peterborough\.\n$/);
  });

  it('refuses --district elsewhere and an empty --district, before asking for the passphrase', () => {
    expect(dhr(['stats', '--db', t.file, '--district', 'Fenland'])).toMatchObject({ code: 2, stderr: 'dhr: --district does not apply to dhr stats.\n' });
    expect(dhr(['status', '--db', t.file, '--district', ' '])).toMatchObject({ code: 2, stderr: 'dhr: Give --district the name of a district, such as --district Fenland.\n' });
    expect(dhr(['status'])).toMatchObject({ code: 2, stderr: 'dhr: The status command needs --db FILE, the store to use.\n' });
  });

  it('is in the help', () => {
    const r = dhr(['--help']);
    expect(r.stdout).toMatch(/dhr status --db FILE \[--district NAME\] \[--json\]/);
    expect(r.stdout).toMatch(/--district NAME/);
  });
});
