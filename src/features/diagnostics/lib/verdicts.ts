/**
 * The Health strip's findings: pure rules over what the page already knows, each with a
 * severity, one sentence an agent can paste to a customer, and the metric and threshold
 * behind it. Worst first.
 */

import { formatDurationMs } from '../../../lib/format';
import type { PeerSpan, SpanInput } from '../../../lib/peer-spans';
import type { TimeWindow } from '../../../lib/time-window';
import type { DurationCheck } from '../../participant/lib/summary';
import type { Precall } from './precall';
import { type Level, RECONNECT_STORM, THRESHOLDS } from './thresholds';

export type Verdict = {
  readonly id: string;
  readonly severity: Exclude<Level, 'good'> | 'info';
  readonly title: string;
  /** One sentence for the customer. */
  readonly explanation: string;
  readonly metric?: string;
  readonly threshold?: string;
  /** When it happened, for the "show this moment" link; absent for whole-call findings. */
  readonly window?: TimeWindow;
  /** The peer (connection) it concerns, when one. */
  readonly peerId?: string;
};

export type VerdictInput = {
  readonly precall: Precall;
  /** JOINING times (ms), any order. */
  readonly joins: readonly number[];
  readonly spans: readonly PeerSpan[];
  readonly durationCheck: DurationCheck;
};

const RANK: Record<Verdict['severity'], number> = { poor: 0, degraded: 1, info: 2 };

/** The most JOININGs inside any window of RECONNECT_STORM.windowMs, and that window's span. */
export function densestJoins(joins: readonly number[]): {
  count: number;
  spanMs: number;
  startMs: number;
} {
  const times = [...joins].sort((a, b) => a - b);
  let best = { count: 0, spanMs: 0, startMs: 0 };
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] ?? 0) - (times[start] ?? 0) > RECONNECT_STORM.windowMs) start++;
    const count = end - start + 1;
    if (count > best.count) {
      best = {
        count,
        spanMs: (times[end] ?? 0) - (times[start] ?? 0),
        startMs: times[start] ?? 0,
      };
    }
  }
  return best;
}

export function joinTimes(inputs: readonly SpanInput[]): number[] {
  return inputs.filter((i) => i.name === 'PEER_JOINING' && i.atMs !== null).map((i) => i.atMs ?? 0);
}

export function verdicts({ precall, joins, spans, durationCheck }: VerdictInput): Verdict[] {
  const found: Verdict[] = [];
  if (precall.kind === 'readings') {
    for (const r of precall.readings) {
      if (!r.metric || !r.level || r.level === 'good') continue;
      found.push({
        id: `precall-${r.label}`,
        severity: r.level,
        title: `${r.label} in the pre-call test: ${r.value}`,
        explanation: `Before joining, the participant's network measured ${r.label.toLowerCase()} of ${r.value}, which is ${r.level} for a video call; the problem is likely on their network, not the service.`,
        metric: r.label,
        threshold: THRESHOLDS[r.metric].source,
      });
    }
    if (precall.relayOnly) {
      found.push({
        id: 'relay-only',
        severity: 'degraded',
        title: 'Relay only: no direct connection was possible',
        explanation:
          "The participant's network blocked a direct connection, so all media went through a relay server; a firewall or VPN on their side is the usual cause.",
        metric: 'connectivity',
      });
    }
  }
  const storm = densestJoins(joins);
  // Reconnects are JOININGs after one, as the timeline and the ticket count them.
  const reconnects = storm.count - 1;
  if (storm.count >= RECONNECT_STORM.joins) {
    found.push({
      id: 'reconnect-storm',
      severity: 'poor',
      title: `Reconnected ${reconnects} times within ${formatDurationMs(storm.spanMs)}`,
      explanation: `The participant's connection dropped and came back ${reconnects} times in quick succession, which points to an unstable network or device.`,
      metric: 'reconnects',
      threshold: RECONNECT_STORM.source,
      window: { startMs: storm.startMs, endMs: storm.startMs + storm.spanMs },
    });
  }
  const unterminated = spans.filter((s) => s.unterminated).length;
  if (unterminated > 0) {
    found.push({
      id: 'missing-leaving',
      severity: 'info',
      title: `${unterminated} peer${unterminated === 1 ? '' : 's'} with no LEAVING event`,
      explanation:
        'The record of this call is incomplete: a connection has no recorded end, so its length was taken up to the moment the participant left.',
      metric: 'peer events',
    });
  }
  if (durationCheck.disagreement !== null && durationCheck.fromTimesMs !== null) {
    found.push({
      id: 'duration-mismatch',
      severity: 'info',
      title: 'Duration disagrees with the join and leave times',
      explanation: `The recorded duration differs from the time between joining and leaving by ${formatDurationMs(Math.abs(durationCheck.disagreement))}; this is a reporting discrepancy, not something the participant did.`,
      metric: 'duration',
      threshold: 'more than 2 s and 1 % apart',
    });
  }
  return worstFirst(found);
}

/** Findings worst first; among equals, the earliest first, whole-call findings last. */
export function worstFirst(found: readonly Verdict[]): Verdict[] {
  return [...found].sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      (a.window?.startMs ?? Infinity) - (b.window?.startMs ?? Infinity),
  );
}
