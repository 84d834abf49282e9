import { expect, type Page, test } from '@playwright/test';
import { deepLink, definitionOf, sample } from './support';

/** Counts the browser's calls to the peer-report API route (not the chart's code chunk). */
function countReportCalls(page: Page) {
  const calls: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.includes('/api/sessions/peer-report/')) calls.push(r.url());
  });
  return calls;
}

test('nothing is requested before a click; the poor sample’s report shows TURN over TCP, poor MOS and its chart', async ({
  page,
  request,
}) => {
  const poor = await sample(request, 'Poor network');
  const calls = countReportCalls(page);
  await page.goto(deepLink(poor, '?include_peer_events=true'));
  const reports = page.getByRole('region', { name: 'Peer quality reports' });
  const loadButtons = reports.getByRole('button', { name: /^Load report for peer / });
  await expect(loadButtons).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'Participant summary' })).toBeVisible();
  expect(calls).toEqual([]);

  await loadButtons.first().click();
  const peer = reports.getByRole('region', { name: /^Peer / }).first();
  await expect(await definitionOf(peer, 'Connection path')).toContainText('TURN over TCP');
  await expect(await definitionOf(peer, 'MOS average')).toContainText('poor');
  await expect(peer.getByRole('figure', { name: /^Peer report / })).toBeVisible();
  await expect(peer.getByRole('listitem').filter({ hasText: 'with 5 % loss or more' })).toHaveCount(
    1,
  );
  expect(calls).toHaveLength(1);
});

test('the healthy sample’s report shows a direct UDP path and good MOS, via Load all', async ({
  page,
  request,
}) => {
  const healthy = await sample(request, 'Healthy call');
  const calls = countReportCalls(page);
  await page.goto(deepLink(healthy, '?include_peer_events=true'));
  const reports = page.getByRole('region', { name: 'Peer quality reports' });
  await reports.getByRole('button', { name: /^Load all/ }).click();
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
  await reports.getByRole('button', { name: /^Load all/ }).click();
  // The mobile participant's fourth connection never sent media: RealtimeKit has no report.
  const missing = reports.getByRole('alert');
  await expect(missing).toHaveCount(1);
  await expect(missing).toContainText('No report for this peer');
  await expect(missing.getByRole('button')).toHaveCount(0);
  await expect(reports.getByRole('figure', { name: /^Peer report / })).toHaveCount(7);
  await expect(page.getByRole('region', { name: 'Participant summary' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Peer events' })).toBeVisible();
});
