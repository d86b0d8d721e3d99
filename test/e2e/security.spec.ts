import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { startApp, type TestApp } from './harness.ts';
import { createStoreThroughUi, E2E_PASSPHRASE, openScreen } from './journeys.ts';

// Passphrase change, backups and the overdue-backup banner, and "Remember on
// this device" where the OS offers no secure storage (the browser tests have none).

const NEW_PASSPHRASE = 'copper meadow lantern thistle';
let app: TestApp;
test.beforeEach(async ({ page }) => {
  app = await startApp(page);
});
test.afterEach(() => {
  expect(app.blockedRequests).toEqual([]);
  app.close();
});

test('change the passphrase in Settings, then unlock with the new one', async ({ page }) => {
  await createStoreThroughUi(page);
  await openScreen(page, 'Settings');
  const section = page.getByRole('region', { name: 'Change passphrase' });
  await expect(section).toBeVisible();
  await expectNoAxeViolations(page, 'settings with passphrase and backups');

  await section.getByLabel('Current passphrase').fill(E2E_PASSPHRASE);
  await section.getByLabel('New passphrase', { exact: true }).fill('too short');
  await expect(section.getByText('Strength: Too short')).toBeVisible();
  await section.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(section.getByText('The new passphrase must be at least 12 characters long.')).toBeVisible();

  await section.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await section.getByLabel('Type the new passphrase again').fill(`${NEW_PASSPHRASE} typo`);
  await section.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(section.getByText('The two new passphrases do not match.')).toBeVisible();

  await section.getByLabel('Current passphrase').fill('not my passphrase at all');
  await section.getByLabel('Type the new passphrase again').fill(NEW_PASSPHRASE);
  await section.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(section.getByRole('alert')).toContainText('That passphrase does not unlock this store.');

  await section.getByLabel('Current passphrase').fill(E2E_PASSPHRASE);
  await section.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await section.getByLabel('Type the new passphrase again').fill(NEW_PASSPHRASE);
  await section.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(section.getByRole('status')).toContainText('The passphrase was changed and checked');

  await page.getByRole('button', { name: /Lock now/ }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your store' })).toBeVisible();
  // No secure storage here: the box is shown, but cannot be ticked, and says why.
  const remember = page.getByLabel('Remember on this device');
  await expect(remember).toBeDisabled();
  await expect(page.getByText(/secure storage/)).toBeVisible();
  await expectNoAxeViolations(page, 'unlock with remember on this device');
  await page.getByLabel('Passphrase', { exact: true }).fill(E2E_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('That passphrase does not unlock this store.');
  await page.getByLabel('Passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('button', { name: /Lock now/ })).toBeVisible();
});

test('back up now, set the schedule, and see the banner when the last backup is older than it allows', async ({ page }) => {
  await createStoreThroughUi(page);
  await openScreen(page, 'Settings');
  const section = page.getByRole('region', { name: 'Backups' });
  await section.getByRole('button', { name: 'Back up now' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Backed up and checked' })).toBeVisible();
  const folder = path.join(app.dir, 'dhr-tracker-backups');
  expect(fs.readdirSync(folder).filter((f) => f.endsWith('.dhr-backup'))).toHaveLength(1);
  await expect(section.getByRole('table')).toContainText('dhr-tracker-');

  await section.getByLabel('Back up every this many hours').fill('1');
  await section.getByRole('button', { name: 'Save schedule' }).click();
  await expect(section.getByText('Saved: backups every hour, keeping the newest 7.')).toBeVisible();

  // Locked for two hours: nothing can be backed up, so on unlocking the banner says so.
  await page.getByRole('button', { name: /Lock now/ }).click();
  app.advance(2 * 3_600_000);
  await page.getByLabel('Passphrase', { exact: true }).fill(E2E_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'Back up this store' });
  await expect(banner).toContainText('backups are set to be made every hour');
  await expectNoAxeViolations(page, 'backup overdue banner');
  await banner.getByRole('button', { name: 'Back up now' }).click();
  await expect(banner).toHaveCount(0);
  expect(fs.readdirSync(folder).filter((f) => f.endsWith('.dhr-backup'))).toHaveLength(2);
});
