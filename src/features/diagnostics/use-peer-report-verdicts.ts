import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { peerReportQueryOptions } from '../../api/peer-report-query';
import { peerReportVerdicts } from './lib/peer-report-verdicts';
import type { Verdict } from './lib/verdicts';

/**
 * The verdicts of the peer reports already in the query cache, without fetching any: a report
 * is loaded only when the agent asks, and its findings join the Health strip once it has. It
 * watches the cache rather than one query per peer, so 30,000 peers cost nothing until asked.
 */
export function useLoadedPeerReportVerdicts(peerIds: readonly string[]): Verdict[] {
  const client = useQueryClient();
  const cache = client.getQueryCache();
  // Which reports hold data, as one string: the component re-renders only when that changes.
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const loaded = useSyncExternalStore(subscribe, () =>
    cache
      .findAll({ queryKey: ['peer-report'] })
      .filter((q) => q.state.data !== undefined)
      .map((q) => `${q.queryHash}@${q.state.dataUpdatedAt}`)
      .join('|'),
  );
  return useMemo(() => {
    if (loaded === '') return [];
    const ours = new Set(peerIds);
    return cache.findAll({ queryKey: ['peer-report'] }).flatMap((query) => {
      const id = query.queryKey[1];
      if (typeof id !== 'string' || !ours.has(id)) return [];
      const data = client.getQueryData(peerReportQueryOptions(id).queryKey);
      return data ? peerReportVerdicts(data.participant, id) : [];
    });
    // `loaded` changes whenever a report arrives or is refreshed.
  }, [loaded, peerIds, client, cache]);
}
