import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { loadDemo } from '../../electron/services/demo/demo-loader.ts';
import { openPackage } from '../../electron/services/exchange/pack-format.ts';
import { buildPackage } from '../../electron/services/exchange/pack-service.ts';
import { saveRecommendation } from '../../electron/services/recommendations/recommendation-save.ts';
import { loadRecommendations } from '../../electron/services/recommendations/recommendation-store.ts';
import { todayOf } from '../../shared/domain/clock.ts';
import { createStore } from '../../electron/services/store/open-store.ts';
import { storeStats } from '../../electron/services/store/store-stats.ts';
import { expectNoAxeViolations } from './axe.ts';
import { startApp, type TestApp } from './harness.ts';
import { createStoreThroughUi } from './journeys.ts';
import { TEST_STORE_OPTIONS } from '../support/clock.ts';

// The Exchange screen as a CSP officer, the countywide group and a chair
// use it: export a package, import one after seeing its preview, import an
// old action plan with its columns chosen, and export a spreadsheet for
// analysts; with refusals shown in words, progress shown, and axe checks.

const PACK = 'amber kettle harbour tulip';
let app: TestApp;

test.afterEach(() => {
  expect(app.blockedRequests).toEqual([]);
  app.close();
});

async function backend<T>(channel: string, input: unknown = {}): Promise<T> {
  const reply = await app.backend.dispatch(channel, input);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as T;
}

async function openExchange(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Exchange', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Exchange', level: 1 })).toBeVisible();
}

/** Record every progress bar the page shows from now on, however briefly. */
async function watchProgress(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __seen: string[] };
    w.__seen = [];
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('.progress__text')) if (!w.__seen.includes(el.textContent ?? '')) w.__seen.push(el.textContent ?? '');
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
}

test('the countywide group’s package is previewed, refused with the wrong passphrase, and imported into a new installation', async ({ page }) => {
  app = await startApp(page);
  // The countywide group's store, made outside the app.
  const sourceFile = path.join(app.dir, 'county.dhr');
  const source = createStore(sourceFile, 'county store passphrase', { ...TEST_STORE_OPTIONS, appVersion: 'e2e' });
  loadDemo(source, { actor: 'e2e' });
  const built = await buildPackage(source, { passphrase: PACK, districtId: null, includeRealNames: false, appVersion: 'e2e' });
  const expected = storeStats(source.db);
  // Then the county takes an action without progress updates off a recommendation: the newer package carries the deletion.
  const lone = source.db
    .prepare('SELECT a.recommendation_id AS id, r.review_id AS reviewId, a.id AS actionId FROM actions a JOIN recommendations r ON r.id = a.recommendation_id WHERE r.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM progress_updates u WHERE u.action_id = a.id) ORDER BY a.rowid LIMIT 1')
    .get() as { id: string; reviewId: string; actionId: string };
  const rec = loadRecommendations(source.db, lone.reviewId, lone.id)[0]!;
  saveRecommendation(source, { ...rec, actions: rec.actions.filter((a) => a.id !== lone.actionId) }, 'e2e', todayOf(source.clock));
  const newer = await buildPackage(source, { passphrase: PACK, districtId: null, includeRealNames: false, appVersion: 'e2e' });
  source.close();
  const packageFile = path.join(app.dir, built.defaultName);
  fs.writeFileSync(packageFile, built.bytes);
  const newerFile = path.join(app.dir, 'newer.dhrpack');
  fs.writeFileSync(newerFile, newer.bytes);

  await createStoreThroughUi(page);
  await openExchange(page);
  await expectNoAxeViolations(page, 'Exchange');
  const panel = page.getByRole('region', { name: 'Import package' });
  app.openNext.file = packageFile;

  // No passphrase: said beside the field.
  await panel.getByRole('button', { name: 'Import package' }).click();
  await expect(panel.getByLabel('Package passphrase')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel).toContainText('Enter the passphrase the sender gave you for this package.');

  // The wrong passphrase: refused in words.
  await panel.getByLabel('Package passphrase').fill('not the right passphrase');
  await panel.getByRole('button', { name: 'Import package' }).click();
  await expect(panel.getByRole('alert').first()).toContainText('That passphrase does not open this package', { timeout: 30_000 });
  await expectNoAxeViolations(page, 'Exchange, wrong package passphrase');

  // The right one: a preview, and nothing written yet.
  await panel.getByLabel('Package passphrase').fill(PACK);
  const progress = await watchProgress(page);
  await panel.getByRole('button', { name: 'Import package' }).click();
  const table = panel.getByRole('table', { name: 'What importing would do, by kind of record' });
  await expect(table).toBeVisible({ timeout: 30_000 });
  await expect(table.getByRole('row', { name: /^Reviews 17 0 0 0 0 0$/ })).toBeVisible();
  await expect(panel).toContainText('The whole store of the sender');
  await expect(panel).toContainText('Not included: pseudonyms only');
  expect((await backend<{ reviews: number }>('store.stats')).reviews).toBe(0);
  await expectNoAxeViolations(page, 'Exchange, package preview');

  await panel.getByRole('button', { name: 'Apply import' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Package imported' })).toBeVisible({ timeout: 30_000 });
  expect(await backend('store.stats')).toEqual(expected);
  expect((await progress()).some((s) => /^(Checking the package|Unlocking the package|Checking its records|Comparing it with this store|Importing .*): \d+ of \d+$/.test(s))).toBe(true);

  // The same package again: nothing to import.
  await panel.getByLabel('Package passphrase').fill(PACK);
  await panel.getByRole('button', { name: 'Import package' }).click();
  await expect(panel.getByText('Nothing to import: this store already has everything in this package.')).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole('button', { name: 'Apply import' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Close the preview' }).click();

  // The newer package: its deleted action is shown as one to remove, and removed.
  app.openNext.file = newerFile;
  await panel.getByLabel('Package passphrase').fill(PACK);
  await panel.getByRole('button', { name: 'Import package' }).click();
  await expect(table.getByRole('row', { name: /^Actions 0 \d+ 1 \d+ 0 0$/ })).toBeVisible({ timeout: 30_000 });
  await expect(panel).toContainText('removes 1 that their owner deleted');
  await panel.getByRole('button', { name: 'Apply import' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Package imported' })).toContainText('and 1 removed', { timeout: 30_000 });
  expect((await backend<{ actions: number }>('store.stats')).actions).toBe(expected.actions - 1);
});

test('a district package from an installation that entered the same reviews apart adds no second copy of any recommendation', async ({ page }) => {
  app = await startApp(page);
  // Fenland's own installation, which loaded the same demo itself: the same reviews under other ids.
  const sourceFile = path.join(app.dir, 'fenland.dhr');
  const source = createStore(sourceFile, 'fenland store passphrase', { ...TEST_STORE_OPTIONS, appVersion: 'e2e' });
  loadDemo(source, { actor: 'e2e' });
  const fenlandThere = source.db.prepare("SELECT id FROM districts WHERE name = 'Fenland'").pluck().get() as string;
  const built = await buildPackage(source, { passphrase: PACK, districtId: fenlandThere, includeRealNames: false, appVersion: 'e2e' });
  const packageFile = path.join(app.dir, built.defaultName);
  fs.writeFileSync(packageFile, built.bytes);
  // Later, there, a second recommendation numbered 4 is entered by mistake.
  source.db
    .prepare(
      `INSERT INTO recommendations (id, review_id, position, text, scope, owner_installation_id, owner_district_id, created_at, updated_at)
       SELECT ?, review_id, 4, 'Licensing should check late-night venues for safeguarding training.', scope, owner_installation_id, owner_district_id, created_at, updated_at
       FROM recommendations WHERE position = 4 AND review_id = (SELECT id FROM reviews WHERE reference = 'DHR-FL-2016-01')`,
    )
    .run(randomUUID());
  const mistake = await buildPackage(source, { passphrase: PACK, districtId: fenlandThere, includeRealNames: false, appVersion: 'e2e' });
  const mistakeFile = path.join(app.dir, 'mistake.dhrpack');
  fs.writeFileSync(mistakeFile, mistake.bytes);
  source.close();

  await createStoreThroughUi(page, { demo: true });
  type Reviews = { rows: Array<{ reference: string; recommendations: number }> };
  const perReview = async () => Object.fromEntries((await backend<Reviews>('reviews.list')).rows.map((r) => [r.reference, r.recommendations]));
  const lists = await backend<{ districts: Array<{ id: string; name: string }> }>('partnership.lists');
  const fenland = lists.districts.find((d) => d.name === 'Fenland')!.id;
  const myFenland = async () => (await backend<{ items: unknown[] }>('myDistrict.get', { districtId: fenland })).items.length;
  const before = { stats: await backend('store.stats'), perReview: await perReview(), my: await myFenland() };
  expect(before.perReview['DHR-FL-2016-01']).toBe(9);

  await openExchange(page);
  const panel = page.getByRole('region', { name: 'Import package' });
  app.openNext.file = packageFile;
  await panel.getByLabel('Package passphrase').fill(PACK);
  await panel.getByRole('button', { name: 'Import package' }).click();
  const table = panel.getByRole('table', { name: 'What importing would do, by kind of record' });
  await expect(table).toBeVisible({ timeout: 30_000 });
  // Adds nothing: every recommendation, decision and update is the one this store already has.
  await expect(table.getByRole('row', { name: /^Recommendations 0 0 0 \d+ 0 0$/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^Progress updates 0 0 0 \d+ 0 0$/ })).toBeVisible();
  await expect(panel).toContainText("records here are the same as the package's under another id");
  await expect(panel.getByText('Check before you apply')).toHaveCount(0);
  await expectNoAxeViolations(page, 'Exchange, preview of a package with linked records');

  await panel.getByRole('button', { name: 'Apply import' }).click();
  const done = panel.getByRole('status').filter({ hasText: 'Package imported' });
  await expect(done).toBeVisible({ timeout: 30_000 });
  await expect(done).toContainText(/0 records added, 0 changed and 0 removed; \d+ linked to the same records here/);
  expect(await backend('store.stats')).toEqual(before.stats);
  expect(await perReview()).toEqual(before.perReview);
  expect(await myFenland()).toBe(before.my);

  // The same package again: nothing to import.
  await panel.getByLabel('Package passphrase').fill(PACK);
  await panel.getByRole('button', { name: 'Import package' }).click();
  await expect(panel.getByText('Nothing to import: this store already has everything in this package.')).toBeVisible({ timeout: 30_000 });

  // The later package would give the review two recommendation 4s: the preview says so before anything is written.
  app.openNext.file = mistakeFile;
  await panel.getByLabel('Package passphrase').fill(PACK);
  await panel.getByRole('button', { name: 'Import package' }).click();
  await expect(table.getByRole('row', { name: /^Recommendations 1 0 0 \d+ 0 0$/ })).toBeVisible({ timeout: 30_000 });
  const warning = panel.getByRole('alert').filter({ hasText: 'Check before you apply' });
  await expect(warning).toContainText('DHR-FL-2016-01 would have 10 recommendations but only 9 numbers');
  await expectNoAxeViolations(page, 'Exchange, preview with a warning');
  expect(await perReview()).toEqual(before.perReview);
});

test('a recommendation worded a little differently here is a conflict, linked once the person ticks that it is the same', async ({ page }) => {
  app = await startApp(page);
  // There, recommendation 2 of DHR-FL-2016-01 was typed with a few more words than here.
  const source = createStore(path.join(app.dir, 'fenland.dhr'), 'fenland store passphrase', { ...TEST_STORE_OPTIONS, appVersion: 'e2e' });
  loadDemo(source, { actor: 'e2e' });
  source.db.prepare("UPDATE recommendations SET text = text || ' Within twelve months.' WHERE position = 2 AND review_id = (SELECT id FROM reviews WHERE reference = 'DHR-FL-2016-01')").run();
  const fenlandThere = source.db.prepare("SELECT id FROM districts WHERE name = 'Fenland'").pluck().get() as string;
  const built = await buildPackage(source, { passphrase: PACK, districtId: fenlandThere, includeRealNames: false, appVersion: 'e2e' });
  source.close();
  const packageFile = path.join(app.dir, built.defaultName);
  fs.writeFileSync(packageFile, built.bytes);

  await createStoreThroughUi(page, { demo: true });
  const before = await backend('store.stats');
  await openExchange(page);
  const panel = page.getByRole('region', { name: 'Import package' });
  app.openNext.file = packageFile;
  await panel.getByLabel('Package passphrase').fill(PACK);
  await panel.getByRole('button', { name: 'Import package' }).click();
  const table = panel.getByRole('table', { name: 'What importing would do, by kind of record' });
  await expect(table.getByRole('row', { name: /^Recommendations 0 0 0 \d+ 1 0$/ })).toBeVisible({ timeout: 30_000 });
  await expect(panel).toContainText("a little different from this store's");
  const same = panel.getByLabel("They are the same: link recommendation 2 of DHR-FL-2016-01 to the package's, with what hangs from it");
  await same.check();
  await expect(panel).toContainText('the near match you ticked is linked too');
  await expectNoAxeViolations(page, 'Exchange, a near match to decide');
  await panel.getByRole('button', { name: 'Apply import' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Package imported' })).toBeVisible({ timeout: 30_000 });
  expect(await backend('store.stats')).toEqual(before);

  // Linked: the same package again finds it by id, and has nothing to import or ask.
  await panel.getByLabel('Package passphrase').fill(PACK);
  await panel.getByRole('button', { name: 'Import package' }).click();
  await expect(panel.getByText('Nothing to import: this store already has everything in this package.')).toBeVisible({ timeout: 30_000 });
});

test('a CSP exports a package of its district, and the spreadsheet for analysts', async ({ page }) => {
  app = await startApp(page);
  await createStoreThroughUi(page, { demo: true });
  await openExchange(page);
  const panel = page.getByRole('region', { name: 'Export package' });
  await panel.getByLabel('One district\'s own records (a CSP)').check();
  await panel.getByLabel('District', { exact: true }).selectOption({ label: 'Fenland' });
  await panel.getByLabel('Package passphrase', { exact: true }).fill(PACK);
  await panel.getByLabel('Type the package passphrase again').fill(`${PACK} typo`);
  await panel.getByRole('button', { name: 'Export package' }).click();
  await expect(panel.getByLabel('Type the package passphrase again')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel).toContainText('The two passphrases are not the same.');
  await expectNoAxeViolations(page, 'Exchange, passphrase error');
  expect(fs.readdirSync(path.join(app.dir, 'exports'))).toEqual([]);

  await panel.getByLabel('Type the package passphrase again').fill(PACK);
  await panel.getByRole('button', { name: 'Export package' }).click();
  const saved = panel.getByRole('status').filter({ hasText: 'Package saved' });
  await expect(saved).toBeVisible({ timeout: 30_000 });
  const file = (await saved.locator('.exchange__file').textContent())!;
  expect(path.basename(file)).toMatch(/^DHR exchange Fenland \d\d-\d\d-\d{4}\.dhrpack$/);
  const opened = await openPackage(fs.readFileSync(file), PACK);
  expect(opened.metadata).toMatchObject({ scope: { kind: 'district', districtName: 'Fenland' }, includesRealNames: false });

  const sheet = page.getByRole('region', { name: 'Export spreadsheet' });
  await sheet.getByRole('button', { name: 'Export spreadsheet' }).click();
  const done = sheet.getByRole('status').filter({ hasText: 'Spreadsheet saved' });
  await expect(done).toBeVisible({ timeout: 30_000 });
  const xlsx = (await done.locator('.exchange__file').textContent())!;
  const workbook = strFromU8(unzipSync(fs.readFileSync(xlsx))['xl/workbook.xml']!);
  expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(['Reviews', 'Recommendations', 'Actions', 'Applicability', 'Updates']);
  await expectNoAxeViolations(page, 'Exchange, after exports');
});

test('a chair imports an old action plan from a spreadsheet, choosing its columns, and a hostile file is refused', async ({ page }) => {
  app = await startApp(page);
  await createStoreThroughUi(page, { demo: true });
  const reviews = await backend<{ rows: Array<{ id: string; reference: string; recommendations: number }> }>('reviews.list');
  const review = reviews.rows.find((r) => r.recommendations === 0)!;
  await openExchange(page);
  const panel = page.getByRole('region', { name: 'Import action plan' });

  // A file with a climbing name inside is refused in words.
  const hostile = path.join(app.dir, 'plan.docx');
  const { zipSync, strToU8 } = await import('fflate');
  fs.writeFileSync(hostile, zipSync({ 'word/document.xml': strToU8('<w:document/>'), '../../escape.txt': strToU8('x') }));
  await panel.getByRole('button', { name: 'Import action plan' }).click();
  await expect(panel).toContainText('Choose the review the action plan belongs to.');
  await panel.getByLabel('Review').selectOption(review.id);
  app.openNext.file = hostile;
  await panel.getByRole('button', { name: 'Import action plan' }).click();
  await expect(panel.getByRole('alert')).toContainText('points outside the document');

  // An old tracker saved as CSV, with unhelpful column names.
  const csv = path.join(app.dir, 'tracker.csv');
  fs.writeFileSync(
    csv,
    '\uFEFFCol A;Col B;Col C;Col D;Col E\r\n' +
      'Share MARAC minutes with GPs;Agree a secure route;Q2 2027/28;Fenland GP Alliance;Amber\r\n' +
      ';Audit that minutes arrive;March 2028;Fenland GP Alliance;Not started\r\n' +
      'Train reception staff;Run two sessions;sometime soon;Fenland GP Alliance;\r\n',
  );
  app.openNext.file = csv;
  await panel.getByRole('button', { name: 'Import action plan' }).click();
  const mapping = panel.getByRole('table', { name: /Which column holds what/ });
  await expect(mapping).toBeVisible();
  await expect(panel.getByText('Nothing in this file can be imported')).toBeVisible();
  await mapping.getByLabel('Recommendation', { exact: true }).selectOption({ label: 'A: Col A (for example “Share MARAC minutes with GPs”)' });
  await mapping.getByLabel('Action to take').selectOption({ index: 2 });
  await mapping.getByLabel('Target date').selectOption({ index: 3 });
  await mapping.getByLabel('Lead agency').selectOption({ index: 4 });
  await mapping.getByLabel('Status or RAG rating').selectOption({ index: 5 });
  await panel.getByRole('button', { name: 'Preview again with these columns' }).click();

  const understood = panel.getByRole('table', { name: /Rows understood: 2/ });
  await expect(understood).toBeVisible();
  await expect(understood).toContainText('Agree a secure route');
  await expect(understood).toContainText('30/09/2027');
  await expect(understood).toContainText('31/03/2028');
  const notUnderstood = panel.getByRole('table', { name: /Rows not understood, and why: 1/ });
  await expect(notUnderstood).toContainText('Row 4');
  await expect(notUnderstood).toContainText('"sometime soon" is not a date DHR Tracker understands');
  const agencies = panel.getByRole('table', { name: "Lead agencies not in the partnership's list" });
  await expect(agencies.getByLabel('Fenland GP Alliance')).toHaveValue('new');
  await expectNoAxeViolations(page, 'Exchange, action plan preview');

  await panel.getByRole('button', { name: `Import 1 recommendation into ${review.reference}` }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Action plan imported' })).toContainText(`1 recommendation with 2 actions added to ${review.reference}, and 1 agency added`);
  const list = await backend<{ recommendations: Array<{ text: string; actions: Array<{ actionText: string; targetDate: string }> }> }>('recommendations.list', { reviewId: review.id });
  expect(list.recommendations.map((r) => [r.text, r.actions.map((a) => [a.actionText, a.targetDate])])).toEqual([
    ['Share MARAC minutes with GPs', [['Agree a secure route', '2027-09-30'], ['Audit that minutes arrive', '2028-03-31']]],
  ]);
});

test('the spreadsheet for analysts is refused with a real name in it, and saved as an internal export marked OFFICIAL-SENSITIVE', async ({ page }) => {
  app = await startApp(page);
  await createStoreThroughUi(page, { demo: true });
  // A real name typed into a recommendation, as a careless or hostile hand might.
  app.backend.session.requireStore().db.prepare("UPDATE recommendations SET text = text || ' Joanna Penhallow told her GP.' WHERE position = 1 AND review_id = (SELECT id FROM reviews WHERE reference = 'DHR-FL-2016-01')").run();
  await openExchange(page);
  const sheet = page.getByRole('region', { name: 'Export spreadsheet' });
  await sheet.getByRole('button', { name: 'Export spreadsheet' }).click();
  const refused = sheet.getByRole('alert').filter({ hasText: 'The spreadsheet was not exported' });
  await expect(refused).toContainText('Joanna Penhallow (DHR-FL-2016-01): Recommendations sheet');
  await sheet.getByLabel('Internal export, marked OFFICIAL-SENSITIVE').check();
  await sheet.getByRole('button', { name: 'Export spreadsheet' }).click();
  const done = sheet.getByRole('status').filter({ hasText: 'Internal spreadsheet saved, marked OFFICIAL-SENSITIVE' });
  await expect(done).toBeVisible({ timeout: 30_000 });
  const xlsx = (await done.locator('.exchange__file').textContent())!;
  expect(path.basename(xlsx)).toMatch(/ OFFICIAL-SENSITIVE\.xlsx$/);
  expect(strFromU8(unzipSync(fs.readFileSync(xlsx))['xl/workbook.xml']!)).toMatch(/<sheets><sheet name="OFFICIAL-SENSITIVE"/);
  await expectNoAxeViolations(page, 'Exchange, internal export');
});
