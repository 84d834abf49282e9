/**
 * The "Fetch details of a participant" endpoint, through this app's server: the fetcher, its
 * key and its queryOptions. Every input of the request is in the key.
 */
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '../lib/base-path';
import { ApiError, errorFromResponse } from './errors';
import { getJson } from './http';
import { isInvalid } from './lenient';
import { type Filter, type Participant, participantResponseSchema } from './participant-schema';
import { participantQuery } from './request-params';

export type ParticipantRequest = {
  readonly sessionId: string;
  readonly participantId: string;
  readonly filters: readonly Filter[];
  readonly includePeerEvents: boolean;
};

export type ParticipantResult = {
  readonly participant: Participant;
  /** The body exactly as received, byte for byte, for "Download JSON". */
  readonly rawText: string;
  /** When the answer arrived (ms since the epoch): "now" for a participant still in the call. */
  readonly receivedAt: number;
};

export function participantUrl(request: ParticipantRequest): string {
  const path = `sessions/${encodeURIComponent(request.sessionId)}/participants/${encodeURIComponent(request.participantId)}`;
  return apiPath(path) + participantQuery(request.filters, request.includePeerEvents);
}

export async function getParticipant(
  request: ParticipantRequest,
  signal?: AbortSignal,
): Promise<ParticipantResult> {
  const { body, text, status, headers } = await getJson(participantUrl(request), signal);
  const parsed = z.safeParse(participantResponseSchema, body);
  if (!parsed.success) {
    throw new ApiError('malformed', 'The answer was JSON but not an object the API sends.', {
      status,
    });
  }
  const { success, data } = parsed.data;
  // A 200 with success: false has been seen in the wild: it is an error, not a participant.
  if (success === false) throw errorFromResponse(status, body, headers);
  const participant = data && !isInvalid(data) ? data.participant : undefined;
  if (participant === undefined) {
    throw new ApiError(
      'malformed',
      'The answer holds no participant (data.participant is missing).',
      {
        status,
      },
    );
  }
  if (isInvalid(participant)) {
    throw new ApiError('malformed', `data.participant could not be read: ${participant.reason}.`, {
      status,
    });
  }
  return { participant, rawText: text, receivedAt: Date.now() };
}

export const participantQueryOptions = (request: ParticipantRequest) =>
  queryOptions({
    queryKey: [
      'participant',
      request.sessionId,
      request.participantId,
      { filters: [...request.filters], includePeerEvents: request.includePeerEvents },
    ] as const,
    queryFn: ({ signal }) => getParticipant(request, signal),
    // A finished participant does not change; one still in the call is refreshed on demand.
    staleTime: 60_000,
  });
