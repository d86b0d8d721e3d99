import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { startApp, type TestApp } from './harness.ts';

const PASSPHRASE = 'lantern orchard velvet quarry';
let app: TestApp;
test.beforeEach(async ({ page }) => {
  app = await startApp(page);
});
test.afterEach(() => {
  expect(app.blockedRequests).toEqual([]); // the app made no request beyond itself
  app.close();
});

test('first run: create a store, lock, refuse a wrong passphrase, unlock, load demo data', async ({ page }) => {
  await expect(page.getByRole('heading', { name: 'Create a new store' })).toBeVisible();
  await expectNoAxeViolations(page, 'create store');

  const location = page.getByLabel('Store location');
  await expect(location).toHaveValue(path.join(app.dir, 'dhr-tracker.dhr'));
  await page.getByRole('button', { name: 'Choose…' }).click();
  await expect(location).toHaveValue(path.join(app.dir, 'chosen.dhr'));

  // Too short, then mismatched: each refused with a message and nothing created.
  const passphrase = page.getByLabel('Passphrase', { exact: true });
  await passphrase.fill('too short');
  await expect(page.getByText('Strength: Too short')).toBeVisible();
  await page.getByRole('button', { name: 'Create store' }).click();
  await expect(page.getByRole('alert')).toContainText('at least 12 characters');
  await passphrase.fill(PASSPHRASE);
  await expect(page.getByText('Strength: Strong')).toBeVisible();
  await page.getByLabel('Type the passphrase again').fill('lantern orchard velvet');
  await page.getByRole('button', { name: 'Create store' }).click();
  await expect(page.getByRole('alert')).toContainText('do not match');
  expect(fs.existsSync(path.join(app.dir, 'chosen.dhr'))).toBe(false);

  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create store' }).click();
  await expect(page.getByRole('heading', { name: 'This store is empty' })).toBeVisible();
  expect(fs.statSync(path.join(app.dir, 'chosen.dhr')).mode & 0o777).toBe(0o600);

  // Lock from the header.
  await page.getByRole('button', { name: /Lock now/ }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your store' })).toBeVisible();
  await expect(page.getByText('The store is locked.')).toBeVisible();

  // A wrong passphrase: the agreed message, and the file's bytes unchanged.
  const before = fs.readFileSync(path.join(app.dir, 'chosen.dhr'));
  await page.getByLabel('Passphrase').fill('not my passphrase');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('That passphrase does not unlock this store.');
  expect(fs.readFileSync(path.join(app.dir, 'chosen.dhr')).equals(before)).toBe(true);
  await expect(page.getByLabel('Passphrase')).toHaveValue('');
  await expectNoAxeViolations(page, 'unlock with error');

  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByRole('button', { name: 'Load demo data' }).click();

  // The demo partnership on the dashboard.
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText('Cambridgeshire & Peterborough Domestic Abuse and Sexual Violence Partnership')).toBeVisible();
  const districts = page.getByRole('table').first();
  for (const name of ['Cambridge City', 'East Cambridgeshire', 'Fenland', 'Huntingdonshire', 'South Cambridgeshire', 'Peterborough']) {
    await expect(districts.getByRole('rowheader', { name })).toBeVisible();
  }
  await expect(page.getByRole('list', { name: 'Totals' })).toContainText('17DHR reviews');
  // Status is named in words, not colour alone.
  await expect(districts.getByRole('columnheader', { name: /On track \(GREEN\)/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Overdue \(\d+\)/ })).toBeVisible();
  await expectNoAxeViolations(page, 'dashboard');
});

test('Ctrl+L locks and clears the screen; auto-lock follows the idle setting', async ({ page }) => {
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create store' }).click();
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByRole('rowheader', { name: 'Fenland' })).toBeVisible();

  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'Unlock your store' })).toBeVisible();
  await expect(page.getByText('Fenland')).toHaveCount(0);
  expect(await app.backend.dispatch('dashboard.summary', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Settings' }).click();
  const minutes = page.getByLabel('Lock automatically after this many idle minutes');
  await expect(minutes).toHaveValue('10');
  await minutes.fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toContainText('at least 1 minute');
  await minutes.fill('1');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved.');
  await expectNoAxeViolations(page, 'settings');

  app.advance(61_000);
  await expect(page.getByText('The store was locked because nobody used DHR Tracker for a while.')).toBeVisible();
  await expect(page.getByLabel('Lock automatically after this many idle minutes')).toHaveCount(0);
  expect(await app.backend.dispatch('store.stats', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
});

test('everything on the first-run screens works from the keyboard', async ({ page }) => {
  // Tab from the top of the page into the form and create a store without the mouse.
  // (Headless Chromium may spend a Tab or two focusing the page itself.)
  const first = page.getByRole('button', { name: 'Open or unlock a store' });
  for (let i = 0; i < 5 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await page.keyboard.press('Tab'); // Create a new store (selected)
  await expect(page.getByRole('button', { name: 'Create a new store' })).toBeFocused();
  await page.keyboard.press('Tab'); // Store location
  await expect(page.getByLabel('Store location')).toBeFocused();
  await page.keyboard.press('Tab'); // Choose…
  await page.keyboard.press('Tab'); // Passphrase
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Load demo data' })).toBeVisible();
  await page.getByRole('button', { name: 'Load demo data' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
});

test('a page cannot reach a channel outside the contract', async ({ page }) => {
  const reply = await page.evaluate(() => window.api.invoke('db.query' as never, { sql: 'SELECT * FROM review_people' } as never));
  expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  const keys = await page.evaluate(() => Object.keys(window.api));
  expect(keys.sort()).toEqual(['invoke', 'on']);
});

test('the content security policy stops inline script and network connections', async ({ page }) => {
  const outcome = await page.evaluate(async () => {
    const w = window as unknown as { injected?: boolean };
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
    const fetched = await fetch('https://example.com/').then(
      () => 'fetched',
      () => 'refused',
    );
    return { injected: w.injected ?? false, fetched };
  });
  expect(outcome).toEqual({ injected: false, fetched: 'refused' });
  app.blockedRequests.length = 0; // refused by CSP before any request left the page
});
