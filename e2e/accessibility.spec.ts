import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { chartOf, deepLink, sample } from './support';

const check = async (page: import('@playwright/test').Page) => {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([]);
};

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('the idle page has no axe violations', async ({ page }) => {
      await page.goto('/');
      await expect(
        page.getByRole('link', { name: 'Healthy call, one connection (47 min)' }),
      ).toBeVisible();
      await check(page);
    });

    test('a participant page with its chart has no axe violations', async ({ page, request }) => {
      // The page loads its eight peer reports and draws their charts before axe scans it all.
      test.setTimeout(60_000);
      await page.goto(deepLink(await sample(request, 'Reconnected')));
      await expect(await chartOf(page)).toBeVisible();
      await check(page);
    });

    test('bad data and an error state have no axe violations', async ({ page, request }) => {
      await page.goto(deepLink(await sample(request, 'Bad data')));
      await expect(await chartOf(page)).toBeVisible();
      await check(page);
      await page.goto(deepLink(await sample(request, 'Token lacks')));
      await expect(page.getByRole('alert')).toBeVisible();
      await check(page);
    });
  });
}

test('embed mode with an explicit theme has no axe violations, dark and light', async ({
  page,
  request,
}) => {
  // Two full pages, each with its eight peer reports and their charts, and the verdict's reads
  // of twelve others' answers and reports, each page scanned by axe.
  test.setTimeout(150_000);
  const reconnects = await sample(request, 'Reconnected');
  for (const theme of ['dark', 'light']) {
    await page.goto(deepLink(reconnects, `?include_peer_events=true&embed=1&theme=${theme}`));
    await expect(await chartOf(page)).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
      theme === 'dark',
    );
    await check(page);
  }
});
