import { type APIRequestContext, expect, test } from '@playwright/test';
import { LONG_HISTORY_MODULES } from '../server/long-history-code';
import { manifest } from './build-output';
import { apiPath, deepLink, type Sample, sample, utcText } from './support';

test.describe('the 10,002-event history', () => {
  test.beforeEach(async ({ page, request }) => {
    await page.goto(deepLink(await sample(request, 'Huge history'), '?include_peer_events=true'));
    // Ten thousand rows read and merged with the reports' events: allow a busy machine its time.
    await expect(page.getByText('Showing 10,002 of 10,002 events')).toBeVisible({
      timeout: 20_000,
    });
  });

  test('keeps only the visible rows in the DOM, also after scrolling to the end', async ({
    page,
  }) => {
    const table = page.getByRole('table', { name: 'Peer events' });
    const rows = table.getByRole('row');
    expect(await rows.count()).toBeLessThan(80);
    await page.getByRole('region', { name: 'Peer events, scrollable' }).evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    // The last event of the history is a LEAVING at 00:10:40 UTC the next day.
    await expect(table.getByTitle('2026-11-22 00:10:40 UTC')).toBeVisible();
    expect(await rows.count()).toBeLessThan(80);
  });

  test('announces its reader’s and its table’s code in the page, and the app uses those downloads', async ({
    page,
  }) => {
    const file = (key: string) => `/${manifest[key]?.file ?? `(${key} not built)`}`;
    const code = LONG_HISTORY_MODULES.map(file);
    // The server's links have no `as` (Vite's own, added as the app imports a chunk, say
    // "script"): these came with the page.
    const announced = await page.evaluate(() =>
      [...document.head.querySelectorAll('link[rel="modulepreload"]:not([as])')].map(
        (l) => new URL((l as HTMLLinkElement).href).pathname,
      ),
    );
    for (const f of code) expect(announced).toContain(f);
    // Each was downloaded once: the app's import used the announced download.
    const fetched = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
    );
    for (const f of code) expect(fetched.filter((path) => path === f)).toHaveLength(1);
  });

  test('sorts by any column, both ways', async ({ page }) => {
    const table = page.getByRole('table', { name: 'Peer events' });
    const minutes = table.getByRole('columnheader', { name: 'Minutes' });
    await minutes.getByRole('button').click();
    await expect(minutes).toHaveAttribute('aria-sort', 'ascending');
    await expect(table.getByRole('row').nth(1)).toContainText('0.00 min');
    await minutes.getByRole('button').click();
    await expect(minutes).toHaveAttribute('aria-sort', 'descending');
    const first = await table.getByRole('row').nth(1).getByRole('cell').nth(5).textContent();
    const second = await table.getByRole('row').nth(2).getByRole('cell').nth(5).textContent();
    expect(Number.parseFloat(first ?? '')).toBeGreaterThanOrEqual(Number.parseFloat(second ?? ''));
    expect(Number.parseFloat(first ?? '')).toBeGreaterThan(0.1);
  });

  test('filters by event type and searches every field', async ({ page }) => {
    await page.getByLabel('Created', { exact: true }).uncheck();
    await page.getByLabel('Joining', { exact: true }).uncheck();
    await expect(page.getByText('Showing 3,334 of 10,002 events')).toBeVisible();
    const table = page.getByRole('table', { name: 'Peer events' });
    await expect(table.getByText('JOINING', { exact: true })).toHaveCount(0);
    await expect(table.getByText('LEAVING', { exact: true }).first()).toBeVisible();

    await page.getByLabel('Joining', { exact: true }).check();
    await page.getByLabel('Created', { exact: true }).check();
    const peer = await table
      .getByRole('row')
      .nth(5)
      .getByRole('cell')
      .nth(2)
      .getByRole('code')
      .getAttribute('title');
    expect(peer).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByLabel('Search events').fill(peer ?? '');
    await expect(page.getByText('Showing 3 of 10,002 events')).toBeVisible();
    await page.getByLabel('Search events').fill('no-such-thing');
    await expect(page.getByText('No event matches the filters.')).toBeVisible();
  });
});

test('the derived facts agree with the events received', async ({ page, request }) => {
  const reconnects = await sample(request, 'Reconnected');
  const body = await (await request.get(apiPath(reconnects))).json();
  const events: Array<{ event_name: string; peer_id: string; minutes_consumed: number }> =
    body.data.participant.peer_events;
  const minutes = events.reduce((sum, e) => sum + e.minutes_consumed, 0);
  await page.goto(deepLink(reconnects));
  const facts = page.getByRole('region', { name: 'Peer events timeline' });
  await expect(facts.getByText('Distinct peers')).toBeVisible();
  await expect(facts).toContainText(`Distinct peers${new Set(events.map((e) => e.peer_id)).size}`);
  await expect(facts).toContainText(
    `Reconnects${events.filter((e) => e.event_name === 'PEER_JOINING').length - 1}`,
  );
  await expect(facts).toContainText(`Minutes consumed${minutes.toFixed(2)} min`);
});

test('bad data is flagged with its raw value and never breaks the page', async ({
  page,
  request,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(deepLink(await sample(request, 'Bad data')));
  const summary = page.getByRole('region', { name: 'Participant summary' });
  // Markup in the name stays text: no image element, no script run.
  await expect(summary.getByRole('heading')).toContainText('<img src=x onerror="alert(1)">');
  expect(await page.evaluate(() => document.images.length)).toBe(0);
  await expect(summary).toContainText('Contains 3 invisible or direction-changing characters');
  await expect(summary).toContainText('invalid"22.5"');
  await expect(summary).toContainText('invalid"created_at"');
  await expect(summary).toContainText('[stray quote removed]');
  const table = page.getByRole('table', { name: 'Peer events' });
  await expect(table).toContainText('PEER_RECONNECTING (unknown)');
  await expect(table).toContainText('invalid"HOLOGRAM"');
  await expect(table).toContainText('invalid"yesterday"');
  await expect(table).toContainText('invalid"not an event"');
  await expect(table).toContainText('duplicate');
  expect(dialogs).toEqual([]);
});

test('the table rows show the API events, in time order, value for value', async ({
  page,
  request,
}) => {
  const reconnects = await sample(request, 'Reconnected');
  const body = await (await request.get(apiPath(reconnects))).json();
  const events: Array<{
    event_name: string;
    peer_id: string;
    socket_session_id: string;
    minutes_consumed: number;
    preset_view_type: string;
  }> = body.data.participant.peer_events;
  await page.goto(deepLink(reconnects));
  // The peer reports load by themselves and bring SDK events (and their columns): set them aside.
  await page.getByRole('group', { name: 'Sources' }).getByLabel('SDK events').uncheck();
  const rows = page.getByRole('table', { name: 'Peer events' }).getByRole('row');
  for (const [i, event] of events.slice(0, 9).entries()) {
    const cells = rows.nth(i + 1).getByRole('cell');
    await expect(cells.nth(1)).toHaveText('Peer event');
    await expect(cells.nth(2)).toContainText(event.event_name.replace('PEER_', ''));
    await expect(cells.nth(3).getByRole('code')).toHaveAttribute('title', event.peer_id);
    // (Cell 4 is the SDK events' metadata.)
    await expect(cells.nth(5).getByRole('code')).toHaveAttribute('title', event.socket_session_id);
    await expect(cells.nth(6)).toHaveText(event.preset_view_type);
    await expect(cells.nth(7)).toHaveText(`${event.minutes_consumed.toFixed(2)} min`);
  }
});

/** The SDK events of a sample's peer reports, as the API sends them, with each one's peer. */
type ReportEvent = {
  name: string;
  timestamp: string;
  metadata: Record<string, string>;
  peer: string;
};

async function reportEvents(request: APIRequestContext, s: Sample): Promise<ReportEvent[]> {
  const body = await (await request.get(apiPath(s))).json();
  const peers = [
    ...new Set<string>(
      body.data.participant.peer_events.map((e: { peer_id: string }) => e.peer_id),
    ),
  ];
  const events: ReportEvent[] = [];
  for (const peer of peers) {
    const report = await (await request.get(`/api/sessions/peer-report/${peer}`)).json();
    const sent: Omit<ReportEvent, 'peer'>[] = report.data.participant.peer_report.metadata.events;
    events.push(...sent.map((e) => ({ ...e, peer })));
  }
  return events;
}

test.describe('SDK events from the peer reports merged into the timeline', () => {
  const query = '?filters=events&include_peer_events=true';
  let events: ReportEvent[] = [];
  let peerEvents = 0;

  test.beforeEach(async ({ page, request }) => {
    const poor = await sample(request, 'Poor network');
    const body = await (await request.get(apiPath(poor, query))).json();
    // Today's API sends no peer_stats: the SDK events come with each connection's report.
    expect(body.data.participant).not.toHaveProperty('peer_stats');
    events = await reportEvents(request, poor);
    peerEvents = body.data.participant.peer_events.length;
    await page.goto(deepLink(poor, query));
    // Every report's events are in once the reports have loaded (the verdict's reads compete).
    await expect(page.getByText(`Showing ${peerEvents + events.length} of`)).toBeVisible({
      timeout: 20_000,
    });
  });

  test('shows each SDK event as a row: source, type, time, peer id and metadata', async ({
    page,
  }) => {
    const timeline = page.getByRole('region', { name: 'Peer events timeline' });
    await expect(timeline).toContainText(
      `${events.length} SDK events from the peer reports shown in the table`,
    );
    // The facts stay about peer events.
    await expect(timeline).toContainText(`Events${peerEvents}`);
    const table = page.getByRole('table', { name: 'Peer events' });
    const relay = events.find(
      (e) => e.name === 'selected_candidate_pair' && e.metadata.local_candidate_type === 'relay',
    );
    if (!relay) throw new Error('the sample has no relay candidate pair event');
    const row = table.getByRole('row').filter({ has: page.getByTitle(utcText(relay.timestamp)) });
    const cells = row.filter({ hasText: 'selected_candidate_pair' }).getByRole('cell');
    await expect(cells.nth(1)).toHaveText('SDK event');
    await expect(cells.nth(3).getByRole('code')).toHaveAttribute('title', relay.peer);
    // Peer-event-only columns stay empty.
    await expect(cells.nth(5)).toHaveText('');
    await expect(cells.nth(7)).toHaveText('');

    const drop = events.find((e) => e.name === 'network_disconnected');
    if (!drop?.metadata.reason) throw new Error('the sample has no network_disconnected event');
    await table
      .getByRole('button', { name: 'Show metadata of network_disconnected' })
      .first()
      .click();
    const metadata = page.getByRole('dialog', { name: 'Metadata of network_disconnected' });
    await expect(metadata).toContainText('reason');
    await expect(metadata).toContainText(drop.metadata.reason);
    await page.keyboard.press('Escape');
    await expect(metadata).toBeHidden();
  });

  test('the source filter narrows the rows, and holds through re-sorting and search', async ({
    page,
  }) => {
    const total = peerEvents + events.length;
    const table = page.getByRole('table', { name: 'Peer events' });
    await page.getByRole('group', { name: 'Sources' }).getByLabel('Peer events').uncheck();
    await expect(page.getByText(`Showing ${events.length} of ${total} events`)).toBeVisible();
    await expect(table.getByRole('cell', { name: 'Peer event', exact: true })).toHaveCount(0);

    const source = table.getByRole('columnheader', { name: 'Source' });
    await source.getByRole('button').click();
    await expect(source).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.getByText(`Showing ${events.length} of ${total} events`)).toBeVisible();

    const relays = events.filter((e) => e.metadata.local_candidate_type === 'relay').length;
    expect(relays).toBeGreaterThan(0);
    await page.getByLabel('Search events').fill('relay');
    await expect(page.getByText(`Showing ${relays} of ${total} events`)).toBeVisible();

    await page.getByLabel('Search events').fill('');
    await page.getByRole('group', { name: 'Sources' }).getByLabel('Peer events').check();
    await page.getByRole('group', { name: 'Sources' }).getByLabel('SDK events').uncheck();
    await expect(page.getByText(`Showing ${peerEvents} of ${total} events`)).toBeVisible();
    await expect(table.getByRole('cell', { name: 'SDK event', exact: true })).toHaveCount(0);
  });

  test('search finds SDK events by type and by metadata', async ({ page }) => {
    const total = peerEvents + events.length;
    const drops = events.filter((e) => e.name === 'network_disconnected');
    const reason = drops[0]?.metadata.reason;
    if (!reason) throw new Error('the sample has no network_disconnected event');
    await page.getByLabel('Search events').fill('network_disconnected');
    await expect(page.getByText(`Showing ${drops.length} of ${total} events`)).toBeVisible();
    const withReason = events.filter((e) => Object.values(e.metadata).includes(reason)).length;
    await page.getByLabel('Search events').fill(reason.toUpperCase());
    await expect(page.getByText(`Showing ${withReason} of ${total} events`)).toBeVisible();
  });
});

test('SDK events without filters: the peer reports bring them, no request needed', async ({
  page,
  request,
}) => {
  const poor = await sample(request, 'Poor network');
  const events = await reportEvents(request, poor);
  await page.goto(deepLink(poor, '?include_peer_events=true'));
  const timeline = page.getByRole('region', { name: 'Peer events timeline' });
  await expect(timeline).toContainText(
    `${events.length} SDK events from the peer reports shown in the table`,
  );
  await expect(timeline.getByRole('link', { name: 'Request SDK events' })).toHaveCount(0);
  await expect(
    timeline
      .getByRole('table', { name: 'Peer events' })
      .getByText('selected_candidate_pair')
      .first(),
  ).toBeVisible();
});

test('timeline times follow the chosen clock, UTC on hover', async ({ page, request }) => {
  const poor = await sample(request, 'Poor network');
  const query = '?filters=ip_information,events&include_peer_events=true';
  const [first] = await reportEvents(request, poor);
  if (!first) throw new Error('the sample has no SDK events');
  const report = await (await request.get(`/api/sessions/peer-report/${first.peer}`)).json();
  const zone: string = report.data.participant.peer_report.metadata.ip_information.timezone;
  await page.goto(deepLink(poor, query));
  const table = page.getByRole('table', { name: 'Peer events' });
  await page.getByLabel('Times in').selectOption('utc');
  await expect(table.getByRole('columnheader', { name: 'Time (UTC)' })).toBeVisible();
  await page.getByLabel('Times in').selectOption('participant');
  await expect(
    table.getByRole('columnheader', { name: `Time (their time (${zone}))` }),
  ).toBeVisible();
  const theirs = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(first.timestamp));
  await expect(table.getByTitle(utcText(first.timestamp)).first()).toContainText(theirs);
});
