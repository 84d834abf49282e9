import { expect, type Page, test } from '@playwright/test';
import { deepLink, definitionOf, sample } from './support';

const WITH_QUALITY = '?filters=quality_stats&include_peer_events=true';

const qualityRegion = (page: Page) => page.getByRole('region', { name: 'Quality', exact: true });
const statsTable = (page: Page) =>
  qualityRegion(page).getByRole('table', { name: 'Quality per sample' });
const statsRow = (page: Page, series: string | RegExp) =>
  statsTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: series }) });

test('the poor-network sample shows graded quality from its peer reports, per series and over the call', async ({
  page,
  request,
}) => {
  // The newest API sends no quality_stats: the panel reads the peer reports, which load by themselves.
  await page.goto(deepLink(await sample(request, 'Poor network'), WITH_QUALITY));
  const quality = qualityRegion(page);
  await expect(quality).toContainText('this answer holds no quality_stats', { timeout: 20_000 });
  await expect(await definitionOf(quality, 'Average quality')).toContainText('poor');
  await expect(statsRow(page, /^Audio jitter \(sent\)/)).toContainText('poor');
  await expect(statsRow(page, /^Video MOS \(sent\)/)).toContainText('poor');
  const jitter = quality.getByRole('figure', { name: 'Jitter over the call' });
  await expect(jitter).toContainText(/Jitter at or above 30 ms for \d+ min/);
  await expect(jitter).toContainText('points drawn');
  await expect(quality.getByRole('figure', { name: 'Quality score over the call' })).toBeVisible();
  // Several peers: one at a time, picked by its short id.
  const picker = quality.getByRole('combobox', { name: 'Peer' });
  const first = await quality
    .getByRole('button', { name: /^Copy peer id / })
    .getAttribute('aria-label');
  const other = (await picker.inputValue()) === '0' ? 1 : 0;
  await picker.selectOption({ index: other });
  await expect(quality.getByRole('button', { name: /^Copy peer id / })).not.toHaveAttribute(
    'aria-label',
    first ?? '',
  );
  await expect(statsRow(page, /^Audio jitter \(sent\)/)).toContainText('poor');
});

test('the healthy call is graded good throughout', async ({ page, request }) => {
  await page.goto(deepLink(await sample(request, 'Healthy call'), WITH_QUALITY));
  const quality = qualityRegion(page);
  await expect(await definitionOf(quality, 'Audio packet loss')).toContainText('good');
  await expect(await definitionOf(quality, 'Average quality')).toContainText('good');
  for (const series of [
    'Audio jitter',
    'Video jitter',
    'Audio quality score',
    'Video quality score',
  ]) {
    await expect(statsRow(page, series)).toContainText('good');
  }
  await expect(statsTable(page)).not.toContainText('poor');
  await expect(statsTable(page)).not.toContainText('degraded');
});

test('not requested: the peer reports stand in, and one click requests quality stats', async ({
  page,
  request,
}) => {
  await page.goto(deepLink(await sample(request, 'Healthy call')));
  const quality = qualityRegion(page);
  await expect(quality).toContainText('this answer holds no quality_stats', { timeout: 20_000 });
  await expect(statsRow(page, /^Audio jitter \(sent\)/)).toContainText('good');
  await quality.getByRole('link', { name: 'Request quality stats' }).click();
  await expect(page).toHaveURL(/filters=quality_stats&include_peer_events=true$/);
  await expect(statsRow(page, /^Audio jitter read as/)).toContainText('good');
});

test('a webinar viewer never published media, and that is expected', async ({ page, request }) => {
  await page.goto(deepLink(await sample(request, 'Webinar viewer'), WITH_QUALITY));
  const quality = qualityRegion(page);
  await expect(quality).toContainText('this participant never published media', {
    timeout: 20_000,
  });
  await expect(quality).toContainText('viewers do not publish audio or video');
  await expect(quality.getByRole('figure')).toHaveCount(0);
});

test('quality_stats sent as one object is read, and the assumptions are said', async ({
  page,
  request,
}) => {
  await page.goto(deepLink(await sample(request, 'Duration disagrees'), WITH_QUALITY));
  const quality = qualityRegion(page);
  // The panel's code arrives after the answer shows: allow for a busy machine, as above.
  await expect(quality).toContainText('quality_stats came as one object, not a list', {
    timeout: 20_000,
  });
  await expect(statsRow(page, 'Audio jitter')).toContainText('read as milliseconds');
  await expect(quality.getByRole('figure', { name: 'Jitter over the call' })).toContainText(
    'Assumed: audio jitter read as milliseconds',
  );
});

test('jitter sent in seconds is read as seconds and shown in ms; each reported peer is offered', async ({
  page,
  request,
}) => {
  await page.goto(deepLink(await sample(request, 'Reconnected'), WITH_QUALITY));
  const quality = qualityRegion(page);
  const jitter = statsRow(page, /^Audio jitter \(sent\)/);
  await expect(jitter).toContainText('sent in seconds, shown in ms', { timeout: 20_000 });
  await expect(jitter).toContainText(' ms');
  // Seven of the eight connections have a report: the one that never sent media has none.
  await expect(quality.getByRole('combobox', { name: 'Peer' }).getByRole('option')).toHaveCount(7);
});

test('the 8-hour sample draws its chart with at most 2,000 points per line', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  await page.goto(deepLink(await sample(request, '8-hour call'), WITH_QUALITY));
  const quality = qualityRegion(page);
  await expect(statsRow(page, 'Audio jitter')).toContainText('28,800');
  const jitter = quality.getByRole('figure', { name: 'Jitter over the call' });
  await expect(jitter).toContainText(/Drawn with [\d,]+ of 28,800 points per line/);
  const summary = (await jitter.textContent()) ?? '';
  const drawn = Number(/Drawn with ([\d,]+) of/.exec(summary)?.[1]?.replace(/,/g, ''));
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThanOrEqual(2_000);
  // The same count in the drawing itself: each line is one <path>, one M or L per vertex.
  const drawing = jitter.getByRole('img', { name: /^Jitter over the call, / });
  await expect(drawing).toBeVisible();
  const vertices = await drawing.evaluate((svg) =>
    [...svg.getElementsByTagNameNS('http://www.w3.org/2000/svg', 'path')].map(
      (path) => (path.getAttribute('d') ?? '').match(/[ML]/g)?.length ?? 0,
    ),
  );
  expect(vertices).toHaveLength(2);
  for (const n of vertices) {
    expect(n).toBeGreaterThan(100);
    expect(n).toBeLessThanOrEqual(2_000);
  }
  // Hovering reads out the nearest sample: its time and each line's value.
  const box = await drawing.boundingBox();
  await drawing.hover({ position: { x: (box?.width ?? 0) / 2, y: (box?.height ?? 0) / 2 } });
  await expect(jitter).toContainText(
    /\d\d:\d\d:\d\dAudio jitter: [\d.]+ msVideo jitter: [\d.]+ ms/,
  );
});

test('a peer report’s charts name their thresholds beside the data and read out rounded values', async ({
  page,
  request,
}) => {
  await page.goto(deepLink(await sample(request, 'Uplink problem'), WITH_QUALITY));
  // The figure and its caption are there at once; its panels are drawn once scrolled near.
  const figure = page.getByRole('figure', { name: /^Peer report / }).first();
  await expect(figure).toContainText('audio samples');
  await expect(figure.getByText('Packet loss (%)', { exact: true })).toHaveCount(0);
  await figure.scrollIntoViewIfNeeded();
  const panel = figure.getByText('Packet loss (%)', { exact: true });
  await panel.scrollIntoViewIfNeeded();
  // Named in a legend under each panel, in the rules' words, not written over the lines.
  await expect(figure.getByText('degraded below 4', { exact: true })).toBeVisible();
  await expect(figure.getByText('round trip poor above 400 ms', { exact: true })).toBeVisible();
  await expect(figure.getByText('poor from 5 %', { exact: true })).toBeVisible();
  // The readout under the pointer: a percentage to one decimal, never a raw float.
  const box = await panel.boundingBox();
  await page.mouse.move((box?.x ?? 0) + 400, (box?.y ?? 0) + 60);
  const readout = figure.getByText(/^Loss \(%\) : /).first();
  await expect(readout).toBeVisible();
  expect(await readout.textContent()).toMatch(/^Loss \(%\) : \d+(\.\d)?$/);
});
