// @vitest-environment jsdom
import { QueryClient, QueryClientProvider, QueryObserver, useQuery } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { answerFetch } from '../test/fetch-stub';
import { peerReportQueryOptions } from './peer-report-query';

const notFound = {
  success: false,
  error: { code: 404, message: 'Peer not found', kind: 'not_found' },
};

function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return { client, wrapper };
}

describe('a failed peer report is an answer', () => {
  it('is not fetched again by a section that starts wanting it, nor by one that mounts', async () => {
    const urls = answerFetch(404, notFound);
    const { wrapper } = setup();
    // The Verdict's reads: wanted from the start; the 404 arrives.
    const first = renderHook(() => useQuery(peerReportQueryOptions('peer-a')), { wrapper });
    await waitFor(() => expect(first.result.current.isError).toBe(true));
    expect(urls).toHaveLength(1);
    // The session comparison: mounted before it is enabled, then enabled.
    const later = renderHook(({ wanted }) => useQuery(peerReportQueryOptions('peer-a', wanted)), {
      wrapper,
      initialProps: { wanted: false },
    });
    later.rerender({ wanted: true });
    // A third section mounting on it.
    const third = renderHook(() => useQuery(peerReportQueryOptions('peer-a')), { wrapper });
    await act(() => new Promise((done) => setTimeout(done, 50)));
    expect(urls).toHaveLength(1);
    expect(later.result.current.isError).toBe(true);
    expect(later.result.current.fetchStatus).toBe('idle');
    expect(third.result.current.error).toMatchObject({ kind: 'not_found' });
  });

  it('is not fetched again by a section that mounts while the failure is being written', async () => {
    // React may render, and mount sections, between the read's rejection and React Query
    // writing the error: a new observer at every microtask of that stretch covers it.
    const urls = answerFetch(404, notFound);
    const { client } = setup();
    const options = peerReportQueryOptions('peer-d');
    const observers: Array<() => void> = [];
    observers.push(new QueryObserver(client, options).subscribe(() => undefined));
    const query = client.getQueryCache().find({ queryKey: options.queryKey, exact: true });
    await new Promise<void>((done) => {
      const mountAnother = () => {
        if (query?.state.status === 'error') return done();
        observers.push(new QueryObserver(client, options).subscribe(() => undefined));
        queueMicrotask(mountAnother);
      };
      queueMicrotask(mountAnother);
    });
    expect(observers.length).toBeGreaterThan(3);
    await new Promise((done) => setTimeout(done, 20));
    expect(urls).toHaveLength(1);
    for (const unsubscribe of observers) unsubscribe();
  });

  it('is asked again when the agent retries, and a report that arrives then is shown', async () => {
    const urls = answerFetch(404, notFound);
    const { wrapper } = setup();
    const row = renderHook(() => useQuery(peerReportQueryOptions('peer-b')), { wrapper });
    await waitFor(() => expect(row.result.current.isError).toBe(true));
    answerFetch(200, { success: true, data: { participant: { id: 'p-2' } } });
    await act(() => row.result.current.refetch());
    await waitFor(() => expect(row.result.current.data?.participant.id).toBe('p-2'));
    expect(urls).toHaveLength(1);
  });

  it('is fetched only once wanted', async () => {
    const urls = answerFetch(200, { success: true, data: { participant: { id: 'p-3' } } });
    const { wrapper } = setup();
    const row = renderHook(({ wanted }) => useQuery(peerReportQueryOptions('peer-c', wanted)), {
      wrapper,
      initialProps: { wanted: false },
    });
    await act(() => new Promise((done) => setTimeout(done, 20)));
    expect(urls).toEqual([]);
    row.rerender({ wanted: true });
    await waitFor(() => expect(row.result.current.data?.participant.id).toBe('p-3'));
    expect(urls).toEqual(['/api/sessions/peer-report/peer-c']);
  });
});
