import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { PEER_REPORT_KEY } from '../../api/peer-report-key';
import { peerReportQueryOptions } from '../../api/peer-report-query';
import type { PeerTotal } from '../../lib/peer-spans';
import { byRecency, type LoadedReport, type ReportsState } from './lib/auto-reports';

/**
 * Loads the reports of the peers chosen by `autoReportPeers`, through the same query options
 * as the Load button: the server's budget, coalescing and cache apply, and whatever watches
 * the cache (the findings, the panels) sees them arrive.
 */
export function useAutoPeerReports(peerIds: readonly string[]): void {
  useQueries({ queries: peerIds.map((id) => peerReportQueryOptions(id)) });
}

/**
 * The participant's peer reports in the query cache, without fetching any: loaded ones latest
 * connection first, and how many are loading or failed. It watches the cache rather than one
 * query per peer, so 30,000 peers cost nothing.
 */
export function usePeerReportsInCache(totals: readonly PeerTotal[]): ReportsState {
  const client = useQueryClient();
  const cache = client.getQueryCache();
  const rank = useMemo(() => new Map(byRecency(totals).map((id, i) => [id, i])), [totals]);
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const ours = useCallback(
    () =>
      cache.findAll({ queryKey: [PEER_REPORT_KEY] }).flatMap((query) => {
        const id = query.queryKey[1];
        if (typeof id !== 'string') return [];
        const at = rank.get(id);
        return at === undefined ? [] : [{ id, at, query }];
      }),
    [cache, rank],
  );
  // The state of our peers' reports as one string: a re-render only when it changes.
  const seen = useSyncExternalStore(subscribe, () =>
    ours()
      .map(
        ({ query: q }) =>
          `${q.queryHash}:${q.state.status}:${q.state.fetchStatus}:${q.state.dataUpdatedAt}`,
      )
      .join('|'),
  );
  // Which reports hold data, apart: the loaded list keeps its identity while others start or
  // fail, so what is built from it (the timeline's merged rows) is not rebuilt for nothing.
  const withData = useSyncExternalStore(subscribe, () =>
    ours()
      .filter(({ query: q }) => q.state.data !== undefined)
      .map(({ query: q }) => `${q.queryHash}@${q.state.dataUpdatedAt}`)
      .join('|'),
  );
  const loaded = useMemo(() => {
    if (withData === '') return [];
    const list: LoadedReport[] = [];
    for (const { id } of ours().sort((a, b) => a.at - b.at)) {
      const data = client.getQueryData(peerReportQueryOptions(id).queryKey);
      if (data) list.push({ peerId: id, participant: data.participant });
    }
    return list;
    // `withData` changes whenever one of our reports arrives or is refreshed.
  }, [withData, ours, client]);
  return useMemo(() => {
    if (seen === '') return { peers: rank.size, loaded, loading: 0, failed: 0 };
    let loading = 0;
    let failed = 0;
    for (const { query } of ours()) {
      if (query.state.data !== undefined) continue;
      if (query.state.fetchStatus === 'fetching') loading += 1;
      else if (query.state.status === 'error') failed += 1;
    }
    return { peers: rank.size, loaded, loading, failed };
    // `seen` changes whenever one of our reports starts, arrives or fails.
  }, [seen, ours, rank, loaded]);
}
