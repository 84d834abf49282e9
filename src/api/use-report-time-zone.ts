import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { PEER_REPORT_KEY, peerReportQueryKey, reportTimeZone } from './peer-report-key';

/**
 * The participant's time zone as their loaded peer reports name it (`ip_information.timezone`),
 * for when the answer itself has none (today's API sends no `filters` sections). Watches the
 * query cache without fetching; the first of `peerIds` whose report names a zone wins.
 */
export function useReportTimeZone(peerIds: readonly string[]): string | null {
  const client = useQueryClient();
  const cache = client.getQueryCache();
  const subscribe = useCallback(
    (onChange: () => void) =>
      cache.subscribe((event) => {
        if (event.query.queryKey[0] === PEER_REPORT_KEY) onChange();
      }),
    [cache],
  );
  return useSyncExternalStore(
    subscribe,
    () => {
      for (const id of peerIds) {
        const zone = reportTimeZone(client.getQueryData(peerReportQueryKey(id)));
        if (zone) return zone;
      }
      return null;
    },
    () => null,
  );
}
