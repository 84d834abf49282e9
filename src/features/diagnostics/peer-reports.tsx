import { useState } from 'react';
import { Card } from '../../components/ui/card';
import type { TimeWindow } from '../../lib/time-window';
import { PeerReportRow } from './peer-report-row';

export type PeerReportsProps = {
  peerIds: readonly string[];
  /** A moment to point at on every loaded chart (a verdict's window). */
  highlight?: TimeWindow | null;
};

/** "Load all" is offered up to this many peers: each report is one call on the team's token. */
export const LOAD_ALL_LIMIT = 10;

/** Peers listed at first; a long history can hold tens of thousands (one per reconnect). */
export const PEERS_SHOWN = 20;

/** Each connection's own quality report from RealtimeKit, fetched only when asked for. */
export function PeerReports({ peerIds, highlight = null }: PeerReportsProps) {
  // Which reports the agent asked for: a UI choice, not server data (that stays in the cache).
  const [requested, setRequested] = useState<ReadonlySet<string>>(() => new Set());
  const request = (ids: readonly string[]) =>
    setRequested((previous) => new Set([...previous, ...ids]));
  const [shown, setShown] = useState(PEERS_SHOWN);
  const pending = peerIds.filter((id) => !requested.has(id));
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
              network path. Each is requested only when you load it.
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
                requested={requested.has(id)}
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
