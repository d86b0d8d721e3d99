import { AppError } from '../../../shared/ipc/errors.ts';
import type { EventName, EventPayload } from '../../../shared/ipc/contract.ts';
import type { SessionStatus } from '../../../shared/ipc/schemas.ts';
import { createStore, openStore, type Store } from '../store/open-store.ts';
import { readSettings } from '../store/settings-store.ts';
import { isStoreEmpty } from '../store/store-stats.ts';
import { createAppConfig } from './app-config.ts';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface SessionOptions {
  /** Folder for the app's own config (recent files); never case data */
  configDir: string;
  /** Where a new store is suggested to go */
  defaultStoreFile: string;
  appVersion: string;
  emit: Emit;
  /** Injected so tests can drive the idle clock */
  timers?: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout; now: () => number };
}

export type LockReason = EventPayload<'session.locked'>['reason'];

/**
 * The one open store and its lock. Handlers reach the database only through
 * requireStore(), so once the session is locked nothing can read case data
 * until the passphrase is given again.
 */
export function createSession(options: SessionOptions) {
  const timers = options.timers ?? { setTimeout, clearTimeout, now: Date.now };
  const config = createAppConfig(options.configDir);
  let store: Store | null = null;
  let lastFile: string | null = config.read().recentFiles[0] ?? null;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  let autoLockAt = 0;

  function autoLockMinutes(): number {
    return store ? readSettings(store.db).autoLockMinutes : 10;
  }

  function armIdleTimer(): void {
    if (idleTimer) timers.clearTimeout(idleTimer);
    idleTimer = null;
    if (!store) return;
    const ms = autoLockMinutes() * 60_000;
    autoLockAt = timers.now() + ms;
    idleTimer = timers.setTimeout(() => lock('idle'), ms);
    // An idle timer must never keep a CLI or test process alive.
    (idleTimer as { unref?: () => void }).unref?.();
  }

  function status(): SessionStatus {
    return {
      state: store ? 'unlocked' : 'locked',
      file: store?.file ?? lastFile,
      recentFiles: config.read().recentFiles,
      defaultFile: options.defaultStoreFile,
      empty: store ? isStoreEmpty(store.db) : false,
      autoLockMinutes: autoLockMinutes(),
    };
  }

  function adopt(opened: Store): SessionStatus {
    store = opened;
    lastFile = opened.file;
    config.remember(opened.file);
    armIdleTimer();
    return status();
  }

  function closeCurrent(): void {
    if (idleTimer) timers.clearTimeout(idleTimer);
    idleTimer = null;
    const current = store;
    store = null;
    current?.close();
  }

  function lock(reason: LockReason): SessionStatus {
    const wasOpen = store !== null;
    closeCurrent();
    if (wasOpen) options.emit('session.locked', { reason });
    return status();
  }

  return {
    status,
    lock,
    create(file: string, passphrase: string): SessionStatus {
      const created = createStore(file, passphrase, { appVersion: options.appVersion });
      closeCurrent();
      return adopt(created);
    },
    open(file: string, passphrase: string): SessionStatus {
      // Open first: a failed attempt must not lock a store that is already open.
      const opened = openStore(file, passphrase, { appVersion: options.appVersion });
      closeCurrent();
      return adopt(opened);
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
    requireStore(): Store {
      if (!store) throw new AppError('LOCKED', 'The store is locked. Unlock it with your passphrase to continue.');
      return store;
    },
    close(): void {
      closeCurrent();
    },
  };
}
export type Session = ReturnType<typeof createSession>;
