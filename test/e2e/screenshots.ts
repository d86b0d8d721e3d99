// `npm run screenshots`: regenerates docs/screenshots/*.png from the real
// renderer and backend, with the fictional demo data loaded.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';
import { startApp } from './harness.ts';
import { fillDate } from './journeys.ts';

const OUT = path.resolve('docs/screenshots');
const PASSPHRASE = 'lantern orchard velvet quarry';

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-GB', timezoneId: 'Europe/London' });
const app = await startApp(page);
fs.mkdirSync(OUT, { recursive: true });
const shot = async (name: string, fullPage = true) => {
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage });
  console.log(`docs/screenshots/${name}.png`);
};
try {
  await page.getByRole('heading', { name: 'Create a new store' }).waitFor();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await shot('01-create-store');
  await page.getByRole('button', { name: 'Create store' }).click();
  await page.getByRole('button', { name: 'Load demo data' }).waitFor();
  await shot('02-empty-store');
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  await shot('03-dashboard');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reviews' }).click();
  await page.getByRole('heading', { name: 'Reviews', level: 1 }).waitFor();
  await shot('06-reviews');
  await page.getByRole('button', { name: 'DHR-HU-2024-01' }).click();
  await page.getByRole('heading', { name: /DHR-HU-2024-01/ }).waitFor();
  await shot('07-review-page');
  await page.getByRole('button', { name: 'Add recommendation' }).click();
  await page.getByLabel('Recommendation', { exact: true }).fill('GP practices should consider asking patients about domestic abuse when they present with anxiety or low mood.');
  await page.getByRole('region', { name: 'Made before?' }).getByText('similar recommendation').waitFor();
  await shot('09-recommendation-drafting', false);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Edit review' }).click();
  await fillDate(page, 'Decision date', '2024-01-01');
  await page.getByRole('button', { name: 'Save review' }).click();
  await page.getByRole('alert').first().waitFor();
  await shot('08-review-form-errors', false);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Recurring recommendations' }).click();
  await page.locator('.recurring-group').first().waitFor();
  await shot('10-recurring', false);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Countywide' }).click();
  await page.getByRole('grid').locator('tbody tr').first().waitFor();
  // The matrix itself, below the filters and the key.
  await page.evaluate(() => document.getElementById('matrix-heading')?.scrollIntoView());
  await shot('11-countywide', false);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My district' }).click();
  await page.getByLabel('Your district', { exact: true }).selectOption({ label: 'Fenland' });
  await page.getByRole('button', { name: 'Save my district' }).click();
  await page.locator('.my-item').first().waitFor();
  await shot('12-my-district', false);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  await shot('04-settings');
  await page.keyboard.press('Control+l');
  await page.getByLabel('Passphrase').fill('not my passphrase');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByRole('alert').waitFor();
  await shot('05-wrong-passphrase');
} finally {
  app.close();
  await browser.close();
}
