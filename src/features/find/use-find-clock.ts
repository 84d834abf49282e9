import { useMemo } from 'react';
import { type Clock, makeClock } from '../../lib/clock';
import { useRoute } from '../../lib/route';

/** The finding pages' clock: the agent's own, or UTC when the link says so (no participant yet). */
export function useFindClock(): Clock {
  const { view } = useRoute();
  const zone = view.clock === 'utc' ? 'utc' : 'mine';
  return useMemo(() => makeClock(zone, null), [zone]);
}
