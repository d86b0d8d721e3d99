import { describeWait, unlockWaitMs } from '../../../shared/domain/unlock-backoff.ts';
import { AppError, isAppError, WRONG_PASSPHRASE_MESSAGE } from '../../../shared/ipc/errors.ts';
import type { EventName, EventPayload } from '../../../shared/ipc/contract.ts';
import type { SessionStatus } from '../../../shared/ipc/schemas.ts';
import { todayOf, type Clock } from '../../../shared/domain/clock.ts';
import type { Secrets } from '../platform.ts';
import { createRememberedPassphrases } from '../security-ops/remembered-passphrases.ts';
import { rekeyStore } from '../security-ops/rekey.ts';
import { createStore, openStore, openStoreReadOnly, type Store } from '../store/open-store.ts';
import { actorName, readSettings } from '../store/settings-store.ts';
import { onCommit } from '../store/sqlite.ts';
import { isStoreEmpty } from '../store/store-stats.ts';
import { createAppConfig } from './app-config.ts';

export type Timers = { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout };

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface SessionOptions {
  /** Folder for the app's own config (recent files); never case data */
  configDir: string;
  /** Where a new store is suggested to go */
  defaultStoreFile: string;
  appVersion: string;
  emit: Emit;
  /** The one clock: stores opened through this session stamp their writes with it, and handlers ask it for today */
  clock: Clock;
  /** Injected so tests can fire the idle timer; the time itself always comes from the clock */
  timers?: Timers;
  /** The OS's secure storage, for "Remember on this device"; absent in tests and the CLI, where nothing is remembered */
  secrets?: Secrets;
}

/**
 * How long after the last write of a burst the store's write-ahead log is
 * folded into the main file. After that the .dhr file alone holds every
 * change, so a copy of just that file (how people move a store), or a -wal
 * file lost after a crash, loses nothing that was saved more than a few
 * seconds before.
 */
export const CHECKPOINT_AFTER_MS = 2000;

export type LockReason = EventPayload<'session.locked'>['reason'];
export type SessionChange = 'unlocked' | 'locked';

/**
 * The one open store and its lock. Handlers reach the database only through
 * requireStore(), so once the session is locked nothing can read case data
 * until the passphrase is given again.
 */
export function createSession(options: SessionOptions) {
  const timers = options.timers ?? { setTimeout, clearTimeout };
  const clock = options.clock;
  const nowMs = () => clock.now().getTime();
  const config = createAppConfig(options.configDir);
  let store: Store | null = null;
  let lastFile: string | null = config.read().recentFiles[0] ?? null;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  let checkpointTimer: ReturnType<typeof setTimeout> | null = null;
  let stopHearingCommits: (() => void) | null = null;
  let autoLockAt = 0;
  const remembered = createRememberedPassphrases(options.configDir, options.secrets);
  const listeners = new Set<(change: SessionChange) => void>();
  // Wrong passphrases in a row, and when the last one was given: after a few, each further try must wait.
  let failures = 0;
  let lastFailureAt = 0;

  function notify(change: SessionChange): void {
    for (const listener of listeners) {
      try {
        listener(change);
      } catch {
        // A listener's trouble (say, a backup schedule) must never stop a lock or an unlock.
      }
    }
  }

  /** Refuse an attempt that comes too soon after too many wrong passphrases. */
  function checkWait(): void {
    const wait = unlockWaitMs(failures);
    if (!wait) return;
    const remaining = lastFailureAt + wait - nowMs();
    if (remaining > 0) {
      throw new AppError('TOO_MANY_ATTEMPTS', `Too many wrong passphrases. Wait ${describeWait(remaining)} before trying again.`);
    }
  }

  /** Run something that checks a passphrase, counting wrong ones and making further tries wait. */
  function attempt<T>(passphrase: string, run: () => T): T {
    checkWait();
    try {
      const result = run();
      failures = 0;
      return result;
    } catch (error) {
      if (!(isAppError(error) && error.code === 'WRONG_PASSPHRASE' && passphrase)) throw error;
      failures++;
      lastFailureAt = nowMs();
      const wait = unlockWaitMs(failures);
      if (!wait) throw error;
      throw new AppError('WRONG_PASSPHRASE', `${error.message} Wait ${describeWait(wait)} before trying again.`, error.fields);
    }
  }

  function autoLockMinutes(): number {
    return store ? readSettings(store.db).autoLockMinutes : 10;
  }

  function armIdleTimer(): void {
    if (idleTimer) timers.clearTimeout(idleTimer);
    idleTimer = null;
    if (!store) return;
    const ms = autoLockMinutes() * 60_000;
    autoLockAt = nowMs() + ms;
    idleTimer = timers.setTimeout(() => lock('idle'), ms);
    // An idle timer must never keep a CLI or test process alive.
    (idleTimer as { unref?: () => void }).unref?.();
  }

  function stopCheckpoints(): void {
    if (checkpointTimer) timers.clearTimeout(checkpointTimer);
    checkpointTimer = null;
    stopHearingCommits?.();
    stopHearingCommits = null;
  }

  /**
   * A write starts the countdown to folding the log into the main file, unless one is already
   * running: so a steady stream of writes is still checkpointed every few seconds.
   */
  function checkpointAfterWrites(opened: Store): void {
    stopCheckpoints();
    const countdown = () => {
      if (checkpointTimer) return;
      checkpointTimer = timers.setTimeout(() => {
        checkpointTimer = null;
        if (store !== opened) return;
        try {
          // PASSIVE: copy what it can without waiting, so a dhr command reading the store meanwhile is never held up.
          opened.db.pragma('wal_checkpoint(PASSIVE)');
        } catch {
          // The next burst, or closing the store, checkpoints again.
        }
      }, CHECKPOINT_AFTER_MS);
      (checkpointTimer as { unref?: () => void }).unref?.();
    };
    stopHearingCommits = onCommit(opened.db, countdown);
    // Creating or migrating the store wrote before anyone was listening.
    countdown();
  }

  function status(): SessionStatus {
    return {
      state: store ? 'unlocked' : 'locked',
      file: store?.file ?? lastFile,
      recentFiles: config.read().recentFiles,
      defaultFile: options.defaultStoreFile,
      empty: store ? isStoreEmpty(store.db) : false,
      autoLockMinutes: autoLockMinutes(),
      today: todayOf(clock),
    };
  }

  function adopt(opened: Store): SessionStatus {
    store = opened;
    checkpointAfterWrites(opened);
    lastFile = opened.file;
    config.remember(opened.file);
    armIdleTimer();
    notify('unlocked');
    return status();
  }

  function closeCurrent(): void {
    if (idleTimer) timers.clearTimeout(idleTimer);
    idleTimer = null;
    stopCheckpoints();
    const current = store;
    store = null;
    current?.close();
    if (current) notify('locked');
  }

  function requireStore(): Store {
    if (!store) throw new AppError('LOCKED', 'The store is locked. Unlock it with your passphrase to continue.');
    return store;
  }

  function open(file: string, passphrase: string, remember?: boolean): SessionStatus {
    // Refused before the passphrase is tried, so nothing is opened only to be let down afterwards.
    if (remember) {
      const availability = remembered.availability();
      if (!availability.available) throw new AppError('UNAVAILABLE', availability.reason ?? 'The passphrase cannot be remembered on this device.');
    }
    // Open first: a failed attempt must not lock a store that is already open.
    const opened = attempt(passphrase, () => openStore(file, passphrase, { appVersion: options.appVersion, clock }));
    closeCurrent();
    const result = adopt(opened);
    try {
      if (remember === true) remembered.save(opened.file, passphrase);
      if (remember === false) remembered.forget(opened.file);
    } catch {
      // The store is open either way; the unlock screen will show it is not remembered.
    }
    return result;
  }

  function lock(reason: LockReason): SessionStatus {
    const wasOpen = store !== null;
    closeCurrent();
    if (wasOpen) options.emit('session.locked', { reason });
    return status();
  }

  return {
    clock,
    status,
    lock,
    create(file: string, passphrase: string): SessionStatus {
      const created = createStore(file, passphrase, { appVersion: options.appVersion, clock });
      closeCurrent();
      return adopt(created);
    },
    open(file: string, passphrase: string, remember?: boolean): SessionStatus {
      return open(file, passphrase, remember);
    },
    /** Whether this device can remember a passphrase, and whether it remembers one for this store. */
    rememberStatus(file: string) {
      return { ...remembered.availability(), remembered: remembered.has(file) };
    },
    /** Unlock with the passphrase remembered on this device. */
    openRemembered(file: string): SessionStatus {
      const passphrase = remembered.recall(file);
      if (passphrase === null) {
        throw new AppError('NOT_FOUND', 'No passphrase is remembered for this store on this device. Enter the passphrase to unlock it.');
      }
      try {
        return open(file, passphrase);
      } catch (error) {
        if (isAppError(error) && error.code === 'WRONG_PASSPHRASE') {
          remembered.forget(file);
          throw new AppError(
            'WRONG_PASSPHRASE',
            `The passphrase remembered on this device no longer unlocks this store (was it changed on another computer?), so it has been forgotten. ${error.message.replace(WRONG_PASSPHRASE_MESSAGE, '').trim() || 'Enter the passphrase to unlock it.'}`,
          );
        }
        throw error;
      }
    },
    forgetRemembered(file: string): void {
      remembered.forget(file);
    },
    /**
     * Change the open store's passphrase. The current passphrase is checked
     * first (wrong ones count towards the wait, as at unlock); the store is
     * then closed, rekeyed and verified, and opened again with whichever
     * passphrase now works.
     */
    changePassphrase(currentPassphrase: string, newPassphrase: string): { file: string } {
      const current = requireStore();
      const file = current.file;
      const actor = actorName(readSettings(current.db));
      attempt(currentPassphrase, () => openStoreReadOnly(file, currentPassphrase).db.close());
      if (idleTimer) timers.clearTimeout(idleTimer);
      idleTimer = null;
      stopCheckpoints();
      store = null;
      current.close();
      let changed = false;
      try {
        rekeyStore(file, currentPassphrase, newPassphrase, { actor, clock });
        changed = true;
      } finally {
        // Whatever happened, the person is left with their store open, under the passphrase that now opens it.
        try {
          store = openStore(file, changed ? newPassphrase : currentPassphrase, { appVersion: options.appVersion, clock });
          checkpointAfterWrites(store);
          armIdleTimer();
        } catch {
          // Cannot happen unless the file was taken away meanwhile: show the unlock screen rather than a dead app.
          notify('locked');
          options.emit('session.locked', { reason: 'manual' });
        }
      }
      if (remembered.has(file)) {
        try {
          remembered.save(file, newPassphrase);
        } catch {
          remembered.forget(file);
        }
      }
      return { file };
    },
    /** The open store, or null when locked (for background work such as scheduled backups). */
    current(): Store | null {
      return store;
    },
    /** Hear about unlocks and locks; returns a function that stops listening. */
    onChange(listener: (change: SessionChange) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Someone is using the app: push the auto-lock back. */
    activity(): { autoLockAt: number } | null {
      if (!store) return null;
      armIdleTimer();
      return { autoLockAt };
    },
    /** Settings changed: the idle timer may need a new length. */
    settingsChanged(): void {
      armIdleTimer();
    },
    requireStore,
    close(): void {
      closeCurrent();
    },
  };
}
export type Session = ReturnType<typeof createSession>;
