import { describe, expect, it } from 'vitest';
import { makeClock } from '../../../lib/clock';
import {
  MAX_HEIGHT,
  MAX_LANES,
  readoutAt,
  type WholeCallInput,
  wholeCallModel,
  windowAround,
  windowBetween,
} from './whole-call';

const UTC = makeClock('utc', null);
const T0 = Date.UTC(2026, 10, 21, 14, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;

function input(over: Partial<WholeCallInput> = {}): WholeCallInput {
  return {
    range: { startMs: T0, endMs: T0 + HOUR },
    lanes: [
      { peerId: 'peer-a', label: 'peer-a', spans: [{ start: T0, end: T0 + 20 * MIN }] },
      {
        peerId: 'peer-b',
        label: 'peer-b',
        spans: [{ start: T0 + 21 * MIN, end: T0 + HOUR, open: true }],
      },
    ],
    marks: [],
    quality: [],
    incidents: [],
    moment: null,
    ...over,
  };
}

const lane = (i: number, minutes: number) => ({
  peerId: `peer-${i}`,
  label: `peer-${i}`,
  spans: [{ start: T0 + i * 1000, end: T0 + i * 1000 + minutes * MIN }],
});

describe('wholeCallModel', () => {
  it('draws a lane per peer while they fit, open spans apart from closed ones', () => {
    const model = wholeCallModel(input(), 800, UTC);
    expect(model.lanes.map((l) => l.label)).toEqual(['peer-a', 'peer-b']);
    expect(model.lanes[0]?.connected).toMatch(/^M112,/);
    expect(model.lanes[0]?.stillConnected).toBe('');
    expect(model.lanes[1]?.connected).toBe('');
    expect(model.lanes[1]?.stillConnected).not.toBe('');
  });

  it('folds peers past the cap into one "N more peers" lane, keeping the longest connected', () => {
    // Peer 20 is connected longest; peers 0–10 come first but are short; 7 lanes of their own.
    const lanes = Array.from({ length: 30 }, (_, i) => lane(i, i === 20 ? 50 : i < 11 ? 1 : 5));
    const model = wholeCallModel(input({ lanes }), 800, UTC);
    expect(model.lanes).toHaveLength(MAX_LANES);
    expect(model.lanes.map((l) => l.label)).toContain('peer-20');
    expect(model.lanes.map((l) => l.label)).not.toContain('peer-0');
    expect(model.lanes[MAX_LANES - 1]?.label).toBe('23 more');
    expect(model.height).toBeLessThanOrEqual(MAX_HEIGHT);
    expect(model.summary).toContain('30 peers (the 7 longest connected drawn one a lane');
    // The folded lane counts who of its peers were connected.
    // At 2 min, peers 0–10 (1 min each) have left; the 12 folded 5-minute peers have not.
    expect(readoutAt(model, T0 + 2 * MIN).connected).toContain('12 of 23 more peers');
  });

  it('stays small for a peer per reconnect: 30,000 peers, a disconnect each', () => {
    const lanes = Array.from({ length: 30_000 }, (_, i) => ({
      peerId: `peer-${i}`,
      label: `peer-${i}`,
      spans: [{ start: T0 + i * 12_000, end: T0 + i * 12_000 + 11_000 + (i % 7) * 100 }],
    }));
    const marks = lanes.map((l, i) => ({
      atMs: T0 + i * 12_000 + 11_000,
      peerId: l.peerId,
      kind: 'disconnect' as const,
      text: 'network_disconnected: ice_failed',
    }));
    const range = { startMs: T0, endMs: T0 + 30_000 * 12_000 };
    const model = wholeCallModel(input({ range, lanes, marks }), 1280, UTC);
    expect(model.lanes).toHaveLength(MAX_LANES);
    expect(model.lanes.at(-1)?.label).toBe(
      `${(30_000 - (MAX_LANES - 1)).toLocaleString('en')} more`,
    );
    // One glyph per lane and a few pixels at most, each listing five marks and a count.
    expect(model.marks.length).toBeLessThan(400);
    expect(model.marks.every((m) => m.lines.length <= 5)).toBe(true);
    expect(model.marks.reduce((sum, m) => sum + m.count, 0)).toBe(30_000);
  });

  it(`keeps ${MAX_LANES} peers as ${MAX_LANES} lanes, and puts marks of no known peer on a last lane`, () => {
    const lanes = Array.from({ length: MAX_LANES }, (_, i) => lane(i, 5));
    expect(wholeCallModel(input({ lanes }), 800, UTC).lanes).toHaveLength(MAX_LANES);
    const stray = { atMs: T0 + MIN, peerId: null, kind: 'disconnect' as const, text: 'x' };
    const model = wholeCallModel(input({ marks: [stray] }), 800, UTC);
    expect(model.lanes.map((l) => l.label)).toEqual(['peer-a', 'peer-b', 'No peer']);
    expect(model.marks[0]?.y).toBeGreaterThan(model.lanes[1]?.y ?? 0);
  });

  it('keeps the worst level of each pixel column', () => {
    // 3,600 samples a second apart over an hour: about 5 per pixel column at 800 px.
    const quality = Array.from({ length: 3600 }, (_, i) => ({
      atMs: T0 + i * 1000,
      level: i === 1800 ? ('poor' as const) : ('good' as const),
      text: i === 1800 ? 'Audio jitter 94 ms' : 'fine',
    }));
    const model = wholeCallModel(input({ quality }), 800, UTC);
    // One poor second among good ones still paints its column.
    expect(model.band.poor.match(/M/g)).toHaveLength(1);
    expect(model.band.good.match(/M/g)).toHaveLength(2);
    expect(model.band.degraded).toBe('');
    expect(readoutAt(model, T0 + 1800_000).quality).toEqual({
      level: 'poor',
      text: 'Audio jitter 94 ms',
    });
    expect(readoutAt(model, T0 + 600_000).quality?.level).toBe('good');
    expect(model.summary).toContain('quality poor for 1 s');
  });

  it('leaves a long gap between samples without a level', () => {
    const quality = [0, 1, 2, 40, 41, 42].map((m) => ({
      atMs: T0 + m * MIN,
      level: 'degraded' as const,
      text: 'Audio MOS 3.7',
    }));
    const model = wholeCallModel(input({ quality }), 800, UTC);
    expect(model.band.degraded.match(/M/g)).toHaveLength(2);
    expect(readoutAt(model, T0 + 20 * MIN).quality).toBeNull();
  });

  it('holds levels between samples of several series taken a few ms apart', () => {
    // Audio and video every 10 s, video 5 ms after audio.
    const quality = Array.from({ length: 720 }, (_, i) => ({
      atMs: T0 + Math.floor(i / 2) * 10_000 + (i % 2) * 5,
      level: 'good' as const,
      text: 'fine',
    }));
    const model = wholeCallModel(input({ quality }), 1280, UTC);
    expect(model.band.good.match(/M/g)).toHaveLength(1);
  });

  it('puts ticks on round times inside the range, their labels inside the figure', () => {
    const range = { startMs: T0 + 7 * MIN, endMs: T0 + 8 * HOUR + 7 * MIN };
    for (const width of [320, 800, 1280]) {
      const model = wholeCallModel(input({ range }), width, UTC);
      expect(model.ticks.length).toBeGreaterThanOrEqual(2);
      for (const tick of model.ticks) {
        expect(tick.at).toBeGreaterThanOrEqual(range.startMs);
        expect(tick.at).toBeLessThanOrEqual(range.endMs);
        expect(tick.x).toBeGreaterThanOrEqual(model.plot.left);
        expect(tick.x).toBeLessThanOrEqual(model.plot.right);
        if (tick.label === null) continue;
        const half = (tick.label.length * 6.6) / 2;
        const from =
          tick.anchor === 'start'
            ? tick.labelX
            : tick.labelX - half * (tick.anchor === 'end' ? 2 : 1);
        expect(from).toBeGreaterThanOrEqual(0);
        expect(from + 2 * half).toBeLessThanOrEqual(model.width);
      }
    }
    const labels = wholeCallModel(input({ range }), 1280, UTC).ticks.map((t) => t.label);
    expect(labels).toEqual([
      '15:00',
      '16:00',
      '17:00',
      '18:00',
      '19:00',
      '20:00',
      '21:00',
      '22:00',
    ]);
  });

  it('labels ticks on the page clock', () => {
    const berlin = makeClock('participant', 'Europe/Berlin');
    const model = wholeCallModel(input(), 800, berlin);
    expect(model.ticks.map((t) => t.label)).toEqual([
      '15:00',
      '15:10',
      '15:20',
      '15:30',
      '15:40',
      '15:50',
      '16:00',
    ]);
    expect(model.summary).toMatch(/^From 15:00:00 to 16:00:00 \(their time \(Europe\/Berlin\)\)/);
  });

  it('shares one glyph between close marks of a kind, listing them in its title', () => {
    const marks = [0, 1, 2].map((s) => ({
      atMs: T0 + 10 * MIN + s * 1000,
      peerId: 'peer-a',
      kind: 'disconnect' as const,
      text: `network_disconnected: ice_failed ${s}`,
    }));
    const device = {
      atMs: T0 + 10 * MIN,
      peerId: 'peer-a',
      kind: 'device' as const,
      text: 'camera changed',
    };
    const model = wholeCallModel(input({ marks: [...marks, device] }), 800, UTC);
    expect(model.marks).toHaveLength(2);
    const glyph = model.marks.find((m) => m.kind === 'disconnect');
    expect(glyph?.count).toBe(3);
    expect(glyph?.title.split('\n')[0]).toBe('14:10:00 network_disconnected: ice_failed 0');
    expect(readoutAt(model, T0 + 10 * MIN)).toMatchObject({ markCount: 4 });
    expect(readoutAt(model, T0 + 10 * MIN).marks).toHaveLength(4);
    expect(readoutAt(model, T0 + 30 * MIN).marks).toHaveLength(0);
  });

  it('shades incidents and the reported moment, clipped to the range', () => {
    const model = wholeCallModel(
      input({
        incidents: [
          {
            window: { startMs: T0 - MIN, endMs: T0 + 5 * MIN },
            severity: 'poor',
            label: 'Reconnected 3 times',
          },
          {
            window: { startMs: T0 + 2 * HOUR, endMs: T0 + 3 * HOUR },
            severity: 'degraded',
            label: 'Later',
          },
        ],
        moment: { startMs: T0 + 30 * MIN, endMs: T0 + 35 * MIN },
      }),
      800,
      UTC,
    );
    expect(model.incidents).toHaveLength(1);
    expect(model.incidents[0]?.x).toBe(model.plot.left);
    expect(model.incidents[0]?.title).toBe('Reconnected 3 times (poor), 13:59:00–14:05:00');
    expect(model.moment?.title).toBe('Reported moment, 14:30:00–14:35:00');
    expect(model.summary).toBe(
      'From 14:00:00 to 15:00:00 (UTC): 2 peers; 0 disconnects and 0 device changes; quality not measured; 2 incidents (1 poor, 1 degraded); the reported moment 14:30:00–14:35:00.',
    );
  });

  it('names who was connected at a moment', () => {
    const model = wholeCallModel(input(), 800, UTC);
    expect(readoutAt(model, T0 + 10 * MIN).connected).toEqual(['peer-a']);
    expect(readoutAt(model, T0 + 20.5 * MIN).connected).toEqual([]);
    expect(readoutAt(model, T0 + 30 * MIN)).toMatchObject({
      time: '14:30:00',
      connected: ['peer-b'],
    });
  });
});

describe('marked windows', () => {
  it('a click marks 2 minutes centred on it, on whole seconds', () => {
    expect(windowAround(T0 + 10 * MIN + 400)).toEqual({
      startMs: T0 + 9 * MIN,
      endMs: T0 + 11 * MIN,
    });
  });

  it('a drag marks what it covered, either way, widened to whole seconds', () => {
    expect(windowBetween(T0 + 5 * MIN + 700, T0 + 2 * MIN + 300)).toEqual({
      startMs: T0 + 2 * MIN,
      endMs: T0 + 5 * MIN + 1000,
    });
  });
});
