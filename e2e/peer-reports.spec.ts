import { expect, test } from '@playwright/test';
import { deepLink, definitionOf, peerReportCalls, sample } from './support';

test('the poor sample’s three reports load by themselves: TURN over TCP, poor MOS and a chart', async ({
  page,
  request,
}) => {
  const poor = await sample(request, 'Poor network');
  const calls = await peerReportCalls(page, request, poor);
  await page.goto(deepLink(poor, '?include_peer_events=true'));
  const reports = page.getByRole('region', { name: 'Peer quality reports' });
  const peer = reports.getByRole('region', { name: /^Peer / }).first();
  await expect(await definitionOf(peer, 'Connection path')).toContainText('TURN over TCP');
  await expect(await definitionOf(peer, 'MOS average')).toContainText('poor');
  await expect(peer.getByRole('figure', { name: /^Peer report / })).toBeVisible();
  await expect(peer.getByRole('listitem').filter({ hasText: 'with 5 % loss or more' })).toHaveCount(
    1,
  );
  await expect(reports.getByRole('figure', { name: /^Peer report / })).toHaveCount(3);
  await expect(reports.getByRole('button', { name: /^Load / })).toHaveCount(0);
  expect(calls).toHaveLength(3);
});

test('the healthy sample’s report shows a direct UDP path and good MOS, by itself', async ({
  page,
  request,
}) => {
  const healthy = await sample(request, 'Healthy call');
  const calls = await peerReportCalls(page, request, healthy);
  await page.goto(deepLink(healthy, '?include_peer_events=true'));
  const reports = page.getByRole('region', { name: 'Peer quality reports' });
  const peer = reports.getByRole('region', { name: /^Peer / });
  await expect(await definitionOf(peer, 'Connection path')).toContainText('Direct, UDP');
  await expect(await definitionOf(peer, 'MOS average')).toContainText('good');
  expect(calls).toHaveLength(1);
});

test('a peer with no report says so with no retry, and the rest of the page stays', async ({
  page,
  request,
}) => {
  const mobile = await sample(request, 'Reconnected 7 times');
  await page.goto(deepLink(mobile, '?include_peer_events=true'));
  const reports = page.getByRole('region', { name: 'Peer quality reports' });
  // The mobile participant's fourth connection never sent media: RealtimeKit has no report.
  const missing = reports.getByRole('alert');
  // The eight reports load by themselves; on a busy machine the last answers take a while.
  await expect(missing).toHaveCount(1, { timeout: 20_000 });
  await expect(missing).toContainText('No report for this peer');
  await expect(missing.getByRole('button')).toHaveCount(0);
  await expect(reports.getByRole('figure', { name: /^Peer report / })).toHaveCount(7, {
    timeout: 20_000,
  });
  await expect(page.getByRole('region', { name: 'Participant summary' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Peer events' })).toBeVisible();
});
