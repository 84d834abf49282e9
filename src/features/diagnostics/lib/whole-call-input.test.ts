import { describe, expect, it } from 'vitest';
import type { PeerTotal } from '../../../lib/peer-spans';
import type { Incident } from './finding';
import type { MeasuredSeries } from './measures';
import { callMarks, wholeCallInput, worstQuality } from './whole-call-input';

const T0 = Date.UTC(2026, 10, 21, 15, 0);
const MIN = 60_000;
const A = '1a2b3c4d-0000-4000-8000-000000000001';
const B = '5e6f7a8b-0000-4000-8000-000000000002';

const total = (peerId: string, start: number, end: number, open = false): PeerTotal => ({
  peerId,
  firstSeen: start,
  connectedMs: end - start,
  minutes: 0,
  spans: [{ peerId, start, end, open, unterminated: false }],
});

const series = (label: string, unit: string, values: number[]): MeasuredSeries => ({
  label,
  unit,
  times: values.map((_, i) => T0 + i * 1000),
  values,
});

describe('worstQuality', () => {
  it('keeps the worst of MOS, loss and jitter at each instant, with what it was', () => {
    const quality = worstQuality([
      series('Audio MOS (sent)', '', [4.4, 3.7, 4.2, 4.3]),
      series('Audio loss (received)', '%', [0, 0.4, 6.25, 0]),
      series('Audio jitter (sent)', 'ms', [12, 31.6, 20, Number.NaN]),
      // Not graded here: round trip and packet counts.
      series('Audio round trip (sent)', 'ms', [900, 900, 900, 900]),
      series('Audio packets lost', 'packets', [99, 99, 99, 99]),
    ]);
    expect(quality).toEqual([
      { atMs: T0, level: 'good', text: 'Audio MOS (sent) 4.4' },
      { atMs: T0 + 1000, level: 'degraded', text: 'Audio MOS (sent) 3.7' },
      { atMs: T0 + 2000, level: 'poor', text: 'Audio loss (received) 6.3 %' },
      { atMs: T0 + 3000, level: 'good', text: 'Audio MOS (sent) 4.3' },
    ]);
  });

  it('reads no level from an impossible reading', () => {
    const quality = worstQuality([
      series('Audio quality score', '', [0, 2]),
      series('Video MOS (received)', '', [0.5, Number.NaN]),
      series('Video loss (sent)', '%', [80, Number.NaN]),
    ]);
    expect(quality).toEqual([{ atMs: T0 + 1000, level: 'poor', text: 'Audio quality score 2.0' }]);
  });
});

describe('callMarks', () => {
  it('marks disconnects with their reason and device changes, each on its peer', () => {
    const marks = callMarks([
      {
        atMs: T0 + 2 * MIN,
        name: 'network_disconnected',
        peerId: A,
        metadata: { reason: 'ice_failed' },
      },
      {
        atMs: T0 + MIN,
        name: 'device_change',
        peerId: B,
        metadata: { kind: 'audioinput', label: 'Jabra' },
      },
      { atMs: T0 + 3 * MIN, name: 'room_left', peerId: B, metadata: { reason: 'user_left' } },
      { atMs: T0, name: 'ice_connection_state', peerId: A, metadata: { state: 'connected' } },
    ]);
    expect(marks).toEqual([
      { atMs: T0 + MIN, peerId: B, kind: 'device', text: 'microphone changed to Jabra' },
      {
        atMs: T0 + 2 * MIN,
        peerId: A,
        kind: 'disconnect',
        text: 'network_disconnected: ice_failed',
      },
      { atMs: T0 + 3 * MIN, peerId: B, kind: 'disconnect', text: 'room_left: user_left' },
    ]);
  });
});

describe('wholeCallInput', () => {
  const incident = {
    id: 'x',
    severity: 'poor',
    cause: 'network',
    direction: 'uplink',
    window: { startMs: T0 + MIN, endMs: T0 + 2 * MIN },
    headline: 'Poor network on their side: what they sent',
    figures: ['audio jitter up to 94 ms'],
    explanation: '',
    thresholds: [],
    focus: null,
    peerIds: [A],
    merged: 1,
  } satisfies Incident;

  it('is a lane per peer over their spans, with the incidents and the moment', () => {
    const input = wholeCallInput({
      totals: [total(A, T0, T0 + 10 * MIN), total(B, T0 + 11 * MIN, T0 + 20 * MIN, true)],
      events: [],
      series: [],
      incidents: [incident],
      moment: { startMs: T0 + 5 * MIN, endMs: T0 + 7 * MIN },
    });
    expect(input).toMatchObject({
      range: { startMs: T0, endMs: T0 + 20 * MIN },
      lanes: [
        { peerId: A, label: '1a2b3c4d…', spans: [{ start: T0, end: T0 + 10 * MIN, open: false }] },
        {
          peerId: B,
          label: '5e6f7a8b…',
          spans: [{ start: T0 + 11 * MIN, end: T0 + 20 * MIN, open: true }],
        },
      ],
      incidents: [
        {
          window: incident.window,
          severity: 'poor',
          label: 'Poor network on their side: what they sent: audio jitter up to 94 ms',
        },
      ],
      moment: { startMs: T0 + 5 * MIN, endMs: T0 + 7 * MIN },
    });
  });

  it('takes the range the page gives, the samples when nobody connected, and null when nothing is timed', () => {
    const given = { startMs: T0 - MIN, endMs: T0 + HOUR_MS };
    const base = { totals: [], events: [], series: [], incidents: [], moment: null };
    expect(wholeCallInput({ ...base, range: given })?.range).toEqual(given);
    const sampled = wholeCallInput({
      ...base,
      series: [series('Audio MOS (sent)', '', [4, 4, 4])],
    });
    expect(sampled?.range).toEqual({ startMs: T0, endMs: T0 + 2000 });
    expect(wholeCallInput(base)).toBeNull();
  });
});

const HOUR_MS = 60 * MIN;
