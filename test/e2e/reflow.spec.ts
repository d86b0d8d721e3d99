import { expect, test, type Page } from '@playwright/test';
import { startApp, type TestApp } from './harness.ts';
import { createStoreThroughUi } from './journeys.ts';

// WCAG 1.4.10 Reflow: at 320 CSS pixels wide (a 1280 px window at 400% zoom)
// and at 640 (200%), no screen scrolls sideways. Only data tables and the
// matrix, inside their own labelled scroll regions, may scroll both ways.

const SCREENS = ['Dashboard', 'My district', 'Countywide', 'Reviews', 'Recurring recommendations', 'Reports', 'Exchange', 'Settings'] as const;

let app: TestApp;
test.beforeEach(async ({ page }) => {
  app = await startApp(page);
  await createStoreThroughUi(page, { demo: true });
});
test.afterEach(() => app.close());

/** How far the page reaches past the window's right edge, and the first few things that stick out (outside tables and the matrix). */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const sticking = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && !e.closest('.table-wrap, [role=grid]'))
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ').join('.')}` : ''}`);
    return { extra: document.documentElement.scrollWidth - width, sticking };
  });
}

for (const width of [640, 320]) {
  test(`every screen, and a review's page, fits ${width} CSS pixels without scrolling sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const screen of SCREENS) {
      const button = nav.getByRole('button', { name: screen, exact: true });
      // The menu wraps: every screen can be reached, on screen, at this width.
      await expect(button).toBeInViewport();
      await button.click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await overflow(page), screen).toEqual({ extra: 0, sticking: [] });
    }
    await nav.getByRole('button', { name: 'Reviews', exact: true }).click();
    await page.getByRole('button', { name: 'DHR-FL-2016-01' }).click();
    await expect(page.getByRole('heading', { name: /DHR-FL-2016-01/, level: 1 })).toBeVisible();
    expect(await overflow(page), 'review page').toEqual({ extra: 0, sticking: [] });
  });
}
