/**
 * Jitter's unit, decided once for the quality stats and the peer reports: WebRTC reports it in
 * seconds, RealtimeKit's reference suggests milliseconds. A series is read as seconds only when
 * its typical value is under 0.1 — WebRTC's range (0.005 s is 5 ms) and below anything a
 * network shows in milliseconds; from 0.1 to 1 it would be 100–1,000 ms as seconds, which no
 * call sustains, so it is read as (sub-)milliseconds and the note says so.
 */
export const SECONDS_BELOW = 0.1;

/** The median non-zero readable value, from at most ~1,000 evenly spread samples. */
export function typicalValue(values: ArrayLike<number>): number {
  const step = Math.max(1, Math.floor(values.length / 1000));
  const picked: number[] = [];
  for (let i = 0; i < values.length; i += step) {
    const v = values[i] ?? Number.NaN;
    if (!Number.isNaN(v) && v !== 0) picked.push(v);
  }
  picked.sort((a, b) => a - b);
  return picked[Math.floor(picked.length / 2)] ?? Number.NaN;
}

export type JitterUnit = {
  /** Multiply by this to get milliseconds. */
  readonly toMs: 1 | 1000;
  /** What was assumed, in words. */
  readonly note: string;
};

export function jitterUnit(values: ArrayLike<number>): JitterUnit {
  const typical = typicalValue(values);
  if (Number.isNaN(typical) || typical >= 1) return { toMs: 1, note: 'read as milliseconds' };
  if (typical < SECONDS_BELOW) {
    return {
      toMs: 1000,
      note: `read as seconds (typical value ${typical}, WebRTC's unit) and shown in ms`,
    };
  }
  return {
    toMs: 1,
    note: `read as milliseconds (typical value ${typical}; as seconds it would be ${Math.round(typical * 1000)} ms, which no call sustains)`,
  };
}
