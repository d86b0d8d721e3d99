import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import type { Page } from '@playwright/test';
import { createBackend, type Backend } from '../../electron/services/handlers.ts';
import { serveAppRequest } from '../../electron/services/security/app-protocol.ts';
import { tempDir } from '../support/temp.ts';
import { clockWithTimers } from '../support/clock.ts';

// Runs the built renderer in Chromium against the real backend: real
// handlers, a real encrypted store in a temp folder, and the same app://
// file server and headers (CSP included) as the desktop app. Only the
// transport differs: a Playwright binding instead of Electron IPC.

export const ORIGIN = 'http://dhr.localhost';
const rendererDir = path.resolve('dist/renderer');

let bridgeScript: string | undefined;
function bridge(): string {
  bridgeScript ??= buildSync({
    entryPoints: [path.resolve('test/e2e/bridge/test-preload.ts')],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
  }).outputFiles[0]!.text;
  return bridgeScript;
}

export interface TestApp {
  backend: Backend;
  dir: string;
  /** Move the backend's idle clock on, firing any timers that fall due */
  advance(ms: number): void;
  /** Requests the page tried to make to anywhere but the app itself */
  blockedRequests: string[];
  /** What the open-file dialog will return next */
  openNext: { file: string | null };
  close(): void;
}

export async function startApp(page: Page): Promise<TestApp> {
  const { dir, cleanup } = tempDir('dhr-e2e-');
  fs.mkdirSync(path.join(dir, 'exports'));
  // The backend's one clock, on the test day; advance() moves it on and fires the idle timers that fall due.
  const time = clockWithTimers();
  const backend = createBackend({
    configDir: path.join(dir, 'config'),
    defaultStoreFile: path.join(dir, 'dhr-tracker.dhr'),
    appVersion: 'e2e',
    emit: (event, payload) => {
      page.evaluate(([e, p]) => window.__dhrEmit(e as string, p), [event, payload] as const).catch(() => {
        // The page may be closing; an event it never sees is harmless.
      });
    },
    dialogs: {
      chooseStoreFile: async (purpose) => path.join(dir, purpose === 'create' ? 'chosen.dhr' : 'dhr-tracker.dhr'),
      // Exports go to the test's folder under the name the app suggests, as if the person pressed Save.
      chooseExportFile: async ({ defaultName }) => path.join(dir, 'exports', defaultName),
      // The file a test put in openNext, as if the person picked it in the open dialog.
      chooseOpenFile: async () => openNext.file,
    },
    clock: time.clock,
    timers: time.timers,
  });
  const blockedRequests: string[] = [];
  const openNext: { file: string | null } = { file: null };
  await page.context().route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${ORIGIN}/`)) {
      blockedRequests.push(url);
      return route.abort('blockedbyclient');
    }
    const response = await serveAppRequest(rendererDir, url.replace(ORIGIN, 'app://dhr'));
    return route.fulfill({ status: response.status, headers: response.headers, body: response.body });
  });
  // Replies cross as JSON text: Playwright's own serialisation of a large object (a big matrix) takes
  // far longer than Electron's structured clone, and would swamp what the renderer tests measure.
  await page.exposeBinding('__dhrInvoke', async (_source, channel: unknown, input: unknown) => JSON.stringify(await backend.dispatch(channel, input)));
  await page.addInitScript({ content: bridge() });
  await page.goto(`${ORIGIN}/index.html`);
  return {
    backend,
    dir,
    blockedRequests,
    openNext,
    advance: (ms) => time.advance(ms),
    close() {
      backend.session.close();
      cleanup();
    },
  };
}
