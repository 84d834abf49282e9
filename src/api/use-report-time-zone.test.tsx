// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { peerReportQueryKey } from './peer-report-key';
import { useReportTimeZone } from './use-report-time-zone';

const report = (timezone: string) => ({
  participant: { peer_report: { metadata: { ip_information: { timezone } } } },
});

describe('useReportTimeZone', () => {
  it('takes the zone of the first of our peers whose loaded report names one, ignoring others', () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    // Thousands of peers, as a long history has: only the cached reports are read.
    const peers = ['a', 'b', ...Array.from({ length: 5_000 }, (_, i) => `p${i}`)];
    const { result } = renderHook(() => useReportTimeZone(peers), { wrapper });
    expect(result.current).toBeNull();
    act(() => client.setQueryData(peerReportQueryKey('someone-else'), report('Asia/Tokyo')));
    expect(result.current).toBeNull();
    act(() => client.setQueryData(peerReportQueryKey('p4999'), report('Europe/Berlin')));
    expect(result.current).toBe('Europe/Berlin');
    act(() => client.setQueryData(peerReportQueryKey('b'), report('America/Mexico_City')));
    expect(result.current).toBe('America/Mexico_City');
    act(() => client.setQueryData(peerReportQueryKey('a'), { participant: {} }));
    expect(result.current).toBe('America/Mexico_City');
  });
});
