import { expect, type Locator, type Page } from '@playwright/test';

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

/** A date's three boxes (Day, Month, Year), found by the date's own label. */
export function dateBoxes(scope: Page | Locator, label: string) {
  const group = scope.getByRole('group', { name: label, exact: true });
  return { group, day: group.getByLabel('Day', { exact: true }), month: group.getByLabel('Month', { exact: true }), year: group.getByLabel('Year', { exact: true }) };
}

/** Type a date (given as yyyy-mm-dd) into its Day, Month and Year boxes, as a person would: day first. */
export async function fillDate(scope: Page | Locator, label: string, iso: string): Promise<void> {
  const [year = '', month = '', day = ''] = iso ? iso.split('-') : [];
  const boxes = dateBoxes(scope, label);
  await boxes.day.fill(day ? String(Number(day)) : '');
  await boxes.month.fill(month ? String(Number(month)) : '');
  await boxes.year.fill(year);
}

/** The date shown in a date's boxes, as yyyy-mm-dd. */
export async function expectDate(scope: Page | Locator, label: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  const boxes = dateBoxes(scope, label);
  await expect(boxes.day).toHaveValue(String(Number(day)));
  await expect(boxes.month).toHaveValue(String(Number(month)));
  await expect(boxes.year).toHaveValue(year!);
}
