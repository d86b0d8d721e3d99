import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

// Launches the real desktop app. Electron's binary cannot be downloaded on
// the build machine (ELECTRON_SKIP_BINARY_DOWNLOAD=1), so this skips there
// and runs wherever `npm install` fetched it.
// Found the way electron's own index.js does, but without its fallback of
// downloading the binary, which would try the network from a test.
function electronBinary(): string | null {
  const packageDir = path.resolve('node_modules/electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist'), fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const main = path.resolve('dist/electron/main.cjs');

test('the desktop app opens its window on the first-run screen, locked down', async () => {
  test.skip(!binary, 'No Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1).');
  test.skip(!fs.existsSync(main), 'Run npm run build first.');
  const app = await electron.launch({ executablePath: binary!, args: [main, '--no-sandbox'], env: { ...process.env, ELECTRON_ENABLE_LOGGING: '0' } });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: /Create a new store|Unlock your store/ })).toBeVisible();
    expect(page.url()).toBe('app://dhr/index.html');
    // No Node in the page, and only the typed bridge.
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys(window.api).sort())).toEqual(['invoke', 'on']);
  } finally {
    await app.close();
  }
});
