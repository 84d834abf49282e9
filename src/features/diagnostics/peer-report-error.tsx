import { ApiError, apiSaid } from '../../api/errors';
import { useRetryWait } from '../../api/use-retry-wait';
import { RequestId } from '../../components/ui/request-id';

export type PeerReportErrorProps = {
  error: Error;
  onRetry: () => void;
  /** True while a retry is on its way. */
  retrying: boolean;
};

type Explained = { title: string; body: string };

function explain(error: Error): Explained {
  if (!(error instanceof ApiError)) {
    return { title: 'The report could not be shown', body: error.message };
  }
  switch (error.kind) {
    case 'not_found':
      return {
        title: 'No report for this peer',
        body: 'RealtimeKit keeps no quality report for this connection; a connection that never sent media has none.',
      };
    case 'rate_limited':
      return {
        title: 'Rate limited',
        body: `Cloudflare is limiting requests for this token (1,200 per 5 minutes, shared by the whole team), so this report waits before asking again.${apiSaid(error.details.apiMessage)}`,
      };
    case 'unauthorized':
      return {
        title: 'Not authorised',
        body: `${error.message} Ask whoever runs this server to check the token it holds.`,
      };
    case 'timeout':
      return { title: 'RealtimeKit did not answer in time', body: error.message };
    case 'invalid_request':
      return { title: 'The request was refused', body: error.message };
    case 'network':
      return { title: 'Could not reach the server', body: error.message };
    case 'malformed':
      return { title: 'The report could not be read', body: error.message };
    case 'upstream':
      return { title: 'The RealtimeKit API failed', body: error.message };
  }
}

/** One peer's report failed: said in words an agent can act on, the rest of the page stays. */
export function PeerReportError({ error, onRetry, retrying }: PeerReportErrorProps) {
  const { title, body } = explain(error);
  const canRetry = !(error instanceof ApiError) || error.canTryAgain;
  const wait = useRetryWait(error);
  return (
    <div
      role="alert"
      className="mt-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{body}</p>
      <RequestId
        id={error instanceof ApiError ? error.details.requestId : undefined}
        className="mt-1"
      />
      {canRetry ? (
        <button
          type="button"
          onClick={onRetry}
          disabled={retrying || wait > 0}
          className="mt-2 rounded-md bg-red-800 px-2.5 py-1 text-xs font-semibold text-white hover:bg-red-700 disabled:opacity-60 dark:bg-red-200 dark:text-red-950"
        >
          {retrying ? 'Retrying…' : wait > 0 ? `Try again in ${wait} s` : 'Try again'}
        </button>
      ) : null}
    </div>
  );
}
