import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStore } from '../../../electron/services/store/verify-store.ts';
import { createStore, openStoreReadOnly } from '../../../electron/services/store/open-store.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { TEST_STORE_OPTIONS } from '../../support/clock.ts';

// Two processes writing the same store at once, as when two dhr imports run
// together or a dhr command runs while the app saves: each write must wait
// its turn, never fail with SQLite's "database is locked", and lose nothing.

const NODE = path.resolve('node_modules/node/bin/node');
const CHILD = path.resolve('test/support/store-writer-child.ts');

interface ChildResult {
  done: number;
  error?: { code?: string; message?: string; raw?: string };
}

function writer(file: string, writes: number, label: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, ['--no-warnings', CHILD, file, PASSPHRASE, String(writes), label], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(out) as ChildResult);
      } catch {
        reject(new Error(`writer ${label} printed ${out} ${err}`));
      }
    });
  });
}

const auditEntries = (file: string) => {
  const { db } = openStoreReadOnly(file, PASSPHRASE);
  try {
    return (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('dhr-concurrent-')));
afterAll(() => cleanup());

describe('two processes writing one store at once', () => {
  it('take turns: every write lands, none fails, the audit chain stays whole', { timeout: 240_000 }, async () => {
    const file = path.join(dir, 'shared.dhr');
    createStore(file, PASSPHRASE, TEST_STORE_OPTIONS).close();
    const runs = 8;
    const writes = 40;
    let expected = auditEntries(file);
    const failures: ChildResult[] = [];
    for (let run = 0; run < runs; run++) {
      const results = await Promise.all([writer(file, writes, `first ${run}`), writer(file, writes, `second ${run}`)]);
      for (const r of results) if (r.error || r.done !== writes) failures.push(r);
      expected += results.reduce((sum, r) => sum + r.done, 0);
    }
    expect(failures).toEqual([]);
    expect(auditEntries(file)).toBe(expected);
    const report = verifyStore(file, PASSPHRASE);
    expect(report.integrity).toEqual(['ok']);
    expect(report.audit.ok).toBe(true);
  });
});
