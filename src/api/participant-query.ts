/**
 * The "Fetch details of a participant" endpoint, through this app's server: the fetcher, its
 * key and its queryOptions. Every input of the request is in the key.
 */
import { queryOptions } from '@tanstack/react-query';
import { apiPath } from '../lib/base-path';
import { readEnvelopeData, required } from './envelope';
import { ApiError } from './errors';
import { getJson, type JsonAnswer } from './http';
import { isLongHistory } from './long-history';
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
  /** RealtimeKit answered the filters with a 400: this answer was asked for without them. */
  readonly filtersRefused?: true;
};

export function participantUrl(request: ParticipantRequest): string {
  const path = `sessions/${encodeURIComponent(request.sessionId)}/participants/${encodeURIComponent(request.participantId)}`;
  return apiPath(path) + participantQuery(request.filters, request.includePeerEvents);
}

/**
 * Some deployments refuse `filters` with a 400 (docs/UPSTREAM.md): the request is made once
 * more without them, and the answer says so. `refused`: ask without them from the start.
 */
export async function getParticipant(
  request: ParticipantRequest,
  signal?: AbortSignal,
  refused?: boolean,
): Promise<ParticipantResult> {
  try {
    const url = participantUrl(refused ? { ...request, filters: [] } : request);
    const answer = await getJson(url, signal);
    const result = isLongHistory(answer.text)
      ? (await longHistoryReader())(answer)
      : readParticipant(answer);
    return refused ? { ...result, filtersRefused: true } : result;
  } catch (error) {
    const refusal = error instanceof ApiError && error.details.status === 400;
    if (refused || request.filters.length === 0 || !refusal) throw error;
    return getParticipant(request, signal, true);
  }
}

/** The reader of a long history, in a chunk of its own; the schema when that fails to load. */
export const longHistoryReader = (): Promise<(answer: JsonAnswer) => ParticipantResult> =>
  import('./peer-events-quick').then(
    (m) => m.readLongHistory,
    () => readParticipant,
  );

/** A participant answer already read as JSON (fetched, or carried by the page): the result. */
export function readParticipant(answer: JsonAnswer): ParticipantResult {
  const { data, text, status } = readEnvelopeData(answer, participantResponseSchema, 'participant');
  const participant = required(data.participant, 'data.participant', status);
  return { participant, rawText: text, receivedAt: answer.receivedAt ?? Date.now() };
}

export function participantQueryOptions(request: ParticipantRequest) {
  const options = queryOptions({
    queryKey: [
      'participant',
      request.sessionId,
      request.participantId,
      { filters: [...request.filters], includePeerEvents: request.includePeerEvents },
    ] as const,
    // A refusal seen once holds for the refreshes of the same lookup: one request each, not two.
    queryFn: ({ signal, client }): Promise<ParticipantResult> =>
      getParticipant(request, signal, client.getQueryData(options.queryKey)?.filtersRefused),
    // A finished participant does not change; one still in the call is refreshed on demand.
    staleTime: 60_000,
  });
  return options;
}
