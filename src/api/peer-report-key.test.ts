import { describe, expect, it } from 'vitest';
import { invalid } from './lenient';
import { peerReportQueryKey, reportTimeZone } from './peer-report-key';

describe('reportTimeZone', () => {
  const report = (ip: unknown) => ({
    participant: { peer_report: { metadata: { ip_information: ip } } },
    receivedAt: 0,
  });

  it('reads the zone a cached peer report names', () => {
    expect(reportTimeZone(report({ timezone: 'America/Mexico_City' }))).toBe('America/Mexico_City');
  });

  it('is null for a report without one, a flagged value, an empty string or no data', () => {
    expect(reportTimeZone(report({ city: 'Lisbon' }))).toBeNull();
    expect(reportTimeZone(report({ timezone: invalid(4, 'a string') }))).toBeNull();
    expect(reportTimeZone(report({ timezone: '' }))).toBeNull();
    expect(reportTimeZone(undefined)).toBeNull();
    expect(reportTimeZone('not a report')).toBeNull();
  });

  it('keys the query as the peer-report query does', () => {
    expect(peerReportQueryKey('p-1')).toEqual(['peer-report', 'p-1']);
  });
});
