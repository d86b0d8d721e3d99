import { expect, type Page } from '@playwright/test';

// Steps several browser tests share, done through the UI as a person would.

export const E2E_PASSPHRASE = 'lantern orchard velvet quarry';

/** From the first-run screen: create a store, and optionally load the demo partnership. */
export async function createStoreThroughUi(page: Page, options: { demo?: boolean } = {}): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(E2E_PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(E2E_PASSPHRASE);
  await page.getByRole('button', { name: 'Create store' }).click();
  await expect(page.getByRole('button', { name: 'Load demo data' })).toBeVisible();
  if (options.demo) {
    await page.getByRole('button', { name: 'Load demo data' }).click();
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  }
}

export async function openScreen(page: Page, name: 'Dashboard' | 'My district' | 'Countywide' | 'Reviews' | 'Recurring recommendations' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();
}
