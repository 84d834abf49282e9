/**
 * Every failed request, put into words an agent can act on: what happened, what to do, and
 * whether (and from when) Try again is worth it. One explanation for every place that fetches;
 * `subject` names what failed so the sentences fit.
 */
import {
  ApiError,
  type RetryAdvice,
  retryAdvice,
  retryWaitSeconds,
  retryWaitUntil,
} from './errors';

/** What failed to load. */
export type ApiSubject =
  | 'participant'
  | 'peer_report'
  | 'session_details'
  | 'session_participants'
  | 'neighbours'
  | 'sessions_list'
  | 'person_search';

export type ExplainedError = {
  readonly title: string;
  readonly explanation: string;
  readonly retry: RetryAdvice;
  /** Try again waits until then (ms since the epoch): Retry-After's countdown; null: no wait. */
  readonly waitUntil: number | null;
  /** This server's id for the request, to find its log line. */
  readonly requestId: string | undefined;
};

type Words = { readonly title: string; readonly explanation: string };

type SubjectWords = {
  /** In a sentence: "asking for the participant list again waits 20 s". */
  readonly what: string;
  readonly notFound: (error: ApiError) => Words;
};

const SESSION_NOT_FOUND: Words = {
  title: 'Session not found',
  explanation: 'RealtimeKit has no session with this ID.',
};

/** The sessions list answers 404 only for an app RealtimeKit does not know. */
const APP_NOT_FOUND: Words = {
  title: 'No sessions list',
  explanation: 'RealtimeKit does not know this app: check the server’s RTK_APP_ID.',
};

const SUBJECTS: Record<ApiSubject, SubjectWords> = {
  participant: {
    what: 'this participant',
    notFound: (error) => ({
      title: 'Participant not found',
      explanation: `RealtimeKit has no such participant in this session (“${error.message}”). Check both ids: a participant id from another session, or the two ids swapped, look exactly like this.`,
    }),
  },
  peer_report: {
    what: 'this peer’s report',
    notFound: () => ({
      title: 'No report for this peer',
      explanation:
        'RealtimeKit keeps no quality report for this connection; a connection that never sent media has none.',
    }),
  },
  session_details: { what: 'the session’s details', notFound: () => SESSION_NOT_FOUND },
  session_participants: { what: 'the participant list', notFound: () => SESSION_NOT_FOUND },
  neighbours: { what: 'the neighbouring participants', notFound: () => SESSION_NOT_FOUND },
  sessions_list: { what: 'the sessions list', notFound: () => APP_NOT_FOUND },
  person_search: { what: 'the search', notFound: () => APP_NOT_FOUND },
};

/** The API's (or this server's) words as a sentence of their own. */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

const TITLES: Record<Exclude<ApiError['kind'], 'not_found'>, string> = {
  invalid_request: 'The request was refused',
  unauthorized: 'Not authorised',
  rate_limited: 'Rate limited',
  unavailable: 'RealtimeKit is being given a pause',
  busy: 'This server is busy',
  timeout: 'RealtimeKit did not answer',
  network: 'Could not reach the server',
  malformed: 'The answer could not be read',
  upstream: 'The RealtimeKit API failed',
};

/** What the agent can do about it, where the error's own words do not say. */
function advice(error: ApiError, what: string, wait: number | null): string {
  switch (error.kind) {
    case 'unauthorized':
      return ' Ask whoever runs this server to check the token it holds.';
    case 'rate_limited':
      return ` Asking for ${what} again waits ${wait} s: the token’s budget is the whole team’s.`;
    case 'unavailable':
      return ` RealtimeKit is given a pause to recover: ask for ${what} again in ${wait === null ? 'a moment' : `${wait} s`}.`;
    case 'busy':
      return ` Ask for ${what} again in ${wait === null ? 'a moment' : `${wait} s`}.`;
    case 'timeout':
      return ' Try again in a moment.';
    default:
      return '';
  }
}

function words(error: ApiError, subject: SubjectWords, wait: number | null): Words {
  if (error.kind === 'not_found') return subject.notFound(error);
  // The API's (or this server's) own words; an upstream failure's message adds the status.
  const said =
    error.kind === 'upstream' ? error.message : (error.details.apiMessage ?? error.message);
  return {
    title: TITLES[error.kind],
    explanation: sentence(said) + advice(error, subject.what, wait),
  };
}

/** An error from any fetch of `subject`, explained; a bug (not an ApiError) is said as it is. */
export function explainApiError(error: unknown, subject: ApiSubject): ExplainedError {
  const about = SUBJECTS[subject];
  const retry = retryAdvice(error);
  if (!(error instanceof ApiError)) {
    return {
      title: 'Something went wrong',
      explanation: error instanceof Error ? error.message : String(error),
      retry,
      waitUntil: null,
      requestId: undefined,
    };
  }
  const wait = retryWaitSeconds(error);
  return {
    ...words(error, about, wait),
    retry,
    waitUntil: retryWaitUntil(error),
    requestId: error.details.requestId,
  };
}
