/**
 * Peer reports load by themselves (every peer up to 8, else the 8 longest and those at the
 * reported moment), and the Device and Network panels read whichever answer has their data.
 */
import { expect, test } from '@playwright/test';
import { deepLink, definitionOf, peerReportCalls, sample } from './support';

test('the reconnect sample loads its 8 reports without a click, and the panels name the peer report they read', async ({
  page,
  request,
}) => {
  const mobile = await sample(request, 'Reconnected 7 times on mobile (8 peers)');
  const calls = await peerReportCalls(page, request, mobile);
  await page.goto(deepLink(mobile, '?include_peer_events=true'));
  const reports = page.getByRole('region', { name: 'Peer quality reports' });
  // Seven reports arrive; the fourth connection never sent media and has none. Eight rows of
  // charts take a while to draw on a busy machine.
  await expect(reports.getByText('report loaded', { exact: true })).toHaveCount(7, {
    timeout: 20_000,
  });
  await expect(reports.getByText('report failed', { exact: true })).toHaveCount(1);
  await expect(reports.getByRole('button', { name: /^Load / })).toHaveCount(0);
  expect(calls).toHaveLength(8);

  const device = page.getByRole('region', { name: 'Device & client' });
  await expect(device).toContainText(/from the peer report of peer [0-9a-f]{8}…/);
  await expect(await definitionOf(device, 'Operating system')).toContainText('iOS');
  await expect(await definitionOf(device, 'Mobile')).toHaveText('yes');
  const network = page.getByRole('region', { name: 'Network & location' });
  await expect(network).toContainText(/from the peer report of peer [0-9a-f]{8}…/);
  await expect(await definitionOf(network, 'Place')).toContainText('Lagos');
  await expect(await definitionOf(network, 'Network type')).toHaveText(/^4g/);
  // The pre-call test has no peer-report source, and says where it comes from instead.
  await expect(page.getByRole('region', { name: 'Pre-call network test' })).toContainText(
    'only older deployments send the pre-call test (filters=precall_network_information)',
  );
});

test('a panel reads filters=… when the older answer sends its section', async ({
  page,
  request,
}) => {
  const healthy = await sample(request, 'Healthy call');
  await page.goto(
    deepLink(healthy, '?filters=precall_network_information&include_peer_events=true'),
  );
  await expect(page.getByRole('region', { name: 'Pre-call network test' })).toContainText(
    'from filters=precall_network_information',
  );
  await expect(page.getByRole('region', { name: 'Device & client' })).toContainText(
    /from the peer report of peer /,
    { timeout: 20_000 },
  );
});

test('a long history loads eight reports by itself and leaves the rest to a click', async ({
  page,
  request,
}) => {
  const history = await sample(request, 'Long history: 1,002 peer events');
  const calls = await peerReportCalls(page, request, history);
  await page.goto(deepLink(history, '?include_peer_events=true'));
  const reports = page.getByRole('region', { name: 'Peer quality reports' });
  // A thousand events' sections follow the first paint; on a busy machine that takes a while.
  await expect(reports).toContainText('The 8 longest connections load by themselves', {
    timeout: 20_000,
  });
  // Those eight are listed first; the next row waits for its Load button.
  const load = reports.getByRole('button', { name: /^Load report for peer / });
  await expect(load).toHaveCount(12);
  await expect(reports.getByText(/^report (loaded|failed)$/)).toHaveCount(8, { timeout: 20_000 });
  expect(calls).toHaveLength(8);
  await load.first().click();
  await expect(reports.getByText(/^report (loaded|failed)$/)).toHaveCount(9, { timeout: 20_000 });
  expect(calls).toHaveLength(9);
});

test('an older deployment that refuses filters with a 400 is asked again without them, and the page says so', async ({
  page,
  request,
}) => {
  const older = await sample(request, 'Older deployment refuses filters (400)');
  await page.goto(deepLink(older, '?filters=device_info,ip_information&include_peer_events=true'));
  await expect(page.getByRole('region', { name: 'Participant summary' })).toBeVisible();
  await expect(
    page.getByRole('note').filter({ hasText: 'RealtimeKit refused filters=' }),
  ).toHaveText(
    'RealtimeKit refused filters=device_info,ip_information; diagnostics come from the peer reports.',
  );
  await expect(page.getByRole('region', { name: 'Device & client' })).toContainText(
    /from the peer report of peer [0-9a-f]{8}…/,
    { timeout: 20_000 },
  );
  await expect(page.getByRole('region', { name: 'Network & location' })).toContainText(
    /from the peer report of peer [0-9a-f]{8}…/,
  );
  // The link still holds what was asked for: shared, it asks the same way.
  await expect(page).toHaveURL(/filters=device_info,ip_information/);
});
