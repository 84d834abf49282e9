/**
 * The triage-first page: who, the verdict and the whole call in the first screen at 1280×800
 * and in the 720 px embed; a marked moment brought into view with focus; a link's diagnostics
 * kept when it is looked up again; axe on the redesigned page, the form collapsed and open.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { deepLink, sample } from './support';

const SAMPLES = ['Poor network', 'Reconnected 7 times', 'Live now'] as const;

async function firstScreen(page: Page) {
  const header = page.getByRole('region', { name: 'Participant at a glance' });
  const verdict = page.getByRole('region', { name: 'Verdict' });
  const timeline = page.getByRole('figure', { name: 'Whole-call timeline' });
  await expect(header.getByRole('heading')).toBeVisible();
  await expect(verdict).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expect(timeline).toBeVisible({ timeout: 30_000 });
  for (const part of [header, verdict, timeline]) await expect(part).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
}

for (const label of SAMPLES) {
  test(`"${label}": the name, the Verdict and the whole call are in the first screen at 1280×800 and in the 720 px embed`, async ({
    page,
    request,
  }) => {
    const s = await sample(request, label);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(deepLink(s, '?include_peer_events=true'));
    await firstScreen(page);
    await page.setViewportSize({ width: 720, height: 800 });
    await page.goto(deepLink(s, '?include_peer_events=true&embed=1'));
    await firstScreen(page);
  });
}

test('"Show … on the page" marks the window on the whole-call timeline, in view, with focus there', async ({
  page,
  request,
}) => {
  await page.goto(deepLink(await sample(request, 'Poor network'), '?include_peer_events=true'));
  const health = page.getByRole('region', { name: 'Health' });
  await expect(health).not.toContainText('Checking the call’s quality', { timeout: 30_000 });
  const show = health.getByRole('link', { name: /^Show .* on the page$/ }).first();
  await expect(show).toBeVisible({ timeout: 30_000 });
  const shown = (await show.textContent())?.replace(/^Show (.*) on the page$/, '$1') ?? '';
  await show.click();
  await expect(page).toHaveURL(/moment=/);
  const whole = page.getByRole('region', { name: 'Whole call' });
  await expect(whole).toBeFocused();
  await expect(whole).toBeInViewport();
  // The timeline says which window is marked: exactly the incident's, not a padded one.
  const [from, to] = shown.split('–');
  await expect(page.getByRole('figure', { name: 'Whole-call timeline' })).toContainText(
    new RegExp(`reported moment ${from}(:00)?–${to}`),
  );
});

test('a link with diagnostics, looked up again from the form, keeps them', async ({
  page,
  request,
}) => {
  const healthy = await sample(request, 'Healthy call');
  await page.goto(deepLink(healthy, '?filters=device_info,events&include_peer_events=false'));
  await page.getByRole('button', { name: 'Change' }).click();
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page).toHaveURL(/\?filters=device_info,events&include_peer_events=false$/);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the redesigned page has no axe violations (${scheme}), the form collapsed and open`, async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(deepLink(await sample(request, 'Uplink problem'), '?include_peer_events=true'));
    await expect(page.getByRole('region', { name: 'Verdict' })).toHaveAttribute(
      'aria-busy',
      'false',
      { timeout: 30_000 },
    );
    await expect(page.getByRole('figure', { name: 'Whole-call timeline' })).toBeVisible();
    const scan = async () => {
      const results = await new AxeBuilder({ page }).analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
      ).toEqual([]);
    };
    await scan();
    await page.getByRole('button', { name: 'Change' }).click();
    await expect(page.getByLabel('Session ID', { exact: true })).toBeVisible();
    await scan();
  });
}

test('on a phone, nothing on the first screen moves as the verdict, client and network arrive', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await page.addInitScript(() => {
    const w = window as unknown as { shifted: number };
    w.shifted = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        w.shifted += (entry as unknown as { value: number }).value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(deepLink(await sample(request, 'Healthy call'), '?include_peer_events=true'));
  const header = page.getByRole('region', { name: 'Participant at a glance' });
  await expect(page.getByRole('region', { name: 'Verdict' })).toHaveAttribute(
    'aria-busy',
    'false',
    { timeout: 30_000 },
  );
  await expect(header).toContainText('Chrome');
  await expect(page.getByRole('figure', { name: 'Whole-call timeline' })).toBeVisible();
  // The long name gives way in one row rather than the row wrapping; the whole is in its title.
  await expect(header.getByRole('heading')).toHaveAttribute('title', 'Priya Natarajan');
  // What Lighthouse reads as CLS (0.186 before the header and the Verdict kept their room).
  expect(
    await page.evaluate(() => (window as unknown as { shifted: number }).shifted),
  ).toBeLessThan(0.05);
});
