/**
 * The peer events that arrived with the latest refresh of the same participant (by event id,
 * else position), so a live view can point them out. Empty on the first answer.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { PeerEventRecord } from '../../api/peer-events';

const keyOf = (r: PeerEventRecord) => r.id ?? `#${r.index}`;

export function useFreshEvents(records: readonly PeerEventRecord[] | null): ReadonlySet<number> {
  const seen = useRef<ReadonlySet<string> | null>(null);
  const fresh = useMemo(() => {
    const before = seen.current;
    if (!before || !records) return new Set<number>();
    return new Set(records.filter((r) => !before.has(keyOf(r))).map((r) => r.index));
  }, [records]);
  useEffect(() => {
    seen.current = new Set((records ?? []).map(keyOf));
  }, [records]);
  return fresh;
}
