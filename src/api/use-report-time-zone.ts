import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { PEER_REPORT_KEY, reportTimeZone } from './peer-report-key';

/**
 * The participant's time zone as their loaded peer reports name it (`ip_information.timezone`),
 * for when the answer itself has none (today's API sends no `filters` sections). Watches the
 * query cache without fetching; the first of `peerIds` whose report names a zone wins. It reads
 * the reports the cache holds (a few dozen at most), never one lookup per peer: a history of
 * 3,334 peers made every cache event cost 3,334 key hashes (1.9 s on the 100,002-event page).
 */
export function useReportTimeZone(peerIds: readonly string[]): string | null {
  const client = useQueryClient();
  const cache = client.getQueryCache();
  const order = useMemo(() => new Map(peerIds.map((id, i) => [id, i])), [peerIds]);
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
      let first: { at: number; zone: string } | null = null;
      for (const query of cache.findAll({ queryKey: [PEER_REPORT_KEY] })) {
        const id = query.queryKey[1];
        const at = typeof id === 'string' ? order.get(id) : undefined;
        if (at === undefined || (first !== null && first.at <= at)) continue;
        const zone = reportTimeZone(query.state.data);
        if (zone) first = { at, zone };
      }
      return first?.zone ?? null;
    },
    () => null,
  );
}
