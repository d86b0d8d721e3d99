import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_REVIEWS } from '../../electron/services/demo/reviews/index.ts';
import { addDays, addMonths, formatUkDate } from '../../shared/domain/dates.ts';
import { expectNoAxeViolations } from './axe.ts';
import { startApp, type TestApp } from './harness.ts';
import { createStoreThroughUi, dateBoxes, expectDate, fillDate } from './journeys.ts';
import { TEST_TODAY } from '../support/clock.ts';

// The Reports screen, as a CSP officer and the countywide group use it:
// export each report, watch its progress, see where it was saved; and the
// refusals: a period backwards, and a report for publication that holds a
// real name.

let app: TestApp;
const today = TEST_TODAY;

test.beforeEach(async ({ page }) => {
  app = await startApp(page);
  await createStoreThroughUi(page, { demo: true });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reports', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
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

/** Record every progress bar the page shows from now on, as its words, however briefly it is there. */
async function watchProgress(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __progressSeen: string[] };
    w.__progressSeen = [];
    const seen = () => {
      for (const el of document.querySelectorAll('.progress__text')) {
        const text = el.textContent ?? '';
        if (!w.__progressSeen.includes(text)) w.__progressSeen.push(text);
      }
    };
    new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __progressSeen: string[] }).__progressSeen);
}

const exportsDir = () => path.join(app.dir, 'exports');

test('exports the CSP progress report for a district, showing progress and where it was saved', async ({ page }) => {
  const csp = page.getByRole('region', { name: 'CSP progress report' });
  await expectDate(csp, 'As at', today);
  await expectNoAxeViolations(page, 'Reports');
  await csp.getByLabel('District').selectOption({ label: 'Fenland' });
  const progress = await watchProgress(page);
  await csp.getByRole('button', { name: 'Export CSP report' }).click();
  const file = path.join(exportsDir(), `Fenland DHR progress report as at ${formatUkDate(today).replace(/\//g, '-')}.docx`);
  const saved = csp.getByRole('status').filter({ hasText: 'CSP progress report saved' });
  await expect(saved).toBeVisible({ timeout: 30_000 });
  await expect(saved).toContainText(file);
  expect(fs.existsSync(file)).toBe(true);
  const seen = await progress();
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.some((s) => /^(Reading the recommendations|Working out the status|Drawing the chart|Writing the Word document|Saving).*: \d+ of \d+$/.test(s))).toBe(true);
  await expect(csp.getByRole('button', { name: 'Export CSP report' })).toBeEnabled();
  await expectNoAxeViolations(page, 'Reports, after an export');
});

test('exports the countywide learning report for a period, showing progress and where it was saved', async ({ page }) => {
  const county = page.getByRole('region', { name: 'Countywide learning report' });
  const from = addDays(addMonths(today, -12), 1);
  await expectDate(county, 'From', from);
  await expectDate(county, 'To', today);
  const progress = await watchProgress(page);
  await county.getByRole('button', { name: 'Export countywide report' }).click();
  const file = path.join(exportsDir(), `DHR countywide learning report ${formatUkDate(from).replace(/\//g, '-')} to ${formatUkDate(today).replace(/\//g, '-')}.docx`);
  const saved = county.getByRole('status').filter({ hasText: 'Countywide learning report saved' });
  await expect(saved).toBeVisible({ timeout: 30_000 });
  await expect(saved).toContainText(file);
  expect(fs.existsSync(file)).toBe(true);
  expect((await progress()).length).toBeGreaterThan(0);
});

test('refuses a period that ends before it starts, beside the field, without exporting', async ({ page }) => {
  const county = page.getByRole('region', { name: 'Countywide learning report' });
  await fillDate(county, 'From', '2026-04-01');
  await fillDate(county, 'To', '2026-03-31');
  await county.getByRole('button', { name: 'Export countywide report' }).click();
  const to = dateBoxes(county, 'To').day;
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(county).toContainText('The period ends (31 March 2026) before it starts (1 April 2026). Give an end date on or after the start date.');
  expect(fs.readdirSync(exportsDir())).toEqual([]);
  await expectNoAxeViolations(page, 'Reports, with a field error');
});

test('for publication, refuses a report holding a real name and lists each place, one per line; nothing is saved', async ({ page }) => {
  const fenland = (await backend<{ districts: Array<{ id: string; name: string }> }>('partnership.lists')).districts.find((d) => d.name === 'Fenland')!;
  const mine = await backend<{ items: Array<{ applicability: { id: string; status: string | null } }> }>('myDistrict.get', { districtId: fenland.id });
  const item = mine.items.find((i) => !['complete', 'complete_late', 'not_implemented'].includes(i.applicability.status ?? ''))!;
  // A progress note names a real person from a register (the demo's registers hold invented names).
  const realName = DEMO_REVIEWS[0]!.people.find((p) => p.role === 'victim')!.realName!;
  await backend('progress.add', { applicabilityId: item.applicability.id, asAtDate: today, author: 'Test officer', status: 'on_track', note: `Met ${realName} and her family.` });

  const csp = page.getByRole('region', { name: 'CSP progress report' });
  await csp.getByLabel('District').selectOption({ label: 'Fenland' });
  await csp.getByRole('checkbox', { name: 'For publication' }).check();
  await csp.getByRole('button', { name: 'Export CSP report' }).click();
  const refusal = csp.getByRole('alert').filter({ hasText: 'not saved: real names found' });
  await expect(refusal).toBeVisible({ timeout: 30_000 });
  await expect(refusal).toContainText('Nothing was written.');
  await expect(refusal).toContainText(realName);
  // The lines of the message stay lines.
  const message = refusal.locator('.reports__message');
  expect(await message.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-line');
  expect((await message.evaluate((el) => el.textContent ?? '')).split('\n').length).toBeGreaterThanOrEqual(3);
  expect(fs.readdirSync(exportsDir())).toEqual([]);
  await expectNoAxeViolations(page, 'Reports, with a refusal');
  // The document check sits on the same screen.
  await expect(page.getByRole('button', { name: 'Check a document for names' })).toBeVisible();
});
