import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ClockContext } from '../../components/ui/clock';
import { makeClock } from '../../lib/clock';
import type { PeerSpan, PeerTotal } from '../../lib/peer-spans';
import { MinutesByPeerChart } from './minutes-by-peer-chart';

afterEach(cleanup);

const T0 = Date.UTC(2026, 10, 21, 14, 1, 35);
const MIN = 60_000;

function total(peerId: string, start: number, end: number, minutes: number, open = false) {
  const span: PeerSpan = { peerId, start: T0 + start, end: T0 + end, open, unterminated: false };
  const result: PeerTotal = {
    peerId,
    firstSeen: span.start,
    connectedMs: end - start,
    minutes,
    spans: [span],
  };
  return result;
}

const totals = [
  total('1a2b3c4d-0000-4000-8000-000000000001', 0, 9 * MIN + 2000, 9.04),
  total('5e6f7a8b-0000-4000-8000-000000000002', MIN, 4 * MIN, 3),
  total('9c0d1e2f-0000-4000-8000-000000000003', 5 * MIN, 12 * MIN, 0, true),
];

describe('MinutesByPeerChart', () => {
  it('is a figure named "Minutes by peer" with the summary sentence as text, on the page’s clock', () => {
    render(
      <ClockContext.Provider value={makeClock('utc', null)}>
        <MinutesByPeerChart totals={totals} barsWidth={600} />
      </ClockContext.Provider>,
    );
    const figure = screen.getByRole('figure', { name: 'Minutes by peer' });
    expect(
      within(figure).getByText(
        '3 peers connected for 19 min 02 s in total between 14:01:35 and 14:13:35 UTC ' +
          '(1 still connected); 12.04 min consumed; the longest connection was peer 1a2b3c4d… ' +
          'with 9 min 02 s.',
      ),
    ).toBeTruthy();
    expect(within(figure).getByRole('region', { name: 'Connected intervals' })).toBeTruthy();
    const barsPanel = within(figure).getByRole('region', { name: 'Minutes consumed per peer' });
    // recharts names its SVG from the chart title; the axis shows each peer's short id.
    expect(
      within(barsPanel).getByRole('application', { name: 'Minutes consumed per peer' }),
    ).toBeTruthy();
    expect(within(barsPanel).getByText('1a2b3c4d…')).toBeTruthy();
  });

  it('draws a lane per peer and a hover title per span, open spans marked still connected', () => {
    render(
      <ClockContext.Provider value={makeClock('utc', null)}>
        <MinutesByPeerChart totals={totals} barsWidth={600} />
      </ClockContext.Provider>,
    );
    const lanes = screen.getByRole('img', { name: 'Connected intervals per peer over time, UTC' });
    expect(lanes.querySelectorAll('rect')).toHaveLength(3);
    const titles = [...lanes.querySelectorAll('g > title')].map((t) => t.textContent);
    expect(titles).toContainEqual(
      expect.stringMatching(
        /^9c0d1e2f-0000-4000-8000-000000000003\nNov 21, 2026, 14:06:35 – still connected \(UTC\)\n7 min 00 s$/,
      ),
    );
    expect(within(lanes).getByText('5e6f7a8b…')).toBeTruthy();
    expect(screen.getByText('still connected')).toBeTruthy();
  });

  it('labels the axis on the chosen clock and shades the reported moment', () => {
    const moment = { startMs: Date.UTC(2026, 10, 21, 14, 5), endMs: Date.UTC(2026, 10, 21, 14, 8) };
    render(
      <ClockContext.Provider value={makeClock('participant', 'Asia/Kolkata')}>
        <MinutesByPeerChart totals={totals} barsWidth={600} highlight={moment} />
      </ClockContext.Provider>,
    );
    const lanes = screen.getByRole('img', {
      name: 'Connected intervals per peer over time, their time (Asia/Kolkata)',
    });
    // Kolkata is UTC+5:30: the 14:04 UTC tick reads 19:34.
    expect(within(lanes).getByText('19:34')).toBeTruthy();
    expect(within(lanes).queryByText('14:04')).toBeNull();
    expect(within(lanes).getByText('Reported moment')).toBeTruthy();
    expect(screen.getByText('reported moment')).toBeTruthy();
  });

  it('renders the table rows only once "Show as a table" is opened, one row per peer', async () => {
    const user = userEvent.setup();
    render(<MinutesByPeerChart totals={totals} barsWidth={600} />);
    expect(screen.queryByRole('table')).toBeNull();

    await user.click(screen.getByText('Show as a table'));

    const table = await screen.findByRole('table', { name: 'Minutes by peer, as a table' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(totals.length + 1);
    const peerIds = rows.slice(1).map((row) => within(row).getAllByRole('cell')[0]?.textContent);
    expect(peerIds).toEqual(totals.map((t) => t.peerId));
    expect(within(table).getByText('7 min 00 s (still connected)')).toBeTruthy();
  });

  it('still renders the figure, with a reason, when nothing was connected', () => {
    render(<MinutesByPeerChart totals={[]} />);
    const figure = screen.getByRole('figure', { name: 'Minutes by peer' });
    expect(within(figure).getByText('No peer connected in the events received.')).toBeTruthy();
    expect(
      within(figure).getByText(
        'No connected intervals to draw: the events received hold no JOINING/LEAVING pair.',
      ),
    ).toBeTruthy();
  });

  it('merges the lanes beyond 24 peers and says the table lists each peer', () => {
    const crowd = Array.from({ length: 30 }, (_, i) =>
      total(`peer-${String(i).padStart(4, '0')}`, i * MIN, i * MIN + 30_000, 0.5),
    );
    render(<MinutesByPeerChart totals={crowd} barsWidth={600} />);
    expect(screen.getByText('30 peers: lanes merged; the table lists each peer.')).toBeTruthy();
    expect(screen.getByText('All 30 peers')).toBeTruthy();
  });
});
