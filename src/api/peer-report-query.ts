/**
 * The peer report endpoint (CONTRACT.md A3), through this app's server: the fetcher, its key
 * and its queryOptions. The peer id is the fetch's only input, so it is the whole key. Retries
 * follow the app's query client (never for 4xx, Retry-After on 429), as for the participant.
 */
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '../lib/base-path';
import { ApiError, errorFromResponse } from './errors';
import { getJson } from './http';
import { isInvalid } from './lenient';
import { type PeerReportParticipant, peerReportResponseSchema } from './peer-report-schema';

export type PeerReportResult = {
  readonly participant: PeerReportParticipant;
  /** When the answer arrived (ms since the epoch). */
  readonly receivedAt: number;
};

export const peerReportUrl = (peerId: string) =>
  apiPath(`sessions/peer-report/${encodeURIComponent(peerId)}`);

export async function getPeerReport(
  peerId: string,
  signal?: AbortSignal,
): Promise<PeerReportResult> {
  const { body, status, headers } = await getJson(peerReportUrl(peerId), signal);
  const parsed = z.safeParse(peerReportResponseSchema, body);
  if (!parsed.success) {
    throw new ApiError('malformed', 'The answer was JSON but not an object the API sends.', {
      status,
    });
  }
  const { success, data } = parsed.data;
  // A 200 with success: false is an error, as for the participant.
  if (success === false) throw errorFromResponse(status, body, headers);
  const participant = data && !isInvalid(data) ? data.participant : undefined;
  if (participant === undefined) {
    throw new ApiError('malformed', 'The answer holds no report (data.participant is missing).', {
      status,
    });
  }
  if (isInvalid(participant)) {
    throw new ApiError('malformed', `data.participant could not be read: ${participant.reason}.`, {
      status,
    });
  }
  return { participant, receivedAt: Date.now() };
}

export const peerReportQueryOptions = (peerId: string) =>
  queryOptions({
    queryKey: ['peer-report', peerId] as const,
    queryFn: ({ signal }) => getPeerReport(peerId, signal),
    // A report is asked for on demand and changes little: keep it for the page's visit.
    staleTime: 5 * 60_000,
  });
