import { expect, test } from '@playwright/test';
import { chartOf, deepLink, sample } from './support';

test('an unknown participant is a clear "not found", asked once, with nothing to retry', async ({
  page,
  request,
}) => {
  const healthy = await sample(request, 'Healthy call');
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/sessions/')) requests.push(r.url());
  });
  await page.goto(`/sessions/${healthy.session_id}/participants/no-such-participant`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Participant not found');
  await expect(alert).toContainText('RealtimeKit has no such participant in this session');
  await expect(alert.getByRole('button')).toHaveCount(0);
  // A 404 is an answer: asked once, by the server for the page that carried it, never again
  // (nothing to retry, and the browser asked for nothing).
  expect(requests).toHaveLength(0);
});

test('a refused token explains the Realtime permission', async ({ page, request }) => {
  await page.goto(deepLink(await sample(request, 'Token lacks')));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Not authorised');
  await expect(alert).toContainText("RealtimeKit refused this server's API token (HTTP 403)");
  await expect(alert).toContainText('Realtime (read) or Realtime Admin permission');
  await expect(alert).toContainText(/Request id [0-9a-f-]{36}/);
});

test('a rate limit counts down from Retry-After and holds every retry until then', async ({
  page,
  request,
}) => {
  await page.goto(deepLink(await sample(request, 'Rate limited')));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Rate limited');
  await expect(alert).toContainText(/Next try possible in (20|19) s/);
  await expect(alert).toContainText(/Next try possible in 1[0-8] s/, { timeout: 5_000 });
  // Asked once: the agent's Try again waits for the countdown, nothing retries by itself.
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeDisabled();
});

test('an HTML error page from upstream fails clearly and can be retried', async ({
  page,
  request,
}) => {
  await page.goto(deepLink(await sample(request, 'Cloudflare error page')));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The RealtimeKit API failed', { timeout: 15_000 });
  await expect(alert).toContainText('answered HTTP 502 with an HTML page');
  // Nothing of the upstream page itself reaches the browser.
  await expect(alert).not.toContainText('Bad gateway');
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/sessions/')) requests.push(r.url());
  });
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => requests.length).toBeGreaterThan(0);
});

test('success:false with HTTP 200 and a truncated body are errors, not empty participants', async ({
  page,
  request,
}) => {
  await page.goto(deepLink(await sample(request, 'HTTP 200 with success: false')));
  await expect(page.getByRole('alert')).toContainText('answered success: false', {
    timeout: 15_000,
  });
  await expect(page.getByRole('alert')).toContainText('Could not fetch participant details');
  await page.goto(deepLink(await sample(request, 'Truncated response body')));
  await expect(page.getByRole('alert')).toContainText('not valid JSON', { timeout: 15_000 });
});

test('a participant still in the session is marked so, with the open span drawn', async ({
  page,
  request,
}) => {
  await page.goto(deepLink(await sample(request, 'Still in the session')));
  const summary = page.getByRole('region', { name: 'Participant summary' });
  await expect(summary.getByText('In session', { exact: true })).toBeVisible();
  await expect(summary).toContainText('Still in the session (no left_at)');
  await expect(await chartOf(page)).toContainText('still connected');
});

test('a participant with no events says so', async ({ page, request }) => {
  await page.goto(deepLink(await sample(request, 'Sparse record')));
  await expect(
    page.getByText('The API returned no peer events for this participant.'),
  ).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Minutes by peer' })).toHaveCount(0);
});

test('a duration that disagrees with the timestamps is called out', async ({ page, request }) => {
  await page.goto(deepLink(await sample(request, 'Duration disagrees')));
  const summary = page.getByRole('region', { name: 'Participant summary' });
  await expect(summary.getByRole('note')).toHaveText(
    '⚠ Duration disagrees with the timestamps: left_at − joined_at is 25 min 12 s, 5 min 00 s less than the duration sent.',
  );
});

test('a network failure says the server could not be reached, and retries', async ({
  page,
  request,
}) => {
  const healthy = await sample(request, 'Healthy call');
  // A deep link's page carries its first answer, so the lookup is made from the form. The
  // browser then loses the connection to this server for the API call only.
  await page.goto('/');
  await page.route('**/api/sessions/**', (route) => route.abort('internetdisconnected'));
  await page.getByLabel('Session ID', { exact: true }).fill(healthy.session_id);
  await page.getByLabel('Participant ID', { exact: true }).fill(healthy.participant_id);
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page.getByRole('alert')).toContainText('Could not reach the server', {
    timeout: 15_000,
  });
  await page.unroute('**/api/sessions/**');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('region', { name: 'Participant summary' })).toContainText(
    'Priya Natarajan',
  );
});
