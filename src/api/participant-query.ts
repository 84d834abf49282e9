/**
 * The "Fetch details of a participant" endpoint, through this app's server: the fetcher, its
 * key and its queryOptions. Every input of the request is in the key.
 */
import { queryOptions } from '@tanstack/react-query';
import { apiPath } from '../lib/base-path';
import { readEnvelopeData, required } from './envelope';
import { getJson, type JsonAnswer } from './http';
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
  return readParticipant(await getJson(participantUrl(request), signal));
}

/** A participant answer already read as JSON (fetched, or carried by the page): the result. */
export function readParticipant(answer: JsonAnswer): ParticipantResult {
  const { data, text, status } = readEnvelopeData(answer, participantResponseSchema, 'participant');
  const participant = required(data.participant, 'data.participant', status);
  return { participant, rawText: text, receivedAt: answer.receivedAt ?? Date.now() };
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
