import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTYWIDE_SECTIONS } from '../../../electron/services/reports/countywide-docx.ts';
import { CSP_SECTIONS } from '../../../electron/services/reports/csp-progress-docx.ts';
import { openStore } from '../../../electron/services/store/open-store.ts';
import { addDays, formatLongDate, formatUkDate } from '../../../shared/domain/dates.ts';
import { STATUS_DEFAULTS, STATUSES } from '../../../shared/domain/vocabulary.ts';
import { docxRawText, readDocx, squash, tableRows } from '../../support/docx.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { TEST_DAY_ENV, TEST_STORE_OPTIONS, TEST_TODAY } from '../../support/clock.ts';

// dhr export csp-report and dhr export countywide, run as a person would
// run them, against a real demo store.

const BIN = path.resolve('bin/dhr.mjs');
const today = TEST_TODAY;
let dir: string;
let cleanup: () => void;
let db: string;

function dhr(args: string[], env: Record<string, string | undefined> = { DHR_PASSPHRASE: PASSPHRASE }) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...TEST_DAY_ENV, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The files in the test folder other than the store's own. */
function outputs(): string[] {
  return fs.readdirSync(dir).filter((f) => !/\.dhr(-wal|-shm)?$/.test(f));
}

function tables(documentXml: string): string[][][] {
  return [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => tableRows(m[0]));
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir('dhr-cli-reports-'));
  db = path.join(dir, 'demo.dhr');
  const r = dhr(['demo', '--db', db]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}, 120_000);
afterAll(() => cleanup());

describe('dhr export csp-report', () => {
  it('writes the district\'s report (district in any case, date as dd/mm/yyyy) with the figures of dhr status --json', async () => {
    const out = path.join(dir, 'fenland.docx');
    const r = dhr(['export', 'csp-report', '--db', db, '--district', 'fenland', '--as-at', formatUkDate(today), '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const status = JSON.parse(dhr(['status', '--db', db, '--district', 'Fenland', '--json']).stdout) as {
      applicable: number;
      overdue: number;
      dueSoon: number;
      counts: Record<string, number>;
    };
    expect(r.stdout).toBe(`Wrote the DHR progress report for Fenland as at ${formatUkDate(today)} (${status.applicable} applicable recommendations, ${status.overdue} overdue) to ${out}\n`);
    const { document } = await readDocx(out);
    const summary = tables(document).find((rows) => rows[0]!.join('|') === 'Status|Number|What it means')!;
    for (const s of STATUSES) {
      const row = summary.find((x) => x[0]!.startsWith(`${STATUS_DEFAULTS[s].label} (`))!;
      expect(Number(row[1]), s).toBe(status.counts[s]);
    }
    expect(summary.at(-1)!.slice(0, 2)).toEqual(['Total applicable', String(status.applicable)]);
    const text = squash(await docxRawText(out));
    expect(text).toContain(squash(`${status.overdue} ${status.overdue === 1 ? 'recommendation is' : 'recommendations are'} overdue`));
    expect(text).toContain(squash(`${status.dueSoon} ${status.dueSoon === 1 ? 'is' : 'are'} due within 30 days`));
    for (const section of Object.values(CSP_SECTIONS)) expect(text).toContain(squash(section));
  });

  it('accepts yyyy-mm-dd, and --for-publication writes a clean report and says it was checked', () => {
    const out = path.join(dir, 'published.docx');
    const r = dhr(['export', 'csp-report', '--db', db, '--district', 'Peterborough', '--as-at', addDays(today, -30), '--out', out, '--for-publication']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote the DHR progress report for Peterborough as at \d{2}\/\d{2}\/\d{4} \(\d+ applicable recommendations, \d+ overdue\), checked for publication: no real names found, to .*published\.docx\n$/);
    expect(fs.existsSync(out)).toBe(true);
  });

  it('refuses an unknown district, listing the districts, and writes nothing', () => {
    const out = path.join(dir, 'nowhere.docx');
    const r = dhr(['export', 'csp-report', '--db', db, '--district', 'Nowhere', '--as-at', today, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('dhr: There is no district called "Nowhere". Districts: Cambridge City, East Cambridgeshire, Fenland, Huntingdonshire, South Cambridgeshire, Peterborough.\n');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses a date that is not a real date, or in the future, before asking for the passphrase', () => {
    const bad = dhr(['export', 'csp-report', '--db', db, '--district', 'Fenland', '--as-at', '31/02/2026', '--out', path.join(dir, 'x.docx')], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('dhr: The --as-at date "31/02/2026" is not a real date. Give it as dd/mm/yyyy or yyyy-mm-dd, such as 21/11/2026.\n');
    const future = dhr(['export', 'csp-report', '--db', db, '--district', 'Fenland', '--as-at', addDays(today, 2), '--out', path.join(dir, 'x.docx')], {});
    expect(future.code).toBe(2);
    expect(future.stderr).toContain(`is in the future. A progress report can only be as at today (${formatLongDate(today)}) or an earlier day.`);
    expect(outputs()).not.toContain('x.docx');
  });

  it('refuses an output folder that cannot be written, with what to do, leaving nothing behind', () => {
    const name = `dhr-cli-report-${process.pid}.docx`;
    const r = dhr(['export', 'csp-report', '--db', db, '--district', 'Fenland', '--as-at', today, '--out', path.join('/sys', name)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^dhr: Cannot save .* in \/sys: that folder is read-only or you do not have permission to write there\. Choose a folder you can write to/);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(fs.readdirSync('/sys').filter((f) => f.includes('dhr-cli-report'))).toEqual([]);
    const missing = dhr(['export', 'csp-report', '--db', db, '--district', 'Fenland', '--as-at', today, '--out', path.join(dir, 'no-such-folder', 'r.docx')], {});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`dhr: The folder ${path.join(dir, 'no-such-folder')} does not exist. Create it first, or choose another folder.\n`);
  });

  it('says what is missing or does not apply', () => {
    const out = path.join(dir, 'y.docx');
    expect(dhr(['export', 'csp-report', '--db', db, '--as-at', today, '--out', out]).stderr).toBe('dhr: The export csp-report command needs --district NAME, such as --district Fenland.\n');
    expect(dhr(['export', 'csp-report', '--db', db, '--district', 'Fenland', '--out', out]).stderr).toMatch(/needs --as-at DATE/);
    expect(dhr(['export', 'csp-report', '--db', db, '--district', 'Fenland', '--as-at', today, '--out', path.join(dir, 'y.pdf')]).stderr).toMatch(/--out must name a Word file ending in \.docx/);
    expect(dhr(['export', 'csp-report', '--db', db, '--district', 'Fenland', '--as-at', today, '--from', today, '--out', out]).stderr).toMatch(/--from and --to do not apply/);
    expect(outputs()).not.toContain('y.docx');
  });
});

describe('dhr export countywide', () => {
  it('writes the countywide learning report for the period', async () => {
    const out = path.join(dir, 'countywide.docx');
    const from = addDays(today, -365);
    const r = dhr(['export', 'countywide', '--db', db, '--from', formatUkDate(from), '--to', today, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Wrote the DHR countywide learning report for ${formatUkDate(from)} to ${formatUkDate(today)} \\(\\d+ reviews, \\d+ recommendations\\) to .*countywide\\.docx\\n$`));
    const { document } = await readDocx(out);
    expect(document).toMatch(/w:orient="landscape"/);
    const text = squash(await docxRawText(out));
    for (const section of Object.values(COUNTYWIDE_SECTIONS)) expect(text).toContain(squash(section));
  });

  it('refuses a period that ends before it starts, and writes nothing', () => {
    const out = path.join(dir, 'backwards.docx');
    const r = dhr(['export', 'countywide', '--db', db, '--from', '01/04/2026', '--to', '31/03/2026', '--out', out], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dhr: The period ends (31 March 2026) before it starts (1 April 2026). Give an end date on or after the start date.\n');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('needs both ends of the period, and takes no district', () => {
    expect(dhr(['export', 'countywide', '--db', db, '--from', today, '--out', path.join(dir, 'z.docx')]).stderr).toMatch(/needs the period: --from DATE --to DATE/);
    expect(dhr(['export', 'countywide', '--db', db, '--from', today, '--to', today, '--district', 'Fenland', '--out', path.join(dir, 'z.docx')]).stderr).toMatch(/--district does not apply/);
    expect(dhr(['export', 'countywide', '--db', db, '--from', 'yesterday', '--to', today, '--out', path.join(dir, 'z.docx')]).stderr).toMatch(/The --from date "yesterday" is not a real date/);
    expect(outputs()).not.toContain('z.docx');
  });
});

describe('--for-publication with a real name in the store', () => {
  it('refuses, lists each place on one line of stderr, and writes no file', () => {
    const store = openStore(db, PASSPHRASE, TEST_STORE_OPTIONS);
    let name: string;
    try {
      const person = store.db.prepare("SELECT p.real_name AS realName FROM review_people p WHERE p.role = 'victim' LIMIT 1").get() as { realName: string };
      name = person.realName;
      const item = store.db
        .prepare("SELECT u.id FROM progress_updates u JOIN applicability a ON a.id = u.applicability_id JOIN districts d ON d.id = a.district_id WHERE d.name = 'Fenland' ORDER BY u.as_at_date DESC LIMIT 1")
        .get() as { id: string };
      store.db.prepare('UPDATE progress_updates SET note = ? WHERE id = ?').run(`Met ${name} at the surgery.`, item.id);
    } finally {
      store.close();
    }
    const out = path.join(dir, 'refused.docx');
    const r = dhr(['export', 'csp-report', '--db', db, '--district', 'Fenland', '--as-at', today, '--out', out, '--for-publication']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^dhr: Nothing was written\. This report is for publication, but real names from a pseudonym register appear in it/);
    expect(r.stderr).toContain(name);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(fs.existsSync(out)).toBe(false);
    expect(outputs().filter((f) => f.startsWith('.'))).toEqual([]);
    // Without --for-publication the board's copy is written.
    expect(dhr(['export', 'csp-report', '--db', db, '--district', 'Fenland', '--as-at', today, '--out', out]).code).toBe(0);
  });

  it('leaves the store verifying, with the exports in its audit chain', () => {
    const r = dhr(['verify', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/chain intact/);
  });
});

describe('dhr --help', () => {
  it('describes both report commands and their options', () => {
    const help = dhr(['--help'], {}).stdout;
    expect(help).toContain('dhr export csp-report --db FILE --district NAME --as-at DATE --out FILE.docx [--for-publication [--reviewed-first-names]]');
    expect(help).toContain('dhr export countywide --db FILE --from DATE --to DATE --out FILE.docx [--for-publication [--reviewed-first-names]]');
    expect(help).toContain('--for-publication');
    expect(help).toContain('--as-at DATE');
  });
});
