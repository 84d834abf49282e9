import { describe, expect, it } from 'vitest';
import type { PeerSpan, PeerTotal } from '../../../lib/peer-spans';
import { chartSummary, LANE_RESOLUTION, laneData, minutesData, timeTicks } from './chart-data';

const T0 = Date.UTC(2026, 10, 21, 14, 1, 35);
const MIN = 60_000;

function total(peerId: string, spans: [number, number, boolean?][], minutes = 0): PeerTotal {
  const peerSpans: PeerSpan[] = spans.map(([start, end, open = false]) => ({
    peerId,
    start: T0 + start,
    end: T0 + end,
    open,
    unterminated: false,
  }));
  return {
    peerId,
    firstSeen: peerSpans[0]?.start ?? T0,
    connectedMs: peerSpans.reduce((sum, s) => sum + s.end - s.start, 0),
    minutes,
    spans: peerSpans,
  };
}

const many = (n: number, gapMs = MIN) =>
  Array.from({ length: n }, (_, i) =>
    total(`peer-${String(i).padStart(6, '0')}`, [[i * gapMs, i * gapMs + MIN]], 1),
  );

describe('laneData', () => {
  it('gives one lane per peer with its spans and the shared time domain', () => {
    const data = laneData([
      total('aaaaaaaaaa', [[0, MIN]]),
      total('bbbb', [[2 * MIN, 5 * MIN, true]]),
    ]);
    expect(data.merged).toBe(false);
    expect(data.domain).toEqual([T0, T0 + 5 * MIN]);
    expect(data.lanes.map((l) => [l.label, l.peerId])).toEqual([
      ['aaaaaaaa…', 'aaaaaaaaaa'],
      ['bbbb', 'bbbb'],
    ]);
    expect(data.lanes[1]?.spans).toEqual([
      { start: T0 + 2 * MIN, end: T0 + 5 * MIN, open: true, peerCount: 1 },
    ]);
  });

  it('merges more than 24 peers into one lane, joining overlapping and touching intervals', () => {
    const totals = [
      ...many(24, MIN / 2),
      total('late-one', [[30 * MIN, 31 * MIN]]),
      total('late-two', [[31 * MIN, 32 * MIN, true]]),
    ];
    const data = laneData(totals);
    expect(data.merged).toBe(true);
    expect(data.lanes).toHaveLength(1);
    expect(data.lanes[0]?.label).toBe('All 26 peers');
    expect(data.lanes[0]?.spans).toEqual([
      { start: T0, end: T0 + 23 * (MIN / 2) + MIN, open: false, peerCount: 24 },
      { start: T0 + 30 * MIN, end: T0 + 32 * MIN, open: true, peerCount: 2 },
    ]);
  });

  it('joins the shortest gaps of a merged lane with too many intervals to draw, and says so', () => {
    // 20,000 peers one after another: 20,000 intervals, 1 s apart except every 100th, 1 h.
    let at = 0;
    const totals = Array.from({ length: 20_000 }, (_, i) => {
      const start = at;
      at += 2_000 + (i % 100 === 99 ? 60 * MIN : 1_000);
      return total(`p${i}`, [[start, start + 2_000]], 0);
    });
    const data = laneData(totals);
    const spans = data.lanes[0]?.spans ?? [];
    const gap = ((data.domain?.[1] ?? 0) - (data.domain?.[0] ?? 0)) / LANE_RESOLUTION;
    expect(data.joinedUnderMs).toBe(gap);
    // The 1 s gaps are joined, the hour-long ones kept: one interval per hundred peers.
    expect(spans).toHaveLength(200);
    expect(spans[0]).toMatchObject({ start: T0, end: T0 + 99 * 3_000 + 2_000, peerCount: 100 });
    expect(spans.reduce((sum, s) => sum + s.peerCount, 0)).toBe(20_000);
  });

  it('draws every gap of a merged lane that can be drawn, however short', () => {
    // 30 peers in an hour, each reconnecting after 2 s: 60 intervals, all kept.
    const totals = Array.from({ length: 30 }, (_, i) =>
      total(`p${i}`, [
        [i * 2 * MIN, i * 2 * MIN + 30_000],
        [i * 2 * MIN + 32_000, i * 2 * MIN + 60_000],
      ]),
    );
    const data = laneData(totals);
    expect(data.merged).toBe(true);
    expect(data.joinedUnderMs).toBeNull();
    expect(data.lanes[0]?.spans).toHaveLength(60);
  });

  it('keeps one lane per peer up to the limit', () => {
    expect(laneData(many(24)).merged).toBe(false);
    expect(laneData(many(3), { maxLanes: 2 }).merged).toBe(true);
  });

  it('has no domain when nothing was connected', () => {
    expect(laneData([])).toEqual({ lanes: [], merged: false, domain: null, joinedUnderMs: null });
    expect(laneData([total('a', [])]).domain).toBeNull();
  });
});

describe('minutesData', () => {
  it('gives one bar per peer up to 40 peers', () => {
    const { bars, bucketed } = minutesData([total('1a2b3c4d5e', [[0, 90_000]], 1.5)]);
    expect(bucketed).toBe(false);
    expect(bars).toEqual([
      {
        key: '1a2b3c4d5e',
        label: '1a2b3c4d…',
        peerId: '1a2b3c4d5e',
        minutes: 1.5,
        connectedMinutes: 1.5,
        peers: 1,
      },
    ]);
  });

  it('groups more peers into at most 40 equal time buckets by first seen', () => {
    const { bars, bucketed } = minutesData(many(81));
    expect(bucketed).toBe(true);
    expect(bars).toHaveLength(40);
    expect(bars.reduce((sum, b) => sum + b.peers, 0)).toBe(81);
    expect(bars.reduce((sum, b) => sum + b.minutes, 0)).toBe(81);
    expect(bars[0]?.label).toBe('14:01:35');
    // 80 minutes over 40 buckets: 2 minutes each, the last one closed on the right.
    expect(bars[1]?.label).toBe('14:03:35');
    expect(bars[39]?.peers).toBe(3);
  });

  it('puts peers all first seen at once in a single bucket', () => {
    const totals = Array.from({ length: 41 }, (_, i) => total(`p${i}`, [[0, MIN]], 0.5));
    const { bars } = minutesData(totals);
    expect(bars).toHaveLength(1);
    expect(bars[0]).toMatchObject({ peers: 41, minutes: 20.5 });
  });
});

describe('timeTicks', () => {
  it('picks 4 to 6 round UTC times inside the domain', () => {
    const ticks = timeTicks([T0, T0 + 50 * MIN + 35_000]);
    expect(ticks.map((t) => t.label)).toEqual(['14:10', '14:20', '14:30', '14:40', '14:50']);
  });

  it('shows seconds when the domain is shorter than a few minutes', () => {
    const ticks = timeTicks([T0, T0 + 40_000]);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks[0]?.label).toBe('14:01:40');
  });

  it('keeps round steps for a 37-minute call', () => {
    const ticks = timeTicks([T0, T0 + 37 * MIN]);
    expect(ticks.map((t) => t.label)).toEqual([
      '14:05',
      '14:10',
      '14:15',
      '14:20',
      '14:25',
      '14:30',
      '14:35',
    ]);
  });

  it('dates the ticks when the span crosses midnight UTC', () => {
    const ticks = timeTicks([Date.UTC(2026, 10, 21, 14), Date.UTC(2026, 10, 22, 2)]);
    expect(ticks.map((t) => t.label)).toContain('11-22 00:00');
    expect(ticks.length).toBeLessThanOrEqual(8);
  });

  it('keeps to a handful of dated ticks over years of absurd data', () => {
    const ticks = timeTicks([Date.UTC(2001, 0, 1), Date.UTC(2026, 10, 21)]);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks[0]?.label).toMatch(/^20\d\d-\d\d-\d\d$/);
  });

  it('has a single tick for an empty domain', () => {
    expect(timeTicks([T0, T0])).toEqual([{ at: T0, label: '14:01:35' }]);
  });
});

describe('chartSummary', () => {
  it('says how many peers, for how long, when, the minutes and the longest connection', () => {
    const totals = [
      total('1a2b3c4d5e6f', [[0, 9 * MIN + 2000]], 9.04),
      total('ffff0000', [[10 * MIN, 12 * MIN]], 2),
    ];
    expect(chartSummary(totals)).toBe(
      '2 peers connected for 11 min 02 s in total between 14:01:35 and 14:13:35 UTC; ' +
        '11.04 min consumed; the longest connection was peer 1a2b3c4d… with 9 min 02 s.',
    );
  });

  it('says when a peer is still connected', () => {
    const summary = chartSummary([total('abc', [[0, 2 * MIN, true]])]);
    expect(summary).toBe(
      '1 peer connected for 2 min 00 s in total between 14:01:35 and 14:03:35 UTC ' +
        '(1 still connected); 0.00 min consumed; the longest connection was peer abc with ' +
        '2 min 00 s, still connected.',
    );
  });

  it('gives full dates when the connection crosses midnight UTC', () => {
    expect(chartSummary([total('abc', [[0, 10 * 60 * MIN]])])).toContain(
      'between 2026-11-21 14:01:35 and 2026-11-22 00:01:35 UTC',
    );
  });

  it('has a sentence for no peer at all', () => {
    expect(chartSummary([])).toBe('No peer connected in the events received.');
    expect(chartSummary([total('a', [])])).toBe('No peer connected in the events received.');
  });
});

describe('the chart on the page’s clock', () => {
  const tokyo = {
    time: (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(11, 19),
    format: (ms: number) =>
      new Date(ms + 9 * 3_600_000).toISOString().slice(0, 19).replace('T', ' '),
    offset: () => 9 * 3_600_000,
    label: 'your time',
  };

  it('says its range and labels its buckets on that clock, and names it', () => {
    expect(chartSummary([total('abc', [[0, 2 * MIN]])], tokyo)).toContain(
      'between 23:01:35 and 23:03:35 (your time)',
    );
    const data = minutesData(many(81), 40, tokyo);
    expect(data.bars[0]?.label).toBe('23:01:35');
    expect(data.clockLabel).toBe('your time');
  });
});
