import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REVIEWS } from '../../../electron/services/demo/reviews/index.ts';
import { openStoreReadOnly } from '../../../electron/services/store/open-store.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { DOCX_PACKAGE_HITS, docxPackageDocument, zipOf } from '../anonymity/planted-documents.ts';
import { TEST_DAY_ENV } from '../../support/clock.ts';

// dhr check-anonymity --db FILE DOC.docx, run as a person would run it,
// against a real demo store.

const BIN = path.resolve('bin/dhr.mjs');
let dir: string;
let cleanup: () => void;
let db: string;
let planted: string;

function dhr(args: string[], env: Record<string, string | undefined> = { DHR_PASSPHRASE: PASSPHRASE }) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...TEST_DAY_ENV, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const reviewsHolding = (name: string) =>
  DEMO_REVIEWS.filter((r) => r.people.some((p) => p.realName.toLowerCase().includes(name.toLowerCase())))
    .map((r) => r.reference)
    .join(', ');
function auditedChecks(): Array<{ actor: string; detail: { file: string; hits: number } }> {
  const store = openStoreReadOnly(db, PASSPHRASE);
  try {
    return (store.db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'check-anonymity' ORDER BY seq").all() as Array<{ actor: string; detail: string }>).map((row) => ({
      actor: row.actor,
      detail: JSON.parse(row.detail) as { file: string; hits: number },
    }));
  } finally {
    store.db.close();
  }
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('dhr-cli-anonymity-'));
  db = path.join(dir, 'demo.dhr');
  const r = dhr(['demo', '--db', db]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  planted = path.join(dir, 'draft report.docx');
  fs.writeFileSync(planted, await docxPackageDocument());
}, 120_000);
afterAll(() => cleanup());

describe('dhr check-anonymity', () => {
  it('lists each hit as "Name (REF): location — context" and exits 1, leaving the document untouched', () => {
    const before = digest(planted);
    const r = dhr(['check-anonymity', '--db', db, planted]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(DOCX_PACKAGE_HITS.length);
    for (const hit of DOCX_PACKAGE_HITS) {
      expect(lines.filter((line) => line.startsWith(`${hit.name} (${reviewsHolding(hit.name)}): ${hit.location} — `)), hit.location).toHaveLength(1);
    }
    expect(lines).toContain("Brenda Penhallow (DHR-FL-2016-01): Body, paragraph 2 — Hollie's sister-in-law, Brenda Penhallow, spoke to the panel.");
    expect(r.stderr).toBe(`dhr: real names found in ${DOCX_PACKAGE_HITS.length} places in ${planted}. Replace each with the person's pseudonym before the document is published.\n`);
    expect(digest(planted)).toBe(before);
    expect(auditedChecks().at(-1)).toEqual({ actor: 'dhr command line', detail: { file: 'draft report.docx', hits: DOCX_PACKAGE_HITS.length, changes: [] } });
  });

  it('says so and exits 0 for a clean document, such as the app’s own action plan export', () => {
    const plan = path.join(dir, 'plan.docx');
    expect(dhr(['export', 'action-plan', '--db', db, '--review', 'DHR-FL-2016-01', '--out', plan]).code).toBe(0);
    const r = dhr(['check-anonymity', '--db', db, plan]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`No real names found in ${plan}.\n`);
    expect(r.code).toBe(0);
    expect(auditedChecks().at(-1)!.detail).toEqual({ file: 'plan.docx', hits: 0, changes: [] });
  });

  it('takes a document whose name starts with a dash after --', () => {
    const odd = path.join(dir, '-odd.docx');
    fs.copyFileSync(planted, odd);
    const r = dhr(['check-anonymity', '--db', db, '--', odd]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(DOCX_PACKAGE_HITS.length);
  });
});

describe('dhr check-anonymity bad input: one clear line, non-zero exit, nothing audited', () => {
  beforeAll(() => {
    fs.writeFileSync(path.join(dir, 'notes.docx'), 'These are my notes, not a Word document.\n');
    fs.writeFileSync(path.join(dir, 'half.docx'), fs.readFileSync(planted).subarray(0, 2000));
    fs.writeFileSync(path.join(dir, 'empty-zip.docx'), zipOf({ 'a.txt': 'a' }));
    fs.mkdirSync(path.join(dir, 'folder.docx'));
  });
  const cases: Array<[string, () => string[], number, RegExp, Record<string, string | undefined>?]> = [
    ['no document given', () => ['check-anonymity', '--db', db], 2, /^dhr: Give the Word document to check: dhr check-anonymity --db FILE DOC\.docx\.\n$/],
    ['two documents given', () => ['check-anonymity', '--db', db, planted, planted], 2, /^dhr: Give the Word document to check/],
    ['a missing document', () => ['check-anonymity', '--db', db, path.join(dir, 'missing.docx')], 1, /^dhr: There is no file at .*missing\.docx\. Check the file name and folder\.\n$/],
    ['a folder', () => ['check-anonymity', '--db', db, path.join(dir, 'folder.docx')], 2, /folder\.docx is a folder, not a Word document/],
    ['a text file renamed .docx', () => ['check-anonymity', '--db', db, path.join(dir, 'notes.docx')], 2, /notes\.docx is not a Word document \(\.docx\)\./],
    ['a truncated .docx', () => ['check-anonymity', '--db', db, path.join(dir, 'half.docx')], 2, /half\.docx is damaged and cannot be read/],
    ['a zip without a Word document', () => ['check-anonymity', '--db', db, path.join(dir, 'empty-zip.docx')], 2, /it is a zip file with no Word document inside/],
    ['--out, which does not apply', () => ['check-anonymity', '--db', db, '--out', 'x.docx', planted], 2, /--out does not apply to dhr check-anonymity/],
    ['a missing store', () => ['check-anonymity', '--db', path.join(dir, 'none.dhr'), planted], 1, /^dhr: There is no store at .*none\.dhr/],
    // The document is refused before the passphrase is even asked for.
    ['a bad document and no passphrase', () => ['check-anonymity', '--db', db, path.join(dir, 'notes.docx')], 2, /notes\.docx is not a Word document/, {}],
  ];
  it.each(cases)('%s', (_label, args, code, message, env) => {
    const before = auditedChecks().length;
    const r = dhr(args(), env);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.code).toBe(code);
    expect(auditedChecks().length).toBe(before);
  });

  it('--help describes the command', () => {
    const r = dhr(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dhr check-anonymity --db FILE DOC\.docx\n.*pseudonym\n.*register in a Word document/);
  });
});
