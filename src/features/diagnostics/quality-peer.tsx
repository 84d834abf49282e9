import { useEffect, useId, useMemo, useState } from 'react';
import { InvalidValue } from '../../components/ui/invalid-value';
import { ShortId } from '../../components/ui/short-id';
import { Skeleton } from '../../components/ui/skeleton';
import { formatCount, shortId } from '../../lib/format';
import type { TimeWindow } from '../../lib/time-window';
import { useIdle } from '../../lib/use-idle';
import { loadQualityCharts } from '../charts';
import type { Focus } from './lib/finding';
import type { QualityPeer } from './lib/quality';
import { qualityChartsFor } from './lib/quality-charts-input';
import { QualityFigures } from './quality-figures';
import { QualityStatsTable } from './quality-stats-table';

// The charts come in a chunk of their own, requested only once there is something to draw.
type ChartsModule = Awaited<ReturnType<typeof loadQualityCharts>>;

/**
 * The charts' module once loaded. Not React.lazy: a Suspense fallback is held on screen for
 * at least 300 ms, longer than the charts take to draw.
 */
function useChartsModule(wanted: boolean) {
  const [state, setState] = useState<{ module: ChartsModule } | { error: Error } | null>(null);
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt re-runs the import
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    loadQualityCharts().then(
      (module) => current && setState({ module }),
      (error: unknown) =>
        current && setState({ error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      current = false;
    };
  }, [wanted, attempt]);
  return {
    state,
    retry: () => {
      setState(null);
      setAttempt((n) => n + 1);
    },
  };
}

function PeerNotes({ peer }: { peer: QualityPeer }) {
  const notes = (['audio', 'video'] as const).flatMap((kind) => {
    const unplaced = peer.unplaced[kind];
    return unplaced ? [{ kind, ...unplaced }] : [];
  });
  if (notes.length === 0 && peer.listProblems.length === 0) return null;
  return (
    <ul className="mt-2 text-sm text-slate-700 dark:text-slate-300">
      {notes.map((n) => (
        <li key={n.kind}>
          {formatCount(n.count)} {n.kind} sample{n.count === 1 ? '' : 's'} with no readable time
          left out, e.g. <InvalidValue raw={n.example} reason="no readable timestamp" />
        </li>
      ))}
      {peer.listProblems.map((p) => (
        <li key={p.reason}>
          <InvalidValue raw={p.raw} reason={p.reason} /> ({p.reason})
        </li>
      ))}
    </ul>
  );
}

export type QualityPeerViewProps = {
  peers: readonly QualityPeer[];
  highlight?: TimeWindow | null;
  /** The peer and series the worst incident (or the followed link) is about. */
  focus: Focus | null;
};

/** One peer at a time: its whole-call figures, per-series figures and charts. */
export function QualityPeerView({ peers, highlight, focus }: QualityPeerViewProps) {
  // The incident's peer until the agent picks one: the diagnosis may complete after this shows.
  const [picked, setPicked] = useState<number | null>(null);
  const pickerId = useId();
  const focused = peers.findIndex((p) => p.peerId !== null && p.peerId === focus?.peerId);
  const index = picked ?? Math.max(0, focused);
  const peer = peers[index] ?? peers[0];
  const series = index === focused ? (focus?.series ?? null) : null;
  const charts = useMemo(() => (peer ? qualityChartsFor(peer) : []), [peer]);
  // Fetched at once, drawn when the browser is idle: the wait never includes the download.
  const idle = useIdle();
  const loaded = useChartsModule(charts.length > 0);
  if (!peer) return null;
  const state = loaded.state;
  return (
    <div>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        {peers.length > 1 ? (
          <span className="inline-flex items-center gap-2">
            <label htmlFor={pickerId}>Peer</label>
            <select
              id={pickerId}
              value={index}
              onChange={(e) => setPicked(Number(e.target.value))}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
            >
              {peers.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: ids may repeat or be missing; the list never reorders
                <option key={i} value={i}>
                  {p.peerId ? shortId(p.peerId) : 'no peer id'} —{' '}
                  {formatCount(p.sampleCount.audio + p.sampleCount.video)} samples
                </option>
              ))}
            </select>
          </span>
        ) : null}
        <span className="inline-flex items-center gap-1">
          Peer id <ShortId value={peer.peerId} label="peer id" problem={peer.peerIdProblem} />
        </span>
      </div>
      <div className="mt-3">
        <QualityFigures peer={peer} />
      </div>
      {peer.series.length > 0 ? <QualityStatsTable series={peer.series} focus={series} /> : null}
      <PeerNotes peer={peer} />
      {charts.length === 0 ? null : state && 'error' in state ? (
        <p role="alert" className="mt-4 text-sm text-amber-800 dark:text-amber-300">
          The charts could not be loaded ({state.error.message}).{' '}
          <button type="button" onClick={loaded.retry} className="font-semibold underline">
            Try again
          </button>
        </p>
      ) : state && idle ? (
        <state.module.QualityCharts charts={charts} highlight={highlight} />
      ) : (
        <Skeleton className="mt-4 h-64 w-full rounded-xl" />
      )}
    </div>
  );
}

export default QualityPeerView;
