// A child process for the crash-safety test: opens a store and writes in a
// loop, each write one transaction (a settings row and its audit entry),
// printing the write's id on stdout only after the commit has returned.
// The test kills it with SIGKILL at random moments.
//   node test/support/crash-writer.ts STORE FIRST_ID   (passphrase in DHR_PASSPHRASE)
import { randomBytes } from 'node:crypto';
import { appendAudit } from '../../electron/services/store/audit.ts';
import { openStore } from '../../electron/services/store/open-store.ts';
import { stampOf } from '../../shared/domain/clock.ts';
import { TEST_STORE_OPTIONS } from './clock.ts';

const [file, first] = process.argv.slice(2);
if (!file || !first) throw new Error('usage: crash-writer.ts STORE FIRST_ID');
const store = openStore(file, process.env.DHR_PASSPHRASE ?? '', { ...TEST_STORE_OPTIONS, appVersion: 'crash-test' });
const insert = store.db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
const write = store.db.transaction((id: number) => {
  const at = stampOf(store.clock);
  // Some bulk per write, so pages split and the log grows and is checkpointed while we are killed.
  insert.run(`crash-${id}`, JSON.stringify(randomBytes(300).toString('base64')), at);
  appendAudit(store.db, store.installationId, { actor: 'crash test', action: 'update', entity: 'settings', detail: { id } }, at);
});
for (let id = Number(first); ; id++) {
  write(id);
  // Written synchronously, so a line on stdout always means the write before it was committed.
  process.stdout.write(`${id}\n`);
}
