import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, SECURE_WEB_PREFERENCES } from '../../../electron/services/security/policy.ts';

// electron/main/main.ts with electron replaced by recorders: the
// single-instance lock, and that every session and every web contents the app
// creates is hardened, with the secure webPreferences on the window.

const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'dhr-main-'));
afterAll(() => fs.rmSync(userData, { recursive: true, force: true }));

type Listener = (...args: unknown[]) => unknown;
const state = {
  lock: true,
  appListeners: new Map<string, Listener>(),
  quit: vi.fn(),
  windows: [] as Array<{ options: Record<string, unknown>; loaded: string[]; focus: () => void; restore: () => void }>,
  ready: null as null | (() => void),
};

function fakeSession() {
  const s = {
    requestHandler: null as null | Listener,
    checkHandler: null as null | Listener,
    beforeRequest: null as null | Listener,
    setPermissionRequestHandler: (fn: Listener) => (s.requestHandler = fn),
    setPermissionCheckHandler: (fn: Listener) => (s.checkHandler = fn),
    setDevicePermissionHandler: () => {},
    webRequest: { onBeforeRequest: (fn: Listener) => (s.beforeRequest = fn) },
  };
  return s;
}
const defaultSession = fakeSession();

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => [];
    webContents = { send: () => {} };
    record: (typeof state.windows)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [], focus: vi.fn<() => void>(), restore: vi.fn<() => void>() };
      state.windows.push(this.record);
    }
    once() {}
    on() {}
    isMinimized = () => true;
    restore = () => this.record.restore();
    focus = () => this.record.focus();
    loadURL = async (url: string) => void this.record.loaded.push(url);
  }
  return {
    app: {
      requestSingleInstanceLock: () => state.lock,
      quit: state.quit,
      commandLine: { appendSwitch: () => {} },
      getPath: (name: string) => path.join(userData, name),
      getVersion: () => 'test',
      on: (name: string, fn: Listener) => state.appListeners.set(name, fn),
      whenReady: () => new Promise<void>((resolve) => (state.ready = resolve)),
    },
    BrowserWindow,
    Menu: { setApplicationMenu: () => {}, buildFromTemplate: (t: unknown) => t },
    session: { defaultSession },
    protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} },
    ipcMain: { handle: () => {} },
    dialog: {},
    safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text' },
  };
});

beforeEach(() => {
  vi.resetModules();
  state.appListeners.clear();
  state.quit.mockClear();
  state.windows.length = 0;
  state.ready = null;
});

describe('main process start-up', () => {
  it('quits at once when another instance holds the single-instance lock, opening nothing', async () => {
    state.lock = false;
    await import('../../../electron/main/main.ts');
    expect(state.quit).toHaveBeenCalled();
    expect(state.ready).toBeNull();
    expect(state.appListeners.size).toBe(0);
  });

  it('with the lock: hardens the default session, every new session and web contents, and opens one secure window on app://', async () => {
    state.lock = true;
    await import('../../../electron/main/main.ts');
    expect(state.quit).not.toHaveBeenCalled();
    state.ready!();
    await new Promise((resolve) => setTimeout(resolve, 0));

    // Requests: only app:// gets through; permissions are all refused.
    const cancelled = (url: string) => {
      let cancel: boolean | undefined;
      defaultSession.beforeRequest!({ url }, (r: { cancel: boolean }) => (cancel = r.cancel));
      return cancel;
    };
    expect(cancelled('app://dhr/index.html')).toBe(false);
    expect(cancelled('https://example.com/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(defaultSession.checkHandler!()).toBe(false);

    expect(state.windows).toHaveLength(1);
    const window = state.windows[0]!;
    expect(window.options.webPreferences).toEqual({ ...SECURE_WEB_PREFERENCES, preload: expect.stringMatching(/preload\.cjs$/) });
    expect(window.loaded).toEqual([APP_ENTRY_URL]);

    // Any other session or web contents created later is hardened the same way.
    const later = fakeSession();
    state.appListeners.get('session-created')!(later);
    expect(later.beforeRequest).not.toBeNull();
    const contentsListeners = new Map<string, Listener>();
    let openHandler: Listener | undefined;
    state.appListeners.get('web-contents-created')!({}, { on: (n: string, fn: Listener) => contentsListeners.set(n, fn), setWindowOpenHandler: (fn: Listener) => (openHandler = fn) });
    expect([...contentsListeners.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
    expect(openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });

    // A second launch focuses the existing window instead of opening another.
    state.appListeners.get('second-instance')!();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(state.windows).toHaveLength(1);
    state.appListeners.get('before-quit')!();
  });
});

describe('remember on this device, in the shell', () => {
  it('reports Linux’s own backend, and the services refuse basic_text', async () => {
    const { electronSecrets } = await import('../../../electron/main/secrets.ts');
    const { rememberAvailability } = await import('../../../electron/services/security-ops/remembered-passphrases.ts');
    expect(electronSecrets('linux').backend()).toBe('basic_text');
    expect(rememberAvailability(electronSecrets('linux'))).toMatchObject({ available: false });
    expect(electronSecrets('darwin').backend()).toBe('keychain');
    expect(electronSecrets('win32').backend()).toBe('dpapi');
  });
});
