/**
 * Session details (RealtimeKit's API, docs/UPSTREAM.md: `GET …/sessions/{session_id}`), through this app's server:
 * the fetcher, its key and its queryOptions. The session id is the fetch's only input, so it is
 * the whole key. Retries follow the app's query client (never for 4xx, Retry-After on 429).
 */
import { queryOptions } from '@tanstack/react-query';
import { apiPath } from '../lib/base-path';
import { getEnvelopeData } from './envelope';
import { ApiError } from './errors';
import { sessionQueryKey } from './session-key';
import { type Session, sessionOf, sessionResponseSchema } from './session-schema';

export type SessionResult = {
  readonly session: Session;
  /** Which documented shape the answer came in (both are read the same). */
  readonly shape: 'wrapped' | 'flat';
  /** When the answer arrived (ms since the epoch). */
  readonly receivedAt: number;
};

export const sessionUrl = (sessionId: string) =>
  apiPath(`sessions/${encodeURIComponent(sessionId)}`);

export async function getSession(sessionId: string, signal?: AbortSignal): Promise<SessionResult> {
  const { data, status } = await getEnvelopeData(
    sessionUrl(sessionId),
    sessionResponseSchema,
    'session',
    signal,
  );
  const session = sessionOf(data);
  if (session === null) {
    throw new ApiError('malformed', 'The answer holds no session (data has no session fields).', {
      status,
    });
  }
  const wrapped = typeof data.session === 'object' && data.session !== null;
  return { session, shape: wrapped ? 'wrapped' : 'flat', receivedAt: Date.now() };
}

export const sessionQueryOptions = (sessionId: string) =>
  queryOptions({
    queryKey: sessionQueryKey(sessionId),
    queryFn: ({ signal }) => getSession(sessionId, signal),
  });
