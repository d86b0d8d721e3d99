import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { startApp, type TestApp } from './harness.ts';
import { createStoreThroughUi, dateBoxes, expectDate, fillDate, openScreen } from './journeys.ts';

// Council laptops are often set to US English, where a browser's own date
// box asks for the month first ("06/01/2026" for 1 June). The app's dates
// are three boxes, Day, Month and Year, so the day comes first on any locale.

test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

let app: TestApp;
test.beforeEach(async ({ page }) => {
  app = await startApp(page);
  await createStoreThroughUi(page, { demo: true });
  await openScreen(page, 'Reviews');
});
test.afterEach(() => {
  expect(app.blockedRequests).toEqual([]);
  app.close();
});

test('on a computer set to US English, a date is entered day first and saved as that day', async ({ page }) => {
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');
  await page.getByRole('button', { name: 'New review' }).click();
  const death = dateBoxes(page, 'Date of death');
  // The boxes come in the order Day, Month, Year, by their labels and on screen.
  const [day, month, year] = await Promise.all([death.day.boundingBox(), death.month.boundingBox(), death.year.boundingBox()]);
  expect(day!.x).toBeLessThan(month!.x);
  expect(month!.x).toBeLessThan(year!.x);
  await expect(death.group).toContainText('For example, 27 3 2026.');

  await page.getByLabel('Reference').fill('DHR-FL-2026-08');
  await page.getByLabel("Victim's pseudonym").fill('Marnie');
  await page.getByLabel('Commissioning district').selectOption({ label: 'Fenland' });
  // 1 June 2026, typed as a person in England would: 1, then 6.
  await death.day.fill('1');
  await death.month.fill('6');
  await death.year.fill('2026');
  await fillDate(page, 'Notification date', '2026-06-08');
  await expectNoAxeViolations(page, 'new review form, US English');
  await page.getByRole('button', { name: 'Save review' }).click();

  await expect(page.getByRole('heading', { name: /DHR-FL-2026-08/ })).toBeVisible();
  const saved = app.backend.session.requireStore().db.prepare("SELECT date_of_death AS d FROM reviews WHERE reference = 'DHR-FL-2026-08'").get() as { d: string };
  expect(saved.d).toBe('2026-06-01');
  await page.getByRole('button', { name: 'Edit review' }).click();
  await expectDate(page, 'Date of death', '2026-06-01');
});

test('a date that is not a real one is refused beside its boxes, saying so', async ({ page }) => {
  await page.getByRole('button', { name: 'New review' }).click();
  await page.getByLabel('Reference').fill('DHR-FL-2026-09');
  await page.getByLabel("Victim's pseudonym").fill('Iona');
  await page.getByLabel('Commissioning district').selectOption({ label: 'Fenland' });
  await fillDate(page, 'Date of death', '2026-02-30');
  await fillDate(page, 'Notification date', '2026-03-04');
  await page.getByRole('button', { name: 'Save review' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The review was not saved' })).toBeVisible();
  await expect(dateBoxes(page, 'Date of death').group).toContainText('not a real date');
  await expect(dateBoxes(page, 'Date of death').day).toHaveAttribute('aria-invalid', 'true');
});
