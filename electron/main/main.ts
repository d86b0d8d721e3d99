import path from 'node:path';
import { app, BrowserWindow, Menu, session as electronSession } from 'electron';
import { createBackend } from '../services/handlers.ts';
import { systemClock } from '../../shared/domain/clock.ts';
import { APP_ENTRY_URL, SECURE_WEB_PREFERENCES } from '../services/security/policy.ts';
import { electronDialogs } from './dialogs.ts';
import { registerIpc, sendToWindows } from './ipc.ts';
import { buildMenu } from './menu.ts';
import { electronSecrets } from './secrets.ts';
import { handleAppScheme, registerAppScheme } from './protocol.ts';
import { hardenSession, hardenWebContents } from './security.ts';

// The Electron shell: windows, menu, protocol and IPC wiring. Everything it
// calls is plain Node under electron/services.

const distDir = __dirname; // dist/electron, after bundling
const rendererDir = path.join(distDir, '..', 'renderer');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  // Keep the idle/lock decisions in our hands, and make no network requests.
  app.commandLine.appendSwitch('disable-background-networking');
  // UK conventions everywhere: date inputs show dd/mm/yyyy whatever the machine's locale.
  app.commandLine.appendSwitch('lang', 'en-GB');

  let mainWindow: BrowserWindow | null = null;
  const defaultStoreFile = path.join(app.getPath('documents'), 'DHR Tracker', 'dhr-tracker.dhr');

  const backend = createBackend({
    configDir: app.getPath('userData'),
    defaultStoreFile,
    appVersion: app.getVersion(),
    emit: (event, payload) => sendToWindows(BrowserWindow.getAllWindows(), event, payload),
    dialogs: electronDialogs(() => mainWindow, defaultStoreFile, app.getPath('userData')),
    secrets: electronSecrets(),
    clock: systemClock,
  });

  function createWindow(): void {
    // webPreferences are SECURE_WEB_PREFERENCES (electron/services/security/policy.ts), which Electronegativity cannot
    // see through the spread; test/unit/security and test/unit/main/main-wiring.test.ts assert them on this window.
    mainWindow = new BrowserWindow({ /* eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK */ // reason: contextIsolation: true, sandbox: true and disableBlinkFeatures: 'Auxclick' come from SECURE_WEB_PREFERENCES
      width: 1280,
      height: 860,
      minWidth: 900,
      minHeight: 600,
      title: 'DHR Tracker',
      show: false,
      backgroundColor: '#ffffff',
      webPreferences: { ...SECURE_WEB_PREFERENCES, preload: path.join(distDir, 'preload.cjs') }, /* eng-disable PRELOAD_JS_CHECK */ // reason: our own bundled preload, exposing only window.api (typed invoke/on over the contract's channels), never ipcRenderer or Node
    });
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    void mainWindow.loadURL(APP_ENTRY_URL);
  }

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('session-created', (created) => hardenSession(created));
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  void app.whenReady().then(() => {
    hardenSession(electronSession.defaultSession);
    handleAppScheme(rendererDir);
    registerIpc(backend.dispatch, (contents) => mainWindow !== null && contents === mainWindow.webContents);
    Menu.setApplicationMenu(buildMenu({ lockNow: () => backend.session.lock('menu'), quit: () => app.quit() }));
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    backend.session.close();
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => backend.session.close());
}
