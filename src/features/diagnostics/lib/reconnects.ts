/**
 * The one count of reconnects on the page (Health, the timeline, the ticket, the exports): every
 * JOINING after the first, across all of the participant's peers, with the densest 10 minutes
 * of them as detail. Small and linear: it is part of the first paint, over 100,000 events too.
 */
import type { SpanInput } from '../../../lib/peer-spans';
import type { TimeWindow } from '../../../lib/time-window';

/** Reconnects close together: the participant's connection kept dropping. */
export const RECONNECT_STORM = {
  reconnects: 3,
  windowMs: 10 * 60_000,
  source:
    'three or more reconnects within 10 minutes is poor (support practice: one drop is bad luck, three is a pattern)',
} as const;

/** Whether reconnects packed this densely make a storm. */
export const isReconnectStorm = (inTenMinutes: number) =>
  inTenMinutes >= RECONNECT_STORM.reconnects;

export type Reconnects = {
  /** JOININGs after the first one (a repeated event id is one event). */
  readonly total: number;
  /** The most reconnects inside any 10 minutes, and where the first and last of them fell. */
  readonly densest10Min: TimeWindow & { readonly count: number };
};

/** No JOINING after the first (or no peer events at all). */
export const NO_RECONNECTS: Reconnects = {
  total: 0,
  densest10Min: { count: 0, startMs: 0, endMs: 0 },
};

/** `inputs` as spanInputs gives them (repeated event ids left out), in any order. */
export function reconnectsOf(inputs: readonly SpanInput[]): Reconnects {
  const joins = new Float64Array(inputs.length);
  let n = 0;
  let untimed = 0;
  for (const input of inputs) {
    if (input.name !== 'PEER_JOINING') continue;
    if (input.atMs === null) untimed += 1;
    else joins[n++] = input.atMs;
  }
  const total = Math.max(0, n + untimed - 1);
  if (total === 0) return NO_RECONNECTS;
  // The first JOINING is the participant arriving; the rest are the reconnects. Typed arrays
  // sort numerically, in place.
  const times = joins.subarray(0, n).sort();
  const first = untimed > 0 ? 0 : 1;
  let best = { count: 0, startMs: 0, endMs: 0 };
  let start = first;
  for (let end = first; end < n; end++) {
    const at = times[end] ?? 0;
    while (at - (times[start] ?? 0) > RECONNECT_STORM.windowMs) start++;
    const count = end - start + 1;
    if (count > best.count) best = { count, startMs: times[start] ?? 0, endMs: at };
  }
  return { total, densest10Min: best };
}
