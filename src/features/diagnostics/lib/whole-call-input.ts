/**
 * What the whole-call timeline draws, from what the page already holds: each peer's spans, the
 * loaded peer reports' SDK events (disconnects with their reason, device changes), the
 * measured series graded on the one set of thresholds, and the findings engine's incidents.
 * The result is the chart's input (WholeCallInput) by shape: features share only through their
 * index, so the page hands one to the other and the compiler checks they agree there. Pure.
 */
import { shortId } from '../../../lib/format';
import type { PeerTotal } from '../../../lib/peer-spans';
import type { TimeWindow } from '../../../lib/time-window';
import { deviceEvents } from './device-events';
import type { Incident } from './finding';
import type { MeasuredSeries } from './measures';
import type { ReportEvent } from './report-rules';
import { IMPLAUSIBLE_LOSS_PCT, type Level, levelOf, mosLevel } from './thresholds';

export type WholeCallSources = {
  /** Per peer, its connected spans (peerTotals), in the page's order. */
  readonly totals: readonly PeerTotal[];
  /** The loaded peer reports' SDK events: reportEvents(report, peerId) for each. */
  readonly events: readonly ReportEvent[];
  /** The call's measured series (measuredSeries). */
  readonly series: readonly MeasuredSeries[];
  /** The findings engine's incidents. */
  readonly incidents: readonly Incident[];
  readonly moment: TimeWindow | null;
  /** The call's extent when the page knows it better than the spans (joined to left or now). */
  readonly range?: TimeWindow | null;
};

/** A disconnect or a device change, on the peer it happened on. */
export type CallMark = {
  readonly atMs: number;
  readonly peerId: string;
  readonly kind: 'disconnect' | 'device';
  readonly text: string;
};

/** The worst graded reading at one instant: what the timeline's quality band is made of. */
export type QualityPoint = { readonly atMs: number; readonly level: Level; readonly text: string };

type Grade = { readonly level: (v: number) => Level | null; readonly text: (v: number) => string };

const RANK: Record<Level, number> = { good: 0, degraded: 1, poor: 2 };
const oneDecimal = (v: number) => v.toLocaleString('en', { maximumFractionDigits: 1 });

/**
 * MOS, loss and jitter graded as the rules grade them; an impossible reading is no reading.
 * A peer report's MOS runs 1–5; a quality_stats score 0–5, 0 meaning none.
 */
function gradeOf(series: MeasuredSeries): Grade | null {
  const { label, unit } = series;
  if (/\bMOS\b/.test(label)) {
    return { level: (v) => (v >= 1 && v <= 5 ? mosLevel(v) : null), text: (v) => v.toFixed(1) };
  }
  if (/quality score/i.test(label)) {
    return { level: (v) => (v > 0 && v <= 5 ? mosLevel(v) : null), text: (v) => v.toFixed(1) };
  }
  if (/jitter/i.test(label) && unit === 'ms') {
    return {
      level: (v) => (v >= 0 ? levelOf('jitterMs', v) : null),
      text: (v) => `${Math.round(v)} ms`,
    };
  }
  if (/loss/i.test(label) && unit === '%') {
    return {
      level: (v) => (v >= 0 && v <= IMPLAUSIBLE_LOSS_PCT ? levelOf('lossPct', v) : null),
      text: (v) => `${oneDecimal(v)} %`,
    };
  }
  return null;
}

/** The worst graded reading at each sampled instant, and what it was. */
export function worstQuality(series: readonly MeasuredSeries[]): QualityPoint[] {
  const worst = new Map<number, { level: Level; text: string }>();
  for (const s of series) {
    const grade = gradeOf(s);
    if (!grade) continue;
    for (let i = 0; i < s.values.length; i++) {
      const at = s.times[i];
      const v = s.values[i];
      if (at === undefined || v === undefined || Number.isNaN(at) || Number.isNaN(v)) continue;
      const level = grade.level(v);
      if (level === null) continue;
      const known = worst.get(at);
      if (!known || RANK[level] > RANK[known.level]) {
        worst.set(at, { level, text: `${s.label} ${grade.text(v)}` });
      }
    }
  }
  return [...worst]
    .sort((a, b) => a[0] - b[0])
    .map(([atMs, { level, text }]) => ({ atMs, level, text }));
}

/** SDK events that end a connection: "network_disconnected", "room_left"… */
const DISCONNECT = /disconnect|left|leav/i;

/** Disconnects with their reason, and device changes, each on its peer. */
export function callMarks(events: readonly ReportEvent[]): CallMark[] {
  const marks: CallMark[] = [];
  const byPeer = new Map<string, ReportEvent[]>();
  for (const e of events) {
    const same = byPeer.get(e.peerId);
    if (same) same.push(e);
    else byPeer.set(e.peerId, [e]);
    if (DISCONNECT.test(e.name)) {
      const reason = e.metadata?.reason;
      const text = typeof reason === 'string' && reason !== '' ? `${e.name}: ${reason}` : e.name;
      marks.push({ atMs: e.atMs, peerId: e.peerId, kind: 'disconnect', text });
    }
  }
  for (const [peerId, own] of byPeer) {
    for (const d of deviceEvents(own)) {
      marks.push({ atMs: d.atMs, peerId, kind: 'device', text: d.text });
    }
  }
  return marks.sort((a, b) => a.atMs - b.atMs);
}

/** From the first span's start to the last one's end; the samples' when nobody connected. */
function extentOf(
  totals: readonly PeerTotal[],
  quality: readonly QualityPoint[],
): TimeWindow | null {
  let startMs = Number.POSITIVE_INFINITY;
  let endMs = Number.NEGATIVE_INFINITY;
  for (const t of totals) {
    for (const s of t.spans) {
      startMs = Math.min(startMs, s.start);
      endMs = Math.max(endMs, s.end);
    }
  }
  if (startMs <= endMs) return { startMs, endMs };
  const first = quality[0];
  const last = quality[quality.length - 1];
  return first && last ? { startMs: first.atMs, endMs: last.atMs } : null;
}

/** The timeline's input; null when nothing has a time to draw. */
export function wholeCallInput(sources: WholeCallSources) {
  const quality = worstQuality(sources.series);
  const range = sources.range ?? extentOf(sources.totals, quality);
  if (!range) return null;
  return {
    range,
    lanes: sources.totals.map((t) => ({
      peerId: t.peerId,
      label: shortId(t.peerId),
      spans: t.spans.map((s) => ({ start: s.start, end: s.end, open: s.open })),
    })),
    marks: callMarks(sources.events),
    quality,
    incidents: sources.incidents.map((i) => ({
      window: i.window,
      severity: i.severity,
      label: i.figures.length > 0 ? `${i.headline}: ${i.figures.join(', ')}` : i.headline,
    })),
    moment: sources.moment,
  };
}

/** What the whole-call timeline draws (the charts feature's WholeCallInput, by shape). */
export type WholeCall = NonNullable<ReturnType<typeof wholeCallInput>>;
