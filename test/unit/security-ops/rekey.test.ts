import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rekeyStore, SAFETY_SUFFIX } from '../../../electron/services/security-ops/rekey.ts';
import { createStore, openStore, openStoreReadOnly } from '../../../electron/services/store/open-store.ts';
import { loadDemo } from '../../../electron/services/demo/demo-loader.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { REKEY_OPTIONS, TEST_STORE_OPTIONS } from '../../support/clock.ts';
import { codeOf, storeContents } from '../../support/store-checks.ts';

const NEW = 'a brand new passphrase for the store';
let dir: string;
let cleanup: () => void;
let file: string;

function opens(passphrase: string): boolean {
  try {
    openStoreReadOnly(file, passphrase).db.close();
    return true;
  } catch (error) {
    expect((error as { code?: string }).code).toBe('WRONG_PASSPHRASE');
    return false;
  }
}

const stats = (passphrase: string) => storeContents(file, passphrase);

// One demo store, made once; each test works on its own copy.
let template: { dir: string; cleanup: () => void; file: string };
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
  file = path.join(dir, 'store.dhr');
  fs.copyFileSync(template.file, file);
});
afterEach(() => cleanup());

describe('changing the passphrase', () => {
  it('rekeys the store: the new passphrase opens it with the same data, the old one no longer does, and the change is audited', () => {
    const before = stats(PASSPHRASE);
    expect(rekeyStore(file, PASSPHRASE, NEW, { ...REKEY_OPTIONS, actor: 'tester' })).toEqual({ file });
    expect(opens(PASSPHRASE)).toBe(false);
    expect(opens(NEW)).toBe(true);
    const after = stats(NEW);
    expect(after.stats).toEqual(before.stats);
    expect(after.integrity).toBe('ok');
    expect(after.audit).toEqual({ ok: true, entries: (before.audit as { entries: number }).entries + 1 });
    const { db } = openStoreReadOnly(file, NEW);
    expect(db.prepare('SELECT actor, action, entity FROM audit_log ORDER BY seq DESC LIMIT 1').get()).toEqual({ actor: 'tester', action: 'change-passphrase', entity: 'store' });
    db.close();
    // Left at rest as one private file: no safety copy, journal, -wal or -shm.
    expect(fs.readdirSync(dir)).toEqual(['store.dhr']);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('leaves WAL mode first, even when the store was left in WAL mode with a log to fold in', () => {
    const store = openStore(file, PASSPHRASE, TEST_STORE_OPTIONS);
    store.db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('walProbe', '1', 'now')").run();
    // What a crash leaves: the file and its write-ahead log, holding a committed write not yet folded in.
    const crashed = path.join(dir, 'crashed.dhr');
    fs.copyFileSync(file, crashed);
    fs.copyFileSync(`${file}-wal`, `${crashed}-wal`);
    store.close();
    file = crashed;
    rekeyStore(file, PASSPHRASE, NEW, REKEY_OPTIONS);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const { db } = openStoreReadOnly(file, NEW);
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.prepare("SELECT value FROM settings WHERE key = 'walProbe'").get()).toEqual({ value: '1' });
    db.close();
  });

  it('refuses a wrong current passphrase, a short new one and an unchanged one, changing nothing', () => {
    const bytes = fs.readFileSync(file);
    expect(codeOf(() => rekeyStore(file, 'not the right passphrase', NEW, REKEY_OPTIONS))).toBe('WRONG_PASSPHRASE');
    expect(codeOf(() => rekeyStore(file, PASSPHRASE, 'too short', REKEY_OPTIONS))).toBe('WEAK_PASSPHRASE');
    expect(codeOf(() => rekeyStore(file, PASSPHRASE, PASSPHRASE, REKEY_OPTIONS))).toBe('INVALID_INPUT');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses while the store is open elsewhere, and it still opens with the old passphrase', () => {
    const other = openStore(file, PASSPHRASE, TEST_STORE_OPTIONS);
    try {
      expect(codeOf(() => rekeyStore(file, PASSPHRASE, NEW, REKEY_OPTIONS))).toBe('CONFLICT');
    } finally {
      other.close();
    }
    expect(opens(PASSPHRASE)).toBe(true);
    expect(fs.existsSync(file + SAFETY_SUFFIX)).toBe(false);
  });

  it('on a failure after the safety copy, leaves the store opening with the old passphrase', () => {
    const before = stats(PASSPHRASE).stats;
    expect(() =>
      rekeyStore(file, PASSPHRASE, NEW, {
        ...REKEY_OPTIONS,
        onStage: (stage) => {
          if (stage === 'copied') throw new Error('simulated crash before the change');
        },
      }),
    ).toThrow(/simulated crash/);
    expect(opens(PASSPHRASE)).toBe(true);
    expect(opens(NEW)).toBe(false);
    expect(stats(PASSPHRASE).stats).toEqual(before);
    expect(fs.existsSync(file + SAFETY_SUFFIX)).toBe(false);
  });

  it('when the rekeyed file does not verify, puts the safety copy back so the old passphrase works', () => {
    const before = stats(PASSPHRASE);
    let error: unknown;
    try {
      rekeyStore(file, PASSPHRASE, NEW, {
        ...REKEY_OPTIONS,
        onStage: (stage) => {
          if (stage !== 'rekeyed') return;
          // Damage a page of the rekeyed file, as a bad disk might.
          const fd = fs.openSync(file, 'r+');
          fs.writeSync(fd, Buffer.alloc(512, 0x5a), 0, 512, 4096 * 3 + 100);
          fs.closeSync(fd);
        },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'VERIFY_FAILED', message: expect.stringMatching(/undone.*still opens with its current passphrase/) });
    expect(opens(PASSPHRASE)).toBe(true);
    expect(stats(PASSPHRASE)).toEqual(before);
    expect(fs.readdirSync(dir)).toEqual(['store.dhr']);
  });

  it('tidies what an unfinished change left before starting, when the store opens and checks out', () => {
    // Not a copy the current passphrase opens, while the store does: it is removed, and the change goes ahead.
    fs.writeFileSync(file + SAFETY_SUFFIX, 'left behind');
    rekeyStore(file, PASSPHRASE, NEW, REKEY_OPTIONS);
    expect(opens(NEW)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['store.dhr']);
  });
});
