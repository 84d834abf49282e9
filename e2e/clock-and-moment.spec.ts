import { expect, test } from '@playwright/test';
import { deepLink, definitionOf, sample } from './support';

// The agent in Tokyo (UTC+9), the participant in Mexico City (UTC−6): joined 14:04:00 UTC.
test.use({ timezoneId: 'Asia/Tokyo', locale: 'en-US' });

test('times follow the chosen clock, with the other side’s time beside them, across a reload', async ({
  page,
  request,
}) => {
  const poor = await sample(request, 'Poor network');
  await page.goto(deepLink(poor, '?filters=ip_information&include_peer_events=true'));
  const summary = page.getByRole('region', { name: 'Participant summary' });
  const joined = await definitionOf(summary, 'Joined');
  await expect(joined).toContainText('Nov 21, 2026, 23:04:00');
  await expect(joined).toContainText('their time 08:04:00');

  await page.getByLabel('Times in').selectOption('utc');
  await expect(page).toHaveURL(/[?&]tz=utc(&|$)/);
  await expect(joined).toContainText('Nov 21, 2026, 14:04:00');
  await expect(page.getByRole('table', { name: 'Peer events' })).toContainText('14:04:00');

  await page.reload();
  await expect(page.getByLabel('Times in')).toHaveValue('utc');
  await page.getByLabel('Times in').selectOption('participant');
  await expect(joined).toContainText('Nov 21, 2026, 08:04:00');
  await expect(joined).toContainText('your time 23:04:00');
});

test('their time without their time zone falls back to the agent’s, and says why', async ({
  page,
  request,
}) => {
  const poor = await sample(request, 'Poor network');
  // Their zone would otherwise arrive with their peer reports: keep them from answering.
  await page.route('**/api/sessions/peer-report/**', (route) => route.abort());
  await page.goto(deepLink(poor, '?include_peer_events=true&tz=participant'));
  await expect(page.getByRole('region', { name: 'Health' })).toContainText(
    'Times are shown in your time: their time zone is not known (request IP information).',
  );
  await expect(
    await definitionOf(page.getByRole('region', { name: 'Participant summary' }), 'Joined'),
  ).toContainText('23:04:00');
});

test('a reported moment in their time is marked, summed up, kept in the link and cleared', async ({
  page,
  request,
}) => {
  // An older deployment's answer: its ip_information names their zone (Berlin, UTC+1) up front.
  const berlin = await sample(request, 'Duration disagrees');
  await page.goto(
    deepLink(
      berlin,
      '?filters=ip_information,quality_stats&include_peer_events=true&tz=participant',
    ),
  );
  const moment = page.getByRole('region', { name: 'Reported moment' });
  await moment.getByLabel('Reported time').fill('quarter past three');
  await moment.getByRole('button', { name: 'Mark moment' }).click();
  await expect(moment.getByRole('alert')).toHaveText(
    'Enter a time like 15:45, 3:45 pm or 2026-11-21 15:45.',
  );
  await expect(page).not.toHaveURL(/moment=/);

  await moment.getByLabel('Reported time').fill('15:10');
  await expect(moment.getByLabel('Clock')).toHaveValue('participant');
  await moment.getByRole('button', { name: 'Mark moment' }).click();
  await expect(page).toHaveURL(/moment=2026-11-21T14:05:00Z\/2026-11-21T14:15:00Z/);
  await expect(moment).toContainText('Marked 15:05:00 – 15:15:00 (their time (Europe/Berlin))');
  await expect(moment).toContainText('connection');
  // Peer events and the SDK events of its peer report, counted the same way.
  await expect(moment).toContainText(
    '2 peer events inside it: PEER_CREATED × 1, PEER_JOINING × 1.',
  );
  await expect(moment).toContainText(/\d+ SDK events? inside it: /);
  // The call's own measures inside the window, from quality_stats and the peer report.
  const measures = moment.getByRole('table', { name: 'Call quality inside the window' });
  await expect(measures.getByRole('row', { name: /^Audio jitter [\d.]+ ms/ })).toHaveCount(1);
  await expect(measures.getByRole('row', { name: /^Audio jitter \(sent\) [\d.]+ ms/ })).toHaveCount(
    1,
  );

  await page.reload();
  await expect(moment).toContainText('Marked 15:05:00 – 15:15:00');
  await moment.getByRole('link', { name: 'Clear' }).click();
  await expect(page).not.toHaveURL(/moment=/);
  await expect(moment).not.toContainText('Marked');
});

test('an incident links to its moment, which then lists it', async ({ page, request }) => {
  const reconnects = await sample(request, 'Reconnected 7 times');
  await page.goto(deepLink(reconnects, '?include_peer_events=true&tz=utc'));
  const health = page.getByRole('region', { name: 'Health' });
  const storm = health.getByRole('listitem').filter({ hasText: /^poorReconnected/ });
  await storm.getByRole('link', { name: /^Show .* on the page$/ }).click();
  await expect(page).toHaveURL(/moment=2026-11-21T\d\d:\d\d:\d\dZ\/2026-11-21T/);
  await expect(page.getByRole('region', { name: 'Reported moment' })).toContainText(
    /Incidents in it: .*Reconnected 7 times; \d of them within 10 min/,
  );
});

test('a moment in the link that cannot be read is reported, and the page still opens', async ({
  page,
  request,
}) => {
  const healthy = await sample(request, 'Healthy call');
  await page.goto(deepLink(healthy, '?include_peer_events=true&moment=teatime'));
  await expect(page.getByRole('region', { name: 'Participant summary' })).toContainText(
    'Priya Natarajan',
  );
  await expect(page.getByRole('region', { name: 'Reported moment' })).toContainText(
    'The reported moment in the link ("teatime") could not be read.',
  );
});
