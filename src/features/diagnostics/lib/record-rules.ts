/**
 * Whole-call findings from the record itself: the pre-call test (and the test weighed against
 * the call), relay-only connectivity, connections with no LEAVING, a duration that disagrees
 * with the times, and the data that could not be read. Each with a severity, one sentence an
 * agent can paste to a customer, and the metric and threshold behind it.
 */
import type { PeerEventRecord } from '../../../api/peer-events';
import { formatCount, formatDurationMs } from '../../../lib/format';
import type { PeerSpan } from '../../../lib/peer-spans';
import type { Summary } from '../../participant';
import { type Finding, SEVERITY_RANK } from './finding';
import type { Precall } from './precall';
import { THRESHOLDS } from './thresholds';

/** The pre-call test's readings that were not good, as one finding, worst first. */
function precallFindings(precall: Precall): Finding[] {
  if (precall.kind !== 'readings') return [];
  const found: Finding[] = [];
  const bad = precall.readings
    .flatMap((r) => (r.metric && r.level && r.level !== 'good' ? [{ ...r, level: r.level }] : []))
    .sort((a, b) => SEVERITY_RANK[a.level] - SEVERITY_RANK[b.level]);
  const [worst] = bad;
  if (worst) {
    const listed = bad.map((r) => `${r.label.toLowerCase()} ${r.value}`).join(', ');
    found.push({
      id: 'precall',
      severity: worst.level,
      title: `Pre-call test ${worst.level}: ${listed}`,
      explanation: `Before joining, the participant's network measured ${listed}, which is ${worst.level} for a video call and points to their network.`,
      metric: 'pre-call test',
      threshold: [...new Set(bad.map((r) => (r.metric ? THRESHOLDS[r.metric].source : '')))].join(
        '; ',
      ),
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
  return found;
}

/**
 * The pre-call test against the call itself: a clean test followed by a degraded call means
 * conditions changed during the call; a bad test followed by a clean call means the test was
 * the worse moment. Null when either side is unknown or they agree.
 */
export function precallVersusCall(
  precall: Precall,
  call: { readonly known: boolean; readonly degraded: boolean },
): Finding | null {
  if (precall.kind !== 'readings' || !call.known) return null;
  const graded = precall.readings.filter((r) => r.metric && r.level);
  if (graded.length === 0) return null;
  const precallBad = graded.some((r) => r.level !== 'good');
  if (!precallBad && call.degraded) {
    return {
      id: 'precall-passed-call-degraded',
      severity: 'degraded',
      title: 'Pre-call test passed, but the call degraded',
      explanation:
        "The participant's network tested fine before joining, but quality dropped during the call, so conditions changed mid-call (for example another device using the connection, or a switch between Wi-Fi and mobile data).",
      metric: 'pre-call test vs in-call quality',
      threshold: 'every pre-call reading good; an in-call incident degraded or poor',
    };
  }
  if (precallBad && !call.degraded) {
    return {
      id: 'precall-failed-call-fine',
      severity: 'info',
      title: 'Pre-call test flagged the network, but the call was fine',
      explanation:
        "The network test before joining looked weak, but the call's own quality measurements stayed within normal limits, so the weak test was a passing moment.",
      metric: 'pre-call test vs in-call quality',
      threshold: 'a pre-call reading degraded or poor; no in-call incident degraded or poor',
    };
  }
  return null;
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** What the record itself could not tell straight: unreadable values, repeats, gaps. */
function dataFindings(summary: Summary, records: readonly PeerEventRecord[] | null): Finding[] {
  const found: Finding[] = [];
  const fields = [
    summary.displayName,
    summary.id,
    summary.userId,
    summary.customId,
    summary.preset,
    summary.joined,
    summary.left,
    summary.created,
    summary.updated,
    summary.duration,
  ];
  let unreadable = fields.filter((field) => field.kind === 'invalid').length;
  let repeated = 0;
  for (const r of records ?? []) {
    unreadable += r.problems.length;
    if (r.duplicateOf !== null) repeated += 1;
  }
  if (unreadable > 0) {
    found.push({
      id: 'unreadable-values',
      severity: 'info',
      title: `${plural(unreadable, 'value')} could not be read`,
      explanation:
        'Part of the record of this call was sent in a form that cannot be read; this is a reporting issue, not something the participant did.',
      metric: 'record',
      threshold: 'a value of the wrong type or format (shown flagged where it stands)',
    });
  }
  if (repeated > 0) {
    found.push({
      id: 'repeated-events',
      severity: 'info',
      title: plural(repeated, 'repeated event id'),
      explanation:
        'Some events were sent twice with the same id; they are counted once, so this is a reporting issue, not extra reconnects.',
      metric: 'peer events',
      threshold: 'an event id seen before in the same list',
    });
  }
  if (records?.length === 0) {
    found.push({
      id: 'no-peer-events',
      severity: 'info',
      title: 'No peer events',
      explanation:
        'The record of this call holds no connection events, so when the participant joined and left cannot be told from it.',
      metric: 'peer events',
    });
  }
  return found;
}

export type RecordInput = {
  readonly precall: Precall;
  readonly spans: readonly PeerSpan[];
  readonly summary: Summary;
  readonly records: readonly PeerEventRecord[] | null;
};

export function recordRules({ precall, spans, summary, records }: RecordInput): Finding[] {
  const found = precallFindings(precall);
  const unterminated = spans.filter((s) => s.unterminated).length;
  if (unterminated > 0) {
    found.push({
      id: 'missing-leaving',
      severity: 'info',
      title: `${plural(unterminated, 'peer')} with no LEAVING event`,
      explanation:
        'The record of this call is incomplete: a connection has no recorded end, so its length was taken up to the moment the participant left.',
      metric: 'peer events',
    });
  }
  const { disagreement, fromTimesMs, fromMinutesMs } = summary.durationCheck;
  if (disagreement !== null && fromTimesMs !== null && fromMinutesMs !== null) {
    found.push({
      id: 'duration-mismatch',
      severity: 'info',
      title: 'Duration disagrees with the join and leave times',
      explanation: `The recorded duration (${formatDurationMs(fromMinutesMs)}) differs from the time between joining and leaving (${formatDurationMs(fromTimesMs)}) by ${formatDurationMs(Math.abs(disagreement))}; this is a reporting discrepancy, not something the participant did.`,
      metric: 'duration',
      threshold: 'more than 2 s and 1 % apart',
    });
  }
  found.push(...dataFindings(summary, records));
  return found;
}
