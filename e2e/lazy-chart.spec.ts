import { expect, test } from '@playwright/test';
import { builtText, manifest } from './build-output';
import { chartOf, deepLink, sample } from './support';

test('recharts arrives in its own chunk, after the summary is on screen', async ({
  page,
  request,
}) => {
  const entry = Object.values(manifest).find((c) => c.isEntry);
  const chart = Object.entries(manifest).find(([key]) =>
    key.includes('minutes-by-peer-chart'),
  )?.[1];
  expect(entry).toBeDefined();
  expect(chart).toBeDefined();
  const staticFiles = [entry?.file, ...(entry?.imports ?? []).map((k) => manifest[k]?.file)];
  expect(staticFiles).not.toContain(chart?.file);
  // recharts names its SVG "recharts-surface": present in the lazy side, absent from the first load.
  const read = builtText;
  const lazyFiles = [chart?.file, ...(chart?.imports ?? []).map((k) => manifest[k]?.file)];
  expect(lazyFiles.some((file) => read(file).includes('recharts-surface'))).toBe(true);
  for (const file of staticFiles) expect(read(file)).not.toContain('recharts-surface');

  // Hold the chart chunk back: the summary and the timeline must not wait for it.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let asked: () => void = () => undefined;
  const requested = new Promise<void>((resolve) => {
    asked = resolve;
  });
  await page.route(`**/${chart?.file}`, async (route) => {
    asked();
    await held;
    await route.continue();
  });
  await page.goto(deepLink(await sample(request, 'Healthy call')));
  await expect(page.getByRole('region', { name: 'Participant summary' })).toContainText(
    'Priya Natarajan',
  );
  await expect(page.getByRole('table', { name: 'Peer events' })).toBeVisible();
  // Scrolled to, the chart's code is asked for; until it arrives there is no chart.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await requested;
  // Until it arrives the figure is there with its sentence, and nothing is drawn.
  const figure = page.getByRole('figure', { name: 'Minutes by peer' });
  await expect(figure).toContainText('1 peer connected for 47 min');
  await expect(figure.getByRole('region', { name: 'Connected intervals' })).toHaveCount(0);
  release();
  await expect(await chartOf(page)).toBeVisible();
});
