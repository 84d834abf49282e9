/**
 * The whole-call timeline reshaped for one width: a lane per peer (the longest connected drawn,
 * the rest folded into one), disconnects and device changes at their moments, the worst
 * quality per pixel column as a band, incident windows, the reported moment, and the time axis
 * on the page's clock. Pure: the component only draws what this returns.
 */
import type { Clock } from '../../../lib/clock';
import { formatCount, formatDurationMs } from '../../../lib/format';
import type { TimeWindow } from '../../../lib/time-window';
import { timeTicks } from './quality-chart-data';

export type QualityLevel = 'good' | 'degraded' | 'poor';

export type WholeCallInput = {
  /** The stretch of time the axis covers. */
  readonly range: TimeWindow;
  /** One per peer (connection), in the order the page lists them. */
  readonly lanes: readonly {
    readonly peerId: string;
    readonly label: string;
    readonly spans: readonly {
      readonly start: number;
      readonly end: number;
      /** Still connected: runs to "now" rather than to a leave. */
      readonly open?: boolean;
    }[];
  }[];
  readonly marks: readonly {
    readonly atMs: number;
    /** The peer it happened on; null when not known (drawn on the last lane). */
    readonly peerId: string | null;
    readonly kind: 'disconnect' | 'device';
    readonly text: string;
  }[];
  /** The worst of MOS, loss and jitter at each sampled moment, with what made it so. */
  readonly quality: readonly {
    readonly atMs: number;
    readonly level: QualityLevel;
    readonly text: string;
  }[];
  readonly incidents: readonly {
    readonly window: TimeWindow;
    readonly severity: 'poor' | 'degraded';
    readonly label: string;
  }[];
  readonly moment: TimeWindow | null;
};

type InputLane = WholeCallInput['lanes'][number];
type InputSpan = InputLane['spans'][number];

/** More lanes than this and they stop being readable: the rest share the last one. */
export const MAX_LANES = 8;
/** A click marks this much time around it. */
export const MARK_WIDTH_MS = 120_000;
/** How far from the pointer a mark still counts as "here", in pixels. */
export const NEAR_PX = 4;
export const MAX_HEIGHT = 170;

const LABEL_WIDTH = 112;
const RIGHT_PAD = 8;
const TOP = 4;
const BAND_GAP = 6;
const BAND_HEIGHT = 12;
const AXIS_GAP = 4;
const AXIS_HEIGHT = 22;
const BOTTOM = 8;
/** Everything but the lanes: 56 px. */
const FIXED_HEIGHT = TOP + BAND_GAP + BAND_HEIGHT + AXIS_GAP + AXIS_HEIGHT + BOTTOM;
const MIN_WIDTH = 240;
/** Marks of one kind on one lane this close together share a glyph. */
const MARK_BUCKET_PX = 6;
/** Lines a shared glyph's hover text lists before "and N more". */
const MARK_LINES = 5;
/** A generous width per character of an 11 px axis label, so end labels are never cut. */
const CHAR_PX = 6.6;
/** A sample's level holds until the next one, but not across a gap longer than this many steps. */
const HOLD_STEPS = 2;

const LEVELS = ['good', 'degraded', 'poor'] as const satisfies readonly QualityLevel[];
const RANK: Record<QualityLevel, number> = { good: 0, degraded: 1, poor: 2 };

export type DrawnLane = {
  readonly key: string;
  readonly label: string;
  /** Hover text: the peer's label, or what the folded lane holds. */
  readonly title: string;
  /** Top of the bar and its height. */
  readonly y: number;
  readonly height: number;
  /** Path data of the connected bars, and of those still connected. */
  readonly connected: string;
  readonly stillConnected: string;
};

export type DrawnMark = {
  readonly key: string;
  readonly kind: 'disconnect' | 'device';
  readonly x: number;
  /** Where the last mark sharing this glyph lies. */
  readonly lastX: number;
  /** The lane's middle. */
  readonly y: number;
  readonly count: number;
  /** The first few marks' time and text, one a line. */
  readonly lines: readonly string[];
  readonly title: string;
};

export type DrawnWindow = { readonly key: string; readonly x: number; readonly width: number };
export type DrawnIncident = DrawnWindow & {
  readonly severity: 'poor' | 'degraded';
  readonly title: string;
};

export type AxisTick = {
  readonly at: number;
  readonly x: number;
  /** Null when it would overlap its neighbour: the grid line stays. */
  readonly label: string | null;
  readonly labelX: number;
  readonly anchor: 'start' | 'middle' | 'end';
};

export type WholeCallModel = {
  readonly width: number;
  readonly height: number;
  readonly plot: {
    readonly left: number;
    readonly right: number;
    /** The lanes run from top to lanesBottom; the quality band lies below them. */
    readonly top: number;
    readonly lanesBottom: number;
    readonly bandTop: number;
    readonly bandHeight: number;
    readonly axisY: number;
  };
  readonly range: readonly [number, number];
  readonly lanes: readonly DrawnLane[];
  readonly marks: readonly DrawnMark[];
  /** Path data per level: one path each, however many columns. */
  readonly band: Readonly<Record<QualityLevel, string>>;
  readonly incidents: readonly DrawnIncident[];
  readonly moment: (DrawnWindow & { readonly title: string }) | null;
  readonly ticks: readonly AxisTick[];
  /** The figure's text alternative. */
  readonly summary: string;
  readonly x: (ms: number) => number;
  /** The time at a horizontal position, kept inside the range. */
  readonly msAt: (x: number) => number;
  /** What the readout needs beyond the drawing. */
  readonly probe: Probe;
};

type Probe = {
  readonly time: (ms: number) => string;
  /** Per drawn lane: its peer's spans, or null for the folded lane. */
  readonly laneSpans: readonly (readonly InputSpan[] | null)[];
  /** The folded peers' span starts and ends, each ascending. */
  readonly foldedStarts: Float64Array;
  readonly foldedEnds: Float64Array;
  readonly foldedLabel: string;
  /** Worst level per pixel column (-1: no sample) and the reading that made it so. */
  readonly columns: Int8Array;
  readonly columnText: readonly (string | null)[];
};

export type WholeCallClock = Pick<Clock, 'time' | 'offset' | 'label'>;

const round1 = (n: number) => Math.round(n * 10) / 10;
const rect = (x: number, y: number, w: number, h: number) =>
  `M${round1(x)},${round1(y)}h${round1(w)}v${h}h${-round1(w)}z`;
const plural = (n: number, one: string, many: string) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;
const connectedMs = (lane: InputLane) =>
  lane.spans.reduce((sum, s) => sum + Math.max(0, s.end - s.start), 0);

/** "15:04:10–15:14:30", or one time for an instant. */
function windowText(w: TimeWindow, time: (ms: number) => string): string {
  const start = time(w.startMs);
  const end = time(w.endMs);
  return start === end ? start : `${start}–${end}`;
}

/** Which lanes are drawn on their own: all when they fit, else the longest connected. */
function keptLanes(input: WholeCallInput, needsOther: boolean): Set<InputLane> {
  const { lanes } = input;
  if (lanes.length + (needsOther ? 1 : 0) <= MAX_LANES) return new Set(lanes);
  const ranked = lanes
    .map((lane, i) => ({ lane, i, ms: connectedMs(lane) }))
    .sort((a, b) => b.ms - a.ms || a.i - b.i);
  return new Set(ranked.slice(0, MAX_LANES - 1).map((r) => r.lane));
}

/** Bars at pixel resolution: the union of the spans, one column at least per span. */
function barsPath(
  spans: Iterable<InputSpan>,
  x: (ms: number) => number,
  plot: { left: number; right: number },
  y: number,
  height: number,
): { connected: string; stillConnected: string } {
  const cols = Math.max(1, Math.ceil(plot.right - plot.left));
  const closed = new Int32Array(cols + 1);
  const open = new Int32Array(cols + 1);
  const column = (px: number) => Math.min(cols - 1, Math.max(0, Math.floor(px - plot.left)));
  for (const s of spans) {
    if (x(s.end) < plot.left || x(s.start) > plot.right) continue;
    const from = column(x(s.start));
    const to = Math.max(from, column(x(s.end) - 1e-6));
    const diff = s.open ? open : closed;
    diff[from] = (diff[from] ?? 0) + 1;
    diff[to + 1] = (diff[to + 1] ?? 0) - 1;
  }
  const runs = (diff: Int32Array) => {
    const parts: string[] = [];
    let depth = 0;
    let from = -1;
    for (let c = 0; c <= cols; c++) {
      depth += diff[c] ?? 0;
      if (depth > 0 && from < 0) from = c;
      if ((depth <= 0 || c === cols) && from >= 0) {
        parts.push(rect(plot.left + from, y, c - from, height));
        from = -1;
      }
    }
    return parts.join('');
  };
  return { connected: runs(closed), stillConnected: runs(open) };
}

type Column = { ranks: Int8Array; texts: (string | null)[]; heldMs: number[] };

/**
 * The worst level per pixel column. Each sample holds until the next one (a column a poor
 * sample reaches is poor), but not across a gap of more than a few usual steps: no data there.
 */
function qualityColumns(
  points: WholeCallInput['quality'],
  [start, end]: readonly [number, number],
  cols: number,
): Column {
  const sorted = points.every((p, i) => i === 0 || (points[i - 1]?.atMs ?? 0) <= p.atMs)
    ? points
    : [...points].sort((a, b) => a.atMs - b.atMs);
  const gaps = new Float64Array(Math.max(0, sorted.length - 1));
  for (let i = 1; i < sorted.length; i++) {
    gaps[i - 1] = (sorted[i]?.atMs ?? 0) - (sorted[i - 1]?.atMs ?? 0);
  }
  gaps.sort();
  // The usual step, leaving out the few-ms gaps between several series sampled at one moment.
  const mean =
    gaps.length > 0 ? ((sorted.at(-1)?.atMs ?? 0) - (sorted[0]?.atMs ?? 0)) / gaps.length : 0;
  const apart = gaps.subarray(gaps.findIndex((g) => g >= mean / 10));
  const step = apart[apart.length >> 1] ?? 0;
  const hold = step * HOLD_STEPS;
  const ranks = new Int8Array(cols).fill(-1);
  const texts: (string | null)[] = new Array(cols).fill(null);
  const heldMs = [0, 0, 0];
  const span = Math.max(end - start, 1);
  const column = (ms: number) => Math.min(cols - 1, Math.floor(((ms - start) / span) * cols));
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i];
    if (!p || p.atMs < start || p.atMs > end) continue;
    const rank = RANK[p.level];
    const until = Math.min(sorted[i + 1]?.atMs ?? p.atMs + step, p.atMs + hold, end);
    heldMs[rank] = (heldMs[rank] ?? 0) + Math.max(0, until - p.atMs);
    const last = Math.max(column(p.atMs), column(until));
    for (let c = column(p.atMs); c <= last; c++) {
      if (rank > (ranks[c] ?? -1)) {
        ranks[c] = rank;
        texts[c] = p.text;
      }
    }
  }
  return { ranks, texts, heldMs };
}

function bandPaths(ranks: Int8Array, left: number, colWidth: number, y: number) {
  const parts: Record<QualityLevel, string[]> = { good: [], degraded: [], poor: [] };
  let from = 0;
  for (let c = 1; c <= ranks.length; c++) {
    const rank = ranks[from] ?? -1;
    if (c < ranks.length && ranks[c] === rank) continue;
    const level = LEVELS[rank];
    if (level)
      parts[level].push(rect(left + from * colWidth, y, (c - from) * colWidth, BAND_HEIGHT));
    from = c;
  }
  return {
    good: parts.good.join(''),
    degraded: parts.degraded.join(''),
    poor: parts.poor.join(''),
  };
}

function axisTicks(
  range: readonly [number, number],
  x: (ms: number) => number,
  width: number,
  plotWidth: number,
  clock: WholeCallClock,
): AxisTick[] {
  const ats = timeTicks(range, Math.max(2, Math.min(8, Math.floor(plotWidth / 96))), clock.offset);
  // Whole minutes need no seconds: "14:00" rather than "14:00:00", as on the quality charts.
  const minutes = ats.length < 2 || (ats[1] ?? 0) - (ats[0] ?? 0) >= 60_000;
  let lastRight = Number.NEGATIVE_INFINITY;
  return ats.map((at) => {
    const text = minutes ? clock.time(at).slice(0, 5) : clock.time(at);
    const px = x(at);
    const half = (text.length * CHAR_PX) / 2;
    // Anchored at the edge it would cross: the label stays whole inside the figure.
    const anchor = px - half < 0 ? 'start' : px + half > width ? 'end' : 'middle';
    const labelX = anchor === 'start' ? 1 : anchor === 'end' ? width - 1 : px;
    const left = anchor === 'start' ? 1 : anchor === 'end' ? width - 1 - 2 * half : px - half;
    const fits = left >= lastRight + 6;
    if (fits) lastRight = left + 2 * half;
    return { at, x: px, label: fits ? text : null, labelX, anchor };
  });
}

function marksOf(
  input: WholeCallInput,
  laneIndex: ReadonlyMap<string, number>,
  otherIndex: number,
  laneMiddle: (i: number) => number,
  x: (ms: number) => number,
  left: number,
  time: (ms: number) => string,
): DrawnMark[] {
  const [start, end] = [input.range.startMs, input.range.endMs];
  const inRange = input.marks.filter((m) => m.atMs >= start && m.atMs <= end);
  inRange.sort((a, b) => a.atMs - b.atMs);
  type Group = {
    kind: DrawnMark['kind'];
    lane: number;
    x: number;
    lastX: number;
    count: number;
    lines: string[];
  };
  const groups = new Map<string, Group>();
  for (const m of inRange) {
    const lane = (m.peerId === null ? undefined : laneIndex.get(m.peerId)) ?? otherIndex;
    const px = x(m.atMs);
    const key = `${lane} ${m.kind} ${Math.floor((px - left) / MARK_BUCKET_PX)}`;
    // A reconnect storm holds thousands: only the lines shown are formatted.
    const line = () => `${time(m.atMs)} ${m.text}`;
    const group = groups.get(key);
    if (group) {
      group.lastX = px;
      group.count += 1;
      if (group.lines.length < MARK_LINES) group.lines.push(line());
    } else groups.set(key, { kind: m.kind, lane, x: px, lastX: px, count: 1, lines: [line()] });
  }
  return [...groups].map(([key, g]) => {
    const more = g.count - g.lines.length;
    return {
      key,
      kind: g.kind,
      x: g.x,
      lastX: g.lastX,
      y: laneMiddle(g.lane),
      count: g.count,
      lines: g.lines,
      title: [...g.lines, ...(more > 0 ? [`and ${formatCount(more)} more`] : [])].join('\n'),
    };
  });
}

function summaryOf(
  input: WholeCallInput,
  folded: number,
  heldMs: readonly number[],
  clock: WholeCallClock,
): string {
  const { time } = clock;
  const peers = input.lanes.length;
  const drawn = peers - folded;
  const who =
    folded > 0
      ? `${plural(peers, 'peer', 'peers')} (the ${formatCount(drawn)} longest connected drawn one a lane, the other ${formatCount(folded)} together)`
      : plural(peers, 'peer', 'peers');
  const { moment, range } = input;
  const count = (kind: 'disconnect' | 'device') =>
    input.marks.filter((m) => m.kind === kind && m.atMs >= range.startMs && m.atMs <= range.endMs)
      .length;
  const marks = `${plural(count('disconnect'), 'disconnect', 'disconnects')} and ${plural(count('device'), 'device change', 'device changes')}`;
  const [good = 0, degraded = 0, poor = 0] = heldMs;
  const bad = [
    poor > 0 ? `poor for ${formatDurationMs(poor)}` : '',
    degraded > 0 ? `degraded for ${formatDurationMs(degraded)}` : '',
  ].filter(Boolean);
  const quality =
    good + degraded + poor === 0
      ? 'quality not measured'
      : bad.length > 0
        ? `quality ${bad.join(' and ')}`
        : 'quality good throughout';
  const by = (s: 'poor' | 'degraded') => input.incidents.filter((i) => i.severity === s).length;
  const incidents =
    input.incidents.length === 0
      ? 'no incidents'
      : `${plural(input.incidents.length, 'incident', 'incidents')} (${(
          ['poor', 'degraded'] as const
        )
          .filter((s) => by(s) > 0)
          .map((s) => `${formatCount(by(s))} ${s}`)
          .join(', ')})`;
  const outside = moment && (moment.endMs < range.startMs || moment.startMs > range.endMs);
  const reported = moment
    ? `the reported moment ${windowText(moment, time)}${outside ? ', outside this time' : ''}`
    : 'no reported moment';
  return `From ${time(range.startMs)} to ${time(range.endMs)} (${clock.label}): ${who}; ${marks}; ${quality}; ${incidents}; ${reported}.`;
}

export function wholeCallModel(
  input: WholeCallInput,
  width: number,
  clock: WholeCallClock,
): WholeCallModel {
  const w = Math.max(Math.round(width), MIN_WIDTH);
  const start = input.range.startMs;
  const end = Math.max(input.range.endMs, start);
  const range = [start, end] as const;
  const left = LABEL_WIDTH;
  const right = w - RIGHT_PAD;
  const plotWidth = right - left;
  const span = Math.max(end - start, 1);
  const x = (ms: number) => left + ((ms - start) / span) * plotWidth;
  const msAt = (px: number) =>
    Math.min(end, start + ((Math.min(Math.max(px, left), right) - left) / plotWidth) * span);

  const peerIds = new Set(input.lanes.map((l) => l.peerId));
  const strays = input.marks.some(
    (m) => m.atMs >= start && m.atMs <= end && (m.peerId === null || !peerIds.has(m.peerId)),
  );
  const kept = keptLanes(input, strays);
  const foldedLanes = input.lanes.filter((l) => !kept.has(l));
  const hasOther = foldedLanes.length > 0 || strays;
  const count = kept.size + (hasOther ? 1 : 0);
  const pitch = Math.max(
    12,
    Math.min(18, Math.floor((MAX_HEIGHT - FIXED_HEIGHT) / Math.max(count, 1))),
  );
  const barHeight = Math.round(pitch * 0.66);
  const laneTop = (i: number) => TOP + i * pitch + (pitch - barHeight) / 2;
  const laneMiddle = (i: number) => laneTop(i) + barHeight / 2;
  const plot = { left, right };

  const lanes: DrawnLane[] = [];
  const laneSpans: (readonly InputSpan[] | null)[] = [];
  const laneIndex = new Map<string, number>();
  for (const lane of input.lanes) {
    if (!kept.has(lane)) continue;
    const i = lanes.length;
    laneIndex.set(lane.peerId, i);
    laneSpans.push(lane.spans);
    const bars = barsPath(lane.spans, x, plot, laneTop(i), barHeight);
    lanes.push({
      key: lane.peerId,
      label: lane.label,
      title: lane.peerId,
      y: laneTop(i),
      height: barHeight,
      ...bars,
    });
  }
  const folded = foldedLanes.length;
  const foldedSpans = foldedLanes.flatMap((l) => l.spans);
  const foldedLabel = folded > 0 ? plural(folded, 'more peer', 'more peers') : 'No peer';
  if (hasOther) {
    const i = lanes.length;
    const bars = barsPath(foldedSpans, x, plot, laneTop(i), barHeight);
    const title =
      folded > 0
        ? `${foldedLabel}, together: the ${formatCount(kept.size)} longest connected have a lane each`
        : 'Events that name no peer drawn here';
    lanes.push({
      key: '(folded)',
      // The lane's label fits its 104 px at any count ("29,993 more"); its title says peers.
      label: folded > 0 ? `${formatCount(folded)} more` : foldedLabel,
      title,
      y: laneTop(i),
      height: barHeight,
      ...bars,
    });
    laneSpans.push(null);
  }
  const foldedStarts = Float64Array.from(foldedSpans, (s) => s.start).sort();
  const foldedEnds = Float64Array.from(foldedSpans, (s) => s.end).sort();

  const lanesBottom = TOP + count * pitch;
  const bandTop = lanesBottom + BAND_GAP;
  const axisY = bandTop + BAND_HEIGHT + AXIS_GAP;
  const height = axisY + AXIS_HEIGHT + BOTTOM;
  const cols = Math.max(1, Math.ceil(plotWidth));
  const quality = qualityColumns(input.quality, range, cols);

  const clipped = (win: TimeWindow) => {
    if (win.endMs < start || win.startMs > end) return null;
    const from = x(Math.max(win.startMs, start));
    return { x: from, width: Math.max(x(Math.min(win.endMs, end)) - from, 2) };
  };
  // Degraded first, so a poor window overlapping one is drawn over it.
  const incidents = [...input.incidents]
    .sort((a, b) => RANK[a.severity] - RANK[b.severity])
    .flatMap((incident, i) => {
      const box = clipped(incident.window);
      if (!box) return [];
      const title = `${incident.label} (${incident.severity}), ${windowText(incident.window, clock.time)}`;
      return [{ key: `${i}`, severity: incident.severity, title, ...box }];
    });
  const momentBox = input.moment ? clipped(input.moment) : null;
  const moment =
    input.moment && momentBox
      ? {
          key: 'moment',
          title: `Reported moment, ${windowText(input.moment, clock.time)}`,
          ...momentBox,
        }
      : null;

  return {
    width: w,
    height,
    plot: { left, right, top: TOP, lanesBottom, bandTop, bandHeight: BAND_HEIGHT, axisY },
    range,
    lanes,
    marks: marksOf(input, laneIndex, lanes.length - 1, laneMiddle, x, left, clock.time),
    band: bandPaths(quality.ranks, left, plotWidth / cols, bandTop),
    incidents,
    moment,
    ticks: axisTicks(range, x, w, plotWidth, clock),
    summary: summaryOf(input, folded, quality.heldMs, clock),
    x,
    msAt,
    probe: {
      time: clock.time,
      laneSpans,
      foldedStarts,
      foldedEnds,
      foldedLabel,
      columns: quality.ranks,
      columnText: quality.texts,
    },
  };
}

/** How many of the ascending values are below `at` (or at most `at`, when `inclusive`). */
function countBelow(values: Float64Array, at: number, inclusive: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid] ?? 0;
    if (v < at || (inclusive && v === at)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type Readout = {
  readonly atMs: number;
  readonly time: string;
  /** The lanes connected then: a peer's label, or "3 of 29,988 more peers". */
  readonly connected: readonly string[];
  readonly quality: { readonly level: QualityLevel; readonly text: string | null } | null;
  /** The first few marks within a few pixels, one line each, and how many there are. */
  readonly marks: readonly string[];
  readonly markCount: number;
};

/** What the hover readout says at a moment. */
export function readoutAt(model: WholeCallModel, atMs: number): Readout {
  const { probe, lanes } = model;
  const connected: string[] = [];
  lanes.forEach((lane, i) => {
    const spans = probe.laneSpans[i];
    if (spans) {
      if (spans.some((s) => s.start <= atMs && atMs <= s.end)) connected.push(lane.label);
      return;
    }
    const n =
      countBelow(probe.foldedStarts, atMs, true) - countBelow(probe.foldedEnds, atMs, false);
    if (n > 0) connected.push(`${formatCount(n)} of ${probe.foldedLabel}`);
  });
  const px = model.x(atMs);
  const cols = probe.columns.length;
  const col = Math.min(cols - 1, Math.max(0, Math.floor(px - model.plot.left)));
  const rank = probe.columns[col] ?? -1;
  const level = LEVELS[rank];
  const near = model.marks.filter((m) => px >= m.x - NEAR_PX && px <= m.lastX + NEAR_PX);
  return {
    atMs,
    time: probe.time(atMs),
    connected,
    quality: level ? { level, text: probe.columnText[col] ?? null } : null,
    marks: near.flatMap((m) => m.lines),
    markCount: near.reduce((sum, m) => sum + m.count, 0),
  };
}

/** The window a click marks: two minutes centred on it, on whole seconds. */
export function windowAround(atMs: number, widthMs = MARK_WIDTH_MS): TimeWindow {
  const centre = Math.round(atMs / 1000) * 1000;
  return { startMs: centre - widthMs / 2, endMs: centre + widthMs / 2 };
}

/** The window a drag marks, widened to whole seconds. */
export function windowBetween(a: number, b: number): TimeWindow {
  return {
    startMs: Math.floor(Math.min(a, b) / 1000) * 1000,
    endMs: Math.ceil(Math.max(a, b) / 1000) * 1000,
  };
}
