import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityCommandOf } from '../../../electron/cli/security-commands.ts';
import { openKeyed } from '../../../electron/services/store/sqlite.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { TEST_DAY_ENV } from '../../support/clock.ts';

// dhr backup, restore and rekey, run as a person would: the real bin/dhr.mjs in a child process.

const BIN = path.resolve('bin/dhr.mjs');
const NEW = 'the new passphrase for this store';
let dir: string;
let cleanup: () => void;
let db: string;
let stats: string;

function dhr(args: string[], env: Record<string, string | undefined> = { DHR_PASSPHRASE: PASSPHRASE }) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...TEST_DAY_ENV, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir('dhr-cli-sec-'));
  db = path.join(dir, 'county.dhr');
  expect(dhr(['demo', '--db', db]).code).toBe(0);
  const r = dhr(['stats', '--db', db, '--json']);
  expect(r.code).toBe(0);
  stats = r.stdout;
});
afterAll(() => cleanup());

describe('finding the command', () => {
  it('takes the first word that is not an option or an option’s value', () => {
    expect(securityCommandOf(['backup', '--db', 'x'])).toBe('backup');
    expect(securityCommandOf(['--db', 'x', 'restore', '--from', 'y'])).toBe('restore');
    expect(securityCommandOf(['--db', 'backup', 'stats'])).toBeNull();
    expect(securityCommandOf(['rekey', '--help'])).toBeNull();
    expect(securityCommandOf(['stats', '--db', 'x'])).toBeNull();
  });
});

describe('dhr backup and dhr restore', () => {
  it('round trip: the restored store gives identical dhr stats and passes dhr verify', () => {
    const out = path.join(dir, 'manual.dhr-backup');
    const b = dhr(['backup', '--db', db, '--out', out]);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/^Backed up .* to .*manual\.dhr-backup \([\d,]+ bytes\), encrypted/);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const restored = path.join(dir, 'restored.dhr');
    const r = dhr(['restore', '--from', out, '--db', restored]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/integrity ok, schema version \d+, audit chain intact/);
    expect(dhr(['stats', '--db', restored, '--json']).stdout).toBe(stats);
    expect(dhr(['verify', '--db', restored]).code).toBe(0);
  });

  it('without --out, backs up into the folder beside the store', () => {
    const r = dhr(['backup', '--db', db]);
    expect(r.code).toBe(0);
    const folder = path.join(dir, 'county-backups');
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.dhr-backup'))).toHaveLength(1);
  });

  it('never overwrites: an existing --out, or an existing restore target, is refused with one line', () => {
    const taken = path.join(dir, 'taken.dhr');
    fs.writeFileSync(taken, 'keep me');
    const b = dhr(['backup', '--db', db, '--out', taken]);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/^dhr: .*taken\.dhr already exists, and a backup never overwrites a file\. Choose a new file name\.\n$/);
    const r = dhr(['restore', '--from', path.join(dir, 'manual.dhr-backup'), '--db', taken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a restore never overwrites a store/);
    expect(fs.readFileSync(taken, 'utf8')).toBe('keep me');
  });

  it('explains missing options', () => {
    expect(dhr(['restore', '--db', path.join(dir, 'x.dhr')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/needs --from BACKUP/) });
    expect(dhr(['backup'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/needs --db FILE/) });
    expect(dhr(['rekey', '--db', db, '--from', 'x'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--from does not apply to dhr rekey/) });
    expect(dhr(['--help']).stdout).toMatch(/dhr backup {2}--db FILE \[--out FILE\][\s\S]*dhr restore --from BACKUP --db NEWFILE[\s\S]*dhr rekey {3}--db FILE[\s\S]*DHR_NEW_PASSPHRASE/);
  });
});

describe('dhr rekey', () => {
  it('changes the passphrase: same dhr stats under the new one, the old one refused, a backup round trip still identical', () => {
    const copy = path.join(dir, 'rekeyed.dhr');
    fs.copyFileSync(db, copy);
    const noNew = dhr(['rekey', '--db', copy]);
    expect(noNew).toMatchObject({ code: 2, stderr: expect.stringMatching(/No new passphrase given\. Set DHR_NEW_PASSPHRASE/) });
    const weak = dhr(['rekey', '--db', copy], { DHR_PASSPHRASE: PASSPHRASE, DHR_NEW_PASSPHRASE: 'short' });
    expect(weak).toMatchObject({ code: 1, stderr: 'dhr: The passphrase must be at least 12 characters long.\n' });
    const r = dhr(['rekey', '--db', copy], { DHR_PASSPHRASE: PASSPHRASE, DHR_NEW_PASSPHRASE: NEW });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/the new passphrase opens it and the old one no longer does/);
    expect(dhr(['stats', '--db', copy, '--json'])).toMatchObject({ code: 1, stderr: 'dhr: That passphrase does not unlock this store.\n' });
    expect(dhr(['stats', '--db', copy, '--json'], { DHR_PASSPHRASE: NEW }).stdout).toBe(stats);
    expect(dhr(['verify', '--db', copy], { DHR_PASSPHRASE: NEW }).code).toBe(0);
    const out = path.join(dir, 'rekeyed.dhr-backup');
    expect(dhr(['backup', '--db', copy, '--out', out], { DHR_PASSPHRASE: NEW }).code).toBe(0);
    const restored = path.join(dir, 'rekeyed-restored.dhr');
    expect(dhr(['restore', '--from', out, '--db', restored], { DHR_PASSPHRASE: NEW }).code).toBe(0);
    expect(dhr(['stats', '--db', restored, '--json'], { DHR_PASSPHRASE: NEW }).stdout).toBe(stats);
  });
});

describe('dhr verify and the audit chain', () => {
  it('fails a store whose audit row was edited by hand, naming the first broken entry', () => {
    const tampered = path.join(dir, 'tampered.dhr');
    fs.copyFileSync(db, tampered);
    const raw = openKeyed(tampered, PASSPHRASE, { readonly: false });
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare(`UPDATE audit_log SET actor = 'someone else' WHERE seq = 2`).run();
    raw.close();
    const r = dhr(['verify', '--db', tampered]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Audit log: {7}BROKEN at entry 2: entry 2 was altered after it was written/);
    expect(r.stdout).toMatch(/PROBLEMS FOUND/);
    // And a backup of it cannot be restored as if it were sound.
    const out = path.join(dir, 'tampered.dhr-backup');
    expect(dhr(['backup', '--db', tampered, '--out', out])).toMatchObject({ code: 1, stderr: expect.stringMatching(/store’s own audit log does not check out \(entry 2 was altered after it was written\), so no backup was made/) });
    expect(fs.existsSync(out)).toBe(false);
  });
});
