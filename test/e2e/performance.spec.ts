import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { BENCH_PASSPHRASE, ensureBenchStore } from '../../electron/services/bench/generate.ts';
import { expectNoAxeViolations } from './axe.ts';
import { startApp, type TestApp } from './harness.ts';

// The renderer with a large store: a region-scale synthetic partnership
// (400 reviews, 6,000 recommendations, 20 districts, 41,100 decisions;
// made once by the benchmark's generator and cached, see npm run bench).
// Long lists and the matrix are windowed, so the first rows show quickly
// and only the rows near the view are ever in the page. Times are taken in
// the page with performance.now(), from the click on the navigation to
// the first row rendered and painted.

const FIRST_RENDER_BUDGET_MS = 300;

let app: TestApp;
let store: string;

test.describe.configure({ timeout: 180_000 });

test.beforeAll(() => {
  // Generated on the first run on a machine (some seconds), then reused.
  store = ensureBenchStore('region').file;
});

test.beforeEach(async ({ page }) => {
  app = await startApp(page);
  const file = path.join(app.dir, 'region.dhr');
  fs.copyFileSync(store, file);
  await page.getByRole('button', { name: 'Open or unlock a store' }).click();
  await page.getByLabel('Store file').fill(file);
  await page.getByLabel('Passphrase', { exact: true }).fill(BENCH_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible({ timeout: 30_000 });
});
test.afterEach(() => {
  expect(app.blockedRequests).toEqual([]);
  app.close();
});

/** Click a main navigation button in the page and time it until an element matching `selector` is rendered and painted. */
async function timeToFirst(page: Page, screen: string, selector: string): Promise<number> {
  return page.evaluate(
    ([name, sel]) =>
      new Promise<number>((resolve, reject) => {
        const button = [...document.querySelectorAll('nav[aria-label="Main"] button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement | undefined;
        if (!button) return reject(new Error(`No navigation button ${name}`));
        const done = () => requestAnimationFrame(() => resolve(performance.now() - start));
        const observer = new MutationObserver(() => {
          if (document.querySelector(sel)) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        const start = performance.now();
        button.click();
      }),
    [screen, selector] as const,
  );
}

/** The fastest of three visits, as the app is used: each visit fetches and renders the screen afresh. */
async function firstRender(page: Page, screen: string, selector: string, away = 'Dashboard'): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: away, exact: true }).click();
    await expect(page.getByRole('heading', { name: away, level: 1 })).toBeVisible();
    times.push(await timeToFirst(page, screen, selector));
  }
  console.log(`${screen}: first row in ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  return Math.min(...times);
}

test('My district: the recommendations list of a large district shows its first row within 300 ms, windowed', async ({ page }) => {
  const districtId = app.backend.session.requireStore().db
    .prepare(`SELECT district_id FROM applicability WHERE decision = 'applicable' GROUP BY district_id ORDER BY count(*) DESC LIMIT 1`)
    .pluck()
    .get() as string;
  const chosen = await app.backend.dispatch('myDistrict.choose', { districtId });
  expect(chosen.ok).toBe(true);
  const items = (chosen as { value: { items: unknown[] } }).value.items.length;
  expect(items).toBeGreaterThan(600);

  expect(await firstRender(page, 'My district', '.my-item')).toBeLessThanOrEqual(FIRST_RENDER_BUDGET_MS);
  // Only the items near the view are in the page (groups short enough are rendered whole), each
  // placed in its list for assistive technology.
  const rendered = await page.locator('.my-item').count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(items / 3);
  await expectNoAxeViolations(page, 'My district, windowed');

  // Scrolling to the end of a long group brings its last items in, and still only a window of them.
  const size = await page.evaluate(() => {
    const groups = [...document.querySelectorAll('.my-group')].filter((g) => g.querySelector('.my-item[aria-setsize]'));
    const group = groups.at(-1)!;
    window.scrollTo(0, group.getBoundingClientRect().bottom + window.scrollY - window.innerHeight);
    return Number(group.querySelector('.my-item[aria-setsize]')!.getAttribute('aria-setsize'));
  });
  expect(size).toBeGreaterThan(150);
  await expect(page.locator(`.my-item[aria-setsize="${size}"][aria-posinset="${size}"]`)).toBeVisible();
  expect(await page.locator('.my-item').count()).toBeLessThan(items / 3);
});

test('Reviews: the register of 400 reviews shows its first row within 300 ms, windowed with table semantics', async ({ page }) => {
  expect(await firstRender(page, 'Reviews', '.reviews-table tbody tr[data-window-index]')).toBeLessThanOrEqual(FIRST_RENDER_BUDGET_MS);
  const table = page.getByRole('table');
  await expect(table).toHaveAttribute('aria-rowcount', '401');
  const rendered = await table.locator('tbody tr[data-window-index]').count();
  expect(rendered).toBeLessThan(150);
  await expectNoAxeViolations(page, 'Reviews, windowed');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(table.locator('tbody tr[aria-rowindex="401"]')).toBeVisible();
  // The last row is a real row: its reference opens the review.
  const last = table.locator('tbody tr[aria-rowindex="401"]').getByRole('button');
  const reference = (await last.textContent())!.trim();
  await last.click();
  await expect(page.getByRole('heading', { name: new RegExp(reference) })).toBeVisible();
});

test('Countywide: 6,000 recommendations by 20 districts in a windowed grid that the keyboard reaches end to end', async ({ page }) => {
  const time = await firstRender(page, 'Countywide', 'table.matrix tbody tr[data-window-index]');
  console.log(`Countywide matrix (6,000 rows × 20 districts, fetched whole): ${time.toFixed(0)} ms`);
  const grid = page.getByRole('grid', { name: /^Recommendations by district/ });
  await expect(grid).toHaveAttribute('aria-rowcount', '6001');
  expect(await grid.locator('tbody tr[data-window-index]').count()).toBeLessThan(120);
  await expectNoAxeViolations(page, 'Countywide, windowed');

  // Ctrl+End: focus moves to the last cell of the last row, which is brought into the page.
  await grid.getByRole('rowheader').first().focus();
  await page.keyboard.press('Control+End');
  const lastRow = grid.locator('tbody tr[aria-rowindex="6001"]');
  await expect(lastRow.getByRole('gridcell').last()).toBeFocused();
  // Page Up moves ten rows back, rendered as it goes.
  await page.keyboard.press('PageUp');
  await expect(grid.locator('tbody tr[aria-rowindex="5991"]').getByRole('gridcell').last()).toBeFocused();
  await page.keyboard.press('Control+Home');
  await expect(grid.locator('tbody tr[aria-rowindex="2"]').getByRole('rowheader')).toBeFocused();
  expect(await grid.locator('tbody tr[data-window-index]').count()).toBeLessThan(150);
});
