import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { startApp, type TestApp } from './harness.ts';
import { createStoreThroughUi, dateBoxes, fillDate, openScreen } from './journeys.ts';

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

const table = (page: Page) => page.getByRole('table');
const rows = (page: Page) => table(page).locator('tbody tr');

test('the register lists every review with its stage, and filters, sorts and searches', async ({ page }) => {
  await expect(page.getByRole('heading', { name: 'Reviews', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Showing 17 of 17 reviews' })).toBeVisible();
  await expect(rows(page).filter({ hasText: 'DHR-SC-2026-02' })).toContainText('Awaiting decision');
  await expect(rows(page).filter({ hasText: 'DHR-SC-2026-02' })).toContainText('Decision overdue');
  await expectNoAxeViolations(page, 'reviews list');

  await page.getByLabel('Overdue only').check();
  await expect(page.getByText(/Showing \d+ of 17 reviews/)).toBeVisible();
  const overdueCount = await rows(page).count();
  expect(overdueCount).toBeGreaterThan(0);
  expect(overdueCount).toBeLessThan(17);
  for (let i = 0; i < overdueCount; i++) await expect(rows(page).nth(i)).toContainText('overdue', { ignoreCase: true });
  await page.getByLabel('Overdue only').uncheck();

  await page.getByLabel('District').selectOption({ label: 'Fenland' });
  await expect(rows(page)).toHaveCount(2);
  await page.getByLabel('District').selectOption({ label: 'All districts' });
  await page.getByLabel('Stage').selectOption({ label: 'Published: action plan being monitored' });
  await expect(rows(page)).toHaveCount(4);
  await page.getByLabel('Stage').selectOption({ label: 'All stages' });
  await page.getByLabel('Year notified').selectOption('2019');
  await expect(rows(page)).toHaveCount(1);
  await page.getByLabel('Year notified').selectOption({ label: 'All years' });
  await page.getByLabel('Theme').selectOption({ label: 'Parricide' });
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).filter({ hasText: 'DHR-SC-2023-02' })).toHaveCount(1);
  await page.getByLabel('Theme').selectOption({ label: 'All themes' });

  await page.getByLabel('Search reviews').fill('priya');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('DHR-CC-2024-02');
  await page.getByLabel('Search reviews').fill('');

  // Sort by days in stage, longest first.
  await page.getByRole('button', { name: 'Days in stage' }).click();
  await page.getByRole('button', { name: 'Days in stage' }).click();
  await expect(table(page).getByRole('columnheader', { name: 'Days in stage' })).toHaveAttribute('aria-sort', 'descending');
  await expect(rows(page).first()).toContainText('DHR-PB-2017-01');

  // Real names never appear in the list.
  await expect(page.getByText('Joanna Penhallow')).toHaveCount(0);
});

test('a chair records a new review and moves it through its stages by entering dates', async ({ page }) => {
  await page.getByRole('button', { name: 'New review' }).click();
  await expect(page.getByRole('heading', { name: 'New DHR review' })).toBeVisible();
  await expectNoAxeViolations(page, 'new review form');

  await page.getByLabel('Reference').fill('DHR-FL-2026-07');
  await page.getByLabel("Victim's pseudonym").fill('Bryony');
  await page.getByLabel('Commissioning district').selectOption({ label: 'Fenland' });
  await fillDate(page, 'Date of death', '2026-08-28');
  await fillDate(page, 'Notification date', '2026-09-01');
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByLabel('Role').selectOption('victim');
  await page.getByLabel('Pseudonym', { exact: true }).fill('Bryony');
  await page.getByLabel('Real name').fill('Tamsin Quillfeather');
  await page.getByRole('button', { name: 'Save review' }).click();

  await expect(page.getByRole('heading', { name: /DHR-FL-2026-07/ })).toBeVisible();
  const stage = page.getByRole('region', { name: 'Stage and deadlines' });
  await expect(stage).toContainText('Awaiting decision');
  await expect(stage).toContainText('Decision overdue: it was due by 01/10/2026');
  await expect(page.getByRole('cell', { name: 'Hidden' })).toBeVisible(); // real names hidden until asked for
  await page.getByRole('button', { name: 'Show real names' }).click();
  await expect(page.getByRole('cell', { name: 'Tamsin Quillfeather' })).toBeVisible();
  await expectNoAxeViolations(page, 'review page');

  // Bad input: decision before notification, a duplicate reference, a future date, a pause ending before it starts.
  await page.getByRole('button', { name: 'Edit review' }).click();
  await page.getByLabel('Reference').fill('dhr-fl-2016-01');
  await page.getByLabel('Decision', { exact: true }).selectOption('hold');
  await fillDate(page, 'Decision date', '2026-08-30');
  await fillDate(page, 'Home Office notified', '2099-01-01');
  await page.getByRole('button', { name: 'Add pause' }).click();
  await fillDate(page, 'Paused from', '2026-10-10');
  await fillDate(page, 'Resumed on', '2026-10-01');
  await page.getByRole('button', { name: 'Save review' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'The review was not saved' });
  await expect(summary).toBeVisible();
  await expect(page.locator('#review-decisionDate-error')).toContainText('The decision date is before the notification date');
  await expect(page.locator('#review-homeOfficeNotifiedDate-error')).toContainText('in the future');
  await expect(page.locator('#review-pauses-0-endDate-error')).toContainText('The pause ends before it starts');
  await expect(dateBoxes(page, 'Decision date').day).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'review form with errors');

  // Fix the dates: now only the duplicate reference is left, which only the store can know.
  await fillDate(page, 'Decision date', '2026-09-20');
  await fillDate(page, 'Home Office notified', '2026-09-24');
  await fillDate(page, 'Resumed on', '2026-10-20');
  await page.getByRole('button', { name: 'Save review' }).click();
  await expect(page.locator('#review-reference-error')).toContainText('already used by another review');
  await page.getByLabel('Reference').fill('DHR-FL-2026-07');
  await fillDate(page, 'Terms agreed', '2026-10-05');
  await page.getByRole('button', { name: 'Add IMR' }).click();
  await page.getByLabel('IMR agency').selectOption({ label: 'Cambridgeshire Constabulary' });
  await fillDate(page, 'IMR requested', '2026-10-06');
  await page.getByRole('button', { name: 'Save review' }).click();

  await expect(stage).toContainText('Panel meetings and IMRs');
  await expect(stage).not.toContainText('Decision overdue');
  await expect(stage).toContainText('includes 10 paused days');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toContainText('20/09/2026 Decision to hold a review');
  await expect(timeline).toContainText('06/10/2026 IMR requested: Cambridgeshire Constabulary');
  await expect(timeline).toContainText('10/10/2026 Paused for criminal proceedings');

  // Draft, CSP approval, and a Home Office round that asks for changes.
  await page.getByRole('button', { name: 'Edit review' }).click();
  await fillDate(page, 'Draft overview report', '2026-10-25');
  await fillDate(page, 'CSP approval date', '2026-11-02');
  await page.getByRole('button', { name: 'Add submission' }).click();
  await fillDate(page, 'Submitted', '2026-11-03');
  await page.getByLabel('Outcome', { exact: true }).selectOption('resubmit');
  await fillDate(page, 'Outcome date', '2026-11-16');
  await page.getByRole('button', { name: 'Save review' }).click();
  await expect(stage).toContainText('Resubmission to the Home Office due');
  await expect(stage).toContainText('QA resubmission outstanding');

  // The audit log shows who changed what, before and after, and never the real name.
  const audit = page.getByRole('region', { name: 'Audit log', exact: true });
  await expect(audit).toContainText('Created the review');
  await expect(audit).toContainText('Decision date: (empty) → 20/09/2026');
  await expect(audit).toContainText('CSP approval date: (empty) → 02/11/2026');
  await expect(audit).not.toContainText('Quillfeather');

  // And it is in the register at its new stage.
  await page.getByRole('button', { name: 'Back to reviews' }).click();
  await expect(rows(page).filter({ hasText: 'DHR-FL-2026-07' })).toContainText('Resubmission to the Home Office due');
});
