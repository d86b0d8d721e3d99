// Run as a separate process by the store tests: opens the store named in
// argv, makes WRITES write transactions the way every service does (read the
// chain's end, then append to it), each carrying PADDING characters, and
// prints what happened as JSON.
import { appendAudit } from '../../electron/services/store/audit.ts';
import { openStore } from '../../electron/services/store/open-store.ts';
import { asAppError } from '../../electron/services/store/store-errors.ts';
import { isAppError } from '../../shared/ipc/errors.ts';
import { stampOf } from '../../shared/domain/clock.ts';
import { TEST_STORE_OPTIONS } from './clock.ts';

const [file, passphrase, writes, label, padding = '0'] = process.argv.slice(2) as [string, string, string, string, string?];
let done = 0;
try {
  const store = openStore(file, passphrase, { ...TEST_STORE_OPTIONS, actor: label });
  try {
    for (let i = 0; i < Number(writes); i++) {
      store.db.transaction(() => {
        appendAudit(store.db, store.installationId, { actor: label, action: 'update', entity: 'settings', detail: { i, padding: 'p'.repeat(Number(padding)) } }, stampOf(store.clock));
      })();
      done++;
    }
  } finally {
    store.close();
  }
  process.stdout.write(JSON.stringify({ done }));
} catch (error) {
  const mapped = asAppError(error);
  process.stdout.write(JSON.stringify({ done, error: isAppError(mapped) ? { code: mapped.code, message: mapped.message } : { raw: String((error as Error)?.message ?? error) } }));
}
