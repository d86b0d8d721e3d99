import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { startApp, type TestApp } from './harness.ts';
import { createStoreThroughUi, fillDate, openScreen } from './journeys.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
let app: TestApp;
test.beforeEach(async ({ page }) => {
  app = await startApp(page);
  await createStoreThroughUi(page, { demo: true });
});
test.afterEach(() => {
  expect(app.blockedRequests).toEqual([]);
  app.close();
});

async function openRecommendationDistricts(page: Page, reference: string, number: number) {
  await openScreen(page, 'Reviews');
  await page.getByRole('button', { name: reference }).click();
  await page.getByRole('button', { name: `Districts for recommendation ${number}`, exact: true }).click();
  await expect(page.getByRole('heading', { name: `${reference} recommendation ${number}: districts` })).toBeVisible();
}
const districtCard = (page: Page, name: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true, level: 2 }) });
/** Fenland's counts by status, read off the dashboard's district table. */
const fenlandCounts = async (page: Page) => {
  await openScreen(page, 'Dashboard');
  const table = page.getByRole('table').filter({ has: page.getByRole('rowheader', { name: 'Fenland' }) }).first();
  await expect(table).toBeVisible(); // the dashboard has loaded its figures
  const headers = await table.locator('thead th').allInnerTexts();
  const cells = await table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Fenland' }) }).locator('td').allInnerTexts();
  const count = (label: string) => Number(cells[headers.findIndex((h) => h.startsWith(label)) - 1]);
  return { onTrack: count('On track'), blocked: count('Blocked') };
};

test('a recommendation is applied in a second district and tracked there with dated updates and evidence', async ({ page }) => {
  const before = await fenlandCounts(page);
  await openRecommendationDistricts(page, 'DHR-PB-2023-01', 1);
  const fenland = districtCard(page, 'Fenland');
  await expect(fenland).toContainText('Under consideration');
  await expectNoAxeViolations(page, 'districts for a recommendation');

  // Decide: applicable in Fenland, with a local lead, officer and target.
  await fenland.getByRole('button', { name: 'Decide for Fenland' }).click();
  await fenland.getByLabel('Applicable', { exact: true }).check();
  await fenland.getByLabel('Local lead agency').selectOption({ label: 'Fenland District Council' });
  await fenland.getByLabel('Named officer').fill('Dan Whitlock');
  await fillDate(fenland, 'Local target date', '2027-06-30');
  await fenland.getByRole('button', { name: 'Save decision' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Decision saved for Fenland.' })).toBeVisible();
  await expect(fenland).toContainText('Not started');
  await expect(fenland).toContainText('30/06/2027');

  // Bad input: a future date, and "not implemented" without a reason.
  await fenland.getByRole('button', { name: 'Add update for Fenland' }).click();
  await fillDate(fenland, 'Update as at', '2099-01-01');
  await fenland.getByLabel('Status').selectOption('not_implemented');
  await fenland.getByLabel('Progress note').fill('Cannot proceed.');
  await fenland.getByRole('button', { name: 'Save update' }).click();
  await expect(fenland.locator('#update-' + (await districtId(page, 'Fenland')) + '-asAtDate-error')).toContainText('cannot be dated in the future');
  await expect(fenland.getByText(/Give the reason the recommendation will not be implemented/)).toBeVisible();
  // An attachment of a type not allowed is refused before anything is sent.
  await fenland.getByLabel('Evidence files').setInputFiles({ name: 'tool.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
  await expect(fenland.getByText(/tool.exe is not a type of file that can be attached/).first()).toBeVisible();

  // A proper update, with a PDF as evidence.
  await fillDate(fenland, 'Update as at', '2026-11-20');
  await fenland.getByLabel('Author').fill('Dan Whitlock');
  await fenland.getByLabel('Status').selectOption('on_track');
  await fenland.getByLabel('Progress note').fill('Briefing delivered to Fenland neighbourhood teams; attendance list attached.');
  await fenland.getByLabel('Evidence files').setInputFiles({ name: 'attendance.pdf', mimeType: 'application/pdf', buffer: PDF });
  await fenland.getByRole('button', { name: 'Save update' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Update saved for Fenland.' })).toBeVisible();
  await expect(fenland).toContainText('On track');
  await expect(fenland).toContainText('20/11/2026, ');
  await fenland.getByRole('button', { name: 'History for Fenland' }).click();
  await expect(fenland.getByRole('button', { name: 'Save a copy of attendance.pdf' })).toBeVisible();

  // My district: Fenland's officer sees it, whichever review it came from, and adds an update.
  await openScreen(page, 'My district');
  await page.getByLabel('Your district', { exact: true }).selectOption({ label: 'Fenland' });
  await page.getByRole('button', { name: 'Save my district' }).click();
  await expect(page.getByRole('heading', { name: 'My district: Fenland', level: 1 })).toBeVisible();
  const onTrack = page.getByRole('region', { name: /^On track \(\d+\)$/ });
  const item = onTrack.getByRole('listitem').filter({ hasText: 'DHR-PB-2023-01, recommendation 1' });
  await expect(item).toBeVisible();
  await expectNoAxeViolations(page, 'my district');
  // An overdue item says so first, then what was last reported: never "On track" beside a bare "Overdue".
  const overdue = page.getByRole('region', { name: /^Overdue \(\d+\)$/ }).getByRole('listitem').first();
  await expect(overdue).toContainText(/Overdue \(last reported: [A-Z][a-z]/);
  // Colour names belong to the key, not to every status word.
  await expect(item).not.toContainText('(GREEN)');
  await item.getByRole('button', { name: /^Add update/ }).click();
  await item.getByLabel('Author').fill('Dan Whitlock');
  await item.getByLabel('Status').selectOption('blocked');
  await item.getByLabel('Progress note').fill('Training paused: the trainer has left.');
  await item.getByRole('button', { name: 'Save update' }).click();
  await expect(page.getByRole('region', { name: /^Blocked \(\d+\)$/ }).getByRole('listitem').filter({ hasText: 'DHR-PB-2023-01, recommendation 1' })).toBeVisible();

  // The countywide matrix shows it blocked in Fenland, in words.
  await openScreen(page, 'Countywide');
  await page.getByLabel('Review').selectOption({ label: 'DHR-PB-2023-01 (Peterborough)' });
  const grid = page.getByRole('grid', { name: /^Recommendations by district/ });
  const row = grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /DHR-PB-2023-01 R1\b/ }) });
  const headers = await grid.getByRole('columnheader').allInnerTexts();
  await expect(row.getByRole('gridcell').nth(headers.findIndex((h) => h.trim() === 'Fenland') - 1)).toContainText('Blocked');

  // The dashboard counts it under Fenland, at its latest status: blocked.
  expect(await fenlandCounts(page)).toEqual({ onTrack: before.onTrack, blocked: before.blocked + 1 });
});

test('decisions can be made in bulk, and "not applicable" needs a reason', async ({ page }) => {
  await openScreen(page, 'Reviews');
  await page.getByRole('button', { name: 'DHR-PB-2023-01' }).click();
  await page.getByLabel('Select recommendation 2 for a district decision').check();
  await page.getByLabel('Select recommendation 3 for a district decision').check();
  const bulk = page.getByRole('region', { name: 'Decide for 2 selected recommendations' });
  await bulk.getByLabel('District').selectOption({ label: 'Huntingdonshire' });
  await bulk.getByLabel('Not applicable').check();
  await bulk.getByRole('button', { name: 'Save decision for the selected recommendations' }).click();
  await expect(bulk.getByText('Give the reason this recommendation does not apply in the district.')).toBeVisible();
  await bulk.getByLabel('Reason it does not apply').fill('Huntingdonshire has no housing stock of its own; covered by the registered providers’ protocol.');
  await bulk.getByRole('button', { name: 'Save decision for the selected recommendations' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Decision saved for 2 recommendations in Huntingdonshire.' })).toBeVisible();
  await page.getByRole('button', { name: 'Districts for recommendation 3', exact: true }).click();
  await expect(districtCard(page, 'Huntingdonshire')).toContainText('Not applicable');
  await expect(districtCard(page, 'Huntingdonshire')).toContainText('no housing stock');
  await expect(districtCard(page, 'Huntingdonshire').getByRole('button', { name: 'Add update for Huntingdonshire' })).toHaveCount(0);
});

test('each action has its own status, updated from the review page', async ({ page }) => {
  await openScreen(page, 'Reviews');
  await page.getByRole('button', { name: 'DHR-PB-2023-01' }).click();
  await page.getByRole('button', { name: 'Update action 1 of recommendation 2', exact: true }).click();
  const form = page.getByRole('form', { name: 'Progress update' });
  await form.getByLabel('Author').fill('Amara Lindqvist');
  await form.getByLabel('Status').selectOption('blocked');
  await form.getByLabel('Progress note').fill('Waiting for the provider to confirm funding.');
  await form.getByRole('button', { name: 'Save update' }).click();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Recommendation 2', exact: true }) });
  await expect(card.getByRole('row').nth(1)).toContainText('Blocked');
  await expectNoAxeViolations(page, 'review page with action update');
});

async function districtId(page: Page, name: string): Promise<string> {
  const id = await page.evaluate(async (n) => {
    const reply = await window.api.invoke('partnership.lists', {});
    return reply.ok ? reply.value.districts.find((d) => d.name === n)?.id : undefined;
  }, name);
  return id!;
}

test('a CSP officer decides, from My district, the recommendations still to be decided there; "applicable" needs its lead, officer and date', async ({ page }) => {
  await openScreen(page, 'My district');
  await page.getByLabel('Your district', { exact: true }).selectOption({ label: 'Fenland' });
  await page.getByRole('button', { name: 'Save my district' }).click();
  const toDecide = page.getByRole('region', { name: /^Still to decide \(\d+\)$/ });
  const waiting = Number((await toDecide.getByRole('heading', { level: 2 }).innerText()).match(/\((\d+)\)/)![1]);
  expect(waiting).toBeGreaterThan(1);
  await expect(page.getByRole('link', { name: `${waiting} more are still to be decided` })).toBeVisible();

  const first = toDecide.getByRole('listitem').first();
  const title = await first.getByRole('heading', { level: 3 }).innerText();
  await first.getByRole('button', { name: /^Decide/ }).click();
  await first.getByLabel('Applicable', { exact: true }).check();
  await first.getByRole('button', { name: 'Save decision' }).click();
  // Nothing named: each missing part is said beside its field, and nothing is saved.
  await expect(first.getByText('Choose the local lead agency')).toBeVisible();
  await expect(first.getByText('Name the officer who will report progress on it.')).toBeVisible();
  await expect(first.getByText(/Give a local target date, or tick "The target date is not set yet"/)).toBeVisible();
  await expectNoAxeViolations(page, 'My district, a decision with errors');

  await first.getByLabel('Local lead agency').selectOption({ label: 'Fenland District Council' });
  await first.getByLabel('Named officer').fill('Dan Whitlock');
  await first.getByLabel('The target date is not set yet').check();
  await first.getByRole('button', { name: 'Save decision' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Decision saved for ${title}.` })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Still to decide \(\d+\)$/ }).getByRole('heading', { level: 2 })).toHaveText(`Still to decide (${waiting - 1})`);
  // It now applies in Fenland, flagged as having no target date yet.
  const decided = page.locator('.my-item').filter({ has: page.getByRole('heading', { name: title, level: 3 }) });
  await expect(decided).toContainText('Target date not set yet');
  await expect(decided).toContainText('Lead Fenland District Council, Dan Whitlock');
});
