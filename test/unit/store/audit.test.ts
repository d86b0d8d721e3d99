import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../../electron/services/store/audit.ts';
import { createStore, type Store } from '../../../electron/services/store/open-store.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { TEST_STORE_OPTIONS } from '../../support/clock.ts';
import { stampOf } from '../../../shared/domain/clock.ts';

let store: Store;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  store = createStore(path.join(t.dir, 'a.dhr'), PASSPHRASE, TEST_STORE_OPTIONS);
  for (let i = 0; i < 5; i++) appendAudit(store.db, store.installationId, { actor: 'test', action: 'update', entity: 'settings', detail: { i } }, stampOf(store.clock));
});
afterEach(() => {
  store.close();
  cleanup();
});

it('chains every entry to the one before', () => {
  expect(verifyAuditChain(store.db)).toEqual({ ok: true, entries: 6 });
});

it('refuses updates and deletes', () => {
  expect(() => store.db.prepare("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2").run()).toThrow(/append-only/);
  expect(() => store.db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/append-only/);
});

it('detects an entry edited behind the triggers, naming the first broken one', () => {
  store.db.exec('DROP TRIGGER audit_log_no_update');
  store.db.prepare(`UPDATE audit_log SET detail = '{"i":99}' WHERE seq = 3`).run();
  expect(verifyAuditChain(store.db)).toMatchObject({ ok: false, firstBrokenSeq: 3, problem: expect.stringMatching(/altered/) });
});

it('detects a removed entry', () => {
  store.db.exec('DROP TRIGGER audit_log_no_delete');
  store.db.prepare('DELETE FROM audit_log WHERE seq = 4').run();
  expect(verifyAuditChain(store.db)).toMatchObject({ ok: false, firstBrokenSeq: 5, problem: expect.stringMatching(/removed or reordered/) });
});
