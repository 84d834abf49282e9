/** Reshapes per-peer totals for the "Minutes by peer" chart. Pure: the components only render. */
import { formatCount, formatUtc, shortId } from '../../../lib/format';
import { mergeSpans, type PeerTotal } from '../../../lib/peer-spans';
import { type TextClock, timeDomain, UTC_TEXT_CLOCK } from './chart-summary';

export { chartSummary, type TextClock, timeDomain, UTC_TEXT_CLOCK } from './chart-summary';

/** More lanes than this and the rows become unreadable: they are merged into one. */
export const MAX_LANES = 24;
/**
 * A merged lane with more intervals than this (33,334 peers in a row made one task of 1.2 s in
 * the browser) joins those less than 1/LANE_RESOLUTION of the axis apart, and says so; with
 * fewer, every gap is drawn, however short (a reconnect is what an agent looks for).
 */
export const LANE_RESOLUTION = 600;
/** More bars than this and they become slivers: peers are grouped by first-seen time. */
export const MAX_BARS = 40;

export type { TimeDomain } from './chart-summary';

import type { TimeDomain } from './chart-summary';

export type LaneSpan = {
  readonly start: number;
  readonly end: number;
  /** Still connected: runs to "now" rather than to a LEAVING. */
  readonly open: boolean;
  /** Distinct peers behind this interval (1 on a per-peer lane). */
  readonly peerCount: number;
};

export type Lane = {
  readonly key: string;
  readonly label: string;
  /** The full peer id, or null for the merged lane. */
  readonly peerId: string | null;
  readonly spans: readonly LaneSpan[];
};

export type LaneData = {
  readonly lanes: readonly Lane[];
  /** True when all peers share one lane (the table then lists each peer). */
  readonly merged: boolean;
  /** [first start, last end] over every span; null when nothing was connected. */
  readonly domain: TimeDomain | null;
  /** On a merged lane with too many intervals to draw: gaps shorter than this are not shown. */
  readonly joinedUnderMs: number | null;
};

export type LaneOptions = { readonly maxLanes?: number };

export type MinutesBar = {
  readonly key: string;
  readonly label: string;
  /** The full peer id, or null for a bucket of peers. */
  readonly peerId: string | null;
  readonly minutes: number;
  readonly connectedMinutes: number;
  readonly peers: number;
};

export type MinutesData = {
  readonly bars: readonly MinutesBar[];
  /** True when bars are time buckets of peers rather than one peer each. */
  readonly bucketed: boolean;
  /** The clock the buckets' times are on ("UTC", "your time"). */
  readonly clockLabel: string;
};

export type TimeTick = { readonly at: number; readonly label: string };

/** "14:01:35" — the clock part of formatUtc. */
export const utcClock = (ms: number) => formatUtc(ms).slice(11, 19);

export function laneData(totals: readonly PeerTotal[], opts: LaneOptions = {}): LaneData {
  const domain = timeDomain(totals);
  if (totals.length > (opts.maxLanes ?? MAX_LANES)) {
    const label = `All ${formatCount(totals.length)} peers`;
    const all = totals.flatMap((t) => t.spans);
    const exact = mergeSpans(all);
    const gap = domain ? (domain[1] - domain[0]) / LANE_RESOLUTION : 0;
    const joined = exact.length > LANE_RESOLUTION && gap > 0;
    const lane = { key: 'all', label, peerId: null, spans: joined ? mergeSpans(all, gap) : exact };
    return { lanes: [lane], merged: true, domain, joinedUnderMs: joined ? gap : null };
  }
  const lanes = totals.map((t) => ({
    key: t.peerId,
    label: shortId(t.peerId),
    peerId: t.peerId,
    spans: t.spans.map((s) => ({ start: s.start, end: s.end, open: s.open, peerCount: 1 })),
  }));
  return { lanes, merged: false, domain, joinedUnderMs: null };
}

export function minutesData(
  totals: readonly PeerTotal[],
  maxBars = MAX_BARS,
  clock: TextClock = UTC_TEXT_CLOCK,
): MinutesData {
  if (totals.length <= maxBars) {
    const bars = totals.map((t) => ({
      key: t.peerId,
      label: shortId(t.peerId),
      peerId: t.peerId,
      minutes: t.minutes,
      connectedMinutes: t.connectedMs / 60_000,
      peers: 1,
    }));
    return { bars, bucketed: false, clockLabel: clock.label };
  }
  const first = Math.min(...totals.map((t) => t.firstSeen));
  const last = Math.max(...totals.map((t) => t.firstSeen));
  const count = last > first ? maxBars : 1;
  const width = (last - first) / count;
  // Empty buckets are kept so the bars stay an even time axis.
  const buckets = Array.from({ length: count }, (_, i) => ({
    start: first + i * width,
    minutes: 0,
    connectedMs: 0,
    peers: 0,
  }));
  for (const total of totals) {
    const index =
      width > 0 ? Math.min(count - 1, Math.floor((total.firstSeen - first) / width)) : 0;
    const bucket = buckets[index];
    if (!bucket) continue;
    bucket.minutes += total.minutes;
    bucket.connectedMs += total.connectedMs;
    bucket.peers += 1;
  }
  const dated = crossesDays([first, last]);
  const bars = buckets.map((b) => ({
    key: String(b.start),
    label: dated ? axisLabel(b.start, 1000, true, clock.offset) : clock.time(b.start),
    peerId: null,
    minutes: b.minutes,
    connectedMinutes: b.connectedMs / 60_000,
    peers: b.peers,
  }));
  return { bars, bucketed: true, clockLabel: clock.label };
}

const DAY = 86_400_000;
const NICE_STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800];
const NICE_STEPS_MS = [
  ...[...NICE_STEPS_S, 21_600, 43_200].map((s) => s * 1000),
  ...[1, 2, 7, 14, 30, 91, 182, 365, 730, 1826, 3652].map((days) => days * DAY),
];
/** Never more ticks than this, whatever the data's span (timestamps reach from 2000 to 2099). */
const MAX_TICKS = 8;

/** A clock's offset from UTC at an instant (ms); UTC itself by default. */
export type Offset = (ms: number) => number;
const UTC_OFFSET: Offset = () => 0;

/** How a time reads on an axis: the clock within one day, the date beyond it. */
function axisLabel(at: number, step: number, crossesDays: boolean, offset: Offset): string {
  // "2026-11-21 14:01:35 UTC" shifted to the clock: only its digits are used.
  const utc = formatUtc(at + offset(at));
  if (step >= DAY) return utc.slice(0, 10);
  const clock = step < 60_000 ? utc.slice(11, 19) : utc.slice(11, 16);
  return crossesDays ? `${utc.slice(5, 10)} ${clock}` : clock;
}

export const crossesDays = ([start, end]: TimeDomain) =>
  Math.floor(start / DAY) !== Math.floor(end / DAY);

/** Round UTC times for the axis, aiming at 4–6 ticks, at most 8; dated when the span crosses a day. */
export function timeTicks(domain: TimeDomain, target = 5, offset = UTC_OFFSET): TimeTick[] {
  const [start, end] = domain;
  if (end <= start) return [{ at: start, label: utcClock(start + offset(start)) }];
  const countFor = (step: number) => Math.floor(end / step) - Math.ceil(start / step) + 1;
  const fitting = NICE_STEPS_MS.find((step) => countFor(step) <= 6 && countFor(step) >= 4);
  const closest = NICE_STEPS_MS.reduce((best, s) =>
    Math.abs(countFor(s) - target) < Math.abs(countFor(best) - target) ? s : best,
  );
  const nice = fitting ?? closest;
  // A span beyond the largest nice step still gets at most MAX_TICKS ticks.
  const step = countFor(nice) > MAX_TICKS ? (end - start) / (MAX_TICKS - 1) : nice;
  const dated = crossesDays(domain);
  const ticks: TimeTick[] = [];
  for (let at = Math.ceil(start / step) * step; at <= end && ticks.length < MAX_TICKS; at += step) {
    ticks.push({ at, label: axisLabel(at, step, dated, offset) });
  }
  return ticks;
}
