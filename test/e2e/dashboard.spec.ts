import { expect, test, type Page } from '@playwright/test';
import { STATUS_DEFAULTS, STATUSES } from '../../shared/domain/vocabulary.ts';
import type { StatusColours } from '../../shared/ipc/progress-schemas.ts';
import type { DashboardSummary } from '../../shared/ipc/schemas.ts';
import { expectNoAxeViolations } from './axe.ts';
import { startApp, type TestApp } from './harness.ts';
import { createStoreThroughUi, openScreen } from './journeys.ts';

let app: TestApp;
test.beforeEach(async ({ page }) => {
  app = await startApp(page);
  await createStoreThroughUi(page, { demo: true });
});
test.afterEach(() => {
  expect(app.blockedRequests).toEqual([]);
  app.close();
});

async function backend<T>(channel: string, input: unknown = {}): Promise<T> {
  const reply = await app.backend.dispatch(channel, input);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as T;
}

const districtTable = (page: Page) => page.getByRole('table', { name: 'Applicable recommendations in each district by status' });
/** The swatch's colour beside a status's words in the district table's header, as the browser paints it. */
const headerSwatch = (page: Page, words: string) =>
  districtTable(page).getByRole('columnheader', { name: words }).locator('.status__swatch').evaluate((el) => getComputedStyle(el).backgroundColor);

test('the dashboard gives deadlines, counts by district and reviews by stage, each chart with a text alternative and its figures', async ({ page }) => {
  const summary = await backend<DashboardSummary>('dashboard.summary');
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Totals' })).toContainText('17DHR reviews');

  // Overdue and due within 30 days, as counts.
  const deadlines = page.getByRole('list', { name: 'Implementation deadlines' });
  await expect(deadlines.getByRole('listitem').nth(0)).toHaveText(`${summary.overdueCount}Overdue`);
  await expect(deadlines.getByRole('listitem').nth(1)).toHaveText(`${summary.dueSoonCount}Due within 30 days`);
  await expect(page.getByRole('heading', { name: `Overdue (${summary.overdueCount})` })).toBeVisible();

  // The stacked bar chart: one image whose name gives every district's figures, a key in words, and its table.
  const stacked = page.getByRole('img', { name: /^Stacked bar chart: Applicable recommendations by status in each district\./ });
  await expect(stacked).toBeVisible();
  const stackedName = (await stacked.getAttribute('aria-label'))!;
  for (const d of summary.districts) {
    const parts = STATUSES.filter((s) => d.counts[s] > 0).map((s) => `${STATUS_DEFAULTS[s].label} ${d.counts[s]}`);
    expect(stackedName).toContain(`${d.name}: ${d.applicable} recommendations (${parts.join(', ')}).`);
  }
  // One bar segment per non-zero count, in the status's colour.
  const segments = summary.districts.reduce((n, d) => n + STATUSES.filter((s) => d.counts[s] > 0).length, 0);
  await expect(stacked.locator('rect')).toHaveCount(segments);
  await expect(stacked.locator(`rect[fill="${STATUS_DEFAULTS.on_track.colour}"]`)).toHaveCount(summary.districts.filter((d) => d.counts.on_track > 0).length);
  const key = page.getByRole('list', { name: 'Key to applicable recommendations by status in each district' });
  for (const s of STATUSES) await expect(key).toContainText(`${STATUS_DEFAULTS[s].label} (${STATUS_DEFAULTS[s].colourName})`);
  // The table the chart is drawn from.
  const table = districtTable(page);
  await expect(table.getByRole('columnheader', { name: /On track \(GREEN\)/ })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Due within 30 days' })).toBeVisible();
  for (const d of summary.districts) {
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: d.name, exact: true }) });
    await expect(row.getByRole('cell')).toHaveText([...STATUSES.map((s) => String(d.counts[s])), String(d.applicable), String(d.overdue), String(d.dueSoon), String(d.underConsideration)]);
  }

  // Reviews by stage: a bar chart named with every stage's count, and the same figures as a table.
  const byStage = page.getByRole('img', { name: /^Bar chart: DHR reviews by stage, 17 reviews in all\./ });
  await expect(byStage).toBeVisible();
  const stageName = (await byStage.getAttribute('aria-label'))!;
  for (const s of summary.reviewsByStage) expect(stageName).toContain(`${s.label}: ${s.count}.`);
  await expect(byStage.locator('rect')).toHaveCount(summary.reviewsByStage.filter((s) => s.count > 0).length);
  const stages = page.getByRole('table', { name: 'DHR reviews at each stage' });
  for (const s of summary.reviewsByStage) {
    await expect(stages.getByRole('row').filter({ has: page.getByRole('rowheader', { name: s.label, exact: true }) }).getByRole('cell')).toHaveText(String(s.count));
  }
  await expect(stages.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'All reviews' }) }).getByRole('cell')).toHaveText('17');

  await expectNoAxeViolations(page, 'dashboard with charts');
});

test('a status colour changed in Settings shows on the dashboard and the matrix; a colour too light is refused', async ({ page }) => {
  expect(await headerSwatch(page, 'On track (GREEN)')).toBe('rgb(46, 125, 50)');

  await openScreen(page, 'Settings');
  const onTrack = page.getByRole('form', { name: 'On track' });
  await expect(onTrack.getByLabel('Hex code for On track')).toHaveValue('#2e7d32');
  await onTrack.getByLabel('Hex code for On track').fill('#1B5E20');
  await onTrack.getByLabel('Colour name for On track').fill('FOREST');
  await expect(onTrack).toContainText('Contrast with white: 7.8:1.');
  await onTrack.getByRole('button', { name: 'Save On track colour' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved the colour for On track: FOREST (#1b5e20).' })).toBeVisible();
  // The colour picker follows the hex code.
  await expect(page.getByLabel('Colour for On track', { exact: true })).toHaveValue('#1b5e20');

  // Too light to see on white: refused with a clear message, and nothing saved.
  const blocked = page.getByRole('form', { name: 'Blocked' });
  await blocked.getByLabel('Colour for Blocked', { exact: true }).fill('#ffeb3b');
  await expect(blocked.getByLabel('Hex code for Blocked')).toHaveValue('#ffeb3b');
  await expect(blocked).toContainText('Contrast with white: 1.2:1, too light (at least 3:1 is needed).');
  await blocked.getByRole('button', { name: 'Save Blocked colour' }).click();
  await expect(page.getByRole('alert')).toContainText('The colour for Blocked was not saved');
  await expect(page.getByRole('alert')).toContainText('#ffeb3b is too light to see on a white background');
  await expect(blocked.getByLabel('Hex code for Blocked')).toHaveAttribute('aria-invalid', 'true');
  const saved = await backend<StatusColours>('statuses.list');
  expect(saved.find((s) => s.code === 'blocked')).toMatchObject({ colour: '#c62828', colourName: 'RED' });
  expect(saved.find((s) => s.code === 'on_track')).toMatchObject({ label: 'On track', colour: '#1b5e20', colourName: 'FOREST' });
  await expectNoAxeViolations(page, 'settings with a refused status colour');

  // The dashboard: the words stay, the colour and its name change, in the table, the key and the chart.
  await openScreen(page, 'Dashboard');
  await expect(districtTable(page).getByRole('columnheader', { name: 'On track (FOREST)' })).toBeVisible();
  expect(await headerSwatch(page, 'On track (FOREST)')).toBe('rgb(27, 94, 32)');
  expect(await headerSwatch(page, 'Blocked (RED)')).toBe('rgb(198, 40, 40)');
  await expect(page.getByRole('list', { name: /^Key to applicable/ })).toContainText('On track (FOREST)');
  const stacked = page.getByRole('img', { name: /^Stacked bar chart/ });
  await expect(stacked.locator('rect[fill="#1b5e20"]').first()).toBeAttached();
  await expect(stacked.locator('rect[fill="#2e7d32"]')).toHaveCount(0);

  // And the countywide matrix's key.
  await openScreen(page, 'Countywide');
  const key = page.getByRole('region', { name: 'Key' });
  await expect(key).toContainText('On track (FOREST)');
  const swatch = key.locator('.status', { hasText: 'On track (FOREST)' }).locator('.status__swatch');
  expect(await swatch.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(27, 94, 32)');
});
