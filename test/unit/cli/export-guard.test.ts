import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/services/store/open-store.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { TEST_DAY_ENV, TEST_STORE_OPTIONS, TEST_TODAY } from '../../support/clock.ts';

// The anonymity guard on every export from the command line, run as a
// person would run dhr, against a real demo store with words planted in a
// recommendation: a real name refuses the export (one line on stderr, no
// file); first names alone stop it until --reviewed-first-names; the
// analysts' export goes ahead with a name only with --internal, marked
// OFFICIAL-SENSITIVE.

const BIN = path.resolve('bin/dhr.mjs');
let dir: string;
let cleanup: () => void;
let db: string;

function dhr(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...TEST_DAY_ENV, DHR_PASSPHRASE: PASSPHRASE }, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let original = '';
/** Put words at the end of DHR-FL-2016-01's first recommendation (nothing: put it back). */
function plant(words: string) {
  const store = openStore(db, PASSPHRASE, TEST_STORE_OPTIONS);
  try {
    const row = store.db.prepare("SELECT r.id, r.text FROM recommendations r JOIN reviews v ON v.id = r.review_id WHERE v.reference = 'DHR-FL-2016-01' AND r.position = 1").get() as { id: string; text: string };
    if (!original) original = row.text;
    store.db.prepare('UPDATE recommendations SET text = ? WHERE id = ?').run(words ? `${original} ${words}` : original, row.id);
  } finally {
    store.close();
  }
}
function auditDetails(): Array<Record<string, unknown>> {
  const store = openStore(db, PASSPHRASE, TEST_STORE_OPTIONS);
  try {
    return (store.db.prepare("SELECT detail FROM audit_log WHERE action = 'export' ORDER BY seq").all() as Array<{ detail: string }>).map((r) => JSON.parse(r.detail));
  } finally {
    store.close();
  }
}
const outputs = () => fs.readdirSync(dir).filter((f) => !/\.dhr(-wal|-shm)?$/.test(f));

beforeAll(() => {
  ({ dir, cleanup } = tempDir('dhr-cli-export-guard-'));
  db = path.join(dir, 'demo.dhr');
  expect(dhr(['demo', '--db', db]).code).toBe(0);
}, 120_000);
afterAll(() => cleanup());

const WORD_COMMANDS = ['action-plan', 'recommendations', 'overview-skeleton', 'executive-summary-skeleton'];

describe('the Word exports', () => {
  it('each refuses a real name planted in a recommendation, on one line of stderr, writing nothing', () => {
    plant('Joanna Penhallow told her GP about the abuse.');
    for (const command of WORD_COMMANDS) {
      const out = path.join(dir, `${command}.docx`);
      const r = dhr(['export', command, '--db', db, '--review', 'DHR-FL-2016-01', '--out', out]);
      expect(r.code, command).toBe(1);
      expect(r.stdout, command).toBe('');
      expect(r.stderr, command).toMatch(/^dhr: Nothing was written\. The .* of DHR-FL-2016-01 .* real names from a pseudonym register appear in it in .*: Joanna Penhallow \(DHR-FL-2016-01\): .*Joanna Penhallow told her GP/);
      expect(r.stderr.split('\n'), command).toHaveLength(2);
    }
    expect(outputs()).toEqual([]);
  });

  it('refuses a surname in look-alike letters (a Cyrillic Р)', () => {
    plant('Mrs \u0420enhallow was seen.');
    const r = dhr(['export', 'action-plan', '--db', db, '--review', 'DHR-FL-2016-01', '--out', path.join(dir, 'plan.docx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Penhallow (DHR-FL-2016-01): ');
    expect(outputs()).toEqual([]);
  });

  it('stops at first names alone, naming the flag, and writes with --reviewed-first-names (audited without the names)', () => {
    plant('Joanna and Rosalind were both seen.');
    const out = path.join(dir, 'recommendations.docx');
    const refused = dhr(['export', 'recommendations', '--db', db, '--review', 'DHR-FL-2016-01', '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^dhr: Nothing was written yet\. .* These are first names only: .*Joanna \(DHR-FL-2016-01, first name only: check whether it is this person\): .*Rosalind \(DHR-EC-2022-01, first name only/);
    expect(refused.stderr).toMatch(/run the command again with --reviewed-first-names\.\n$/);
    expect(fs.existsSync(out)).toBe(false);
    const r = dhr(['export', 'recommendations', '--db', db, '--review', 'DHR-FL-2016-01', '--out', out, '--reviewed-first-names']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote the recommendations of DHR-FL-2016-01 \(.*\), after you reviewed 2 first names found on their own, to /);
    const detail = auditDetails().at(-1)!;
    expect(detail).toMatchObject({ export: 'recommendations', firstNamesReviewed: 2 });
    expect(JSON.stringify(detail)).not.toMatch(/Joanna|Rosalind/);
    const skeleton = dhr(['export', 'overview-skeleton', '--db', db, '--review', 'DHR-FL-2016-01', '--out', path.join(dir, 'skeleton.docx'), '--reviewed-first-names']);
    expect(skeleton.code).toBe(0);
    expect(auditDetails().at(-1)).toMatchObject({ export: 'overview report skeleton', firstNamesReviewed: 4 });
    fs.rmSync(out);
    fs.rmSync(path.join(dir, 'skeleton.docx'));
  });

  it('a report for publication takes --reviewed-first-names too, and only with --for-publication', () => {
    plant('Rosalind was seen.');
    const out = path.join(dir, 'report.docx');
    const args = ['export', 'csp-report', '--db', db, '--district', 'Fenland', '--as-at', TEST_TODAY, '--out', out];
    expect(dhr([...args, '--for-publication']).stderr).toMatch(/^dhr: Nothing was written yet\. This report is for publication, .*Rosalind \(DHR-EC-2022-01, first name only/);
    expect(dhr([...args, '--reviewed-first-names']).stderr).toMatch(/--reviewed-first-names applies only with --for-publication/);
    const r = dhr([...args, '--for-publication', '--reviewed-first-names']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/checked for publication: no real names found, after you reviewed one first name found on its own, to /);
    fs.rmSync(out);
  });
});

describe('dhr export xlsx and dhr export csv', () => {
  it('refuse a real name in the text unless --internal, saying how', () => {
    plant('Joanna Penhallow told her GP.');
    for (const [format, file] of [['xlsx', 'data.xlsx'], ['csv', 'data.zip']] as const) {
      const r = dhr(['export', format, '--db', db, '--out', path.join(dir, file)]);
      expect(r.code, format).toBe(1);
      expect(r.stderr, format).toMatch(/^dhr: Nothing was written\. The export for analysts holds pseudonyms only, but real names .*: Joanna Penhallow \(DHR-FL-2016-01\): Recommendations sheet, row \d+, column Recommendation — .* make an internal export, marked OFFICIAL-SENSITIVE\.\n$/);
    }
    expect(outputs()).toEqual([]);
  });

  it('--internal writes the workbook marked OFFICIAL-SENSITIVE, says so, suggests a marked name and audits it as internal', () => {
    plant('Joanna Penhallow told her GP.');
    const out = path.join(dir, 'data.xlsx');
    const r = dhr(['export', 'xlsx', '--db', db, '--out', out, '--internal']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote .* \(internal, marked OFFICIAL-SENSITIVE: real names in one place\) to .*data\.xlsx\nIts name does not say OFFICIAL-SENSITIVE; consider naming it "DHR Tracker data \d{2}-\d{2}-\d{4} OFFICIAL-SENSITIVE\.xlsx"/);
    const parts = unzipSync(fs.readFileSync(out));
    expect(strFromU8(parts['xl/workbook.xml']!)).toMatch(/<sheets><sheet name="OFFICIAL-SENSITIVE"/);
    expect(auditDetails().at(-1)).toMatchObject({ internal: true, marking: 'OFFICIAL-SENSITIVE', namesFound: 1 });
    const csv = path.join(dir, 'data OFFICIAL-SENSITIVE.zip');
    const c = dhr(['export', 'csv', '--db', db, '--out', csv, '--internal']);
    expect(c.code).toBe(0);
    expect(c.stdout).not.toContain('consider naming it');
    expect(strFromU8(unzipSync(fs.readFileSync(csv))['recommendations.csv']!)).toMatch(/^\uFEFF?OFFICIAL-SENSITIVE,/);
    fs.rmSync(out);
    fs.rmSync(csv);
  });

  it('--internal and --reviewed-first-names apply to no other command', () => {
    expect(dhr(['pack', 'export', '--db', db, '--out', path.join(dir, 'p.dhrpack'), '--internal']).stderr).toMatch(/--internal does not apply to dhr pack export/);
    expect(dhr(['stats', '--db', db, '--reviewed-first-names']).stderr).toMatch(/--reviewed-first-names does not apply to dhr stats/);
  });
});
