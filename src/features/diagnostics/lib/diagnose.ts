/**
 * The findings engine: one participant (its record, peer events and their spans) and the peer
 * reports loaded so far, turned into every finding, count and time window the page shows.
 * The Health strip, the reported moment, the Quality panel's focus, the ticket and the exports
 * all read its Diagnosis; none computes a finding of its own. It loads with the diagnosis's
 * chunk: the first paint knows only the reconnects (finding.ts, reconnects.ts).
 */
import { isInvalid, valid } from '../../../api/lenient';
import type { Filter, Participant } from '../../../api/participant-schema';
import type { PeerEventRecord } from '../../../api/peer-events';
import type { PeerReportParticipant } from '../../../api/peer-report-schema';
import { statsEventRecords } from '../../../api/stats-events';
import { formatCount, shortId } from '../../../lib/format';
import type { PeerTotal } from '../../../lib/peer-spans';
import type { TimeWindow } from '../../../lib/time-window';
import type { Summary } from '../../participant';
import { deviceEvents, withDeviceEvents } from './device-events';
import {
  type Diagnosis,
  type Finding,
  type Incident,
  reconnectIncident,
  SEVERITY_RANK,
} from './finding';
import { incidentsOf } from './merge';
import { readPrecall } from './precall';
import { qualityContext, readQuality } from './quality';
import { qualityRules } from './quality-rules';
import type { Reconnects } from './reconnects';
import { precallVersusCall, recordRules } from './record-rules';
import { type ReportEvent, reportEvents, reportRules } from './report-rules';
import type { Symptom } from './symptom';

export type DiagnosisInput = {
  readonly participant: Participant;
  readonly records: readonly PeerEventRecord[] | null;
  /** Per peer: its connected spans. */
  readonly totals: readonly PeerTotal[];
  /** Counted once for the page (reconnects.ts). */
  readonly reconnects: Reconnects;
  readonly summary: Summary;
};

/** The peer reports in the query cache, by peer id. */
export type LoadedReports = ReadonlyMap<string, PeerReportParticipant>;

/** An SDK event with a time: from peer_stats.events or a peer report's metadata.events. */
export type SdkEvent = { readonly atMs: number; readonly name: string };

export type FullDiagnosis = Diagnosis & {
  /** The SDK events known, in time order, each once: what the reported moment counts. */
  readonly sdkEvents: readonly SdkEvent[];
};

const duration = (i: Incident) => i.window.endMs - i.window.startMs;
/** Another participant's side comes after the participant's own: the page is about them. */
const elsewhere = (i: Incident) => (i.direction === 'remote' ? 1 : 0);

/** Worst first; among equals, their own side first, then the longest, then the earliest. */
export function incidentOrder(a: Incident, b: Incident): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    elsewhere(a) - elsewhere(b) ||
    duration(b) - duration(a) ||
    a.window.startMs - b.window.startMs
  );
}

const findingOrder = (a: Finding, b: Finding) =>
  SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];

/**
 * The same whole-call finding on several connections is one: "TURN over TCP on 3 peers", the
 * worst of them kept.
 */
export function onePerKind(findings: readonly Finding[]): Finding[] {
  const byId = new Map<string, Finding[]>();
  for (const f of findings) {
    const same = byId.get(f.id);
    if (same) same.push(f);
    else byId.set(f.id, [f]);
  }
  return [...byId.values()].map((same) => {
    const worst = same.reduce((a, b) => (findingOrder(b, a) < 0 ? b : a));
    const peers = new Set(same.flatMap((f) => (f.peerId ? [f.peerId] : [])));
    if (peers.size === 0 || worst.peerId === undefined) return worst;
    if (peers.size === 1)
      return { ...worst, title: `${worst.title} on peer ${shortId(worst.peerId)}` };
    const { peerId: _one, ...rest } = worst;
    return { ...rest, title: `${worst.title} on ${formatCount(peers.size)} peers` };
  });
}

/** A peer's connection, from its first JOINING to its last LEAVING. */
function spanOf(total: PeerTotal | undefined): TimeWindow | null {
  const first = total?.spans[0];
  const last = total?.spans[total.spans.length - 1];
  return first && last ? { startMs: first.start, endMs: last.end } : null;
}

function sdkEventsOf(participant: Participant, reported: readonly ReportEvent[]): SdkEvent[] {
  const stats = statsEventRecords(participant);
  const all: SdkEvent[] = reported.map((e) => ({ atMs: e.atMs, name: e.name }));
  if (stats.kind === 'list') {
    for (const r of stats.records) {
      if (r.at && r.duplicateOf === null) all.push({ atMs: r.at.ms, name: r.type ?? '(no name)' });
    }
  }
  // The same event may come both ways: once per name and instant.
  const seen = new Set<string>();
  return all
    .sort((a, b) => a.atMs - b.atMs)
    .filter((e) => {
      const key = `${e.atMs} ${e.name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The answer's sections a peer report holds too. */
function sectionsOf(report: PeerReportParticipant, quality: boolean): Filter[] {
  const metadata = valid(valid(report.peer_report)?.metadata);
  const has = (value: unknown) => value !== undefined && !isInvalid(value);
  return [
    ...(has(metadata?.device_info) ? (['device_info'] as const) : []),
    ...(has(metadata?.ip_information) ? (['ip_information'] as const) : []),
    ...(has(metadata?.events) ? (['events'] as const) : []),
    ...(quality ? (['quality_stats'] as const) : []),
  ];
}

export function diagnose(
  input: DiagnosisInput,
  reports: LoadedReports,
  options: { readonly reportsPending: boolean } = { reportsPending: false },
): FullDiagnosis {
  const { participant } = input;
  const quality = qualityRules(readQuality(participant), qualityContext(participant));
  const symptoms: Symptom[] = [...quality.symptoms];
  const findings: Finding[] = [...quality.findings];
  const reported: ReportEvent[] = [];
  const totals = new Map(input.totals.map((t) => [t.peerId, t]));
  let reportsKnown = false;
  const covered = new Set<Filter>();
  for (const [peerId, report] of reports) {
    const rules = reportRules(report, peerId, spanOf(totals.get(peerId)));
    symptoms.push(...rules.symptoms);
    findings.push(...rules.findings);
    reportsKnown ||= rules.known;
    reported.push(...reportEvents(report, peerId));
    for (const section of sectionsOf(report, rules.known)) covered.add(section);
  }
  const inCall = withDeviceEvents(incidentsOf(symptoms), deviceEvents(reported));
  const reconnects = reconnectIncident(input.reconnects);
  const precall = readPrecall(participant);
  const versus = precallVersusCall(precall, {
    known: quality.known || reportsKnown,
    degraded: inCall.length > 0,
  });
  findings.push(
    ...recordRules({
      precall,
      spans: input.totals.flatMap((t) => t.spans),
      summary: input.summary,
      records: input.records,
    }),
    ...(versus ? [versus] : []),
  );
  return {
    incidents: [...inCall, ...(reconnects ? [reconnects] : [])].sort(incidentOrder),
    wholeCall: onePerKind(findings).sort(findingOrder),
    reconnects: input.reconnects,
    complete: !options.reportsPending,
    covered: [...covered],
    known: quality.known || reportsKnown,
    sdkEvents: sdkEventsOf(participant, reported),
  };
}
