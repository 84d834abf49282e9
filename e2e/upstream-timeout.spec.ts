import { expect, test } from '@playwright/test';
import { PORT } from './ports';
import { spawnServer } from './spawned-server';
import { deepLink, sample } from './support';

/**
 * A hung RealtimeKit, against a server with the default upstream limits (5 s per attempt, one
 * retry, 9 s in all) as it is deployed: the shared spec server shortens them to keep the other
 * fault specs quick, which would hide how long an agent really waits.
 */
const DEFAULTS_PORT = PORT + 5;
const ORIGIN = `http://127.0.0.1:${DEFAULTS_PORT}`;
/** From opening the page to the explanation with Try again, at most. */
const EXPLAINED_WITHIN_MS = 12_000;

let server: Awaited<ReturnType<typeof spawnServer>>;

// Demo mode, with none of the upstream limits a caller's environment may have set.
test.beforeAll(async () => {
  server = await spawnServer(DEFAULTS_PORT, {});
});

test.afterAll(() => server.stop());

test.use({ baseURL: ORIGIN });

test('a RealtimeKit that does not answer is explained, with Try again, within 12 s', async ({
  page,
  request,
}) => {
  const link = deepLink(await sample(request, 'Upstream does not answer'));
  const started = Date.now();
  const left = () => Math.max(1, EXPLAINED_WITHIN_MS - (Date.now() - started));
  // From the moment the page commits: its preload of the request holds the load event.
  await page.goto(link, { waitUntil: 'commit' });
  await expect(page.getByRole('status')).toHaveText('Loading participant…');
  const alert = page.getByRole('alert', { name: 'RealtimeKit did not answer' });
  await expect(alert).toContainText('did not answer within', { timeout: left() });
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeEnabled({ timeout: left() });
  test.info().annotations.push({
    type: 'explained after',
    description: `${((Date.now() - started) / 1000).toFixed(1)} s`,
  });
});
