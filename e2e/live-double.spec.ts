/**
 * Live mode against an upstream double in today's shape: a server of its own with a token,
 * whose RealtimeKit is the shared spec server's embedded API, reached over HTTP like Cloudflare.
 * Participant details carry no peer_stats or quality_stats (as SDK 7.3.0 documents), so what the
 * page knows of the call comes from the peer reports it loads by itself.
 */
import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNT_ID, DEMO_APP_ID, DEMO_TOKEN } from '../server/mock/identity';
import { APP_ORIGIN, PORT } from './ports';
import { spawnServer } from './spawned-server';
import { deepLink, sample } from './support';

const LIVE_PORT = PORT + 6;
let live: Awaited<ReturnType<typeof spawnServer>>;

test.beforeAll(async () => {
  live = await spawnServer(LIVE_PORT, {
    CLOUDFLARE_API_TOKEN: DEMO_TOKEN,
    CLOUDFLARE_ACCOUNT_ID: DEMO_ACCOUNT_ID,
    RTK_APP_ID: DEMO_APP_ID,
    RTK_API_BASE: `${APP_ORIGIN}/mock/client/v4`,
  });
});

test.afterAll(() => live.stop());

test('live mode, no peer_stats upstream: the poor network is found from the peer reports, and the panels say so', async ({
  page,
  request,
}) => {
  const poor = await sample(request, 'Poor network');
  // What the double sends: details without the sections, whatever filters ask.
  const details = await (
    await request.get(
      `${live.origin}/api/sessions/${poor.session_id}/participants/${poor.participant_id}?filters=device_info,ip_information,quality_stats&include_peer_events=true`,
    )
  ).json();
  expect(details.data.participant.peer_stats).toBeUndefined();
  expect(details.data.participant.quality_stats).toBeUndefined();

  await page.goto(`${live.origin}${deepLink(poor, '?include_peer_events=true&tz=utc')}`);
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  const health = page.getByRole('region', { name: 'Health' });
  await expect(health).not.toContainText('Checking the call’s quality', { timeout: 20_000 });
  const incidents = health.getByRole('list', { name: 'Incidents' });
  await expect(incidents.getByRole('listitem').first()).toContainText('Poor network');
  await expect(health).not.toContainText('No problems found');

  for (const panel of ['Device & client', 'Network & location']) {
    await expect(page.getByRole('region', { name: panel })).toContainText(
      /from the peer report of peer [0-9a-f]{8}…/,
    );
  }
});
