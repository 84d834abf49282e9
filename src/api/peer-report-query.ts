/**
 * The peer report endpoint (RealtimeKit's API, docs/UPSTREAM.md), through this app's server: the fetcher, its key
 * and its queryOptions. The peer id is the fetch's only input, so it is the whole key. Retries
 * follow the app's query client (never for 4xx, Retry-After on 429), as for the participant.
 * Both documented shapes are read, `data.participant{…}` and flat `data{…}`, and the result
 * says which came.
 */
import { queryOptions } from '@tanstack/react-query';
import { apiPath } from '../lib/base-path';
import { getEnvelopeData } from './envelope';
import { ApiError } from './errors';
import { isInvalid } from './lenient';
import { peerReportQueryKey } from './peer-report-key';
import {
  type PeerReportParticipant,
  peerReportOf,
  peerReportResponseSchema,
  type ReportShape,
} from './peer-report-schema';

export type PeerReportResult = {
  readonly participant: PeerReportParticipant;
  /** Which documented shape the answer came in, `data.participant{…}` or flat `data{…}`. */
  readonly shape: ReportShape;
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
  const found = peerReportOf(data);
  if (found === null) {
    const inner = data.participant;
    const message = isInvalid(inner)
      ? `data.participant could not be read: ${inner.reason}.`
      : 'The answer holds no participant (no data.participant, and data has none of its fields).';
    throw new ApiError('malformed', message, { status });
  }
  return { ...found, receivedAt: Date.now() };
}

export const peerReportQueryOptions = (peerId: string) =>
  queryOptions({
    queryKey: peerReportQueryKey(peerId),
    queryFn: ({ signal }) => getPeerReport(peerId, signal),
    // A report is asked for on demand and changes little: keep it for the page's visit.
    staleTime: 5 * 60_000,
    // A failed read (most often a peer that sent no media and has no report: 404) is an answer:
    // another section of the page showing the same peer does not ask again. Asking again is
    // the agent's (the panel's retry).
    retryOnMount: false,
  });
