import { type ReactNode, Suspense, useEffect } from 'react';
import { ApiError, MAX_RETRIES } from '../api/errors';
import { ParticipantSkeleton } from '../features/participant/participant-skeleton';
import { useParticipantQuery } from '../features/participant-page';
import { type LookupParams, toDeepLink } from '../lib/route';
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

/** What the status line says while a request is retried after a failure. */
function retryStatus(reason: Error | null, attempt: number): string | undefined {
  if (!(reason instanceof ApiError)) return undefined;
  return `${reason.message} Retrying (attempt ${attempt + 1} of ${MAX_RETRIES + 1})…`;
}

/** One participant, as its deep link asks: loading, failed, or shown. */
export function ParticipantPage({ params, view, lookup }: ParticipantPageProps) {
  const { query, live, wait } = useParticipantQuery(params);
  useEffect(preloadParticipantChunks, []);
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
        live={live}
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
