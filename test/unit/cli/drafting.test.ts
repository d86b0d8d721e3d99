import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { docxRawText } from '../../support/docx.ts';
import { TEST_DAY_ENV } from '../../support/clock.ts';

const BIN = path.resolve('bin/dhr.mjs');
let dir: string;
let cleanup: () => void;
let db: string;
const dhr = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...TEST_DAY_ENV, DHR_PASSPHRASE: PASSPHRASE }, encoding: 'utf8', timeout: 60_000 });
beforeAll(() => {
  ({ dir, cleanup } = tempDir('dhr-cli-drafting-'));
  db = path.join(dir, 'demo.dhr');
  expect(dhr(['demo', '--db', db]).status).toBe(0);
});
afterAll(() => cleanup());

it('dhr export overview-skeleton writes the skeleton, and refuses an unwritable folder leaving nothing', async () => {
  const out = path.join(dir, 'overview.docx');
  const r = dhr(['export', 'overview-skeleton', '--db', db, '--review', 'dhr-hu-2024-01', '--out', out]);
  expect(r.status).toBe(0);
  expect(await docxRawText(out)).toMatch(/Lessons to be learned/);
  const bad = dhr(['export', 'overview-skeleton', '--db', db, '--review', 'DHR-HU-2024-01', '--out', '/sys/overview.docx']);
  expect(bad.status).not.toBe(0);
  expect(bad.stderr.trim().split('\n')).toHaveLength(1);
});

it('dhr submission-check lists each item and exits 1 until it passes; --report checks a file', () => {
  const r = dhr(['submission-check', '--db', db, '--review', 'DHR-HU-2024-01', '--json']);
  expect(r.status).toBe(1);
  const check = JSON.parse(r.stdout) as { passed: boolean; items: Array<{ key: string; passed: boolean }> };
  expect(check.passed).toBe(false);
  expect(check.items.map((i) => i.key)).toEqual(['recommendations', 'actions', 'smart', 'csp_approval', 'family', 'anonymity', 'register']);
  const notes = path.join(dir, 'notes.docx');
  fs.writeFileSync(notes, 'not a word document');
  const bad = dhr(['submission-check', '--db', db, '--review', 'DHR-HU-2024-01', '--report', notes]);
  expect(bad.status).not.toBe(0);
  expect(bad.stderr).toMatch(/^dhr: .*(not a Word document|damaged)/);
});
