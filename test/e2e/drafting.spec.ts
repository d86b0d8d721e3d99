import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import mammoth from 'mammoth';
import { expectNoAxeViolations } from './axe.ts';
import { startApp, type TestApp } from './harness.ts';
import { createStoreThroughUi, openScreen } from './journeys.ts';

let app: TestApp;
test.beforeEach(async ({ page }) => {
  app = await startApp(page);
  await createStoreThroughUi(page, { demo: true });
  await openScreen(page, 'Reviews');
  await page.getByRole('button', { name: 'DHR-HU-2024-01' }).click();
});
test.afterEach(() => {
  expect(app.blockedRequests).toEqual([]);
  app.close();
});

test('a chair exports the overview skeleton and runs the submission check', async ({ page }) => {
  const pack = page.getByRole('region', { name: 'Drafting pack' });
  await pack.getByRole('button', { name: 'Export overview report skeleton' }).click();
  await expect(pack.getByText(/Overview report skeleton saved to/)).toBeVisible();
  const file = path.join(app.dir, 'exports', 'DHR-HU-2024-01 overview report skeleton.docx');
  const { value } = await mammoth.extractRawText({ path: file });
  expect(value).toContain('Lessons to be learned');
  expect(value).toContain('[Chair to write:');

  await pack.getByRole('button', { name: 'Run submission check' }).click();
  await expect(pack.getByRole('heading', { name: /Submission check: Not ready/ })).toBeVisible();
  await expect(pack.getByText('Failed: The CSP approval date is recorded.')).toBeVisible();
  await expect(pack.getByText('Passed: The pseudonym register is complete.')).toBeVisible();

  // The chair's draft (here the skeleton, which holds pseudonyms only) passes the anonymity check.
  const draft = path.join(app.dir, 'draft.docx');
  fs.copyFileSync(file, draft);
  app.openNext.file = draft;
  await pack.getByRole('button', { name: 'Check the final report for names' }).click();
  await expect(pack.getByText(/Passed: The anonymity guard passes on the chair's final report/)).toBeVisible();
  await expectNoAxeViolations(page, 'review page with the drafting pack');

  // Nothing is recorded as submitted while checks fail.
  app.openNext.file = draft;
  await pack.getByRole('button', { name: 'Make the submission pack' }).click();
  await expect(pack.getByRole('alert')).toContainText('nothing was recorded as submitted');
});

test('a SMART hint can be acknowledged with a note', async ({ page }) => {
  await page.getByRole('button', { name: 'Edit recommendation 6', exact: true }).click();
  const smart = page.getByRole('region', { name: 'SMART check' });
  await expect(smart.getByRole('heading', { name: 'Keep the wording?' })).toBeVisible();
  const first = smart.locator('.acknowledgements li').first();
  await first.getByRole('textbox').fill('The panel agreed this national recommendation as written.');
  await first.getByRole('button', { name: /^Acknowledge/ }).click();
  await expect(first).toContainText('Acknowledged');
  await expect(first).toContainText('The panel agreed this national recommendation as written.');
  await expectNoAxeViolations(page, 'editor with acknowledgements');
});
