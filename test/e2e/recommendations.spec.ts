import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import mammoth from 'mammoth';
import { expectNoAxeViolations } from './axe.ts';
import { startApp, type TestApp } from './harness.ts';
import { createStoreThroughUi, fillDate, openScreen } from './journeys.ts';

let app: TestApp;
test.beforeEach(async ({ page }) => {
  app = await startApp(page);
  await createStoreThroughUi(page, { demo: true });
  await openScreen(page, 'Reviews');
  await page.getByRole('button', { name: 'DHR-HU-2024-01' }).click();
  await expect(page.getByRole('heading', { name: 'Recommendations (10)' })).toBeVisible();
});
test.afterEach(() => {
  expect(app.blockedRequests).toEqual([]);
  app.close();
});

test('a chair drafts a recommendation with live SMART hints and a repeat match, then exports the action plan', async ({ page }) => {
  await page.getByRole('button', { name: 'Add recommendation' }).click();
  await expect(page.getByRole('heading', { name: 'DHR-HU-2024-01: recommendation 11' })).toBeVisible();
  const smart = page.getByRole('region', { name: 'SMART check' });
  const similar = page.getByRole('region', { name: 'Made before?' });

  // A weak draft: vague verb, no outcome, no actions.
  await page.getByLabel('Recommendation', { exact: true }).fill('GP practices should consider asking patients about domestic abuse when they present with anxiety or low mood.');
  await expect(smart).toContainText('"consider" does not say what should be done.');
  await expect(smart).toContainText('Why it matters:');
  await expect(smart).toContainText('No expected outcome.');
  await expect(smart).toContainText('No actions yet.');
  // The demo already holds this recommendation, made by earlier reviews.
  await expect(similar).toContainText(/DHR-(PB-2017|SC-2022|EC-2022)-01, recommendation \d+/);
  await expect(similar).toContainText('Implementation:');
  await expectNoAxeViolations(page, 'recommendation editor');

  // Strengthen it: the hints go away as they are answered.
  await page
    .getByLabel('Recommendation', { exact: true })
    .fill('The Integrated Care Board should ensure that GP practices in Huntingdonshire ask about domestic abuse when a patient presents with anxiety or low mood, and record the answer.');
  await page.getByLabel('Scope').selectOption({ label: 'Single agency' });
  await page.getByLabel('Expected outcome').fill('An audit of 100 records in ten practices by December 2027 shows the question asked and recorded in 80%.');
  await expect(smart).not.toContainText('does not say what should be done');
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.getByLabel('Action to take').fill('Issue guidance to every practice and audit ten practices');
  await expect(smart).toContainText('Action 1 has no lead agency.');
  await page.getByLabel('Lead agency').selectOption({ label: 'Cambridgeshire and Peterborough Integrated Care Board' });
  await fillDate(page, 'Target date', '2020-01-01');
  await expect(smart).not.toContainText('no lead agency');

  // A target date before the death is refused beside the field; nothing is saved.
  await page.getByRole('button', { name: 'Save recommendation' }).click();
  await expect(page.locator('#rec-actions-0-targetDate-error')).toContainText('before the date of death (27/10/2024)');
  await fillDate(page, 'Target date', '2027-12-31');
  await expect(smart).toContainText('No hints');
  await page.getByRole('button', { name: 'Save recommendation' }).click();

  await expect(page.getByRole('heading', { name: 'Recommendations (11)' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Recommendation 11' }) });
  await expect(card).toContainText('ask about domestic abuse when a patient presents with anxiety');
  await expect(card).toContainText('31/12/2027');
  await expect(card).toContainText('No SMART hints');

  // Move it to the top.
  const cardNumbered = (n: number) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Recommendation ${n}`, exact: true }) });
  for (let n = 11; n > 1; n--) {
    await page.getByRole('button', { name: `Move up recommendation ${n}`, exact: true }).click();
    await expect(cardNumbered(n - 1)).toContainText('anxiety or low mood');
  }
  await expectNoAxeViolations(page, 'review page with recommendations');

  // Export: a Word action plan lands where the save dialog said.
  await page.getByRole('button', { name: 'Export action plan' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Action plan saved to' });
  await expect(saved).toBeVisible();
  const file = path.join(app.dir, 'exports', (await fs.promises.readdir(path.join(app.dir, 'exports'))).find((f) => f.endsWith('.docx'))!);
  const { value: text } = await mammoth.extractRawText({ path: file });
  expect(text).toContain('Key milestones achieved in enacting recommendation');
  expect(text).toContain('Issue guidance to every practice and audit ten practices');
  expect(text).toContain('31/12/2027');
});

test('an empty recommendation and an action without text are refused with messages beside the fields', async ({ page }) => {
  await page.getByRole('button', { name: 'Add recommendation' }).click();
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.getByRole('button', { name: 'Save recommendation' }).click();
  await expect(page.locator('#rec-text-error')).toContainText('Enter the recommendation.');
  await expect(page.locator('#rec-actions-0-actionText-error')).toContainText('Enter the action to take, or remove this action.');
  await expect(page.getByRole('alert').filter({ hasText: 'The recommendation was not saved' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Recommendations (10)' })).toBeVisible();
});

test('the recurring recommendations view groups what reviews keep saying', async ({ page }) => {
  await openScreen(page, 'Recurring recommendations');
  await expect(page.getByRole('heading', { name: 'Recurring recommendations', level: 1 })).toBeVisible();
  const groups = page.locator('.recurring-group');
  await expect(groups.first()).toBeVisible();
  expect(await groups.count()).toBeGreaterThanOrEqual(5);
  await expect(groups.first()).toContainText(/Made \d+ times by \d+ reviews/);
  await expect(page.getByText('seven-minute briefing').first()).toBeVisible();
  await expectNoAxeViolations(page, 'recurring recommendations');
});

test('an export with first names alone lists them for review and saves only after the tick; a real name refuses it', async ({ page }) => {
  // Words typed into a recommendation outside this screen, as a careless or hostile hand might.
  const db = app.backend.session.requireStore().db;
  const review = db.prepare("SELECT id FROM reviews WHERE reference = 'DHR-HU-2024-01'").get() as { id: string };
  const plant = (words: string) => db.prepare("UPDATE recommendations SET text = text || ' ' || ? WHERE review_id = ? AND position = 1").run(words, review.id);
  plant('Joanna and Rosalind were both seen.');
  await page.getByRole('button', { name: 'Export action plan' }).click();
  const check = page.getByRole('region', { name: 'Review first names before the action plan is saved' });
  await expect(check).toBeVisible();
  await expect(check).toContainText('These are first names only');
  await expect(check.getByRole('listitem')).toHaveCount(2);
  await expect(check.getByRole('listitem').first()).toContainText('Joanna (DHR-FL-2016-01, first name only: check whether it is this person)');
  const save = check.getByRole('button', { name: 'Save the action plan' });
  await expect(save).toBeDisabled();
  await expectNoAxeViolations(page, 'first names to review');
  await check.getByLabel('I have reviewed each of these 2 places, and none of them is a person from a pseudonym register').check();
  await save.click();
  await expect(page.getByRole('status').filter({ hasText: 'Action plan saved to' })).toBeVisible();
  await expect(check).toBeHidden();

  plant('Brenda Penhallow was there.');
  await page.getByRole('button', { name: 'Export recommendations' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'The export was not saved' });
  await expect(refused).toContainText('real names from a pseudonym register appear in it in one place');
  await expect(refused).toContainText('Brenda Penhallow (DHR-FL-2016-01)');
});
