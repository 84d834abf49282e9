/**
 * The other people of a session as the verdict compares them: when they were connected, their
 * network and client, and what their peer report says (its symptoms, read by the same rules as
 * the participant's own: report-rules.ts). Pure; built from the answers the page fetched.
 */
import { valid } from '../../../../api/lenient';
import type { Participant } from '../../../../api/participant-schema';
import { peerEventRecords, spanInputs } from '../../../../api/peer-events';
import type { PeerReportParticipant } from '../../../../api/peer-report-schema';
import type { ReportWithPeer } from '../../../../api/stats-events';
import { type PeerTotal, peerTotals } from '../../../../lib/peer-spans';
import { overlaps, type TimeWindow } from '../../../../lib/time-window';
import { reportOf } from '../peer-report';
import { reportRules } from '../report-rules';
import type { Symptom } from '../symptom';

/** A network as the peer report names it: its country and its owner (organisation or ASN). */
export type Network = { readonly country: string | null; readonly owner: string | null };

export type Member = {
  readonly participantId: string;
  readonly name: string | null;
  /** Connected: from the peer events, else from joined_at to left_at. */
  readonly spans: readonly TimeWindow[];
  readonly peerIds: readonly string[];
  /** When a connection came back after a drop: every connection's start but the first. */
  readonly rejoins: readonly number[];
  readonly network: Network | null;
  /** "Chrome 131 · web-core 1.4". */
  readonly client: string | null;
  /** What their peer report says; null when there is none to read (not sent, or it failed). */
  readonly symptoms: readonly Symptom[] | null;
};

/** The fields a participant answer and a peer report both have. */
type Presence = Pick<Participant, 'peer_events' | 'joined_at' | 'left_at'>;

/** Per peer, its connected spans; a record still in the call runs to `now`. */
export function totalsOf(record: Presence, now: number): PeerTotal[] {
  const records = peerEventRecords(record);
  if (!records) return [];
  const left = record.left_at === undefined ? null : valid(record.left_at);
  const end = left ? { at: left.ms, stillConnected: false } : { at: now, stillConnected: true };
  return peerTotals(spanInputs(records), record.left_at !== undefined && !left ? null : end);
}

/** From joined_at to left_at (or now), when the list says no more. */
export function presenceWindow(record: Presence, now: number): TimeWindow | null {
  const joined = valid(record.joined_at)?.ms;
  if (joined === undefined) return null;
  const left = record.left_at === undefined ? now : valid(record.left_at)?.ms;
  return left === undefined ? null : { startMs: joined, endMs: Math.max(joined, left) };
}

/** The peer whose connections cover most of the windows: the one report worth reading. */
export function busiestPeer(totals: readonly PeerTotal[], windows: readonly TimeWindow[]) {
  let best: { peerId: string; ms: number } | null = null;
  for (const t of totals) {
    let ms = 0;
    for (const s of t.spans) {
      for (const w of windows) {
        ms += Math.max(0, Math.min(s.end, w.endMs) - Math.max(s.start, w.startMs));
      }
    }
    if (best === null || ms > best.ms) best = { peerId: t.peerId, ms };
  }
  return best?.peerId ?? null;
}

/** Country and network owner from a report's ip_information. */
export function networkOf(report: PeerReportParticipant): Network | null {
  const ip = valid(valid(reportOf(report)?.metadata)?.ip_information);
  if (!ip) return null;
  const country = valid(ip.country) ?? null;
  const owner = valid(ip.org) ?? valid(valid(ip.asn)?.name) ?? null;
  return country === null && owner === null ? null : { country, owner };
}

/** Browser and SDK from a report's metadata. */
export function clientOf(report: PeerReportParticipant): string | null {
  const metadata = valid(reportOf(report)?.metadata);
  const browser = valid(metadata?.browser_metadata);
  const parts = [
    [valid(browser?.browser), valid(browser?.browser_version)],
    [valid(metadata?.sdk_name), valid(metadata?.sdk_version)],
  ]
    .map((pair) => pair.filter((p): p is string => typeof p === 'string' && p !== '').join(' '))
    .filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : null;
}

export type MemberInput = {
  readonly participantId: string;
  readonly name: string | null;
  /** Their answer with its peer events, or the list's entry while that is all there is. */
  readonly record: Presence;
  /** Their connections, when the caller has worked them out from the record already (totalsOf). */
  readonly totals?: readonly PeerTotal[];
  /** Their reports that loaded: the peer chosen by busiestPeer, and any sender an incident names. */
  readonly reports: readonly ReportWithPeer[];
  readonly now: number;
};

export function memberOf(input: MemberInput): Member {
  const totals = input.totals ?? totalsOf(input.record, input.now);
  const spans =
    totals.length > 0
      ? totals.flatMap((t) => t.spans.map((s) => ({ startMs: s.start, endMs: s.end })))
      : [presenceWindow(input.record, input.now)].filter((w): w is TimeWindow => w !== null);
  const starts = spans.map((s) => s.startMs).sort((a, b) => a - b);
  const read = input.reports.map((report) => {
    const peer = totals.find((t) => t.peerId === report.peerId);
    const first = peer?.spans[0];
    const last = peer?.spans[peer.spans.length - 1];
    const span = first && last ? { startMs: first.start, endMs: last.end } : null;
    return reportRules(report.participant, report.peerId, span);
  });
  const known = read.filter((r) => r.known);
  const first = input.reports[0]?.participant;
  return {
    participantId: input.participantId,
    name: input.name,
    spans,
    peerIds: totals.map((t) => t.peerId),
    rejoins: starts.slice(1),
    network: first ? networkOf(first) : null,
    client: first ? clientOf(first) : null,
    symptoms: known.length > 0 ? known.flatMap((r) => r.symptoms) : null,
  };
}

export const inCallDuring = (m: Pick<Member, 'spans'>, w: TimeWindow) =>
  m.spans.some((s) => overlaps(s, w));
