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

/**
 * Report queries whose read has just failed. React Query writes the error to the query a few
 * microtasks after the read rejects, and React may render in between: a section that mounts
 * then still sees the query loading, and its observer starts a second read (React Query checks
 * only that the first read has settled). A query is marked when its read fails and unmarked
 * when a read starts again (the agent's retry); held weakly, so it goes with the query.
 */
const justFailed = new WeakSet<object>();

/** Whether this report's read failed (an answer: not read again unless the agent retries). */
const failed = (query: { readonly state: { status: string; data: unknown } }) =>
  justFailed.has(query) || (query.state.status === 'error' && query.state.data === undefined);

/**
 * The report's query. `wanted` says whether this observer may fetch it. A report that failed
 * (most often a peer that sent no media and has no report: 404) is an answer, so it is not
 * fetched again by a section that mounts, nor by one that starts wanting it later (React Query
 * refetches an errored query whenever an observer is enabled, whatever `retryOnMount` says, so
 * `enabled` is what holds it).
 * Asking again is the agent's: the panel's retry refetches it by hand.
 */
export const peerReportQueryOptions = (peerId: string, wanted = true) =>
  queryOptions({
    queryKey: peerReportQueryKey(peerId),
    queryFn: async ({ signal, client, queryKey }) => {
      const query = client.getQueryCache().find({ queryKey, exact: true });
      if (query) justFailed.delete(query);
      try {
        return await getPeerReport(peerId, signal);
      } catch (error) {
        if (query && !signal.aborted) justFailed.add(query);
        throw error;
      }
    },
    enabled: (query) => wanted && !failed(query),
    // A report is asked for on demand and changes little: keep it for the page's visit.
    staleTime: 5 * 60_000,
  });
