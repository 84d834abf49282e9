import { ApiError, apiSaid } from '../../api/errors';
import { useRetryWait } from '../../api/use-retry-wait';

export type SessionProblemProps = {
  error: Error;
  /** What failed to load, for the sentence: "the participant list", "the session's details". */
  what: string;
  onRetry: () => void;
  retrying: boolean;
};

function explain(error: Error, what: string): { text: string; canRetry: boolean } {
  if (!(error instanceof ApiError)) return { text: error.message, canRetry: true };
  switch (error.kind) {
    case 'not_found':
      return { text: 'RealtimeKit has no session with this ID.', canRetry: false };
    case 'rate_limited':
      return {
        text: `Rate limited: ${what} waits before asking again.${apiSaid(error.details.apiMessage)}`,
        canRetry: true,
      };
    case 'invalid_request':
      return { text: error.message, canRetry: false };
    default:
      return {
        text: `${what[0]?.toUpperCase()}${what.slice(1)} could not be loaded: ${error.message}`,
        canRetry: true,
      };
  }
}

/** Why a session section is empty, in one line, with a retry that respects Retry-After. */
export function SessionProblem({ error, what, onRetry, retrying }: SessionProblemProps) {
  const { text, canRetry } = explain(error, what);
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
