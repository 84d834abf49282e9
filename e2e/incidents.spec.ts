/**
 * One findings engine (src/features/diagnostics/lib/diagnose.ts): the Health strip, the
 * timeline, the ticket and the reported moment say the same things, incidents cause first with
 * the way they hurt, and the Quality panel opens where the worst one is.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { clipboardText, deepLink, definitionOf, sample } from './support';

const EVERYTHING =
  '?filters=device_info,ip_information,precall_network_information,events,quality_stats&include_peer_events=true&tz=utc';

const health = (page: Page) => page.getByRole('region', { name: 'Health' });
const incidents = (page: Page) => health(page).getByRole('list', { name: 'Incidents' });

/** Once the engine is done: every report in (they load by themselves), nothing "still checking". */
async function diagnosed(page: Page) {
  await expect(health(page)).not.toContainText('Checking the call’s quality', { timeout: 20_000 });
  await expect(health(page)).toContainText(/incidents?|No problems found/);
}

/** Each incident's line as the strip shows it: the text after its severity badge. */
async function incidentLines(page: Page): Promise<string[]> {
  const items = await incidents(page).getByRole('listitem').all();
  // The rendered text, line by line: the badge, then the incident, then its explanation.
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText keeps the layout's line breaks
  return Promise.all(items.map(async (item) => (await item.innerText()).split('\n')[1] ?? ''));
}

/** The ticket as pasted, with Markdown's escapes taken out. */
async function ticket(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy ticket summary' }).click();
  await expect(page.getByRole('button', { name: 'Copy ticket summary' })).toHaveText('Copied');
  return (await clipboardText(page)).replace(/\\([^\w\s])/g, '$1');
}

const firstIncident = (page: Page): Locator => incidents(page).getByRole('listitem').first();

test('the reconnect sample shows one reconnect count: Health, the timeline and the ticket', async ({
  page,
  request,
}) => {
  await page.goto(deepLink(await sample(request, 'Reconnected 7 times'), EVERYTHING));
  await diagnosed(page);
  const strip = incidents(page)
    .getByRole('listitem')
    .filter({ hasText: /^.*Reconnected/ });
  const fromHealth = Number(/Reconnected (\d+) times/.exec((await strip.textContent()) ?? '')?.[1]);
  await expect(strip).toContainText(/Reconnected \d+ times; \d+ of them within 10 min/);

  const timeline = page.getByRole('region', { name: 'Peer events timeline' });
  const fromTimeline = Number(await (await definitionOf(timeline, 'Reconnects')).textContent());

  const pasted = await ticket(page);
  const fromTicket = Number(/, (\d+) reconnects?,/.exec(pasted)?.[1]);
  expect(pasted).toContain(`Reconnected ${fromHealth} times;`);

  expect(fromHealth).toBe(7);
  expect(fromTimeline).toBe(fromHealth);
  expect(fromTicket).toBe(fromHealth);
});

test('the poor-network sample: Health and the ticket list the same incidents and findings', async ({
  page,
  request,
}) => {
  await page.goto(deepLink(await sample(request, 'Poor network'), EVERYTHING));
  await diagnosed(page);
  const lines = await incidentLines(page);
  expect(lines.length).toBeGreaterThan(0);
  expect(lines[0]).toMatch(/^Poor network on their side/);
  const wholeCall = health(page).getByRole('list', { name: 'Whole call' }).getByRole('listitem');
  await expect(wholeCall.filter({ hasText: 'TURN over TCP on 3 peers' })).toHaveCount(1);

  const pasted = await ticket(page);
  const listed = pasted
    .split('\n')
    .filter((line) => /^ {2}- (poor|degraded|info): /.test(line))
    .map((line) => line.replace(/^ {2}- \w+: /, ''));
  const tally = (
    (await health(page)
      .getByText(/incidents? \(/)
      .textContent()) ?? ''
  ).trim();
  const [, count] = /^(\d+) incidents?/.exec(tally) ?? [];
  expect(lines).toHaveLength(Number(count));
  expect(listed.slice(0, lines.length)).toEqual(lines);
  expect(listed).toContain('TURN over TCP on 3 peers');
  expect(pasted).toContain('- Incidents (UTC):');
  expect(pasted).not.toContain('Findings: none');
});

for (const [label, headline, because] of [
  [
    'Uplink problem',
    'Poor network on their side: what they sent',
    'Others would have struggled to hear or see them',
  ],
  [
    'Downlink problem',
    'Poor network on their side: what they received',
    'They would have struggled to hear or see others',
  ],
  ['CPU-limited laptop', 'Degraded video from their device', 'the device, not the network'],
] as const) {
  test(`"${label}" shows the incident with the right direction first`, async ({
    page,
    request,
  }) => {
    await page.goto(deepLink(await sample(request, label), EVERYTHING));
    await diagnosed(page);
    await expect(firstIncident(page)).toContainText(headline);
    await expect(firstIncident(page)).toContainText(because);
  });
}

test('a device change at the time is told with the incident, and the moment counts SDK events', async ({
  page,
  request,
}) => {
  await page.goto(deepLink(await sample(request, 'CPU-limited laptop'), EVERYTHING));
  await diagnosed(page);
  await expect(firstIncident(page)).toContainText('camera changed to Logitech BRIO');
  await firstIncident(page)
    .getByRole('link', { name: /^Show .* on the page$/ })
    .click();
  await expect(page).toHaveURL(/moment=2026-11-21T\d\d:\d\d:\d\dZ\/2026-11-21T.*&peer=/);
  const moment = page.getByRole('region', { name: 'Reported moment' });
  await expect(moment).toContainText(/\d+ SDK events? inside it: .*device_change × \d/);
  await expect(moment).toContainText('Incidents in it: Degraded video from their device');
});

test('the Quality panel opens on the worst incident’s peer and series, and a link opens its own', async ({
  page,
  request,
}) => {
  await page.goto(deepLink(await sample(request, 'Reconnected 7 times'), EVERYTHING));
  await diagnosed(page);
  const quality = page.getByRole('region', { name: 'Quality', exact: true });
  const worst = firstIncident(page).getByRole('link', { name: /^Show .* on the page$/ });
  const peer = /[?&]peer=([\w-]+)/.exec((await worst.getAttribute('href')) ?? '')?.[1] ?? '';
  expect(peer).not.toBe('');
  await expect(quality.getByRole('button', { name: `Copy peer id ${peer}` })).toBeVisible();
  const marked = quality
    .getByRole('table', { name: 'Quality per sample' })
    .getByRole('row', { name: /the worst incident’s series/ });
  await expect(marked.first()).toBeVisible();

  // Another incident's link opens its own peer and window.
  const other = incidents(page)
    .getByRole('listitem')
    .nth(1)
    .getByRole('link', { name: /^Show .* on the page$/ });
  const otherPeer = /[?&]peer=([\w-]+)/.exec((await other.getAttribute('href')) ?? '')?.[1];
  await other.click();
  await expect(page).toHaveURL(new RegExp(`moment=.*&peer=${otherPeer}`));
  await expect(quality.getByRole('button', { name: `Copy peer id ${otherPeer}` })).toBeVisible();
});
