/**
 * Which peers' reports the participant page loads by itself, and which loaded report a
 * diagnostics panel reads. Each report is one call on the team's RealtimeKit token
 * (docs/UPSTREAM.md, "Limits"): a long history loads a handful and the rest wait for a click.
 */
import type { Filter } from '../../../api/participant-schema';
import type { PeerReportParticipant } from '../../../api/peer-report-schema';
import type { ReportWithPeer } from '../../../api/stats-events';
import type { PeerTotal } from '../../../lib/peer-spans';
import { overlaps, type TimeWindow } from '../../../lib/time-window';
import type { Reading, Unread } from './section';

/** Every peer's report loads by itself up to this many peers; past it, the longest this many. */
export const AUTO_REPORTS = 8;

/** At most this many more: the peers connected at the reported moment, most of it first. */
export const MOMENT_REPORTS = 8;

/** Milliseconds of the window a peer's connected spans cover; null when none touches it. */
function coveredMs(total: PeerTotal, moment: TimeWindow): number | null {
  let ms: number | null = null;
  for (const span of total.spans) {
    if (!overlaps({ startMs: span.start, endMs: span.end }, moment)) continue;
    ms = (ms ?? 0) + Math.min(span.end, moment.endMs) - Math.max(span.start, moment.startMs);
  }
  return ms;
}

/**
 * The peers whose reports load without a click, in the list's order: all of them when there
 * are at most AUTO_REPORTS; otherwise the AUTO_REPORTS longest connected plus the peers
 * connected at the reported moment (a short one too: the moment is what the agent asks about).
 */
export function autoReportPeers(
  totals: readonly PeerTotal[],
  moment: TimeWindow | null,
): readonly string[] {
  if (totals.length <= AUTO_REPORTS) return totals.map((t) => t.peerId);
  const chosen = new Set(
    [...totals]
      .sort((a, b) => b.connectedMs - a.connectedMs)
      .slice(0, AUTO_REPORTS)
      .map((t) => t.peerId),
  );
  if (moment) {
    const atMoment = totals
      .filter((t) => !chosen.has(t.peerId))
      .map((t) => ({ peerId: t.peerId, ms: coveredMs(t, moment) }))
      .filter((t): t is { peerId: string; ms: number } => t.ms !== null)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, MOMENT_REPORTS);
    for (const t of atMoment) chosen.add(t.peerId);
  }
  return totals.filter((t) => chosen.has(t.peerId)).map((t) => t.peerId);
}

/** Peers latest connection first (ties: the longer one): whose report a panel reads first. */
export function byRecency(totals: readonly PeerTotal[]): readonly string[] {
  const last = (t: PeerTotal) => t.spans.reduce((at, s) => Math.max(at, s.start), t.firstSeen);
  return [...totals]
    .sort((a, b) => last(b) - last(a) || b.connectedMs - a.connectedMs)
    .map((t) => t.peerId);
}

/** A report in the query cache, for one of the participant's peers. */
export type LoadedReport = ReportWithPeer;

/** The participant's reports as the cache holds them: loaded (latest first), loading, failed. */
export type ReportsState = {
  /** The participant's peers, whose reports could be asked for. */
  readonly peers: number;
  readonly loaded: readonly LoadedReport[];
  readonly loading: number;
  readonly failed: number;
};

/** Where a panel's readings come from. */
export type PanelSource =
  | { readonly kind: 'filters'; readonly filter: Filter }
  | {
      readonly kind: 'report';
      readonly peerId: string;
      /** Loaded reports that hold this panel's data. */
      readonly loaded: number;
      /** Of those, how many read differently from the one shown (a device change, say). */
      readonly differ: number;
    };

type Readings = { readonly kind: 'readings'; readonly readings: readonly Reading[] };

export type Sourced<R extends Readings> = (R & { readonly source: PanelSource }) | Unread;

const sameAs = (r: Readings) => r.readings.map((x) => `${x.label}\u0000${x.value}`).join('\n');

/**
 * A panel's readings from whichever source has them: the participant's `peer_stats` section
 * (the older `filters` answer) when sent, else the latest loaded peer report that holds them.
 * An unreadable section is shown as such; nothing is ever filled in from elsewhere.
 */
export function fromSources<R extends Readings>(
  section: R | Unread,
  filter: Filter,
  reports: readonly LoadedReport[],
  read: (report: PeerReportParticipant) => R | null,
): Sourced<R> {
  if (section.kind === 'readings') return { ...section, source: { kind: 'filters', filter } };
  if (section.kind === 'invalid') return section;
  const found = reports.flatMap((r) => {
    const reading = read(r.participant);
    return reading ? [{ peerId: r.peerId, reading }] : [];
  });
  const latest = found[0];
  if (!latest) return { kind: 'missing' };
  const shown = sameAs(latest.reading);
  return {
    ...latest.reading,
    source: {
      kind: 'report',
      peerId: latest.peerId,
      loaded: found.length,
      differ: found.filter((f) => sameAs(f.reading) !== shown).length,
    },
  };
}

/**
 * Why no report gave a panel its data: no peer to ask about, some still loading, none of
 * those loaded holds it, all failed, or none asked for yet.
 */
export type ReportGap = 'no_peers' | 'loading' | 'not_in_reports' | 'failed' | 'not_loaded';

export function reportGap({ peers, loaded, loading, failed }: ReportsState): ReportGap {
  if (peers === 0) return 'no_peers';
  if (loading > 0) return 'loading';
  if (loaded.length > 0) return 'not_in_reports';
  return failed > 0 ? 'failed' : 'not_loaded';
}

/** Why the `filters` answer gave a panel nothing: refused with a 400, not asked, or not sent. */
export type FiltersGap = 'refused' | 'not_requested' | 'absent';

export function filtersGap(
  filter: Filter,
  requested: readonly Filter[],
  refused: boolean,
): FiltersGap {
  if (refused) return 'refused';
  return requested.includes(filter) ? 'absent' : 'not_requested';
}
