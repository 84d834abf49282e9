import { expect, test } from '@playwright/test';
import { apiPath, deepLink, sample, utcText } from './support';

test.describe('the 10,002-event history', () => {
  test.beforeEach(async ({ page, request }) => {
    await page.goto(deepLink(await sample(request, 'Huge history'), '?include_peer_events=true'));
    await expect(page.getByText('Showing 10,002 of 10,002 events')).toBeVisible();
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
  const rows = page.getByRole('table', { name: 'Peer events' }).getByRole('row');
  for (const [i, event] of events.slice(0, 9).entries()) {
    const cells = rows.nth(i + 1).getByRole('cell');
    await expect(cells.nth(1)).toContainText(event.event_name.replace('PEER_', ''));
    await expect(cells.nth(2).getByRole('code')).toHaveAttribute('title', event.peer_id);
    await expect(cells.nth(3).getByRole('code')).toHaveAttribute('title', event.socket_session_id);
    await expect(cells.nth(4)).toHaveText(event.preset_view_type);
    await expect(cells.nth(5)).toHaveText(`${event.minutes_consumed.toFixed(2)} min`);
  }
});

test.describe('SDK events (filters=events) merged into the timeline', () => {
  type SdkEvent = { type: string; timestamp: string; metadata?: Record<string, string> };
  const query = '?filters=events&include_peer_events=true';
  let events: SdkEvent[] = [];
  let peerEvents = 0;

  test.beforeEach(async ({ page, request }) => {
    const poor = await sample(request, 'Poor network');
    const body = await (await request.get(apiPath(poor, query))).json();
    events = body.data.participant.peer_stats.events;
    peerEvents = body.data.participant.peer_events.length;
    await page.goto(deepLink(poor, query));
    await expect(page.getByText(`Showing ${peerEvents + events.length} of`)).toBeVisible();
  });

  test('shows each SDK event as a row: source, type, time, peer id and metadata', async ({
    page,
  }) => {
    const timeline = page.getByRole('region', { name: 'Peer events timeline' });
    await expect(timeline).toContainText(
      `${events.length} SDK events (peer_stats.events) shown in the table`,
    );
    // The facts stay about peer events.
    await expect(timeline).toContainText(`Events${peerEvents}`);
    const table = page.getByRole('table', { name: 'Peer events' });
    const relay = events.find((e) => e.type === 'ice_connected_relay');
    if (!relay?.metadata?.peer_id) throw new Error('the sample has no ice_connected_relay event');
    const row = table.getByRole('row').filter({ has: page.getByTitle(utcText(relay.timestamp)) });
    const cells = row.filter({ hasText: 'ice_connected_relay' }).getByRole('cell');
    await expect(cells.nth(1)).toHaveText('SDK event');
    await expect(cells.nth(3).getByRole('code')).toHaveAttribute('title', relay.metadata.peer_id);
    // Peer-event-only columns stay empty.
    await expect(cells.nth(5)).toHaveText('');
    await expect(cells.nth(7)).toHaveText('');
    await expect(table.getByText('network_disconnected', { exact: true }).first()).toBeVisible();

    await table
      .getByRole('button', { name: 'Show metadata of network_disconnected' })
      .first()
      .click();
    const metadata = page.getByRole('dialog', { name: 'Metadata of network_disconnected' });
    await expect(metadata).toContainText('reason');
    await expect(metadata).toContainText('ice_failed');
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

    const relays = events.filter((e) => e.type === 'ice_connected_relay').length;
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
    const drops = events.filter((e) => e.type === 'network_disconnected');
    expect(drops.length).toBeGreaterThan(0);
    await page.getByLabel('Search events').fill('network_disconnected');
    await expect(page.getByText(`Showing ${drops.length} of ${total} events`)).toBeVisible();
    await page.getByLabel('Search events').fill('ICE_FAILED');
    await expect(page.getByText(`Showing ${drops.length} of ${total} events`)).toBeVisible();
  });
});

test('SDK events not requested: one click adds events to the deep link', async ({
  page,
  request,
}) => {
  const poor = await sample(request, 'Poor network');
  await page.goto(deepLink(poor, '?filters=ip_information&include_peer_events=true'));
  const timeline = page.getByRole('region', { name: 'Peer events timeline' });
  await expect(timeline).toContainText('SDK events were not requested.');
  await expect(timeline.getByRole('columnheader', { name: 'Source' })).toHaveCount(0);
  await timeline.getByRole('link', { name: 'Request SDK events' }).click();
  await expect(page).toHaveURL(/[?&]filters=ip_information,events(&|$)/);
  await expect(
    timeline.getByRole('table', { name: 'Peer events' }).getByText('ice_connected_relay').first(),
  ).toBeVisible();
});

test('timeline times follow the chosen clock, UTC on hover', async ({ page, request }) => {
  const poor = await sample(request, 'Poor network');
  const query = '?filters=ip_information,events&include_peer_events=true';
  const body = await (await request.get(apiPath(poor, query))).json();
  const zone: string = body.data.participant.peer_stats.ip_information.timezone;
  const first: { timestamp: string } = body.data.participant.peer_stats.events[0];
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
