/**
 * The Verdict region: for each demo case, the right first line, first under the page's header
 * and in view without scrolling, the sender named for "Another participant"; the same verdicts
 * in live mode against an upstream double in today's shape. Each test records the API calls
 * its page view made and the time from the name painted to the verdict shown.
 */
import { expect, type Page, test } from '@playwright/test';
import { DEMO_ACCOUNT_ID, DEMO_APP_ID, DEMO_TOKEN } from '../server/mock/identity';
import { APP_ORIGIN, PORT } from './ports';
import { spawnServer } from './spawned-server';
import { deepLink, type Sample, sample } from './support';

const CASES = [
  ['Uplink problem', 'Their network'],
  ['Service problem', 'The service'],
  ['Another participant: could not hear Kwame Mensah', 'Another participant'],
  ['CPU-limited laptop', 'Their device'],
  ['Healthy call', 'No problem found'],
  ['Alone in the call', 'Not enough data'],
] as const;

/** The three cases the comparison decides. */
const COMPARATIVE = CASES.slice(0, 3);

/** Opens a sample and waits for its verdict; records the calls and the time it took. */
async function verdictOf(page: Page, origin: string, s: Sample) {
  const calls: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/sessions/')) calls.push(r.url());
  });
  await page.goto(`${origin}${deepLink(s, '?include_peer_events=true')}`);
  const summary = page.getByRole('region', { name: 'Participant summary' });
  await expect(summary).toBeVisible();
  const named = Date.now();
  const region = page.getByRole('region', { name: 'Verdict' });
  await expect(region).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  const shown = Date.now();
  test.info().annotations.push({
    type: 'cost',
    description: `${s.label}: ${calls.length} API calls; name painted → verdict shown ≤ ${shown - named} ms`,
  });
  return { region, firstLine: region.getByRole('paragraph').first() };
}

for (const [label, verdict] of CASES) {
  test(`the verdict for "${label}" is "${verdict}", first on the page and in view at 1280×800`, async ({
    page,
    request,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const { region, firstLine } = await verdictOf(page, '', await sample(request, label));
    await expect(firstLine).toHaveText(verdict);
    await expect(region).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });
}

test('"Another participant" names the sender and opens their page, where it is their network', async ({
  page,
  request,
}) => {
  const { region } = await verdictOf(
    page,
    '',
    await sample(request, 'Another participant: could not hear Kwame Mensah'),
  );
  await expect(region).toContainText('Only media from Kwame Mensah was bad');
  const kwame = await sample(request, 'Sender whose uplink failed');
  await region.getByRole('link', { name: 'Open Kwame Mensah’s page' }).click();
  await expect(page).toHaveURL(new RegExp(`/participants/${kwame.participant_id}`));
  await expect(page.getByRole('region', { name: 'Verdict' })).toHaveAttribute(
    'aria-busy',
    'false',
    {
      timeout: 30_000,
    },
  );
  await expect(
    page.getByRole('region', { name: 'Verdict' }).getByRole('paragraph').first(),
  ).toHaveText('Their network');
  // The session beside the verdict: this participant first, the others linking to their pages.
  const comparison = page.getByRole('region', { name: 'Session comparison' });
  await expect(comparison.getByRole('row')).toHaveCount(6);
  await expect(comparison.getByRole('link', { name: 'Lucía Ferrer' })).toBeVisible();
});

test('the comparison never holds up the participant: until the session is read the Verdict says so', async ({
  page,
  request,
}) => {
  const uplink = await sample(request, 'Uplink problem');
  // The session's list is held back until the participant's own findings are on screen.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/api\/sessions\/[^/]+\/participants\?/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(deepLink(uplink, '?include_peer_events=true'));
  await expect(page.getByRole('region', { name: 'Participant summary' })).toContainText(
    'Joana Ribeiro',
  );
  const health = page.getByRole('region', { name: 'Health' });
  await expect(health.getByRole('list', { name: 'Incidents' })).toContainText('Poor network', {
    timeout: 20_000,
  });
  const region = page.getByRole('region', { name: 'Verdict' });
  await expect(region.getByRole('paragraph').first()).toHaveText('Comparing with the session…');
  await expect(region).toHaveAttribute('aria-busy', 'true');
  release();
  await expect(region.getByRole('paragraph').first()).toHaveText('Their network', {
    timeout: 20_000,
  });
});

test('in the 720 px embed the verdict is in view without scrolling', async ({ page, request }) => {
  await page.setViewportSize({ width: 720, height: 800 });
  const service = await sample(request, 'Service problem');
  await page.goto(deepLink(service, '?include_peer_events=true&embed=1'));
  const region = page.getByRole('region', { name: 'Verdict' });
  await expect(region).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expect(region.getByRole('paragraph').first()).toHaveText('The service');
  await expect(region).toBeInViewport({ ratio: 1 });
});

test('the ticket starts with the verdict and the customer gets the same result', async ({
  page,
  context,
  request,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { region } = await verdictOf(page, '', await sample(request, 'Service problem'));
  await region.getByRole('button', { name: 'Copy for the customer: the verdict' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    /^Between .*, most people in the call had trouble at the same time, across different networks/,
  );
  await page.getByRole('button', { name: 'Copy ticket summary' }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toMatch(/^\*\*Verdict: The service\*\* \(.*\): 5 of 5 others compared degraded/);
});

test.describe('live mode against an upstream double in today’s shape', () => {
  // One server on one port: the three run in one worker.
  test.describe.configure({ mode: 'serial' });
  let live: Awaited<ReturnType<typeof spawnServer>>;
  test.beforeAll(async () => {
    live = await spawnServer(PORT + 7, {
      CLOUDFLARE_API_TOKEN: DEMO_TOKEN,
      CLOUDFLARE_ACCOUNT_ID: DEMO_ACCOUNT_ID,
      RTK_APP_ID: DEMO_APP_ID,
      RTK_API_BASE: `${APP_ORIGIN}/mock/client/v4`,
      RATE_LIMIT_PER_USER: '100000',
    });
  });
  test.afterAll(() => live.stop());

  for (const [label, verdict] of COMPARATIVE) {
    test(`"${label}" is "${verdict}" in live mode too`, async ({ page, request }) => {
      const s = await sample(request, label);
      // The double answers as SDK 7.3.0 documents: no call statistics in the details.
      const details = await (
        await request.get(
          `${live.origin}/api/sessions/${s.session_id}/participants/${s.participant_id}?filters=quality_stats&include_peer_events=true`,
        )
      ).json();
      expect(details.data.participant.quality_stats).toBeUndefined();
      const { firstLine, region } = await verdictOf(page, live.origin, s);
      await expect(firstLine).toHaveText(verdict);
      if (verdict === 'Another participant') await expect(region).toContainText('Kwame Mensah');
    });
  }
});
