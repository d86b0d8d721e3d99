import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DAY_ENV } from '../../support/clock.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { csvPlan } from '../exchange/action-plan-files.ts';

// The command line with files already in the way and arguments nobody
// means: every export leaves an existing file alone unless --force is
// given, and odd arguments get one short, clear line, never a raw system
// error or a 100 KB echo of what was typed.

const BIN = path.resolve('bin/dhr.mjs');
let dir: string;
let cleanup: () => void;
let db: string;

function dhr(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH, ...TEST_DAY_ENV, DHR_PASSPHRASE: PASSPHRASE, DHR_PACK_PASSPHRASE: 'amber kettle harbour tulip' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir('dhr-cli-odd-'));
  db = path.join(dir, 'demo.dhr');
  expect(dhr(['demo', '--db', db]).code).toBe(0);
}, 120_000);
afterAll(() => cleanup());

const REF = 'DHR-PB-2017-01';
// Every command with --out: the file it writes, and its arguments.
const EXPORTS: Array<[string, string, string[]]> = [
  ['export action-plan', 'plan.docx', ['export', 'action-plan', '--review', REF]],
  ['export recommendations', 'recommendations.docx', ['export', 'recommendations', '--review', REF]],
  ['export overview-skeleton', 'overview.docx', ['export', 'overview-skeleton', '--review', REF]],
  ['export executive-summary-skeleton', 'summary.docx', ['export', 'executive-summary-skeleton', '--review', REF]],
  ['export csp-report', 'board.docx', ['export', 'csp-report', '--district', 'Fenland', '--as-at', '21/11/2026']],
  ['export countywide', 'county.docx', ['export', 'countywide', '--from', '01/04/2025', '--to', '31/03/2026']],
  ['export xlsx', 'data.xlsx', ['export', 'xlsx']],
  ['export csv', 'data.zip', ['export', 'csv']],
  ['pack export', 'county.dhrpack', ['pack', 'export']],
];

describe('an existing file at --out is left alone unless --force is given', () => {
  it.each(EXPORTS)('%s', (_, name, args) => {
    const out = path.join(dir, name);
    fs.writeFileSync(out, 'someone’s draft');
    const before = fs.readdirSync(dir).sort();
    const refused = dhr([...args, '--db', db, '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(`dhr: ${out} already exists, and was left as it is. Add --force to replace it, or choose another file name.\n`);
    expect(fs.readFileSync(out, 'utf8')).toBe('someone’s draft');
    expect(fs.readdirSync(dir).sort()).toEqual(before);

    const forced = dhr([...args, '--db', db, '--out', out, '--force']);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).not.toBe('so');
  });

  it('--force is refused where it means nothing, and is in --help', () => {
    expect(dhr(['stats', '--db', db, '--force']).stderr).toBe('dhr: --force does not apply to dhr stats: it only lets an export replace the file at --out.\n');
    expect(dhr(['import', 'action-plan', '--db', db, '--review', REF, path.join(dir, 'x.csv'), '--force']).stderr).toBe('dhr: --force does not apply to dhr import action-plan.\n');
    expect(dhr(['backup', '--db', db, '--force']).stderr).toMatch(/^dhr: Unknown option '--force'\. Run dhr --help for usage\.\n$/);
    const help = dhr(['--help']).stdout;
    for (const [command] of EXPORTS) expect(help).toMatch(new RegExp(`dhr ${command} .*\\[--force\\]`));
  });
});

describe('odd arguments get one short, clear line', () => {
  const huge = 'x'.repeat(100_000);
  const long = `${'a'.repeat(300)}.docx`;
  let plan: string;
  beforeAll(() => {
    plan = path.join(dir, 'plan.csv');
    fs.writeFileSync(plan, csvPlan());
  });
  // name, arguments, the line on stderr
  const cases: Array<[string, () => string[], RegExp]> = [
    ['a 300-character --out', () => ['export', 'action-plan', '--db', db, '--review', REF, '--out', path.join(dir, long)], /^dhr: The file name "a{53}…a{21}\.docx" is 305 characters long, and a name can have at most 255\. Choose a shorter name\.$/],
    ['a 100,000-character --out', () => ['export', 'xlsx', '--db', db, '--out', `${huge}.xlsx`], /^dhr: The file name "x+…x+\.xlsx" is 100,005 characters long/],
    ['an --out with the wrong ending', () => ['export', 'action-plan', '--db', db, '--review', REF, '--out', huge], /^dhr: --out must name a Word file ending in \.docx, such as "DHR-PB-2017-01 action plan\.docx"; "x+…x+" does not\.$/],
    ['a 100,000-character --district', () => ['status', '--db', db, '--district', huge], /^dhr: There is no district called "x{53}…x{26}"\. Districts: Cambridge City, /],
    ['a 100,000-character --district for a report', () => ['export', 'csp-report', '--db', db, '--district', huge, '--as-at', '21/11/2026', '--out', path.join(dir, 'r.docx')], /^dhr: There is no district called "x+…x+"\./],
    ['a 100,000-character --review', () => ['export', 'action-plan', '--db', db, '--review', huge, '--out', path.join(dir, 'p.docx')], /^dhr: There is no review with the reference x+…x+\. dhr reviews list shows the references\.$/],
    ['a 100,000-character --review to import into', () => ['import', 'action-plan', '--db', db, '--review', huge, plan, '--dry-run'], /^dhr: There is no review with the reference x+…x+\. List the reviews/],
    ['a 100,000-character --map', () => ['import', 'action-plan', '--db', db, '--review', REF, plan, '--dry-run', '--map', huge], /^dhr: --map "x+…x+" needs the form Field=Column/],
    ['a 100,000-character --as-at', () => ['export', 'csp-report', '--db', db, '--district', 'Fenland', '--as-at', huge, '--out', path.join(dir, 'r.docx')], /^dhr: The --as-at date "x+…x+" is not a real date\./],
    ['a 100,000-character unknown option', () => ['stats', '--db', db, `--${huge}`], /^dhr: Unknown option '--x+…x+'\. Run dhr --help for usage\.$/],
    ['a 100,000-character command', () => [huge, '--db', db], /^dhr: Unknown command "x+…x+"\. Commands: /],
    ['a 100,000-character extra argument', () => ['stats', '--db', db, huge], /^dhr: Unexpected argument "x+…x+"\. Run dhr --help for usage\.$/],
    ['a 300-character document name', () => ['check-anonymity', '--db', db, path.join(dir, long)], /^dhr: The document name "a+…a+\.docx" is 305 characters long/],
    ['a 300-character action plan name', () => ['import', 'action-plan', '--db', db, '--review', REF, path.join(dir, long.replace('.docx', '.csv'))], /^dhr: The file name "a+…a+\.csv" is 304 characters long/],
    ['a 300-character package name', () => ['pack', 'import', '--db', db, path.join(dir, long.replace('.docx', '.dhrpack'))], /^dhr: The file name "a+…a+\.dhrpack" is 308 characters long/],
    ['a 300-character store name', () => ['stats', '--db', path.join(dir, long.replace('.docx', '.dhr'))], /^dhr: The store file name "a+…a+\.dhr" is 304 characters long/],
  ];

  it.each(cases)('%s', (_, args, message) => {
    const before = fs.readdirSync(dir).sort();
    const r = dhr(args());
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.length).toBeLessThan(400);
    expect(r.stderr).not.toMatch(/ENAMETOOLONG|Error:|at .*\.ts:\d+/);
    expect(r.stderr.trim()).toMatch(message);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });
});
