import { expect, test, type Locator, type Page } from '@playwright/test';
import { formatUkDate } from '../../shared/domain/dates.ts';
import type { Matrix } from '../../shared/ipc/progress-schemas.ts';
import type { PartnershipLists } from '../../shared/ipc/partnership-schemas.ts';
import type { ReviewRow } from '../../shared/ipc/review-schemas.ts';
import { expectNoAxeViolations } from './axe.ts';
import { startApp, type TestApp } from './harness.ts';
import { createStoreThroughUi, openScreen } from './journeys.ts';

const DISTRICTS = ['Cambridge City', 'East Cambridgeshire', 'Fenland', 'Huntingdonshire', 'South Cambridgeshire', 'Peterborough'];

let app: TestApp;
test.beforeEach(async ({ page }) => {
  app = await startApp(page);
  await createStoreThroughUi(page, { demo: true });
  await openScreen(page, 'Countywide');
  await expect(page.getByRole('heading', { name: 'Countywide', level: 1 })).toBeVisible();
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

const grid = (page: Page) => page.getByRole('grid', { name: /^Recommendations by district/ });
/** The grid's body rows (the first row holds the column headers). */
const bodyRows = (page: Page) => grid(page).getByRole('row').filter({ has: page.getByRole('rowheader') });
/** A cell by its place: column 0 is the row header, 1 onwards the districts. */
const cellAt = (page: Page, row: number, col: number): Locator =>
  col === 0 ? bodyRows(page).nth(row).getByRole('rowheader') : bodyRows(page).nth(row).getByRole('gridcell').nth(col - 1);
const refOf = (r: Matrix['rows'][number]) => `${r.recommendation.reviewReference} R${r.recommendation.number}`;
/** The rows still being read (fetched a page at a time), shown as "Loading…". */
const loadingRows = (page: Page) => grid(page).locator('tbody tr[aria-busy="true"]');
/** The references of the rows, once every rendered row has been read. */
async function rowHeaderRefs(page: Page): Promise<string[]> {
  await expect(loadingRows(page)).toHaveCount(0);
  return (await grid(page).getByRole('rowheader').allInnerTexts()).map((t) => t.split('\n')[0]!.trim());
}

test('the matrix shows every recommendation by district, status in words and colour, with a key; filters narrow it', async ({ page }) => {
  const all = await backend<Matrix>('countywide.matrix');
  await expect(page.getByRole('status').filter({ hasText: `${all.rows.length} recommendations in all, across 6 districts.` })).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(all.rows.length);
  for (const name of DISTRICTS) await expect(grid(page).getByRole('columnheader', { name, exact: true })).toBeVisible();
  expect(await rowHeaderRefs(page)).toEqual(all.rows.map(refOf));
  await expect(cellAt(page, 0, 0)).toContainText(all.rows[0]!.recommendation.text.slice(0, 30));

  // A cell gives the status in words beside its swatch, or the decision in words, and says when it is overdue.
  const overdueRow = all.rows.findIndex((r) => r.cells.some((c) => c.due === 'overdue'));
  const overdueCol = all.rows[overdueRow]!.cells.findIndex((c) => c.due === 'overdue') + 1;
  const overdueCell = cellAt(page, overdueRow, overdueCol);
  await expect(overdueCell).toContainText('Overdue');
  await expect(overdueCell.locator('.status__swatch')).toHaveCount(1);
  const notApplicable = all.rows.flatMap((r, i) => r.cells.map((c, j) => ({ c, i, j }))).find(({ c }) => c.decision === 'not_applicable')!;
  await expect(cellAt(page, notApplicable.i, notApplicable.j + 1)).toHaveText('Not applicable');
  await expect(cellAt(page, notApplicable.i, notApplicable.j + 1).locator('.status__swatch')).toHaveCount(0);

  // The key explains every colour and word.
  const key = page.getByRole('region', { name: 'Key' });
  for (const words of ['On track (GREEN)', 'Blocked (RED)', 'Not applicable', 'Already in place', 'Under consideration', 'Overdue', 'Due soon']) {
    await expect(key).toContainText(words);
  }
  await expectNoAxeViolations(page, 'countywide matrix');

  // By review.
  const { rows: reviews } = await backend<{ rows: ReviewRow[] }>('reviews.list');
  const review = reviews.find((r) => r.reference === 'DHR-HU-2024-01')!;
  await page.getByLabel('Review').selectOption({ label: 'DHR-HU-2024-01 (Huntingdonshire)' });
  const byReview = await backend<Matrix>('countywide.matrix', { reviewId: review.id });
  await expect(page.getByRole('status').filter({ hasText: `${byReview.rows.length} recommendations match these filters` })).toBeVisible();
  expect(await rowHeaderRefs(page)).toEqual(byReview.rows.map(refOf));
  expect(byReview.rows.length).toBe(review.recommendations);

  // And by status, within that review: every row has that status somewhere.
  await page.getByLabel('Status').selectOption({ label: 'Not started' });
  const notStarted = await backend<Matrix>('countywide.matrix', { reviewId: review.id, status: 'not_started' });
  await expect(bodyRows(page)).toHaveCount(notStarted.rows.length);
  for (let i = 0; i < notStarted.rows.length; i++) await expect(bodyRows(page).nth(i)).toContainText('Not started');

  // Clearing the filters brings everything back.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(bodyRows(page)).toHaveCount(all.rows.length);
  await expect(page.getByLabel('Review')).toHaveValue('');

  // Overdue only: each row left has an overdue district.
  await page.getByLabel('Overdue only').check();
  const overdue = await backend<Matrix>('countywide.matrix', { overdueOnly: true });
  expect(overdue.rows.length).toBeGreaterThan(0);
  expect(overdue.rows.length).toBeLessThan(all.rows.length);
  await expect(bodyRows(page)).toHaveCount(overdue.rows.length);
  expect(await rowHeaderRefs(page)).toEqual(overdue.rows.map(refOf));
  for (let i = 0; i < overdue.rows.length; i++) await expect(bodyRows(page).nth(i)).toContainText('Overdue');
  await page.getByLabel('Overdue only').uncheck();

  // By theme.
  const { themes } = await backend<PartnershipLists>('partnership.lists');
  const counts = await Promise.all(themes.map(async (t) => ({ t, n: (await backend<Matrix>('countywide.matrix', { themeId: t.id })).rows.length })));
  const used = counts.filter((c) => c.n > 0 && c.n < all.rows.length).sort((a, b) => b.n - a.n)[0]!;
  await page.getByLabel('Theme').selectOption({ label: used.t.name });
  await expect(bodyRows(page)).toHaveCount(used.n);

  // Filters that match nothing say so.
  await page.getByLabel('Review').selectOption({ label: 'DHR-HU-2024-01 (Huntingdonshire)' });
  await page.getByLabel('Status').selectOption({ label: 'Not implemented' });
  await expect(page.getByText('No recommendations match these filters.')).toBeVisible();
  await expect(grid(page)).toHaveCount(0);
  await expectNoAxeViolations(page, 'countywide matrix, filtered to nothing');
});

test('the matrix works from the keyboard: one tab stop, arrow keys, Home and End, Enter for details', async ({ page }) => {
  const all = await backend<Matrix>('countywide.matrix');
  await expect(bodyRows(page)).toHaveCount(all.rows.length);
  // One tab stop: Tab from the last filter lands on the first row header, and the next Tab leaves the grid.
  await expect(grid(page).locator('[tabindex="0"]')).toHaveCount(1);
  await page.getByLabel('Overdue only').focus();
  await page.keyboard.press('Tab');
  await expect(cellAt(page, 0, 0)).toBeFocused();

  await page.keyboard.press('ArrowRight');
  await expect(cellAt(page, 0, 1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(cellAt(page, 1, 1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(cellAt(page, 1, 6)).toBeFocused();
  await page.keyboard.press('ArrowRight'); // at the edge: stays
  await expect(cellAt(page, 1, 6)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(cellAt(page, 1, 0)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp'); // at the top: stays
  await expect(cellAt(page, 0, 0)).toBeFocused();
  await page.keyboard.press('Control+End');
  await expect(cellAt(page, all.rows.length - 1, 6)).toBeFocused();
  await page.keyboard.press('Control+Home');
  await expect(cellAt(page, 0, 0)).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(cellAt(page, 10, 0)).toBeFocused();
  await expect(grid(page).locator('[tabindex="0"]')).toHaveCount(1);

  // Tab leaves the grid; Shift+Tab comes back to the cell it left.
  await page.keyboard.press('Tab');
  await expect(grid(page).locator(':focus')).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  await expect(cellAt(page, 10, 0)).toBeFocused();

  // Enter on an applicable district's cell shows its details below, and focus stays in the grid.
  const row = all.rows.findIndex((r) => r.cells.some((c) => c.decision === 'applicable' && c.targetDate && c.due === 'overdue'));
  const col = all.rows[row]!.cells.findIndex((c) => c.decision === 'applicable' && c.targetDate && c.due === 'overdue');
  const cell = all.rows[row]!.cells[col]!;
  const district = all.districts[col]!.name;
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < row; i++) await page.keyboard.press('ArrowDown');
  for (let j = 0; j <= col; j++) await page.keyboard.press('ArrowRight');
  await expect(cellAt(page, row, col + 1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(cellAt(page, row, col + 1)).toBeFocused();
  const details = page.getByRole('region', { name: `${refOf(all.rows[row]!)} in ${district}` });
  await expect(details).toBeVisible();
  const fact = (term: string) => details.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
  await expect(fact('District')).toHaveText(district);
  await expect(fact('Decision')).toHaveText('Applicable');
  await expect(fact('Due')).toHaveText('Overdue');
  await expect(fact('Local target date')).toHaveText(formatUkDate(cell.targetDate!));
  await expect(fact('Officer')).not.toBeEmpty();
  await expect(fact('Local lead')).not.toBeEmpty();
  await expect(fact('Latest update')).toContainText(/As at \d\d\/\d\d\/\d{4}, by /);
  await expect(details).toContainText(all.rows[row]!.recommendation.text);
  await expect(page.getByText(`Details shown below the matrix for ${refOf(all.rows[row]!)} in ${district}`)).toBeAttached();
  await expectNoAxeViolations(page, 'countywide matrix with details');

  // Space on the row header shows the recommendation across every district.
  await page.keyboard.press('Home');
  await page.keyboard.press(' ');
  const across = page.getByRole('region', { name: refOf(all.rows[row]!), exact: true });
  await expect(across).toBeVisible();
  for (const name of DISTRICTS) await expect(across.getByRole('listitem').filter({ hasText: `${name}:` })).toHaveCount(1);
  await across.getByRole('button', { name: 'Close details' }).click();
  await expect(across).toHaveCount(0);

  // A click works as Enter does, and moves the tab stop there.
  await cellAt(page, 2, 3).click();
  await expect(page.getByRole('region', { name: `${refOf(all.rows[2]!)} in ${all.districts[2]!.name}` })).toBeVisible();
  await expect(cellAt(page, 2, 3)).toHaveAttribute('tabindex', '0');
  await expect(grid(page).locator('[tabindex="0"]')).toHaveCount(1);
});

/**
 * Hold back the replies for the countywide matrix that `hold` picks, until
 * released: as if main were slow to read those rows. `delivered` settles once
 * every held reply has been handed back to the page.
 */
function holdMatrixReplies(hold: (input: Record<string, unknown>) => boolean) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held: Array<Promise<unknown>> = [];
  const dispatch = app.backend.dispatch;
  app.backend.dispatch = async (channel, input) => {
    if (channel !== 'countywide.matrix' || !hold((input ?? {}) as Record<string, unknown>)) return dispatch(channel, input);
    const reply = gate.then(() => dispatch(channel, input));
    held.push(reply);
    return reply;
  };
  return {
    held: () => held.length,
    release: async () => {
      release();
      await Promise.all(held);
    },
  };
}

/** Let the page take in replies already sent and render them. */
const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => setTimeout(() => requestAnimationFrame(resolve), 100)));

test('rows not read yet show as loading, keep their place for the keyboard, and fill in when their page comes', async ({ page }) => {
  const all = await backend<Matrix>('countywide.matrix');
  expect(all.total).toBe(all.rows.length);
  // Rows are fetched a page at a time; hold back every page after the first.
  const slow = holdMatrixReplies((input) => ((input.offset as number | undefined) ?? 0) > 0);
  await openScreen(page, 'Dashboard');
  await openScreen(page, 'Countywide');
  await expect(page.getByRole('status').filter({ hasText: `${all.rows.length} recommendations in all, across 6 districts.` })).toBeVisible();
  // Every row has its place (aria-rowcount counts them all); those not read yet say so.
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(all.rows.length + 1));
  await expect(bodyRows(page)).toHaveCount(all.rows.length);
  const waiting = await loadingRows(page).count();
  expect(waiting).toBeGreaterThan(0);
  expect(waiting).toBeLessThan(all.rows.length);
  const firstWaiting = all.rows.length - waiting;
  await expect(cellAt(page, 0, 0)).toContainText(refOf(all.rows[0]!));
  await expect(cellAt(page, firstWaiting, 0)).toHaveText('Loading…');
  await expect(bodyRows(page).nth(firstWaiting)).toHaveAttribute('aria-rowindex', String(firstWaiting + 2));
  expect(slow.held()).toBeGreaterThan(0);
  await expectNoAxeViolations(page, 'countywide matrix, rows still loading');

  // The keyboard reaches a row still loading; Enter there says so rather than showing nothing.
  await cellAt(page, 0, 0).focus();
  await page.keyboard.press('Control+End');
  const lastCell = cellAt(page, all.rows.length - 1, 6);
  await expect(lastCell).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('That row is still loading. Try again in a moment.')).toBeAttached();

  // Its page comes: the row fills in, and focus stays on the same cell.
  await slow.release();
  await expect(loadingRows(page)).toHaveCount(0);
  await expect(cellAt(page, all.rows.length - 1, 0)).toContainText(refOf(all.rows.at(-1)!));
  await expect(lastCell).toBeFocused();
  expect(await rowHeaderRefs(page)).toEqual(all.rows.map(refOf));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: `${refOf(all.rows.at(-1)!)} in ${all.districts[5]!.name}` })).toBeVisible();
});

test('a reply for filters already changed is ignored, however late it comes', async ({ page }) => {
  const onTrack = await backend<Matrix>('countywide.matrix', { status: 'on_track' });
  const blocked = await backend<Matrix>('countywide.matrix', { status: 'blocked' });
  expect(onTrack.rows.length).toBeGreaterThan(0);
  expect(blocked.rows.map(refOf)).not.toEqual(onTrack.rows.map(refOf));
  await expect(bodyRows(page).first()).toBeVisible();

  // Blocked is slow to come back; by the time it does, the person has chosen On track instead.
  const slow = holdMatrixReplies((input) => input.status === 'blocked');
  await page.getByLabel('Status').selectOption({ label: 'Blocked' });
  await expect.poll(() => slow.held()).toBeGreaterThan(0);
  // While it loads, the rows showing are marked busy.
  await expect(grid(page)).toHaveAttribute('aria-busy', 'true');
  await page.getByLabel('Status').selectOption({ label: 'On track' });
  await expect(page.getByRole('status').filter({ hasText: `${onTrack.rows.length} recommendations match these filters` })).toBeVisible();
  expect(await rowHeaderRefs(page)).toEqual(onTrack.rows.map(refOf));
  await expect(grid(page)).not.toHaveAttribute('aria-busy');

  await slow.release();
  await settle(page);
  await expect(page.getByRole('status').filter({ hasText: `${onTrack.rows.length} recommendations match these filters` })).toBeVisible();
  expect(await rowHeaderRefs(page)).toEqual(onTrack.rows.map(refOf));
  await expect(page.getByLabel('Status')).toHaveValue('on_track');
});
