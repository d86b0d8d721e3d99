import { isAppError } from '../../../shared/ipc/errors.ts';
import type { Logger } from '../ipc/dispatcher.ts';
import type { Emit, Session, Timers } from '../session/session.ts';
import { backupNow, backupStatus, removeInterruptedBackups, type BackupInfo } from './backups.ts';

// Scheduled backups: while a store is unlocked, a backup is made whenever
// the last one is older than the schedule allows. The timer only ever runs
// while unlocked (a backup needs the open store), and is re-armed after
// every unlock, backup and schedule change.

/** Not in the first minute after unlocking: let the person start work first. */
const FIRST_CHECK_MS = 60_000;
/** Look again at least this often, so a long schedule never needs a timer past setTimeout's limit. */
const MAX_WAIT_MS = 60 * 60_000;
/** After a failure, try again in an hour rather than at once. */
const RETRY_MS = 60 * 60_000;

export function createBackupScheduler(options: { session: Session; emit: Emit; timers?: Timers; log?: Logger }) {
  const timers = options.timers ?? { setTimeout, clearTimeout };
  const clock = options.session.clock;
  const log = options.log ?? console;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastError: string | null = null;

  function clear(): void {
    if (timer) timers.clearTimeout(timer);
    timer = null;
  }

  function arm(minimum = 1000): void {
    clear();
    const store = options.session.current();
    if (!store) return;
    const status = backupStatus(store, clock.now());
    if (status.dueAt === null) return;
    const wait = Math.min(MAX_WAIT_MS, Math.max(minimum, Date.parse(status.dueAt) - clock.now().getTime()));
    timer = timers.setTimeout(tick, wait);
    (timer as { unref?: () => void }).unref?.();
  }

  function progress(done: number, total: number, label: string): void {
    options.emit('task.progress', { task: 'backup', label, done, total });
  }

  /** Back up now, reporting progress; the schedule starts again from this backup. */
  function runNow(): BackupInfo & { removed: string[] } {
    const store = options.session.requireStore();
    try {
      const made = backupNow(store, { onProgress: progress });
      lastError = null;
      return made;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      throw error;
    } finally {
      arm(FIRST_CHECK_MS);
    }
  }

  function tick(): void {
    timer = null;
    const store = options.session.current();
    if (!store) return;
    if (!backupStatus(store, clock.now()).overdue) return arm();
    try {
      runNow();
    } catch (error) {
      if (!isAppError(error)) log.error('Scheduled backup failed', error);
      clear();
      timer = timers.setTimeout(tick, RETRY_MS);
      (timer as { unref?: () => void }).unref?.();
    }
  }

  /** On unlock: what backups cut off by a crash or a kill left behind goes, rather than piling up. */
  function tidy(): void {
    const store = options.session.current();
    if (!store) return;
    try {
      removeInterruptedBackups(store.file);
    } catch (error) {
      // Only tidying: the next backup tries again.
      log.error('Could not remove the files of an interrupted backup', error);
    }
  }

  options.session.onChange((change) => {
    if (change !== 'unlocked') return clear();
    tidy();
    arm(FIRST_CHECK_MS);
  });

  return {
    runNow,
    /** The schedule changed: work out the next backup again. */
    rescheduled: () => arm(FIRST_CHECK_MS),
    lastError: () => lastError,
    stop: clear,
  };
}
export type BackupScheduler = ReturnType<typeof createBackupScheduler>;
