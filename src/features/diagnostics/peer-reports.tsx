import { useMemo, useState } from 'react';
import { Card } from '../../components/ui/card';
import type { PeerTotal } from '../../lib/peer-spans';
import type { TimeWindow } from '../../lib/time-window';
import { AUTO_REPORTS, autoReportPeers } from './lib/auto-reports';
import { PeerReportRow } from './peer-report-row';
import { useAutoPeerReports } from './use-auto-peer-reports';

export type PeerReportsProps = {
  /** The participant's peers, in order of first appearance, with their connected spans. */
  totals: readonly PeerTotal[];
  /**
   * The reported moment: pointed at on every loaded chart, and the peers connected then have
   * their reports loaded too.
   */
  highlight?: TimeWindow | null;
};

/** "Load all" is offered up to this many peers: each report is one call on the team's token. */
export const LOAD_ALL_LIMIT = 10;

/** Peers listed at first; a long history can hold tens of thousands (one per reconnect). */
export const PEERS_SHOWN = 20;

/**
 * Each connection's own quality report from RealtimeKit: a few load by themselves (see
 * `autoReportPeers`), the others when asked for.
 */
export function PeerReports({ totals, highlight = null }: PeerReportsProps) {
  const auto = useMemo(() => autoReportPeers(totals, highlight), [totals, highlight]);
  useAutoPeerReports(auto);
  // The peers loaded by themselves come first: in a long history they are the ones to read.
  const { chosen, peerIds } = useMemo(() => {
    const chosen = new Set(auto);
    const rest = totals.map((t) => t.peerId).filter((id) => !chosen.has(id));
    return { chosen, peerIds: [...auto, ...rest] };
  }, [auto, totals]);
  // Which reports the agent asked for: a UI choice, not server data (that stays in the cache).
  const [requested, setRequested] = useState<ReadonlySet<string>>(() => new Set());
  const request = (ids: readonly string[]) =>
    setRequested((previous) => new Set([...previous, ...ids]));
  const [shown, setShown] = useState(PEERS_SHOWN);
  const asked = (id: string) => requested.has(id) || chosen.has(id);
  const pending = peerIds.filter((id) => !asked(id));
  const visible = peerIds.slice(0, shown);
  return (
    <Card title="Peer quality reports">
      {peerIds.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          No peer ids to ask about: the peer events name none.
        </p>
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600 dark:text-slate-300">
            <p>
              RealtimeKit’s report for each connection: audio quality, round trip, loss and the
              network path.{' '}
              {peerIds.length <= AUTO_REPORTS
                ? 'Each loads by itself.'
                : `The ${AUTO_REPORTS} longest connections${highlight ? ' and those at the reported moment' : ''} load by themselves; the others when you load them.`}
            </p>
            {peerIds.length <= LOAD_ALL_LIMIT && pending.length > 0 ? (
              <button
                type="button"
                onClick={() => request(peerIds)}
                className="rounded-md bg-sky-700 px-3 py-1.5 text-xs font-semibold text-white hover:bg-sky-600 dark:bg-sky-300 dark:text-sky-950"
              >
                Load all ({peerIds.length})
              </button>
            ) : null}
          </div>
          <ul className="mt-3 grid gap-3">
            {visible.map((id) => (
              <PeerReportRow
                key={id}
                peerId={id}
                requested={asked(id)}
                onLoad={() => request([id])}
                highlight={highlight}
              />
            ))}
          </ul>
          {peerIds.length > shown ? (
            <button
              type="button"
              onClick={() => setShown((n) => n + PEERS_SHOWN)}
              className="mt-3 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              Show {Math.min(PEERS_SHOWN, peerIds.length - shown)} more peers (
              {(peerIds.length - shown).toLocaleString('en')} not listed)
            </button>
          ) : null}
        </>
      )}
    </Card>
  );
}
