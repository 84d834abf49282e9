/**
 * Every failed request, put into words an agent can act on: what happened, what to do, and
 * whether (and from when) Try again is worth it. One explanation for every place that fetches;
 * `subject` names what failed so the sentences fit.
 */
import { ApiError, type RetryAdvice, retryAdvice, retryWaitSeconds } from './errors';

/** What failed to load. */
export type ApiSubject =
  | 'participant'
  | 'peer_report'
  | 'session_details'
  | 'session_participants'
  | 'neighbours';

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
  /** In a sentence: "this page asks for the participant list again only after 20 s". */
  readonly what: string;
  readonly notFound: (error: ApiError) => Words;
};

const SESSION_NOT_FOUND: Words = {
  title: 'Session not found',
  explanation: 'RealtimeKit has no session with this ID.',
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
};

const capitalised = (text: string) => `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;

/** The API's (or this server's) words as a sentence of their own. */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

function words(error: ApiError, subject: SubjectWords, wait: number | null): Words {
  switch (error.kind) {
    case 'not_found':
      return subject.notFound(error);
    case 'invalid_request':
      return { title: 'The request was refused', explanation: error.message };
    case 'unauthorized':
      return {
        title: 'Not authorised',
        explanation: `${
          error.details.apiMessage ??
          `The API token this server holds was refused (HTTP ${error.details.status}). It needs the Realtime (read) or Realtime Admin permission on this account.`
        } Ask whoever runs this server to check the token it holds.`,
      };
    case 'rate_limited':
      return {
        title: 'Rate limited',
        explanation: `${sentence(error.details.apiMessage ?? 'Too many requests to RealtimeKit')} This page asks for ${subject.what} again only after ${wait ?? 0} s, to spare the budget the whole team shares.`,
      };
    case 'unavailable':
      return {
        title: 'RealtimeKit is being given a pause',
        explanation: `${sentence(error.details.apiMessage ?? 'RealtimeKit failed for several requests in a row')} RealtimeKit is given a pause to recover: ${subject.what} can be asked for again ${wait === null ? 'in a moment' : `in ${wait} s`}.`,
      };
    case 'timeout':
      return {
        title: 'RealtimeKit did not answer',
        explanation: `${error.message} It may be slow or down for a moment; try again shortly.`,
      };
    case 'network':
      return { title: 'Could not reach the server', explanation: error.message };
    case 'malformed':
      return { title: 'The answer could not be read', explanation: error.message };
    case 'upstream':
      return { title: 'The RealtimeKit API failed', explanation: error.message };
  }
}

/** An error from any fetch of `subject`, explained; a bug (not an ApiError) is said as it is. */
export function explainApiError(error: unknown, subject: ApiSubject): ExplainedError {
  const about = SUBJECTS[subject];
  const retry = retryAdvice(error);
  if (!(error instanceof ApiError)) {
    return {
      title: `${capitalised(about.what)} could not be shown`,
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
    // Counted from when the answer arrived, not from when it is shown.
    waitUntil: wait === null ? null : (error.details.at ?? 0) + wait * 1000,
    requestId: error.details.requestId,
  };
}
