import { expect, test } from '@playwright/test';
import { deepLink, definitionOf, sample } from './support';

test('a live participant gains events across refreshes and the table keeps its sort', async ({
  page,
  request,
}) => {
  // The demo participant drops and comes back every 20 s; the page refreshes every 2 s here.
  test.setTimeout(60_000);
  const live = await sample(request, 'Live now');
  await page.goto(deepLink(live));
  const status = page.getByRole('status', { name: 'Live updates' });
  await expect(status).toContainText('Live');
  const table = page.getByRole('table', { name: 'Peer events' });
  const eventHeader = table.getByRole('columnheader', { name: /^Event/ });
  await eventHeader.getByRole('button').click();
  await expect(eventHeader).toHaveAttribute('aria-sort', 'ascending');
  // The peer-event count (the table is virtualised, and lists the reports' SDK events too).
  const timeline = page.getByRole('region', { name: 'Peer events timeline' });
  const events = async () =>
    Number(
      ((await (await definitionOf(timeline, 'Events')).textContent()) ?? '').replace(/\D/g, ''),
    );
  const before = await events();
  await expect(status).toContainText(/\d+ new events?/, { timeout: 40_000 });
  // Events arrive with each drop (every 20 s): the one the status names may predate `before`.
  await expect.poll(events, { timeout: 40_000 }).toBeGreaterThan(before);
  // The events that arrived are marked in the table itself.
  await expect(table.getByText(/^new since the last update:$/).first()).toBeVisible();
  await expect(eventHeader).toHaveAttribute('aria-sort', 'ascending');
  // Sorted by event name: every CREATED comes before every JOINING, and those before LEAVING.
  const names = (
    await table.getByRole('cell', { name: /^(CREATED|JOINING|LEAVING)$/ }).allTextContents()
  ).map((t) => t.trim());
  expect(names).toEqual([...names].sort());

  await status.getByRole('button', { name: 'Pause live updates' }).click();
  await expect(status).toContainText('Live updates paused');
  await status.getByRole('button', { name: 'Resume live updates' }).click();
  await expect(status).not.toContainText('paused');
});

test('live refreshes pause while the tab is hidden and resume when it is shown', async ({
  page,
  request,
}) => {
  const live = await sample(request, 'Live now');
  const isLookup = (r: { url(): string }) =>
    r.url().includes(`/api/sessions/${live.session_id}/participants/${live.participant_id}`);
  // The page's timers run on a clock the test moves: no waiting for real intervals.
  await page.clock.install();
  await page.goto(deepLink(live));
  await expect(page.getByRole('status', { name: 'Live updates' })).toContainText('Live');
  const refresh = page.waitForRequest(isLookup);
  await page.clock.runFor(2_100);
  await refresh;

  const setVisibility = (state: 'hidden' | 'visible') =>
    page.evaluate((value) => {
      Object.defineProperty(document, 'visibilityState', { value, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await setVisibility('hidden');
  const quiet = page.waitForRequest(isLookup, { timeout: 1_500 });
  // Three intervals pass with the tab hidden: nothing is asked of the server.
  await page.clock.runFor(6_500);
  await expect(quiet).rejects.toThrow();

  await setVisibility('visible');
  const resumed = page.waitForRequest(isLookup);
  await page.clock.runFor(2_100);
  await resumed;
});

test('a participant who has left is not refreshed', async ({ page, request }) => {
  const healthy = await sample(request, 'Healthy call');
  await page.goto(deepLink(healthy));
  await expect(page.getByRole('region', { name: 'Participant summary' })).toContainText(
    'Priya Natarajan',
  );
  await expect(page.getByRole('status', { name: 'Live updates' })).toHaveCount(0);
});

test('no left_at in a session that has ENDED is not live: the page stops refreshing', async ({
  page,
  request,
}) => {
  const sparse = await sample(request, 'Sparse record');
  await page.goto(deepLink(sparse));
  await expect(page.getByRole('region', { name: 'Session', exact: true })).toContainText('ENDED');
  await expect(page.getByRole('status', { name: 'Live updates' })).toHaveCount(0);
});

test('recent lookups list what was opened, newest first, and can be cleared', async ({
  page,
  request,
}) => {
  const healthy = await sample(request, 'Healthy call');
  const bad = await sample(request, 'Bad data');
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Recent lookups' })).toHaveCount(0);
  await page.goto(deepLink(healthy));
  await expect(page.getByRole('region', { name: 'Participant summary' })).toContainText('Priya');
  await page.goto(deepLink(bad));
  await expect(page.getByRole('region', { name: 'Participant summary' })).toContainText('Zoë');
  await page.goto('/');
  const recent = page.getByRole('region', { name: 'Recent lookups' });
  const links = recent.getByRole('link');
  await expect(links).toHaveCount(2);
  // The hostile name is text: no image, no script, just its characters.
  await expect(links.first()).toContainText('<img src=x onerror="alert(1)">');
  await expect(links.nth(1)).toContainText('Priya Natarajan');
  await page.reload();
  await expect(links).toHaveCount(2);
  await links.nth(1).click();
  await expect(page).toHaveURL(new RegExp(`/participants/${healthy.participant_id}`));
  await page.goto('/');
  await recent.getByRole('button', { name: 'Clear recent lookups' }).click();
  await expect(page.getByRole('region', { name: 'Recent lookups' })).toHaveCount(0);
});
