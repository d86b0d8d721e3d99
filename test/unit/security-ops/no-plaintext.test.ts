import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_DAY_ENV } from '../../support/clock.ts';

// No plaintext at rest. The whole journey (test/support/plaintext-journey.ts)
// runs through the real backend in a child process whose TMPDIR and HOME are
// folders of this test's own, with canary strings in a review's pseudonym
// register, a recommendation, a progress note and an attachment. Afterwards
// every file it left is scanned for the canary in UTF-8 and UTF-16: the only
// hits allowed are files the person explicitly exported.

const NODE = path.resolve('node_modules/.bin/node');
const JOURNEY = path.resolve('test/support/plaintext-journey.ts');
const CANARY = `CANARY-5b1e-${randomUUID()}`;

let root: string;
let summary: { dataDir: string; store: string; backup: string; exportsDir: string; exported: string[] };
let started: number;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dhr-plaintext-'));
  for (const sub of ['tmp', 'home']) fs.mkdirSync(path.join(root, sub));
  // The file system's own time, not the test's clock: it is what stamps the files the journey writes.
  const marker = path.join(root, 'started');
  fs.writeFileSync(marker, '');
  started = fs.statSync(marker).mtimeMs - 1000;
  const run = spawnSync(NODE, ['--disable-warning=ExperimentalWarning', JOURNEY, CANARY], {
    env: { PATH: process.env.PATH, ...TEST_DAY_ENV, TMPDIR: path.join(root, 'tmp'), HOME: path.join(root, 'home'), TZ: 'Europe/London' },
    encoding: 'utf8',
    timeout: 90_000,
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  summary = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const NEEDLES = [Buffer.from(CANARY, 'utf8'), Buffer.from(CANARY, 'utf16le'), Buffer.from(CANARY, 'utf16le').swap16()];

function filesUnder(dir: string, newerThan = 0): string[] {
  const found: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return found; // another user's folder, or gone meanwhile
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full, newerThan));
    else if (entry.isFile()) {
      const stat = fs.statSync(full, { throwIfNoEntry: false });
      if (stat && stat.mtimeMs >= newerThan && stat.size < 200_000_000) found.push(full);
    }
  }
  return found;
}

function hits(files: string[]): string[] {
  return files.filter((file) => {
    try {
      const bytes = fs.readFileSync(file);
      return NEEDLES.some((needle) => bytes.includes(needle));
    } catch {
      return false;
    }
  });
}

it('the journey wrote its store, a backup and the exports inside the folders given to it', () => {
  expect(summary.dataDir.startsWith(path.join(root, 'tmp'))).toBe(true);
  const files = filesUnder(root);
  expect(files).toContain(summary.store);
  expect(files).toContain(summary.backup);
  expect(summary.exported).toHaveLength(2);
  for (const file of summary.exported) expect(files).toContain(file);
  // Locked at the end: the store is one file at rest, with no -wal or -shm beside it.
  expect(fs.existsSync(`${summary.store}-wal`)).toBe(false);
  expect(fs.existsSync(`${summary.store}-shm`)).toBe(false);
});

it('finds the canary nowhere but in what was explicitly exported (scan of the data dir, TMPDIR and HOME)', () => {
  const found = hits(filesUnder(root));
  const unexpected = found.filter((file) => !summary.exported.includes(file));
  expect(unexpected).toEqual([]);
  // The scan can fail: the attachment saved back out holds the canary in plain text, and is found.
  expect(found).toContain(summary.exported.find((f) => f.endsWith('.pdf')));
});

it('left nothing with the canary in the machine’s shared temp folders either', () => {
  const shared = [os.tmpdir(), '/var/tmp'].filter((dir, i, all) => all.indexOf(dir) === i && fs.existsSync(dir));
  const files = shared.flatMap((dir) => filesUnder(dir, started)).filter((file) => !file.startsWith(root + path.sep));
  expect(hits(files)).toEqual([]);
});
