/**
 * The participants of a session (RealtimeKit's API, docs/UPSTREAM.md: `GET …/sessions/{session_id}/participants`),
 * through this app's server: the fetcher, its key and its queryOptions. Every input (session,
 * search, page, page size, sort) is in the key. Peer events are never asked for: the list stays
 * light. Retries follow the app's query client (never for 4xx, Retry-After on 429).
 */
import { queryOptions } from '@tanstack/react-query';
import { apiPath } from '../lib/base-path';
import { getEnvelopeData, required } from './envelope';
import { type Invalid, valid } from './lenient';
import type { Participant } from './participant-schema';
import { type SessionParticipantsParams, sessionParticipantsQuery } from './session-params';
import { sessionParticipantsResponseSchema } from './session-schema';

export type SessionParticipantsRequest = SessionParticipantsParams & {
  readonly sessionId: string;
};

export type SessionParticipantsResult = {
  /** In the order the API sent them; an entry that is not an object is flagged in place. */
  readonly participants: ReadonlyArray<Participant | Invalid>;
  /** `paging.total_count`, when the API sent a readable one. */
  readonly totalCount: number | undefined;
};

export function sessionParticipantsUrl(request: SessionParticipantsRequest): string {
  const { sessionId, ...params } = request;
  return (
    apiPath(`sessions/${encodeURIComponent(sessionId)}/participants`) +
    sessionParticipantsQuery(params)
  );
}

export async function getSessionParticipants(
  request: SessionParticipantsRequest,
  signal?: AbortSignal,
): Promise<SessionParticipantsResult> {
  const { data, status } = await getEnvelopeData(
    sessionParticipantsUrl(request),
    sessionParticipantsResponseSchema,
    'participant list',
    signal,
  );
  const list =
    data.participants === undefined ? [] : required(data.participants, 'data.participants', status);
  const paging = valid(data.paging);
  return { participants: list, totalCount: valid(paging?.total_count) };
}

export const sessionParticipantsQueryOptions = (request: SessionParticipantsRequest) =>
  queryOptions({
    queryKey: [
      'session-participants',
      request.sessionId,
      {
        search: request.search ?? '',
        pageNo: request.pageNo,
        perPage: request.perPage,
        sortBy: request.sortBy,
        sortOrder: request.sortOrder,
      },
    ] as const,
    queryFn: ({ signal }) => getSessionParticipants(request, signal),
  });

/**
 * The session's participants by join time, a page of 50: big enough that most calls are one
 * page, small enough that a 300-person call is not read whole. The page's neighbours and the
 * verdict's comparison read the same pages, so one request serves both.
 */
export const BY_JOIN_PAGE_SIZE = 50;

export const byJoinPageRequest = (sessionId: string, pageNo: number) =>
  ({
    sessionId,
    pageNo,
    perPage: BY_JOIN_PAGE_SIZE,
    sortBy: 'joinedAt',
    sortOrder: 'ASC',
  }) as const satisfies SessionParticipantsRequest;

export const byJoinPageOptions = (sessionId: string, pageNo: number) =>
  sessionParticipantsQueryOptions(byJoinPageRequest(sessionId, pageNo));
