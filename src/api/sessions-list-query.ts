/**
 * The sessions list (RealtimeKit's API, docs/UPSTREAM.md: `GET …/sessions`) and a meeting's
 * session in progress (`GET …/meetings/{meeting_id}/active-session`), through this app's
 * server: fetchers, keys and queryOptions. Every input of the list is in its key.
 */
import { queryOptions } from '@tanstack/react-query';
import { apiPath } from '../lib/base-path';
import { getEnvelopeData, required } from './envelope';
import { ApiError } from './errors';
import { type Invalid, valid } from './lenient';
import type { Session } from './session-schema';
import { type SessionsListParams, sessionsListQuery } from './sessions-list-params';
import { activeSessionResponseSchema, sessionsListResponseSchema } from './sessions-list-schema';

export type SessionsListResult = {
  /** In the order the API sent them; an entry that is not a session is flagged in place. */
  readonly sessions: ReadonlyArray<Session | Invalid>;
  /** `paging.total_count`, when the API sent a readable one. */
  readonly totalCount: number | undefined;
};

export const sessionsListUrl = (params: SessionsListParams) =>
  // This server takes the upstream's own query names: the browser's query is the upstream's.
  apiPath('sessions') + sessionsListQuery(params);

export async function getSessionsList(
  params: SessionsListParams,
  signal?: AbortSignal,
): Promise<SessionsListResult> {
  const { data, status } = await getEnvelopeData(
    sessionsListUrl(params),
    sessionsListResponseSchema,
    'sessions list',
    signal,
  );
  const sessions =
    data.sessions === undefined ? [] : required(data.sessions, 'data.sessions', status);
  return { sessions, totalCount: valid(valid(data.paging)?.total_count) };
}

export const sessionsListQueryOptions = (params: SessionsListParams) =>
  queryOptions({
    queryKey: ['sessions-list', params] as const,
    queryFn: ({ signal }) => getSessionsList(params, signal),
    // A list of calls moves on (a call ends, another starts): a minute is fresh enough.
    staleTime: 60_000,
  });

export const activeSessionUrl = (meetingId: string) =>
  apiPath(`meetings/${encodeURIComponent(meetingId)}/active-session`);

/** The meeting's session in progress, or null when none is live (RealtimeKit answers 404). */
export async function getActiveSession(
  meetingId: string,
  signal?: AbortSignal,
): Promise<Session | null> {
  try {
    const { data, status } = await getEnvelopeData(
      activeSessionUrl(meetingId),
      activeSessionResponseSchema,
      'active session',
      signal,
    );
    if (typeof valid(data.id) !== 'string') {
      throw new ApiError('malformed', 'The answer holds no session id.', { status });
    }
    return data;
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'not_found') return null;
    throw error;
  }
}

export const activeSessionQueryOptions = (meetingId: string) =>
  queryOptions({
    queryKey: ['active-session', meetingId] as const,
    queryFn: ({ signal }) => getActiveSession(meetingId, signal),
    staleTime: 0,
  });
