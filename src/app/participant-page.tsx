import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError, MAX_RETRIES } from '../api/errors';
import { participantQueryOptions } from '../api/participant-query';
import { CopyButton } from '../components/ui/copy-button';
import { type LookupParams, toDeepLink } from '../features/lookup/deep-link';
import { ParticipantError } from '../features/participant/participant-error';
import { ParticipantSkeleton } from '../features/participant/participant-skeleton';
import { useRetryWait } from '../features/participant/use-retry-wait';
import { ParticipantView } from './participant-view';

export type ParticipantPageProps = { params: LookupParams };

/** What the status line says while a request is retried after a failure. */
function retryStatus(reason: Error | null, attempt: number): string | undefined {
  if (!(reason instanceof ApiError)) return undefined;
  return `${reason.message} Retrying (attempt ${attempt + 1} of ${MAX_RETRIES + 1})…`;
}

/** One participant, as its deep link asks: loading, failed, or shown. */
export function ParticipantPage({ params }: ParticipantPageProps) {
  const query = useQuery(participantQueryOptions(params));
  const wait = useRetryWait(query.error ?? query.failureReason);
  const toolbar = (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {query.data ? (
        <span className="text-xs text-slate-600 dark:text-slate-400">
          Fetched {new Date(query.data.receivedAt).toLocaleTimeString()}
        </span>
      ) : null}
      {query.isPending ? null : (
        <button
          type="button"
          onClick={() => void query.refetch()}
          disabled={query.isFetching || wait > 0}
          className="rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          {query.isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
      )}
      <CopyButton value={window.location.href} label="link to this participant">
        Copy link
      </CopyButton>
    </div>
  );
  let body: ReactNode;
  const reason = query.failureReason;
  if (query.isPending && reason instanceof ApiError && reason.kind === 'rate_limited') {
    // The retry waits for Retry-After: show the countdown now rather than a long skeleton.
    body = <ParticipantError error={reason} retrying onRetry={() => undefined} />;
  } else if (query.isPending) {
    body = <ParticipantSkeleton status={retryStatus(reason, query.failureCount)} />;
  } else if (query.isError) {
    body = (
      <ParticipantError
        error={query.error}
        retrying={query.isFetching}
        onRetry={() => void query.refetch()}
      />
    );
  } else {
    // Keyed by the lookup: another participant starts with fresh table sort, filters and scroll.
    body = <ParticipantView key={toDeepLink(params)} result={query.data} params={params} />;
  }
  return (
    <div className="grid grid-cols-1 gap-4">
      {toolbar}
      {body}
    </div>
  );
}
