import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { peerReportQueryOptions } from '../../api/peer-report-query';
import { reportParticipantSchema } from '../../api/peer-report-schema';
import { ClockContext } from '../../components/ui/clock';
import { makeClock } from '../../lib/clock';
import {
  iso,
  leftParticipant,
  PEER_A,
  PEER_B,
  parseParticipant,
  recordsOf,
  SOCKET_A,
  SOCKET_B,
  T0,
  wireEvent,
} from '../../test/peer-event-fixtures';
import { timelineFacts } from './lib/facts';
import { TimelineCard, type TimelineCardProps } from './timeline-card';

afterEach(cleanup);

// jsdom lays nothing out: give the table's scroller a size so the virtualizer renders rows.
beforeAll(() => {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1200);
});
afterAll(() => {
  vi.restoreAllMocks();
});

const SEC = 1_000;
const peerRecords = recordsOf([
  wireEvent('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A),
  wireEvent('ev-2', 'PEER_LEAVING', T0 + 60 * SEC, PEER_A, SOCKET_A, 1),
  wireEvent('ev-3', 'PEER_JOINING', T0 + 70 * SEC, PEER_B, SOCKET_B),
  wireEvent('ev-4', 'PEER_LEAVING', T0 + 300 * SEC, PEER_B, SOCKET_B, 3.83),
]);
const withSdkEvents = parseParticipant({
  ...leftParticipant,
  peer_stats: {
    events: [
      {
        type: 'network_disconnected',
        timestamp: iso(T0 + 58 * SEC),
        metadata: { reason: 'ice_failed' },
      },
      {
        type: 'ice_connected_relay',
        timestamp: iso(T0 + 71 * SEC),
        metadata: { peer_id: PEER_B },
      },
    ],
  },
});

const props: TimelineCardProps = {
  records: peerRecords,
  facts: timelineFacts(peerRecords, []),
  joinedAtMs: T0,
  durationMinutes: 5,
  includeHref: null,
  participant: withSdkEvents,
  sdkRequestHref: null,
  totals: [],
};

function renderCard(
  overrides: Partial<TimelineCardProps> = {},
  clock = makeClock('utc', null),
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } }),
) {
  return render(
    <QueryClientProvider client={client}>
      <ClockContext.Provider value={clock}>
        <TimelineCard {...props} {...overrides} />
      </ClockContext.Provider>
    </QueryClientProvider>,
  );
}

const table = () => screen.getByRole('table', { name: 'Peer events' });
const bodyRows = () => within(table()).getAllByRole('row').slice(1);

describe('TimelineCard, the reported window', () => {
  // From the first LEAVING's network drop to the second JOINING's ICE connection.
  const window = { startMs: T0 + 55 * SEC, endMs: T0 + 71 * SEC };

  it('marks the rows inside the window in words, and counts them', () => {
    renderCard({ highlight: window });
    expect(screen.getByText(/4 of 6 events fall inside the reported window/).textContent).toContain(
      'Nov 21, 2026',
    );
    const marked = bodyRows().filter((row) => within(row).queryByText(/In the reported window/));
    expect(marked.map((row) => within(row).getAllByRole('cell')[2]?.textContent)).toEqual([
      'network_disconnected',
      'LEAVING',
      'JOINING',
      'ice_connected_relay',
    ]);
  });

  it('shows only the rows inside the window when asked, and all of them again', async () => {
    const user = userEvent.setup();
    renderCard({ highlight: window });
    const only = screen.getByRole('checkbox', { name: 'Only the reported window' });
    await user.click(only);
    expect(screen.getByText('Showing 4 of 6 events')).toBeTruthy();
    expect(bodyRows()).toHaveLength(4);
    // The source filter still applies on top of the window.
    await user.click(screen.getByRole('checkbox', { name: 'SDK events' }));
    expect(screen.getByText('Showing 2 of 6 events')).toBeTruthy();
    await user.click(only);
    expect(screen.getByText('Showing 4 of 6 events')).toBeTruthy();
  });

  it('marks nothing and offers no window filter without a window', () => {
    renderCard({ highlight: null });
    expect(screen.queryByText(/In the reported window/)).toBeNull();
    expect(screen.queryByRole('checkbox', { name: 'Only the reported window' })).toBeNull();
  });
});

describe('TimelineCard, clock and SDK events', () => {
  it('names the clock in the time header and shows times on it, UTC on hover', () => {
    renderCard({}, makeClock('participant', 'Asia/Kolkata'));
    expect(
      within(table()).getByRole('columnheader', { name: 'Time (their time (Asia/Kolkata))' }),
    ).toBeTruthy();
    // 14:01:35 UTC is 19:31:35 in India.
    const first = within(table()).getByTitle('2026-11-21 14:01:35 UTC');
    expect(first.textContent).toContain('19:31:35');
  });

  it('says how many SDK events are shown, and that the facts leave them out', () => {
    renderCard();
    expect(
      screen.getByText(/2 SDK events \(peer_stats.events\) shown in the table/).textContent,
    ).toContain('The facts above count peer events only.');
    expect(screen.getByText('Events').nextSibling?.textContent).toBe('4');
  });

  it('offers to request SDK events when they were not', () => {
    renderCard({
      participant: parseParticipant(leftParticipant),
      sdkRequestHref: '/sessions/s/participants/p?filters=events',
    });
    expect(screen.getByRole('link', { name: 'Request SDK events' }).getAttribute('href')).toBe(
      '/sessions/s/participants/p?filters=events',
    );
    expect(screen.queryByRole('group', { name: 'Sources' })).toBeNull();
  });

  it('merges the loaded peer reports’ SDK events, with no request needed', () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const participant = z.parse(reportParticipantSchema, {
      peer_report: {
        metadata: {
          events: [{ name: 'room_left', timestamp: iso(T0 + 299 * SEC), metadata: { a: 1 } }],
        },
      },
    });
    client.setQueryData(peerReportQueryOptions(PEER_B).queryKey, {
      participant,
      shape: 'wrapped',
      receivedAt: T0,
    });
    const totals = [{ peerId: PEER_B, firstSeen: T0, connectedMs: 0, minutes: 0, spans: [] }];
    renderCard(
      {
        participant: parseParticipant(leftParticipant),
        sdkRequestHref: '/sessions/s/participants/p?filters=events',
        totals,
      },
      makeClock('utc', null),
      client,
    );
    expect(screen.getByText(/1 SDK event from the peer reports shown in the table/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Request SDK events' })).toBeNull();
    const row = bodyRows().find((r) => within(r).queryByText('room_left'));
    expect(row && within(row).getByTitle(PEER_B)).toBeTruthy();
  });

  it('says when SDK events were requested but none came, and shows an unreadable list raw', () => {
    renderCard({ participant: parseParticipant(leftParticipant) });
    expect(screen.getByText(/SDK events were requested, but the API returned none/)).toBeTruthy();
    cleanup();
    renderCard({
      participant: parseParticipant({ ...leftParticipant, peer_stats: { events: 'nope' } }),
    });
    expect(screen.getByText(/could not be read/).textContent).toContain('"nope"');
  });

  it('shows SDK events alone when peer events were not requested', () => {
    renderCard({ records: null, facts: null, includeHref: '/x?include_peer_events=true' });
    expect(screen.getByRole('link', { name: 'Include peer events' })).toBeTruthy();
    expect(screen.getByText('Showing 2 of 2 events')).toBeTruthy();
  });
});
