import { describe, expect, it } from 'vitest';
import type { SpanInput } from '../../../lib/peer-spans';
import { reconnectsOf } from './reconnects';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 21, 14);

const join = (atMs: number | null, peerId = `peer-${atMs}`): SpanInput => ({
  peerId,
  name: 'PEER_JOINING',
  atMs,
  minutes: null,
});
const leave = (atMs: number, peerId: string): SpanInput => ({
  peerId,
  name: 'PEER_LEAVING',
  atMs,
  minutes: 1,
});

describe('reconnectsOf', () => {
  it('counts the JOININGs after the first, across peers, with the densest 10 minutes', () => {
    // Eight connections, as the "Reconnected 7 times" sample has: reconnects at 2, 5, 8 and
    // 11 minutes are four within 10 minutes; 20, 30 and 40 are further apart.
    const minutes = [0, 2, 5, 8, 11, 20, 30, 40];
    const inputs = minutes.flatMap((m, i) => [
      join(T0 + m * MIN, `peer-${i}`),
      leave(T0 + m * MIN + 90_000, `peer-${i}`),
    ]);
    expect(reconnectsOf(inputs.reverse())).toEqual({
      total: 7,
      densest10Min: { count: 4, startMs: T0 + 2 * MIN, endMs: T0 + 11 * MIN },
    });
  });

  it('holds a window of exactly 10 minutes, not one a millisecond longer', () => {
    const at = (...offsets: number[]) =>
      reconnectsOf([join(T0), ...offsets.map((o) => join(T0 + o))]);
    expect(at(MIN, 6 * MIN, 11 * MIN).densest10Min.count).toBe(3);
    expect(at(MIN, 6 * MIN, 11 * MIN + 1).densest10Min.count).toBe(2);
  });

  it('counts none for one JOINING or none, and an untimed JOINING still counts', () => {
    expect(reconnectsOf([join(T0)])).toEqual({
      total: 0,
      densest10Min: { count: 0, startMs: 0, endMs: 0 },
    });
    expect(reconnectsOf([]).total).toBe(0);
    expect(reconnectsOf([join(T0), join(null)]).total).toBe(1);
  });

  it('reads the 100,002-event history (33,334 connections) in linear time', () => {
    const inputs: SpanInput[] = [];
    let at = T0;
    for (let i = 0; i < 33_334; i++) {
      const peerId = `peer-${i}`;
      inputs.push({ peerId, name: 'PEER_CREATED', atMs: at - 1_000, minutes: null });
      inputs.push(join(at, peerId));
      at += 3_000 + ((i * 7_919) % 9_000);
      inputs.push(leave(at, peerId));
      at += 2_000 + ((i * 104_729) % 3_000);
    }
    expect(inputs).toHaveLength(100_002);
    const started = performance.now();
    const found = reconnectsOf(inputs);
    expect(performance.now() - started).toBeLessThan(200);
    expect(found.total).toBe(33_333);
    // Connections 5–20 s apart: about 60 reconnects in any 10 minutes, never all of them.
    expect(found.densest10Min.count).toBeGreaterThan(30);
    expect(found.densest10Min.count).toBeLessThan(130);
    expect(found.densest10Min.endMs - found.densest10Min.startMs).toBeLessThanOrEqual(10 * MIN);
  });
});
