import { describe, expect, it } from 'vitest';
import type { PeerEventRecord } from '../../../api/peer-events';
import { type Incident, reconnectIncident } from '../../diagnostics';
import { insideWindow, measuresInside } from './inside';

const T = Date.UTC(2026, 10, 21, 15, 0);
const MIN = 60_000;

const record = (index: number, name: string | null, atMs: number | null): PeerEventRecord => ({
  index,
  id: `e${index}`,
  at: atMs === null ? null : { ms: atMs, raw: atMs },
  name,
  knownName: null,
  peerId: 'p1',
  socketId: null,
  view: null,
  minutes: null,
  duplicateOf: null,
  problems: [],
});

/** An incident of the engine over a window (minutes from T). */
function incident(fromMin: number, toMin: number): Incident {
  const found = reconnectIncident({
    total: 3,
    densest10Min: { count: 3, startMs: T + fromMin * MIN, endMs: T + toMin * MIN },
  });
  if (!found) throw new Error('expected an incident');
  return found;
}

describe('insideWindow', () => {
  const window = { startMs: T + 10 * MIN, endMs: T + 20 * MIN };
  const spans = [
    { peerId: 'p1', start: T, end: T + 12 * MIN, open: false, unterminated: false },
    { peerId: 'p2', start: T + 15 * MIN, end: T + 40 * MIN, open: false, unterminated: false },
    { peerId: 'p3', start: T + 21 * MIN, end: T + 40 * MIN, open: false, unterminated: false },
  ];

  it('counts the peer and SDK events inside (edges included), the peers connected and overlapping incidents', () => {
    const inside = insideWindow(window, {
      records: [
        record(0, 'PEER_JOINING', T),
        record(1, 'PEER_LEAVING', T + 10 * MIN),
        record(2, 'PEER_JOINING', T + 15 * MIN),
        record(3, 'PEER_JOINING', T + 20 * MIN),
        record(4, 'PEER_LEAVING', T + 20 * MIN + 1),
        record(5, null, null),
      ],
      spans,
      incidents: [incident(19, 25), incident(21, 25)],
      sdkEvents: [
        { atMs: T + 9 * MIN, name: 'disconnect' },
        { atMs: T + 10 * MIN, name: 'disconnect' },
        { atMs: T + 12 * MIN, name: 'ice_connection_state' },
        { atMs: T + 20 * MIN, name: 'disconnect' },
        { atMs: T + 21 * MIN, name: 'disconnect' },
      ],
    });
    expect(inside.events).toEqual([
      ['PEER_JOINING', 2],
      ['PEER_LEAVING', 1],
    ]);
    expect(inside.eventCount).toBe(3);
    expect(inside.connectedPeers).toBe(2);
    expect(inside.outsideCall).toBe(false);
    expect(inside.sdkEvents).toEqual([
      ['disconnect', 2],
      ['ice_connection_state', 1],
    ]);
    expect(inside.sdkEventCount).toBe(3);
    expect(inside.incidents.map((i) => i.window.startMs)).toEqual([T + 19 * MIN]);
    expect(inside.measures).toEqual([]);
  });

  it('says when the participant was not connected at all during the window', () => {
    const early = { startMs: T - 30 * MIN, endMs: T - 20 * MIN };
    expect(
      insideWindow(early, { records: null, spans, incidents: [], sdkEvents: [] }),
    ).toMatchObject({
      eventCount: 0,
      connectedPeers: 0,
      outsideCall: true,
    });
  });
});

describe('measuresInside', () => {
  const window = { startMs: T + 10_000, endMs: T + 30_000 };
  const times = [T, T + 10_000, T + 20_000, T + 30_000, T + 40_000];

  it('sums up each measure inside the window (edges included), across peers, skipping gaps', () => {
    const found = measuresInside(window, [
      { label: 'Audio jitter', unit: 'ms', times, values: [99, 10, Number.NaN, 30, 99] },
      { label: 'Audio jitter', unit: 'ms', times, values: [99, 20, 20, 20, 99] },
      { label: 'Video frame rate', unit: 'fps', times: [T + 50_000], values: [30] },
    ]);
    expect(found).toEqual([
      { label: 'Audio jitter', unit: 'ms', samples: 5, mean: 20, min: 10, max: 30 },
    ]);
  });

  it('finds nothing in a window with no samples', () => {
    expect(
      measuresInside({ startMs: T + 11_000, endMs: T + 19_000 }, [
        { label: 'x', unit: '', times, values: [1, 2, 3, 4, 5] },
      ]),
    ).toEqual([]);
  });
});
