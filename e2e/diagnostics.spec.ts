import { expect, test } from '@playwright/test';
import { deepLink, definitionOf, sample } from './support';

test('today’s API: the poor-network sample’s device and network come from its peer report, filters or not', async ({
  page,
  request,
}) => {
  const poor = await sample(request, 'Poor network');
  await page.goto(
    deepLink(
      poor,
      '?filters=device_info,ip_information,precall_network_information&include_peer_events=true',
    ),
  );
  const device = page.getByRole('region', { name: 'Device & client' });
  // Three reports of half a megabyte each are read first.
  await expect(device).toContainText(/from the peer report of peer /, { timeout: 20_000 });
  await expect(await definitionOf(device, 'Operating system')).toHaveText('Windows 10');
  await device.getByText('Show the user agent').click();
  await expect(device).toContainText('Mozilla/5.0 (Windows NT 10.0');
  const network = page.getByRole('region', { name: 'Network & location' });
  await expect(await definitionOf(network, 'Direct (reflexive) connectivity')).toHaveText(
    'not reachable',
  );
  await expect(page.getByRole('region', { name: 'Pre-call network test' })).toContainText(
    'Requested, but the API returned no pre-call network test for this participant: only older deployments send the pre-call test',
  );
});

test('without filters the device comes from the peer report; the pre-call test is one click away', async ({
  page,
  request,
}) => {
  const healthy = await sample(request, 'Healthy call');
  await page.goto(deepLink(healthy));
  const device = page.getByRole('region', { name: 'Device & client' });
  await expect(device).toContainText(/from the peer report of peer /, { timeout: 20_000 });
  await expect(await definitionOf(device, 'Browser')).toHaveText('Chrome 142.0.7444.59');
  const precall = page.getByRole('region', { name: 'Pre-call network test' });
  await expect(precall).toContainText('Not requested');
  await precall.getByRole('link', { name: 'Request pre-call network test' }).click();
  await expect(page).toHaveURL(/filters=precall_network_information&include_peer_events=true$/);
  // The healthy call's pre-call test, once asked for, is all good: no relay warning.
  await expect(await definitionOf(precall, 'Packet loss')).toContainText('good');
  await expect(await definitionOf(precall, 'Throughput')).toContainText(
    'sent as "throughtput" (sic)',
  );
  await expect(precall).toContainText('from filters=precall_network_information');
  await expect(precall.getByRole('note')).toHaveCount(0);
});

test('a requested section the API did not send is named as such', async ({ page, request }) => {
  const sparse = await sample(request, 'Sparse record');
  await page.goto(deepLink(sparse, '?filters=device_info&include_peer_events=true'));
  await expect(page.getByRole('region', { name: 'Device & client' })).toContainText(
    'filters=device_info was requested, but the API returned no device information for this participant.',
  );
});

test('network and location show the place and the participant’s time, masked when redacted', async ({
  page,
  request,
}) => {
  const healthy = await sample(request, 'Healthy call');
  await page.goto(deepLink(healthy, '?filters=ip_information&include_peer_events=true'));
  const network = page.getByRole('region', { name: 'Network & location' });
  await expect(await definitionOf(network, 'Place')).toHaveText('Lisbon, Lisbon, PT');
  await expect(await definitionOf(network, 'IP address')).toHaveText('198.51.100.23');
  await expect(network).toContainText('Their time when this was fetched:');
  await page.getByLabel('Hide personal data').check();
  await expect(await definitionOf(network, 'IP address')).toHaveText('hidden (personal data)');
  await expect(await definitionOf(network, 'Place')).toHaveText('hidden (personal data)');
  await expect(network).not.toContainText('198.51.100.23');
  await expect(network).not.toContainText('Lisbon');
});

test('the Health strip lists the poor network worst first, and nothing for the healthy call', async ({
  page,
  request,
}) => {
  const poor = await sample(request, 'Poor network');
  await page.goto(deepLink(poor, '?include_peer_events=true'));
  const health = page.getByRole('region', { name: 'Health' });
  // Today's API sends no pre-call test: the findings come from the peer reports.
  await expect(health).toContainText('TURN over TCP', { timeout: 20_000 });
  await expect(health.getByRole('listitem').first()).toContainText('poor');

  const reconnects = await sample(request, 'Reconnected');
  await page.goto(deepLink(reconnects));
  await expect(page.getByRole('region', { name: 'Health' })).toContainText(
    /Reconnected \d+ times; \d+ of them within 10 min/,
  );

  const healthy = await sample(request, 'Healthy call');
  await page.goto(
    deepLink(healthy, '?filters=precall_network_information&include_peer_events=true'),
  );
  await expect(page.getByRole('region', { name: 'Health' })).toContainText('No problems found');
});

test('the corrected spellings a newer SDK sends read the same, and say how they were sent', async ({
  page,
  request,
}) => {
  const newer = await sample(request, 'Duration disagrees');
  await page.goto(
    deepLink(newer, '?filters=device_info,precall_network_information&include_peer_events=true'),
  );
  const precall = page.getByRole('region', { name: 'Pre-call network test' });
  const throughput = await definitionOf(precall, 'Throughput');
  await expect(throughput).toContainText('read as kbps');
  await expect(throughput).not.toContainText('throughtput');
  await expect(await definitionOf(precall, 'Network type')).toHaveText('4g');
  const device = page.getByRole('region', { name: 'Device & client' });
  await expect(await definitionOf(device, 'WebGL')).toHaveText('yes(sent as true/false)');
});

test('one odd field is flagged where it stands and the rest of its panel still reads', async ({
  page,
  request,
}) => {
  const bad = await sample(request, 'Bad data');
  await page.goto(
    deepLink(
      bad,
      '?filters=device_info,ip_information,precall_network_information&include_peer_events=true',
    ),
  );
  const device = page.getByRole('region', { name: 'Device & client' });
  await expect(await definitionOf(device, 'Browser')).toContainText('Chrome');
  const mobile = await definitionOf(device, 'Mobile');
  await expect(mobile).toContainText('invalid');
  await expect(mobile).toContainText('"yes"');
  const precall = page.getByRole('region', { name: 'Pre-call network test' });
  await expect(await definitionOf(precall, 'Round trip (RTT)')).toContainText('"fast"');
  await expect(await definitionOf(precall, 'Jitter')).toContainText('ms');
  const network = page.getByRole('region', { name: 'Network & location' });
  await expect(await definitionOf(network, 'Country')).toContainText('42');
});
