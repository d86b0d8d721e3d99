import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../electron/services/demo/demo-loader.ts';
import { backupFileName, backupFolderFor } from '../../../electron/services/security-ops/backups.ts';
import { rekeyStore, type RekeyStage } from '../../../electron/services/security-ops/rekey.ts';
import { createStore, openStore, openStoreReadOnly } from '../../../electron/services/store/open-store.ts';
import { LOCK_SUFFIX, PARTIAL_SAFETY_SUFFIX, SAFETY_SUFFIX, takeRekeyLock } from '../../../electron/services/store/rekey-recovery.ts';
import { openSecurityBackend } from '../../support/security-backend.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { REKEY_OPTIONS, TEST_DAY_ENV, TEST_STORE_OPTIONS, TEST_TODAY } from '../../support/clock.ts';
import { codeOf, storeContents } from '../../support/store-checks.ts';

// What a passphrase change stopped at each of its stages leaves on disk, and
// how the next open deals with it: through openStore, the app's unlock and
// the dhr commands. The files are caught at each stage of a real change (the
// SIGKILL test, rekey-kill.test.ts, kills real ones at random moments).

const NEW = 'a brand new passphrase for the store';
const NODE = path.resolve('node_modules/.bin/node');
const BIN = path.resolve('bin/dhr.mjs');

let template: { dir: string; cleanup: () => void; file: string };
let dir: string;
let cleanup: () => void;
let file: string;

beforeAll(() => {
  const t = tempDir();
  template = { ...t, file: path.join(t.dir, 'template.dhr') };
  const store = createStore(template.file, PASSPHRASE, TEST_STORE_OPTIONS);
  loadDemo(store, { actor: 'test' });
  store.close();
});
afterAll(() => template.cleanup());
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  file = path.join(dir, 'county.dhr');
});
afterEach(() => cleanup());

/** The store's files as a change left them when stopped right after `stage`: as if killed there. */
function stoppedAt(stage: RekeyStage): void {
  const { dir: work, cleanup: done } = tempDir();
  try {
    const live = path.join(work, 'county.dhr');
    fs.copyFileSync(template.file, live);
    rekeyStore(live, PASSPHRASE, NEW, {
      ...REKEY_OPTIONS,
      onStage: (at) => {
        if (at !== stage) return;
        for (const name of fs.readdirSync(work)) fs.copyFileSync(path.join(work, name), path.join(dir, name));
      },
    });
  } finally {
    done();
  }
}

const contents = (passphrase: string) => storeContents(file, passphrase);

const before = () => {
  fs.copyFileSync(template.file, file);
  const c = contents(PASSPHRASE);
  fs.rmSync(file);
  return c;
};

describe('the next open after a change stopped part-way', () => {
  it('stopped after the copy and the audit entry: the old passphrase gets the store exactly as it was; the new one is told the change was undone', () => {
    const was = before();
    stoppedAt('audited');
    expect(fs.readdirSync(dir).sort()).toEqual(expect.arrayContaining(['county.dhr', `county.dhr${SAFETY_SUFFIX}`, `county.dhr${LOCK_SUFFIX}`]));
    expect(codeOf(() => openStoreReadOnly(file, NEW))).toBe('WRONG_PASSPHRASE');
    // Refusing the new passphrase removed nothing.
    expect(fs.existsSync(file + SAFETY_SUFFIX)).toBe(true);
    // The audit entry for a change that did not happen goes with it.
    expect(contents(PASSPHRASE)).toEqual(was);
    expect(fs.readdirSync(dir)).toEqual(['county.dhr']);
  });

  it('stopped after re-encrypting, before it was checked: the new passphrase keeps the change, checked, and tidies up', () => {
    const was = before();
    stoppedAt('rekeyed');
    const store = openStore(file, NEW, TEST_STORE_OPTIONS);
    store.close();
    expect(fs.readdirSync(dir)).toEqual(['county.dhr']);
    const now = contents(NEW);
    expect(now.stats).toEqual(was.stats);
    expect(now.audit).toEqual({ ok: true, entries: (was.audit as { entries: number }).entries + 1 });
    expect(codeOf(() => openStoreReadOnly(file, PASSPHRASE))).toBe('WRONG_PASSPHRASE');
  });

  it('stopped at the same point: the old passphrase undoes the change instead, since it was never reported done', () => {
    const was = before();
    stoppedAt('rekeyed');
    expect(contents(PASSPHRASE)).toEqual(was);
    expect(fs.readdirSync(dir)).toEqual(['county.dhr']);
    expect(codeOf(() => openStoreReadOnly(file, NEW))).toBe('WRONG_PASSPHRASE');
  });

  it('stopped while the safety copy was being written: the unfinished copy goes and the store is as it was', () => {
    const was = before();
    stoppedAt('locked');
    fs.writeFileSync(file + PARTIAL_SAFETY_SUFFIX, fs.readFileSync(file).subarray(0, 4096));
    expect(contents(PASSPHRASE)).toEqual(was);
    expect(fs.readdirSync(dir)).toEqual(['county.dhr']);
  });

  it('a passphrase that opens neither the store nor its copy changes nothing', () => {
    stoppedAt('rekeyed');
    // (The lock file's own journal, empty, goes whenever its lock is let go.)
    const names = () => fs.readdirSync(dir).filter((n) => !n.endsWith(`${LOCK_SUFFIX}-journal`)).sort();
    const was = names();
    expect(codeOf(() => openStoreReadOnly(file, 'not the passphrase at all'))).toBe('WRONG_PASSPHRASE');
    expect(names()).toEqual(was);
    expect(contents(NEW).integrity).toBe('ok');
  });

  it('while another process holds the change’s lock (it is still running), refuses and touches nothing', () => {
    stoppedAt('rekeyed');
    const names = fs.readdirSync(dir).sort();
    const live = takeRekeyLock(file);
    try {
      expect(codeOf(() => openStoreReadOnly(file, PASSPHRASE))).toBe('CONFLICT');
      expect(codeOf(() => openStoreReadOnly(file, NEW))).toBe('CONFLICT');
      expect(fs.readdirSync(dir).sort()).toEqual(names);
    } finally {
      live.unlock();
    }
    expect(contents(NEW).integrity).toBe('ok');
    expect(fs.readdirSync(dir)).toEqual(['county.dhr']);
  });
});

describe('every way in goes through the recovery', () => {
  function dhr(args: string[], env: Record<string, string>) {
    const r = spawnSync(NODE, ['--disable-warning=ExperimentalWarning', BIN, ...args], { env: { PATH: process.env.PATH, ...TEST_DAY_ENV, ...env }, encoding: 'utf8', timeout: 60_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('dhr stats and dhr rekey', () => {
    const was = before();
    stoppedAt('rekeyed');
    const stats = dhr(['stats', '--db', file, '--json'], { DHR_PASSPHRASE: NEW });
    expect(stats.stderr).toBe('');
    expect(JSON.parse(stats.stdout)).toEqual(was.stats);
    expect(fs.readdirSync(dir)).toEqual(['county.dhr']);

    fs.rmSync(file);
    stoppedAt('audited');
    const again = dhr(['rekey', '--db', file], { DHR_PASSPHRASE: PASSPHRASE, DHR_NEW_PASSPHRASE: NEW });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(contents(NEW).stats).toEqual(was.stats);
    expect(fs.readdirSync(dir)).toEqual(['county.dhr']);
  }, 60_000);

  it('the app’s unlock, which also clears away what interrupted backups left', async () => {
    const app = openSecurityBackend();
    try {
      file = path.join(app.dir, 'county.dhr');
      dir = app.dir;
      stoppedAt('audited');
      const folder = backupFolderFor(file);
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      const partial = path.join(folder, `${backupFileName(file, new Date(`${TEST_TODAY}T08:00:00Z`))}.partial`);
      fs.writeFileSync(partial, fs.readFileSync(file + SAFETY_SUFFIX).subarray(0, 8192));
      const refused = await app.dispatch('session.open', { file, passphrase: NEW });
      expect(refused).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: expect.stringMatching(/interrupted: try the passphrase it had before the change, or the new one/) } });
      expect(await app.ok('session.open', { file, passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked' });
      expect(fs.existsSync(partial)).toBe(false);
      // Open, so in WAL mode: its -wal and -shm are there, and nothing of the change.
      expect(fs.readdirSync(app.dir).filter((n) => n.startsWith('county.dhr')).sort()).toEqual(['county.dhr', 'county.dhr-shm', 'county.dhr-wal']);
    } finally {
      app.close();
    }
  });
});
