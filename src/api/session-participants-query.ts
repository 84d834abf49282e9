/**
 * The participants of a session (CONTRACT.md A3: `GET …/sessions/{session_id}/participants`),
 * through this app's server: the fetcher, its key and its queryOptions. Every input (session,
 * search, page, page size, sort) is in the key. Peer events are never asked for: the list stays
 * light. Retries follow the app's query client (never for 4xx, Retry-After on 429).
 */
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '../lib/base-path';
import { ApiError, errorFromResponse } from './errors';
import { getJson } from './http';
import { type Invalid, isInvalid, valid } from './lenient';
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
  const { body, status, headers } = await getJson(sessionParticipantsUrl(request), signal);
  const parsed = z.safeParse(sessionParticipantsResponseSchema, body);
  if (!parsed.success) {
    throw new ApiError('malformed', 'The answer was JSON but not an object the API sends.', {
      status,
    });
  }
  const { success, data } = parsed.data;
  if (success === false) throw errorFromResponse(status, body, headers);
  if (data === undefined || isInvalid(data)) {
    throw new ApiError('malformed', 'The answer holds no participant list (data is missing).', {
      status,
    });
  }
  const list = data.participants;
  if (isInvalid(list)) {
    throw new ApiError('malformed', `data.participants could not be read: ${list.reason}.`, {
      status,
    });
  }
  const paging = valid(data.paging);
  return { participants: list ?? [], totalCount: valid(paging?.total_count) };
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
