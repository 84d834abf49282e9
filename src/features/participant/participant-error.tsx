import type { ReactNode } from 'react';
import { ApiError, apiSaid } from '../../api/errors';
import { useRetryWait } from '../../api/use-retry-wait';
import { RequestId } from '../../components/ui/request-id';

export type ParticipantErrorProps = {
  error: Error;
  onRetry: () => void;
  /** True while a retry is on its way. */
  retrying: boolean;
};

type Explained = { title: string; body: ReactNode };

function explain(error: Error): Explained {
  if (!(error instanceof ApiError)) {
    return { title: 'Something went wrong', body: error.message };
  }
  switch (error.kind) {
    case 'not_found':
      return {
        title: 'Participant not found',
        body: (
          <>
            RealtimeKit has no such participant in this session (“{error.message}”). Check both ids:
            a participant id from another session, or the two ids swapped, look exactly like this.
          </>
        ),
      };
    case 'unauthorized':
      return {
        title: 'Not authorised',
        body: (
          <>
            {error.details.apiMessage ??
              `The API token this server holds was refused (HTTP ${error.details.status}). It needs the Realtime (read) or Realtime Admin permission on this account.`}{' '}
            Ask whoever runs this server to check the token it holds.
          </>
        ),
      };
    case 'rate_limited':
      return {
        title: 'Rate limited',
        body: (
          <>
            Cloudflare is limiting requests for this token (1,200 per 5 minutes, shared by the whole
            team), so this page waits before asking again.
            {apiSaid(error.details.apiMessage)}
          </>
        ),
      };
    case 'invalid_request':
      return { title: 'The request was refused', body: error.message };
    case 'timeout':
      return { title: 'The API did not answer in time', body: error.message };
    case 'network':
      return { title: 'Could not reach the server', body: error.message };
    case 'malformed':
      return { title: 'The answer could not be read', body: error.message };
    case 'upstream':
      return { title: 'The RealtimeKit API failed', body: error.message };
  }
}

/** Every way a lookup can fail, each explained in words an agent can act on. */
export function ParticipantError({ error, onRetry, retrying }: ParticipantErrorProps) {
  const { title, body } = explain(error);
  const canRetry = !(error instanceof ApiError) || error.canTryAgain;
  const wait = useRetryWait(error);
  return (
    <div
      role="alert"
      className="rounded-xl border border-red-200 bg-red-50 p-5 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50"
    >
      <h2 className="text-base font-semibold">{title}</h2>
      <p className="mt-2 text-sm">{body}</p>
      <RequestId
        id={error instanceof ApiError ? error.details.requestId : undefined}
        className="mt-2"
      />
      {wait > 0 ? (
        <p className="mt-2 text-sm">
          {/* The visible count ticks; screen readers get the wait once, not every second. */}
          <span aria-hidden="true">
            Next try possible in <span className="font-semibold tabular-nums">{wait} s</span>
          </span>
          <span className="sr-only">You can try again after the wait Cloudflare asked for.</span>
        </p>
      ) : null}
      {canRetry ? (
        <button
          type="button"
          onClick={onRetry}
          disabled={retrying || wait > 0}
          className="mt-4 rounded-md bg-red-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-700 disabled:opacity-60 dark:bg-red-200 dark:text-red-950"
        >
          {retrying ? 'Retrying automatically…' : wait > 0 ? `Try again in ${wait} s` : 'Try again'}
        </button>
      ) : null}
    </div>
  );
}
