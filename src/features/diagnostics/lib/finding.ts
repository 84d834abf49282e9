/**
 * What the findings engine (diagnose.ts) hands every view: incidents (what went wrong for the
 * participant, when, which way it hurt, and why), the whole-call findings beside them, and the
 * reconnect count. Types and the words every view uses; small, as the first paint needs them.
 */
import type { Filter } from '../../../api/participant-schema';
import { formatCount } from '../../../lib/format';
import type { TimeWindow } from '../../../lib/time-window';
import { isReconnectStorm, RECONNECT_STORM, type Reconnects } from './reconnects';
import type { Level } from './thresholds';

export type Severity = Exclude<Level, 'good'> | 'info';

/** What lies behind an incident. */
export type Cause = 'network' | 'device' | 'connection';

/**
 * Which way it hurt: what the participant sent (uplink), what they received (downlink), both,
 * what one other participant sent (remote), their own device, or not known (the older
 * quality_stats do not tell sent from received).
 */
export type Direction = 'uplink' | 'downlink' | 'both' | 'remote' | 'device' | 'unknown';

/** Where the evidence is on the page: a peer, and the series of it the panels should open. */
export type Focus = {
  readonly peerId: string;
  /** A quality_stats series ("audioJitter") or a peer-report list ("audio_producer"). */
  readonly series: string;
};

/** A whole-call finding: no moment of its own. */
export type Finding = {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  /** One sentence for the customer. */
  readonly explanation: string;
  readonly metric?: string;
  readonly threshold?: string;
  /** The peer (connection) it concerns, when one. */
  readonly peerId?: string;
};

/** Findings that overlap in time and share a cause, as one. */
export type Incident = {
  readonly id: string;
  readonly severity: Exclude<Severity, 'info'>;
  readonly cause: Cause;
  readonly direction: Direction;
  readonly window: TimeWindow;
  /** "Poor network on their side: what they sent". */
  readonly headline: string;
  /** The figures behind it, worst first: "audio jitter up to 94 ms", "MOS down to 1.2". */
  readonly figures: readonly string[];
  /** Which way it hurt, for the customer. */
  readonly explanation: string;
  /** The thresholds that applied, with their sources. */
  readonly thresholds: readonly string[];
  readonly focus: Focus | null;
  /** The peers (connections) it concerns. */
  readonly peerIds: readonly string[];
  /** How many findings were merged into it. */
  readonly merged: number;
  /** Whose media it was, when only what one other peer sent was received badly. */
  readonly sender?: string;
};

export type Diagnosis = {
  /** Worst first; among equals, the longest first. */
  readonly incidents: readonly Incident[];
  /** Worst first. */
  readonly wholeCall: readonly Finding[];
  readonly reconnects: Reconnects;
  /** False while more is still to come: the engine's chunk, or peer reports on their way. */
  readonly complete: boolean;
  /** The answer's sections the loaded peer reports hold instead (newer deployments send them there). */
  readonly covered: readonly Filter[];
  /** Whether any measure of the call's quality was read (quality stats or a peer report's). */
  readonly known: boolean;
};

export const SEVERITY_RANK: Record<Severity, number> = { poor: 0, degraded: 1, info: 2 };

/** "Reconnected 7 times", and the densest 10 minutes as detail. */
export function reconnectIncident(reconnects: Reconnects): Incident | null {
  const { total, densest10Min: densest } = reconnects;
  if (total === 0) return null;
  const detail =
    densest.count < 2
      ? []
      : densest.count === total
        ? [`${total === 2 ? 'both' : 'all'} within 10 min`]
        : [`${formatCount(densest.count)} of them within 10 min`];
  const times = total === 1 ? 'once' : `${formatCount(total)} times`;
  return {
    id: 'reconnects',
    severity: isReconnectStorm(densest.count) ? 'poor' : 'degraded',
    cause: 'connection',
    direction: 'unknown',
    window: { startMs: densest.startMs, endMs: densest.endMs },
    headline: `Reconnected ${times}`,
    figures: detail,
    explanation: `The participant's connection dropped and came back ${times}${detail.length > 0 ? `, ${detail[0]}` : ''}, which points to an unstable network or device.`,
    thresholds: [RECONNECT_STORM.source],
    focus: null,
    peerIds: [],
    merged: 1,
  };
}

/** What the page knows before the engine's chunk: the reconnects, counted the one way. */
export function upFrontDiagnosis(reconnects: Reconnects): Diagnosis {
  const incident = reconnectIncident(reconnects);
  return {
    incidents: incident ? [incident] : [],
    wholeCall: [],
    reconnects,
    complete: false,
    covered: [],
    known: false,
  };
}

/** "15:04:10–15:14:30", or one time for an instant, on the clock given. */
export function windowText(window: TimeWindow, time: (ms: number) => string): string {
  const start = time(window.startMs);
  const end = time(window.endMs);
  return start === end ? start : `${start}–${end}`;
}

/**
 * An incident in one line: "Poor network on their side: what they sent, 15:04–15:14: audio
 * jitter up to 94 ms, MOS down to 1.2"; "Reconnected 7 times; 4 of them within 10 min (…)".
 */
export function incidentText(incident: Incident, time: (ms: number) => string): string {
  const when = windowText(incident.window, time);
  const figures = incident.figures.join(', ');
  if (incident.cause === 'connection') {
    return `${incident.headline}${figures ? `; ${figures}` : ''} (${when})`;
  }
  return `${incident.headline}, ${when}${figures ? `: ${figures}` : ''}`;
}

const counted = (n: number, one: string, many: string) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** "2 incidents (1 poor, 1 degraded) and 3 whole-call findings." */
export function tally(diagnosis: Pick<Diagnosis, 'incidents' | 'wholeCall'>): string {
  const { incidents, wholeCall } = diagnosis;
  const by = (severity: Severity) => incidents.filter((i) => i.severity === severity).length;
  const levels = (['poor', 'degraded'] as const)
    .filter((s) => by(s) > 0)
    .map((s) => `${formatCount(by(s))} ${s}`);
  const parts = [
    incidents.length > 0
      ? `${counted(incidents.length, 'incident', 'incidents')} (${levels.join(', ')})`
      : '',
    wholeCall.length > 0
      ? counted(wholeCall.length, 'whole-call finding', 'whole-call findings')
      : '',
  ].filter(Boolean);
  return parts.length === 0
    ? 'No problems found in what the API returned.'
    : `${parts.join(' and ')}.`;
}
