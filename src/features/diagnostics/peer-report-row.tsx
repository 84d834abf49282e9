import { useQuery } from '@tanstack/react-query';
import { peerReportQueryOptions } from '../../api/peer-report-query';
import { Badge, type BadgeTone } from '../../components/ui/badge';
import { ShortId } from '../../components/ui/short-id';
import { Skeleton } from '../../components/ui/skeleton';
import { shortId } from '../../lib/format';
import type { TimeWindow } from '../../lib/time-window';
import { PeerReportDetails } from './peer-report-details';
import { PeerReportError } from './peer-report-error';

export type PeerReportRowProps = {
  peerId: string;
  /** Whether this report is wanted (loaded by itself, or asked for): nothing is fetched before. */
  requested: boolean;
  onLoad: () => void;
  highlight: TimeWindow | null;
};

const STATE_TONE = {
  loading: 'info',
  loaded: 'success',
  failed: 'danger',
} as const satisfies Record<string, BadgeTone>;

/** One peer: its id, and its report once wanted (loading, failed or shown). */
export function PeerReportRow({ peerId, requested, onLoad, highlight }: PeerReportRowProps) {
  const query = useQuery(peerReportQueryOptions(peerId, requested));
  const name = `Peer ${shortId(peerId)}`;
  // Said in the row's heading too, so a list of loaded reports reads at a glance.
  const state = query.data
    ? 'loaded'
    : query.isError
      ? 'failed'
      : query.fetchStatus === 'fetching'
        ? 'loading'
        : null;
  return (
    <li>
      <section
        aria-label={name}
        className="rounded-lg border border-slate-200 p-3 dark:border-slate-700"
      >
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 className="inline-flex items-center gap-2 text-sm font-semibold">
            Peer <ShortId value={peerId} label="peer id" />
          </h3>
          {state ? <Badge tone={STATE_TONE[state]}>report {state}</Badge> : null}
          {!requested && !query.data ? (
            <button
              type="button"
              onClick={onLoad}
              aria-label={`Load report for peer ${peerId}`}
              className="rounded-md border border-sky-700 px-2.5 py-1 text-xs font-semibold text-sky-800 hover:bg-sky-50 dark:border-sky-300 dark:text-sky-200 dark:hover:bg-sky-950"
            >
              Load report
            </button>
          ) : null}
        </div>
        {query.isPending && query.fetchStatus === 'fetching' ? (
          <div role="status" className="mt-2 text-xs text-slate-600 dark:text-slate-300">
            Loading the report…
            <Skeleton className="mt-2 h-24 w-full" />
          </div>
        ) : null}
        {query.isError ? (
          <PeerReportError
            error={query.error}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        ) : null}
        {query.data ? (
          <PeerReportDetails
            participant={query.data.participant}
            peerId={peerId}
            highlight={highlight}
          />
        ) : null}
      </section>
    </li>
  );
}
