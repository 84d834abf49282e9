/**
 * The peer report endpoint (RealtimeKit's API, docs/UPSTREAM.md), through this app's server: the fetcher, its key
 * and its queryOptions. The peer id is the fetch's only input, so it is the whole key. Retries
 * follow the app's query client (never for 4xx, Retry-After on 429), as for the participant.
 */
import { queryOptions } from '@tanstack/react-query';
import { apiPath } from '../lib/base-path';
import { getEnvelopeData, required } from './envelope';
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
  const { data, status } = await getEnvelopeData(
    peerReportUrl(peerId),
    peerReportResponseSchema,
    'report',
    signal,
  );
  const participant = required(data.participant, 'data.participant', status);
  return { participant, receivedAt: Date.now() };
}

export const peerReportQueryOptions = (peerId: string) =>
  queryOptions({
    queryKey: ['peer-report', peerId] as const,
    queryFn: ({ signal }) => getPeerReport(peerId, signal),
    // A report is asked for on demand and changes little: keep it for the page's visit.
    staleTime: 5 * 60_000,
  });
