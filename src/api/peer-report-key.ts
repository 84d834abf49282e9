/**
 * The peer-report query's key, apart from its fetcher and schema, and what the first load reads
 * from a cached report without loading that code: the participant's time zone, for the clock.
 */
import { isInvalid } from './lenient';

export const PEER_REPORT_KEY = 'peer-report';
export const peerReportQueryKey = (peerId: string) => [PEER_REPORT_KEY, peerId] as const;

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && !isInvalid(value)
    ? Reflect.get(value, key)
    : undefined;

/** `ip_information.timezone` of a cached peer report (PeerReportResult), when it names one. */
export function reportTimeZone(data: unknown): string | null {
  let value: unknown = data;
  for (const key of ['participant', 'peer_report', 'metadata', 'ip_information', 'timezone']) {
    value = field(value, key);
  }
  return typeof value === 'string' && value !== '' ? value : null;
}
