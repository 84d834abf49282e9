/**
 * Session details (CONTRACT.md A3: `GET …/sessions/{session_id}`), through this app's server:
 * the fetcher, its key and its queryOptions. The session id is the fetch's only input, so it is
 * the whole key. Retries follow the app's query client (never for 4xx, Retry-After on 429).
 */
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '../lib/base-path';
import { ApiError, errorFromResponse } from './errors';
import { getJson } from './http';
import { isInvalid } from './lenient';
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
  const { body, status, headers } = await getJson(sessionUrl(sessionId), signal);
  const parsed = z.safeParse(sessionResponseSchema, body);
  if (!parsed.success) {
    throw new ApiError('malformed', 'The answer was JSON but not an object the API sends.', {
      status,
    });
  }
  const { success, data } = parsed.data;
  // A 200 with success: false is an error, as for the participant.
  if (success === false) throw errorFromResponse(status, body, headers);
  if (data === undefined || isInvalid(data)) {
    throw new ApiError('malformed', 'The answer holds no session (data is missing).', { status });
  }
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
