import { expect, test, type Page } from '@playwright/test';
import type { PartnershipLists } from '../../shared/ipc/partnership-schemas.ts';
import type { AppSettings } from '../../shared/ipc/schemas.ts';
import { expectNoAxeViolations } from './axe.ts';
import { startApp, type TestApp } from './harness.ts';

const PASSPHRASE = 'lantern orchard velvet quarry';
let app: TestApp;
test.beforeEach(async ({ page }) => {
  app = await startApp(page);
});
test.afterEach(() => {
  expect(app.blockedRequests).toEqual([]);
  app.close();
});

async function createStore(page: Page) {
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create store' }).click();
  await expect(page.getByRole('heading', { name: 'This store is empty' })).toBeVisible();
}

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
}

async function backend<T>(channel: string): Promise<T> {
  const reply = await app.backend.dispatch(channel, {});
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as T;
}

/** The row of a list table whose row header is exactly this name. */
const row = (page: Page, table: string, name: string) =>
  page.getByRole('table', { name: table, exact: true }).getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

test('partnership settings: name, DARDR label, marking, durations and your details are saved', async ({ page }) => {
  await createStore(page);
  await openSettings(page);

  await expect(page.getByLabel('Protective marking')).toHaveValue('OFFICIAL-SENSITIVE');
  await expect(page.getByRole('radio', { name: 'DHR', exact: true })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'DARDR' })).toHaveAccessibleDescription(/Domestic Abuse Related Death Review.*Victims and Prisoners Act 2024/);
  await expect(page.getByRole('group', { name: 'Review label' })).toBeVisible();
  await expect(page.getByText('Until you give your name, your changes are recorded as “Unnamed user”.')).toBeVisible();

  await page.getByLabel('Partnership name').fill('Rutland Community Safety Partnership');
  await page.getByRole('radio', { name: 'DARDR' }).check();
  await page.getByLabel('Protective marking').fill('OFFICIAL');
  await page.getByLabel('Decision due within (days)').fill('28');
  await page.getByLabel('Review due within (months)').fill('9');
  await page.getByLabel('Your name').fill('Priya Shah');
  await page.getByLabel('Your organisation').fill('Rutland County Council');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Settings saved.');
  await expect(page.getByText('Your changes are recorded as “Priya Shah (Rutland County Council)”.')).toBeVisible();

  expect(await backend<AppSettings>('settings.get')).toMatchObject({
    partnershipName: 'Rutland Community Safety Partnership',
    reviewLabel: 'DARDR',
    protectiveMarking: 'OFFICIAL',
    decisionWithinDays: 28,
    completionWithinMonths: 9,
    userName: 'Priya Shah',
    userOrganisation: 'Rutland County Council',
  });

  // Leave and come back: the screen shows what is stored.
  await page.getByRole('button', { name: 'Dashboard' }).click();
  await openSettings(page);
  await expect(page.getByLabel('Partnership name')).toHaveValue('Rutland Community Safety Partnership');
  await expect(page.getByRole('radio', { name: 'DARDR' })).toBeChecked();
  await expect(page.getByLabel('Decision due within (days)')).toHaveValue('28');

  // A decision period of 0 days is refused, beside the field and in the alert; nothing is saved.
  await page.getByLabel('Decision due within (days)').fill('0');
  await page.getByLabel('Partnership name').fill('Not saved');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toContainText('The decision period must be at least 1 day.');
  await expect(page.getByLabel('Decision due within (days)')).toHaveAccessibleDescription(/Error: The decision period must be at least 1 day\./);
  await expect(page.getByLabel('Decision due within (days)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('status')).toHaveCount(0);
  expect(await backend<AppSettings>('settings.get')).toMatchObject({ partnershipName: 'Rutland Community Safety Partnership', decisionWithinDays: 28 });

  // Not a number at all is caught before it is sent.
  await page.getByLabel('Review due within (months)').fill('six');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByLabel('Review due within (months)')).toHaveAccessibleDescription(/whole number of months/);
  await expectNoAxeViolations(page, 'settings with errors');
});

test('districts, agencies and themes: add, rename, retire, and a duplicate refused beside the field', async ({ page }) => {
  await createStore(page);
  await openSettings(page);
  await expect(page.getByText('There are no districts yet.')).toBeVisible();

  // Add a district.
  await page.getByLabel('District name').fill('Fenland');
  await page.getByLabel('Short code').fill('FL');
  await page.getByRole('button', { name: 'Add district' }).click();
  await expect(page.getByRole('status')).toHaveText('Added the district Fenland.');
  const fenland = row(page, 'Districts', 'Fenland');
  await expect(fenland).toContainText('FL');
  await expect(fenland).toContainText('Active');
  await expect(fenland).toContainText('Not used yet');
  await expect(page.getByLabel('District name')).toHaveValue('');
  await expect(page.getByLabel('District name')).toBeFocused();

  // Rename it inline; Escape first cancels, returning focus to the button.
  await page.getByRole('button', { name: 'Rename Fenland' }).click();
  await expect(page.getByLabel('New name for Fenland')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Rename Fenland' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByLabel('New name for Fenland').fill('Fenland District');
  await page.getByLabel('Short code for Fenland').fill('FD');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Saved Fenland District.');
  await expect(row(page, 'Districts', 'Fenland District')).toContainText('FD');
  await expect(page.getByRole('button', { name: 'Rename Fenland District' })).toBeFocused();

  // Retire it: it stays in the list, marked in words, and can come back.
  await page.getByRole('button', { name: 'Retire Fenland District' }).click();
  await expect(row(page, 'Districts', 'Fenland District')).toContainText('Retired');
  await expect(page.getByRole('button', { name: 'Unretire Fenland District' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unretire Fenland District' })).toBeFocused();

  // A duplicate name is refused: the message is beside the field, and in the alert.
  await page.getByLabel('District name').fill('fenland district');
  await page.getByLabel('Short code').fill('FX');
  await page.getByRole('button', { name: 'Add district' }).click();
  const message = 'There is already a retired district called “Fenland District”. Unretire it rather than adding it again, or choose a different name.';
  await expect(page.getByRole('alert')).toContainText(message);
  await expect(page.getByLabel('District name')).toHaveAccessibleDescription(new RegExp(`Error: ${message}`));
  await expect(page.getByLabel('District name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('table', { name: 'Districts', exact: true }).getByRole('rowheader')).toHaveText(['Fenland District']);

  // A duplicate through rename is refused beside the rename field.
  await page.getByLabel('District name').fill('Peterborough');
  await page.getByLabel('Short code').fill('PB');
  await page.getByRole('button', { name: 'Add district' }).click();
  await expect(row(page, 'Districts', 'Peterborough')).toBeVisible();
  await page.getByRole('button', { name: 'Rename Peterborough' }).click();
  await page.getByLabel('New name for Peterborough').fill('FENLAND DISTRICT');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('New name for Peterborough')).toHaveAccessibleDescription(/There is already a retired district called “Fenland District”/);
  await expectNoAxeViolations(page, 'settings, renaming with an error');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Add an agency, a national body.
  await page.getByLabel('Agency name').fill('Department for Education');
  await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'National body' });
  await page.getByRole('button', { name: 'Add agency' }).click();
  await expect(page.getByRole('status')).toHaveText('Added the agency Department for Education.');
  await expect(row(page, 'Agencies', 'Department for Education')).toContainText('National body');

  // Add a theme under a category; it is listed in that category's table.
  await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Type of abuse' });
  await page.getByLabel('Theme name').fill('Honour-based abuse');
  await page.getByRole('button', { name: 'Add theme' }).click();
  await expect(page.getByRole('status')).toHaveText('Added the theme Honour-based abuse under Type of abuse.');
  await expect(row(page, 'Themes: Type of abuse', 'Honour-based abuse')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Type of abuse (7)' })).toBeVisible();

  const lists = await backend<PartnershipLists>('partnership.lists');
  expect(lists.districts.map((d) => [d.name, d.shortName, d.retired])).toEqual([
    ['Fenland District', 'FD', true],
    ['Peterborough', 'PB', false],
  ]);
  expect(lists.agencies).toEqual([expect.objectContaining({ name: 'Department for Education', kind: 'national', retired: false })]);
  expect(lists.themes.filter((t) => t.category === 'abuse_type').at(-1)).toMatchObject({ name: 'Honour-based abuse' });
});

test('with the demo partnership: use counts shown, and no accessibility violations', async ({ page }) => {
  await createStore(page);
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await openSettings(page);

  const lists = await backend<PartnershipLists>('partnership.lists');
  const fenland = lists.districts.find((d) => d.name === 'Fenland')!;
  await expect(row(page, 'Districts', 'Fenland')).toContainText(`Used by ${fenland.inUse.toLocaleString('en-GB')} records`);
  const police = lists.agencies.find((a) => a.name === 'Cambridgeshire Constabulary')!;
  await expect(row(page, 'Agencies', 'Cambridgeshire Constabulary')).toContainText(`Used by ${police.inUse.toLocaleString('en-GB')} records`);
  await expect(page.getByLabel('Partnership name')).toHaveValue('Cambridgeshire & Peterborough Domestic Abuse and Sexual Violence Partnership');
  await expectNoAxeViolations(page, 'settings with demo data');

  // Retiring something in use keeps its count and says so in words.
  await page.getByRole('button', { name: 'Retire Cambridgeshire Constabulary' }).click();
  await expect(row(page, 'Agencies', 'Cambridgeshire Constabulary')).toContainText('Retired');
  await expect(page.getByRole('status')).toHaveText('Retired Cambridgeshire Constabulary. It stays on the records that use it.');
  await expect(row(page, 'Agencies', 'Cambridgeshire Constabulary')).toContainText(`Used by ${police.inUse.toLocaleString('en-GB')} records`);
  await page.getByRole('button', { name: 'Rename Fenland', exact: true }).click();
  await expect(page.getByLabel('New name for Fenland', { exact: true })).toBeFocused();
  await expectNoAxeViolations(page, 'settings, renaming a district, with a retired agency');
});
