import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/services/store/audit.ts';
import { createStore, openStore } from '../../../electron/services/store/open-store.ts';
import { verifyStore } from '../../../electron/services/store/verify-store.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { TEST_DAY_ENV, TEST_STORE_OPTIONS } from '../../support/clock.ts';

// Repeated SIGKILLs during writes lose no acknowledged write. A child process
// writes in a loop and prints each id once its transaction has committed; it
// is killed at random moments (during its open and recovery as well as its
// writes), and the store is reopened between kills.

const NODE = path.resolve('node_modules/.bin/node');
const WRITER = path.resolve('test/support/crash-writer.ts');
const KILLS = 12;

let dir: string;
let cleanup: () => void;
let file: string;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  file = path.join(dir, 'crash.dhr');
  createStore(file, PASSPHRASE, TEST_STORE_OPTIONS).close();
});
afterAll(() => cleanup());

/** A small deterministic generator, so a failing run can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

function runAndKill(firstId: number, afterFirstAck: boolean, delayMs: number): Promise<{ acked: number[]; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, ['--disable-warning=ExperimentalWarning', WRITER, file, String(firstId)], {
      env: { PATH: process.env.PATH, ...TEST_DAY_ENV, DHR_PASSPHRASE: PASSPHRASE },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (!out && afterFirstAck && !timer) timer = setTimeout(kill, delayMs);
      out += chunk;
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    if (!afterFirstAck) timer = setTimeout(kill, delayMs);
    // Never wait forever: a writer that cannot start is killed too, and the test says why.
    const guard = setTimeout(kill, 15_000);
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      // Only whole lines count: a line cut short by the kill was not acknowledged.
      const lines = out.split('\n');
      lines.pop();
      resolve({ acked: lines.map(Number), signal, stderr });
    });
  });
}

it(`loses no acknowledged write across ${KILLS} SIGKILLs`, async () => {
  const random = rng(20261121);
  const acked: number[] = [];
  let killedWhileWriting = 0;
  for (let i = 0; i < KILLS; i++) {
    // Every third kill comes early, while the writer is still opening (and recovering) the store.
    const early = i % 3 === 2;
    const result = await runAndKill((i + 1) * 1_000_000, !early, Math.round(early ? 50 + random() * 700 : 20 + random() * 400));
    expect(result.signal, `writer ${i} ended by itself: ${result.stderr}`).toBe('SIGKILL');
    acked.push(...result.acked);
    if (result.acked.length) killedWhileWriting++;
    // Reopen between kills, as the app would on the next start: recovery must succeed every time.
    const store = openStore(file, PASSPHRASE, TEST_STORE_OPTIONS);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    store.close();
  }
  expect(killedWhileWriting).toBeGreaterThanOrEqual(KILLS / 2);
  expect(acked.length).toBeGreaterThan(KILLS);

  const report = verifyStore(file, PASSPHRASE);
  expect(report).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyProblems: 0, audit: { ok: true } });
  const store = openStore(file, PASSPHRASE, TEST_STORE_OPTIONS);
  try {
    expect(verifyAuditChain(store.db).ok).toBe(true);
    const present = new Set((store.db.prepare("SELECT key FROM settings WHERE key LIKE 'crash-%'").all() as Array<{ key: string }>).map((r) => Number(r.key.slice(6))));
    const lost = acked.filter((id) => !present.has(id));
    expect(lost).toEqual([]);
    // Each write's audit entry is there too, in the same transaction as the write.
    const audited = new Set((store.db.prepare("SELECT json_extract(detail, '$.id') AS id FROM audit_log WHERE actor = 'crash test'").all() as Array<{ id: number }>).map((r) => r.id));
    expect([...present].filter((id) => !audited.has(id))).toEqual([]);
  } finally {
    store.close();
  }
}, 60_000);
