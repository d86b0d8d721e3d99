import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REVIEWS } from '../../../electron/services/demo/reviews/index.ts';
import { ACTION_PLAN_COLUMNS } from '../../../electron/services/exports/action-plan-docx.ts';
import { docxRawText, readDocx, squash, tableRows, xmlText } from '../../support/docx.ts';
import { PASSPHRASE, storeFiles, tempDir } from '../../support/temp.ts';
import { TEST_DAY_ENV } from '../../support/clock.ts';

// dhr export action-plan and dhr export recommendations, run as a person
// would run them, against a real demo store.

const BIN = path.resolve('bin/dhr.mjs');
const REVIEW = DEMO_REVIEWS.find((r) => r.reference === 'DHR-PB-2017-01')!;
let dir: string;
let cleanup: () => void;
let db: string;

function dhr(args: string[], env: Record<string, string | undefined> = { DHR_PASSPHRASE: PASSPHRASE }) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...TEST_DAY_ENV, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

beforeAll(() => {
  ({ dir, cleanup } = tempDir('dhr-cli-export-'));
  db = path.join(dir, 'demo.dhr');
  const r = dhr(['demo', '--db', db]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}, 120_000);
afterAll(() => cleanup());

describe('dhr export action-plan', () => {
  it('writes the review\'s action plan, found by its reference in any case, and says where', async () => {
    const out = path.join(dir, 'plan.docx');
    const r = dhr(['export', 'action-plan', '--db', db, '--review', REVIEW.reference.toLowerCase(), '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const actions = REVIEW.recommendations.reduce((n, rec) => n + rec.actions.length, 0);
    expect(r.stdout).toBe(`Wrote the action plan of ${REVIEW.reference} (${REVIEW.recommendations.length} recommendations, ${actions} actions) to ${out}\n`);
    const { document, headers } = await readDocx(out);
    expect(document).toMatch(/w:orient="landscape"/);
    expect(tableRows(document)[0]).toEqual([...ACTION_PLAN_COLUMNS]);
    expect(document.match(/<w:tr>/g)).toHaveLength(1 + actions);
    expect(xmlText(headers[0]!)).toContain(`${REVIEW.reference} · DHR action plan`);
    const text = squash(await docxRawText(out));
    for (const rec of REVIEW.recommendations) {
      expect(text).toContain(squash(rec.text));
      for (const action of rec.actions) expect(text).toContain(squash(action.action));
    }
    const { allXml } = await readDocx(out);
    for (const person of REVIEW.people) expect(allXml).not.toContain(person.realName);
  });

  it('leaves an existing .docx as it is, saying how to replace it, and replaces it with --force', () => {
    const out = path.join(dir, 'again.docx');
    fs.writeFileSync(out, 'an older export');
    const refused = dhr(['export', 'action-plan', '--db', db, '--review', REVIEW.reference, '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`dhr: ${out} already exists, and was left as it is. Add --force to replace it, or choose another file name.\n`);
    expect(fs.readFileSync(out, 'utf8')).toBe('an older export');
    expect(dhr(['export', 'action-plan', '--db', db, '--review', REVIEW.reference, '--out', out, '--force']).code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('is recorded in the audit log, and the store still verifies', () => {
    const r = dhr(['verify', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/chain intact/);
  });
});

describe('dhr export recommendations', () => {
  it('writes the numbered recommendations, portrait', async () => {
    const out = path.join(dir, 'recs.docx');
    const r = dhr(['export', 'recommendations', '--db', db, '--review', REVIEW.reference, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote the recommendations of DHR-PB-2017-01 \(\d+ recommendations, \d+ actions\) to .*recs\.docx\n$/);
    const { document } = await readDocx(out);
    expect(document).not.toMatch(/w:orient="landscape"/);
    const text = squash(await docxRawText(out));
    REVIEW.recommendations.forEach((rec, i) => expect(text).toContain(squash(`${i + 1}. ${rec.text}`)));
  });
});

describe('dhr export bad input: one clear line, non-zero exit, nothing written', () => {
  let notes: string;
  beforeAll(() => {
    notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, 'keep me\n');
    fs.mkdirSync(path.join(dir, 'folder.docx'));
  });
  const ref = REVIEW.reference;
  // name, arguments, the one line on stderr, exit code
  const cases: Array<[string, () => string[], RegExp, number]> = [
    ['no --out', () => ['export', 'action-plan', '--db', db, '--review', ref], /^dhr: The export action-plan command needs --out FILE\.docx, the Word file to write\.$/, 2],
    ['no --review', () => ['export', 'recommendations', '--db', db, '--out', path.join(dir, 'x.docx')], /^dhr: The export recommendations command needs --review REF/, 2],
    ['no --db', () => ['export', 'action-plan', '--review', ref, '--out', path.join(dir, 'x.docx')], /needs --db FILE/, 2],
    ['an --out that is not .docx', () => ['export', 'action-plan', '--db', db, '--review', ref, '--out', notes], /--out must name a Word file ending in \.docx.*notes\.txt" does not\.$/, 2],
    ['the store as --out', () => ['export', 'action-plan', '--db', db, '--review', ref, '--out', db], /--out must name a Word file ending in \.docx/, 2],
    ['an unknown export', () => ['export', 'minutes', '--db', db, '--review', ref, '--out', path.join(dir, 'x.docx')], /Unknown command "export minutes"/, 2],
    ['export without a verb', () => ['export', '--db', db], /dhr export action-plan \| recommendations/, 2],
    ['--out on another command', () => ['stats', '--db', db, '--out', path.join(dir, 'x.docx')], /--out does not apply to dhr stats/, 2],
    ['an unknown review', () => ['export', 'action-plan', '--db', db, '--review', 'DHR-XX-1999-01', '--out', path.join(dir, 'x.docx')], /^dhr: There is no review with the reference DHR-XX-1999-01\. dhr reviews list shows the references\.$/, 1],
    ['a missing folder', () => ['export', 'action-plan', '--db', db, '--review', ref, '--out', path.join(dir, 'nope', 'x.docx')], /^dhr: The folder .*nope does not exist\. Create it first, or choose another folder\.$/, 1],
    ['a read-only place', () => ['export', 'action-plan', '--db', db, '--review', ref, '--out', '/sys/dhr-cli-export.docx'], /^dhr: Cannot save dhr-cli-export\.docx in \/sys: that folder is read-only/, 1],
    ['a folder as --out', () => ['export', 'action-plan', '--db', db, '--review', ref, '--out', path.join(dir, 'folder.docx')], /folder\.docx is a folder\. Give a file name inside it/, 2],
    ['a wrong passphrase', () => ['export', 'action-plan', '--db', db, '--review', ref, '--out', path.join(dir, 'x.docx')], /^dhr: That passphrase does not unlock this store\.$/, 1],
  ];

  it.each(cases)('%s', (name, args, message, code) => {
    const before = fs.readdirSync(dir).sort();
    const store = storeFiles(db).map(digest);
    const r = dhr(args(), { DHR_PASSPHRASE: name === 'a wrong passphrase' ? 'not the passphrase at all' : PASSPHRASE });
    expect(r.code).toBe(code);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
    expect(r.stdout).toBe('');
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(fs.readdirSync(path.join(dir, 'folder.docx'))).toEqual([]);
    expect(fs.readFileSync(notes, 'utf8')).toBe('keep me\n');
    expect(fs.readdirSync('/sys').filter((f) => f.startsWith('dhr-cli-export') || f.includes('.tmp'))).toEqual([]);
    if (!['an unknown review', 'a read-only place', 'a wrong passphrase'].includes(name)) expect(storeFiles(db).map(digest)).toEqual(store);
  });

  it('--help describes the exports and when --out is replaced', () => {
    const r = dhr(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('dhr export action-plan --db FILE --review REF --out FILE.docx');
    expect(r.stdout).toContain('dhr export recommendations --db FILE --review REF --out FILE.docx');
    expect(r.stdout).toMatch(/An existing file there is left as it\s+is unless --force is given/);
    expect(r.stdout).toMatch(/--force\s+Replace a file already at --out/);
  });
});
