import { ApiError, apiSaid } from '../../api/errors';
import { useRetryWait } from '../../api/use-retry-wait';

export type SessionProblemProps = {
  error: Error;
  /** What failed to load, for the sentence: "the participant list", "the session's details". */
  what: string;
  onRetry: () => void;
  retrying: boolean;
};

function explain(error: Error, what: string): string {
  if (!(error instanceof ApiError)) return error.message;
  switch (error.kind) {
    case 'not_found':
      return 'RealtimeKit has no session with this ID.';
    case 'rate_limited':
      return `Rate limited: ${what} waits before asking again.${apiSaid(error.details.apiMessage)}`;
    case 'invalid_request':
      return error.message;
    default:
      return `${what[0]?.toUpperCase()}${what.slice(1)} could not be loaded: ${error.message}`;
  }
}

/** Why a session section is empty, in one line, with a retry that respects Retry-After. */
export function SessionProblem({ error, what, onRetry, retrying }: SessionProblemProps) {
  const text = explain(error, what);
  const canRetry = !(error instanceof ApiError) || error.canTryAgain;
  const wait = useRetryWait(error);
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <span>{text}</span>
      {canRetry ? (
        <button
          type="button"
          onClick={onRetry}
          disabled={retrying || wait > 0}
          className="rounded-md border border-amber-400 px-2 py-0.5 font-semibold disabled:opacity-60 dark:border-amber-600"
        >
          {wait > 0 ? `Try again in ${wait} s` : retrying ? 'Trying again…' : 'Try again'}
        </button>
      ) : null}
    </div>
  );
}
