import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { startApp, type TestApp } from './harness.ts';
import { createStoreThroughUi } from './journeys.ts';

// A change of screen must be told to keyboard and screen-reader users:
// focus moves to the new screen's heading, and the change is announced.

let app: TestApp;
test.beforeEach(async ({ page }) => {
  app = await startApp(page);
  await createStoreThroughUi(page, { demo: true });
});
test.afterEach(() => app.close());

test('moving to another screen puts focus on its heading and announces it', async ({ page }) => {
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [button, heading] of [
    ['Reviews', 'Reviews'],
    ['Settings', 'Settings'],
    ['Dashboard', 'Dashboard'],
  ] as const) {
    await nav.getByRole('button', { name: button, exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeFocused();
    await expect(page.getByText(`${button} screen`, { exact: true })).toBeAttached();
  }
  await expectNoAxeViolations(page, 'a screen reached from the menu');
});
