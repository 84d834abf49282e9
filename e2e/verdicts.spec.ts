/**
 * Every Health incident and whole-call finding on the demo sample that should show it, and none
 * on the healthy call with everything asked for (the thresholds in docs/UPSTREAM.md, the engine
 * in features/diagnostics/lib/diagnose.ts).
 */
import { expect, type Locator, test } from '@playwright/test';
import { deepLink, sample } from './support';

const EVERYTHING =
  '?filters=device_info,ip_information,precall_network_information,events,quality_stats&include_peer_events=true';

const EXPECTED: ReadonlyArray<readonly [sample: string, findings: readonly (string | RegExp)[]]> = [
  [
    'Poor network',
    [
      /^poor\s*Poor network on their side, both ways, .*audio jitter up to \d+ ms \(sent\)/,
      /Reconnected 2 times; both within 10 min/,
      'TURN over TCP on 3 peers',
    ],
  ],
  ['Reconnected 7 times', [/Reconnected 7 times; \d of them within 10 min/]],
  [
    'Fine before the call',
    ['Pre-call test passed, but the call degraded', '1 peer with no LEAVING event'],
  ],
  [
    'Bad data',
    ['Audio packet loss reported as 180 %', 'Audio packets lost reported as -3 packets'],
  ],
  ['Duration disagrees', ['Duration disagrees with the join and leave times']],
];

/** Opens the "Show N more whole-call findings" disclosure, when the strip has one. */
async function showAll(health: Locator) {
  const more = health.getByText(/^Show \d+ more whole-call findings?$/);
  if ((await more.count()) > 0) await more.click();
}

for (const [label, findings] of EXPECTED) {
  test(`the Health strip names what went wrong for "${label}"`, async ({ page, request }) => {
    await page.goto(deepLink(await sample(request, label), EVERYTHING));
    const health = page.getByRole('region', { name: 'Health' });
    await expect(health).toContainText(/\d+ (incidents?|whole-call findings?)/);
    await expect(health).not.toContainText('Checking the call’s quality', { timeout: 20_000 });
    await showAll(health);
    for (const finding of findings) {
      await expect(health.getByRole('listitem').filter({ hasText: finding })).toHaveCount(1);
    }
  });
}

test('a reporting bug is said to be one, not blamed on the network', async ({ page, request }) => {
  await page.goto(deepLink(await sample(request, 'Bad data'), EVERYTHING));
  const finding = page
    .getByRole('region', { name: 'Health' })
    .getByRole('listitem')
    .filter({ hasText: 'reported as 180 %' });
  await expect(finding).toContainText('info');
  await expect(finding).toContainText(/report/i);
});

test('the healthy call shows no finding, even with every diagnostic and its peer report', async ({
  page,
  request,
}) => {
  await page.goto(deepLink(await sample(request, 'Healthy call'), EVERYTHING));
  const health = page.getByRole('region', { name: 'Health' });
  // Its one peer report loads by itself.
  const reports = page.getByRole('region', { name: 'Peer quality reports' });
  await expect(reports).toContainText('Direct, UDP', { timeout: 20_000 });
  await expect(health).toContainText('No problems found in what the API returned.');
  await expect(health.getByRole('listitem')).toHaveCount(0);
});

test('a loaded peer report adds its findings to the Health strip', async ({ page, request }) => {
  await page.goto(deepLink(await sample(request, 'Poor network'), EVERYTHING));
  const health = page.getByRole('region', { name: 'Health' });
  // Its three peer reports load by themselves; the strip is read once all are in.
  const reports = page.getByRole('region', { name: 'Peer quality reports' });
  await expect(reports.getByText('report loaded', { exact: true })).toHaveCount(3, {
    timeout: 20_000,
  });
  await expect(reports).toContainText('TURN over TCP');
  // The finding joins the list (perhaps behind "Show more") once the report is in.
  await expect(health).toContainText('TURN over TCP on');
  await showAll(health);
  await expect(health.getByRole('listitem').filter({ hasText: 'TURN over TCP' })).not.toHaveCount(
    0,
  );
});
