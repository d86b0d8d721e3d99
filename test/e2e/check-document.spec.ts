import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DOCX_PACKAGE_HITS, docxPackageDocument } from '../unit/anonymity/planted-documents.ts';
import { expectNoAxeViolations } from './axe.ts';
import { startApp, type TestApp } from './harness.ts';
import { createStoreThroughUi } from './journeys.ts';

// "Check a document for names" on the Reports screen, as a chair would use
// it on their own draft: the real dialog stand-in, the real backend and the
// demo partnership's registers.

let app: TestApp;
test.beforeEach(async ({ page }) => {
  app = await startApp(page);
  await createStoreThroughUi(page, { demo: true });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reports', exact: true }).click();
});
test.afterEach(() => {
  expect(app.blockedRequests).toEqual([]);
  app.close();
});

test('a draft with real names gets a warning and a table of every place; a clean one is reported clean', async ({ page }) => {
  const panel = page.getByRole('region', { name: 'Check a document for names' });
  await expect(panel.getByRole('heading', { name: 'Check a document for names' })).toBeVisible();

  const draft = path.join(app.dir, 'Draft overview report.docx');
  fs.writeFileSync(draft, await docxPackageDocument());
  app.openNext.file = draft;
  await panel.getByRole('button', { name: 'Check a document for names' }).click();
  await expect(panel.getByRole('alert')).toContainText(`Warning: real names found in ${DOCX_PACKAGE_HITS.length} places in Draft overview report.docx`);
  const table = panel.getByRole('table', { name: /Real names found in Draft overview report\.docx/ });
  await expect(table.getByRole('columnheader')).toHaveText(['Name', 'Review', 'Where', 'Context']);
  await expect(table.getByRole('row')).toHaveCount(DOCX_PACKAGE_HITS.length + 1);
  const header = table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Header', exact: true }) });
  await expect(header.getByRole('cell')).toHaveText(['Joanna Penhallow', 'DHR-FL-2016-01', 'Header', 'Review into the death of Joanna Penhallow']);
  await expect(header.locator('mark')).toHaveText('Joanna Penhallow');
  await expectNoAxeViolations(page, 'Reports screen with anonymity hits');

  // The chair's corrected copy: the app's own action plan export, which holds pseudonyms only.
  const clean = path.join(app.dir, 'Corrected draft.docx');
  const reviewId = (app.backend.session.requireStore().db.prepare("SELECT id FROM reviews WHERE reference = 'DHR-FL-2016-01'").get() as { id: string }).id;
  const exported = await app.backend.dispatch('export.actionPlan', { reviewId });
  expect(exported.ok).toBe(true);
  fs.copyFileSync((exported as { value: { file: string } }).value.file, clean);
  app.openNext.file = clean;
  await panel.getByRole('button', { name: 'Check a document for names' }).click();
  await expect(panel.getByRole('status')).toHaveText('No real names from any pseudonym register were found in Corrected draft.docx.');
  await expect(panel.getByRole('table')).toHaveCount(0);
  await expectNoAxeViolations(page, 'Reports screen with a clean check');
});

test('a file that is not a Word document is refused with a clear message', async ({ page }) => {
  const panel = page.getByRole('region', { name: 'Check a document for names' });
  const notes = path.join(app.dir, 'notes.docx');
  fs.writeFileSync(notes, 'Notes from the panel meeting.\n');
  app.openNext.file = notes;
  await panel.getByRole('button', { name: 'Check a document for names' }).click();
  await expect(panel.getByRole('alert')).toContainText('The document was not checked');
  await expect(panel.getByRole('alert')).toContainText('notes.docx is not a Word document (.docx).');

  // Cancelling the dialog clears the message and shows nothing else.
  app.openNext.file = null;
  await panel.getByRole('button', { name: 'Check a document for names' }).click();
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(panel.getByRole('status')).toHaveCount(0);
});
