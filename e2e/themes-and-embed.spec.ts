import { expect, test } from '@playwright/test';
import { deepLink, sample } from './support';

const isDark = (page: import('@playwright/test').Page) =>
  page.evaluate(() => document.documentElement.classList.contains('dark'));

test('the theme menu is remembered; ?theme= and the menu both switch it', async ({
  page,
  request,
}) => {
  const healthy = await sample(request, 'Healthy call');
  await page.goto(deepLink(healthy));
  await expect(page.getByLabel('Theme')).toHaveValue('system');
  expect(await isDark(page)).toBe(false);
  await page.getByLabel('Theme').selectOption('dark');
  expect(await isDark(page)).toBe(true);
  await page.reload();
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  expect(await isDark(page)).toBe(true);
  await page.goto(`${deepLink(healthy)}?theme=light`);
  await expect(page.getByLabel('Theme')).toHaveValue('light');
  expect(await isDark(page)).toBe(false);
});

test('embed mode is compact and every link opened from it stays embedded', async ({
  page,
  request,
}) => {
  const reconnects = await sample(request, 'Reconnected');
  await page.setViewportSize({ width: 720, height: 900 });
  await page.goto(deepLink(reconnects, '?include_peer_events=false&embed=1'));
  await expect(page.getByRole('link', { name: 'Participant Inspector' })).toHaveCount(0);
  await expect(page.getByText('Demo data', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Include peer events' }).click();
  await expect(page).toHaveURL(/include_peer_events=true&embed=1$/);
  // The open lookup is one line; Change opens the form.
  await page.getByRole('button', { name: 'Change' }).click();
  await page.getByLabel('Participant ID', { exact: true }).fill(reconnects.participant_id);
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page).toHaveURL(/embed=1/);
  // Nothing wider than the frame: the page itself never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(720);
});
