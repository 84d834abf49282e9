import { useQuery } from '@tanstack/react-query';
import { type ReactNode, Suspense, useEffect, useState } from 'react';
import { appConfigQueryOptions } from '../api/config-query';
import { ApiError, MAX_RETRIES, retryWaitUntil } from '../api/errors';
import { participantQueryOptions } from '../api/participant-query';
import { sessionEnded, sessionQueryKey } from '../api/session-key';
import { type LookupParams, toDeepLink } from '../features/lookup/deep-link';
import { ParticipantSkeleton } from '../features/participant/participant-skeleton';
import { useCountdown } from '../lib/use-countdown';
import { PLAIN_VIEW, type ViewParams } from '../lib/view-params';
import { ParticipantError, preloadParticipantChunks } from './participant-chunks';
import { ParticipantToolbar } from './participant-toolbar';
import { ParticipantView } from './participant-view';

export type ParticipantPageProps = {
  params: LookupParams;
  view: ViewParams;
  /** The lookup, one line while a participant is open: it shares a row with the toolbar. */
  lookup: ReactNode;
};

const DEFAULT_LIVE_REFRESH_MS = 15_000;

/** What the status line says while a request is retried after a failure. */
function retryStatus(reason: Error | null, attempt: number): string | undefined {
  if (!(reason instanceof ApiError)) return undefined;
  return `${reason.message} Retrying (attempt ${attempt + 1} of ${MAX_RETRIES + 1})…`;
}

/** One participant, as its deep link asks: loading, failed, or shown. */
export function ParticipantPage({ params, view, lookup }: ParticipantPageProps) {
  const config = useQuery(appConfigQueryOptions());
  // Watches the Session card's answer without asking for it: it is fetched there.
  const session = useQuery({ queryKey: sessionQueryKey(params.sessionId), enabled: false });
  const ended = sessionEnded(session.data);
  const intervalMs = config.data?.live_refresh_ms ?? DEFAULT_LIVE_REFRESH_MS;
  const [paused, setPaused] = useState(false);
  const query = useQuery({
    ...participantQueryOptions(params),
    // Still in the call: refreshed on a timer (not while the tab is hidden, TanStack's default),
    // until left_at appears. Each refresh is one request through the server's budget.
    refetchInterval: (q) =>
      !paused &&
      q.state.data &&
      q.state.data.participant.left_at === undefined &&
      // An ENDED session (once the Session card has its details) has nothing more to show.
      !ended
        ? intervalMs
        : false,
  });
  useEffect(preloadParticipantChunks, []);
  // A refresh that failed with Retry-After holds the Refresh button as long as Try again.
  const wait = useCountdown(query.error ? retryWaitUntil(query.error) : null);
  const toolbar = (
    <ParticipantToolbar
      view={view}
      refresh={
        query.isPending ? null : { busy: query.isFetching, wait, run: () => void query.refetch() }
      }
    />
  );
  let body: ReactNode;
  const reason = query.failureReason;
  if (query.isPending) {
    body = <ParticipantSkeleton status={retryStatus(reason, query.failureCount)} />;
  } else if (query.isError) {
    // Its words come in a chunk of their own: most lookups never fail.
    body = (
      <Suspense fallback={<p role="status">The lookup failed; explaining why…</p>}>
        <ParticipantError
          error={query.error}
          retrying={query.isFetching}
          onRetry={() => void query.refetch()}
        />
      </Suspense>
    );
  } else {
    // Keyed by the lookup alone: another participant starts with a fresh table (sort, filters,
    // scroll), while switching redaction, theme, clock, the reported moment or the panels' peer
    // keeps it (and the focus a marked moment puts on the timeline).
    body = (
      <ParticipantView
        key={toDeepLink({ ...params, moment: null, peer: undefined }, PLAIN_VIEW)}
        result={query.data}
        params={params}
        view={view}
        live={
          query.data.participant.left_at === undefined && !ended
            ? { paused, intervalMs, onToggle: () => setPaused((p) => !p) }
            : null
        }
      />
    );
  }
  return (
    <div className="grid grid-cols-1 gap-4">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        {lookup}
        {toolbar}
      </div>
      {body}
    </div>
  );
}
