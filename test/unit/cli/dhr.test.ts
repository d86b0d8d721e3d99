import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REVIEWS } from '../../../electron/services/demo/reviews/index.ts';
import { REVIEW_STAGES } from '../../../shared/domain/review-clock.ts';
import { LATEST_SCHEMA_VERSION } from '../../../electron/services/store/migrations/index.ts';
import { PASSPHRASE, filesContain, storeFiles, tempDir } from '../../support/temp.ts';
import { TEST_DAY_ENV } from '../../support/clock.ts';

const BIN = path.resolve('bin/dhr.mjs');
let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('dhr-cli-')));
afterAll(() => cleanup());

function dhr(args: string[], env: Record<string, string | undefined> = { DHR_PASSPHRASE: PASSPHRASE }) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...TEST_DAY_ENV, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('dhr with a demo store', () => {
  let db: string;
  beforeAll(() => {
    db = path.join(dir, 'demo.dhr');
    const r = dhr(['demo', '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('stats --json counts at least 8 reviews and 60 recommendations', () => {
    const r = dhr(['stats', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout);
    expect(Object.keys(stats).sort()).toEqual(['actions', 'agencies', 'applicabilityDecisions', 'districts', 'progressUpdates', 'recommendations', 'reviews']);
    expect(stats.reviews).toBeGreaterThanOrEqual(8);
    expect(stats.recommendations).toBeGreaterThanOrEqual(60);
    expect(stats.districts).toBe(6);
  });

  it('leaves no demo text readable in the store or its -wal/-shm files', () => {
    const files = storeFiles(db);
    const samples = ['Fenland', 'Peterborough', 'Huntingdonshire', DEMO_REVIEWS[1]!.recommendations[0]!.text.slice(0, 40), DEMO_REVIEWS[0]!.people[0]!.realName, 'OFFICIAL-SENSITIVE'];
    for (const text of samples) expect(filesContain(files, text), text).toEqual([]);
  });

  it('verify passes and names the schema version', () => {
    const r = dhr(['verify', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Schema version:\\s+${LATEST_SCHEMA_VERSION} `));
    expect(r.stdout).toMatch(/Integrity check: ok/);
    expect(r.stdout).toMatch(/chain intact/);
  });

  it('refuses a wrong passphrase with one line, exit 1, and the bytes unchanged', () => {
    const before = storeFiles(db).map(digest);
    const r = dhr(['stats', '--db', db], { DHR_PASSPHRASE: 'not the passphrase at all' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('dhr: That passphrase does not unlock this store.\n');
    expect(storeFiles(db).map(digest)).toEqual(before);
  });

  it('refuses to load the demo into a store that already has data', () => {
    const r = dhr(['demo', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already holds partnership data/);
  });

  it('reviews list --json shows every review with its stage, days in stage and overdue flags, and every stage is represented', () => {
    const r = dhr(['reviews', 'list', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ reference: string; stage: string; daysInStage: number | null; overdue: Record<string, boolean> }>;
    expect(rows.length).toBe(DEMO_REVIEWS.length);
    expect(new Set(rows.map((row) => row.stage)).size).toBe(REVIEW_STAGES.length);
    expect(rows.find((row) => row.stage === 'awaiting_decision')?.overdue.decision).toBe(true);
    expect(Object.keys(rows[0]!.overdue).sort()).toEqual(['actionPlanOpen', 'completion', 'decision', 'qaResubmission']);
    expect(JSON.stringify(rows)).not.toContain(DEMO_REVIEWS[0]!.people[0]!.realName);
  });

  it('recommendations list --json prints a review’s numbered recommendations and their actions', () => {
    const review = DEMO_REVIEWS.find((r) => r.reference === 'DHR-PB-2017-01')!;
    const r = dhr(['recommendations', 'list', '--db', db, '--review', 'dhr-pb-2017-01', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { review: string; recommendations: Array<{ number: number; text: string; actions: Array<{ action: string; leadAgency: string | null; targetDate: string | null }> }> };
    expect(out.review).toBe('DHR-PB-2017-01');
    expect(out.recommendations.map((x) => x.number)).toEqual(review.recommendations.map((_, i) => i + 1));
    expect(out.recommendations.map((x) => x.text)).toEqual(review.recommendations.map((x) => x.text));
    expect(out.recommendations[0]!.actions[0]).toMatchObject({ action: review.recommendations[0]!.actions[0]!.action, leadAgency: review.recommendations[0]!.actions[0]!.leadAgency });
    expect(dhr(['recommendations', 'list', '--db', db]).stderr).toMatch(/needs --review REF/);
  });

  it('names list --json prints one review\'s pseudonym register', () => {
    const review = DEMO_REVIEWS[0]!;
    const r = dhr(['names', 'list', '--db', db, '--review', review.reference.toLowerCase(), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ review: review.reference, people: review.people.map((p) => ({ role: p.role, pseudonym: p.pseudonym, realName: p.realName })) });
    const missing = dhr(['names', 'list', '--db', db, '--review', 'DHR-XX-1999-01', '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no review with the reference DHR-XX-1999-01/);
  });

  it('reads the passphrase from --passphrase-file when DHR_PASSPHRASE is unset', () => {
    const file = path.join(dir, 'pass.txt');
    fs.writeFileSync(file, `${PASSPHRASE}\n`, { mode: 0o600 });
    const r = dhr(['stats', '--db', db, '--passphrase-file', file], {});
    expect(r.code).toBe(0);
  });
});

describe('dhr init', () => {
  it('creates an empty store that verify accepts', () => {
    const db = path.join(dir, 'empty.dhr');
    expect(dhr(['init', '--db', db]).code).toBe(0);
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);
    expect(JSON.parse(dhr(['stats', '--db', db, '--json']).stdout)).toMatchObject({ reviews: 0, districts: 0 });
    expect(dhr(['verify', '--db', db]).code).toBe(0);
  });
});

describe('dhr bad input: one clear line, non-zero exit, nothing created or changed', () => {
  const cases: Array<[string, () => string[], Record<string, string | undefined> | undefined, RegExp]> = [
    ['a non-SQLite file', () => ['stats', '--db', path.join(dir, 'notes.txt')], undefined, /is not a DHR Tracker store/],
    ['a directory', () => ['verify', '--db', dir], undefined, /is a folder/],
    ['a missing folder', () => ['init', '--db', path.join(dir, 'nope', 'x.dhr')], undefined, /The folder .* does not exist/],
    ['a read-only place', () => ['init', '--db', '/sys/dhr-cli.dhr'], undefined, /read-only or you do not have permission/],
    ['a short passphrase', () => ['init', '--db', path.join(dir, 'short.dhr')], { DHR_PASSPHRASE: 'short' }, /at least 12 characters/],
    ['no passphrase and no terminal', () => ['init', '--db', path.join(dir, 'none.dhr')], {}, /Set DHR_PASSPHRASE/],
    ['an unknown flag', () => ['stats', '--db', path.join(dir, 'x.dhr'), '--overwrite'], undefined, /Unknown option '--overwrite'.*dhr --help/],
    ['an unknown command', () => ['destroy', '--db', path.join(dir, 'x.dhr')], undefined, /Unknown command "destroy"/],
    ['a missing --db', () => ['stats'], undefined, /needs --db FILE/],
    ['names list without --review', () => ['names', 'list', '--db', path.join(dir, 'x.dhr')], undefined, /needs --review REF/],
    ['reviews without a verb', () => ['reviews', '--db', path.join(dir, 'x.dhr')], undefined, /dhr reviews list/],
    ['an existing file for init', () => ['init', '--db', path.join(dir, 'notes.txt')], undefined, /already exists/],
  ];
  beforeAll(() => fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a database\n'));

  it.each(cases)('%s', (_name, args, env, message) => {
    const before = fs.readdirSync(dir).sort();
    const notes = digest(path.join(dir, 'notes.txt'));
    const r = dhr(args(), env ?? { DHR_PASSPHRASE: PASSPHRASE });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.startsWith('dhr: ')).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(digest(path.join(dir, 'notes.txt'))).toBe(notes);
  });

  it('--help prints usage and exits 0', () => {
    const r = dhr(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dhr init {3}--db FILE/);
  });
});
