import path from 'node:path';
import { createBackend, type Backend } from '../../electron/services/handlers.ts';
import type { Clock } from '../../shared/domain/clock.ts';
import { testClock } from './clock.ts';
import { PASSPHRASE, tempDir } from './temp.ts';

/** A real backend over a real encrypted store in a temp folder, unlocked, for service tests. */
/** exportTo: where the stand-in save dialog puts exports (null: the person cancels). */
/** openFile: the file the stand-in open dialog returns (null: the person cancels). */
/** clock: the backend's one clock (default: the test day). */
export async function openTestBackend(options: { demo?: boolean; exportTo?: (defaultName: string) => string | null; openFile?: () => string | null; clock?: Clock } = {}) {
  const { dir, cleanup } = tempDir();
  const events: Array<[string, unknown]> = [];
  const clock = options.clock ?? testClock();
  const backend: Backend = createBackend({
    configDir: path.join(dir, 'config'),
    defaultStoreFile: path.join(dir, 'dhr-tracker.dhr'),
    appVersion: 'test',
    clock,
    emit: (event, payload) => events.push([event, payload]),
    dialogs: {
      chooseStoreFile: async () => null,
      chooseExportFile: async ({ defaultName }) => options.exportTo?.(defaultName) ?? null,
      chooseOpenFile: async () => options.openFile?.() ?? null,
    },
  });
  /** Call a channel and return its value, or throw with its error message. */
  const ok = async <T = never>(channel: string, input: unknown = {}): Promise<T> => {
    const reply = await backend.dispatch(channel, input);
    if (!reply.ok) throw Object.assign(new Error(`${channel}: ${reply.error.message}`), { reply });
    return reply.value as T;
  };
  const file = path.join(dir, 'test.dhr');
  await ok('session.create', { file, passphrase: PASSPHRASE });
  if (options.demo) await ok('demo.load');
  return {
    backend,
    clock,
    dir,
    file,
    events,
    ok,
    dispatch: backend.dispatch,
    db: () => backend.session.requireStore().db,
    close() {
      backend.session.close();
      cleanup();
    },
  };
}
export type TestBackend = Awaited<ReturnType<typeof openTestBackend>>;
