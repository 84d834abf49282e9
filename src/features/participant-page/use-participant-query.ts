/**
 * The participant page's request and its refresh policy: the answer for a deep link, refreshed
 * on a timer while the participant is still in the call, and how long a rate limit holds the
 * Refresh button.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { appConfigQueryOptions } from '../../api/config-query';
import { retryWaitUntil } from '../../api/errors';
import { participantQueryOptions } from '../../api/participant-query';
import { sessionEnded, sessionQueryKey } from '../../api/session-key';
import type { LookupParams } from '../../lib/route';
import { useCountdown } from '../../lib/use-countdown';

export const DEFAULT_LIVE_REFRESH_MS = 15_000;

/** The live refresh as the page shows it: null once the participant has left. */
export type LiveRefresh = { paused: boolean; intervalMs: number; onToggle: () => void };

export function useParticipantQuery(params: LookupParams) {
  const config = useQuery(appConfigQueryOptions());
  // Watches the Session card's answer without asking for it: it is fetched there.
  const session = useQuery({ queryKey: sessionQueryKey(params.sessionId), enabled: false });
  const ended = sessionEnded(session.data);
  const intervalMs = config.data?.live_refresh_ms ?? DEFAULT_LIVE_REFRESH_MS;
  const [paused, setPaused] = useState(false);
  const query = useQuery({
    ...participantQueryOptions(params),
    // Still in the call: refreshed on a timer (not while the tab is hidden, TanStack's default),
    // until left_at appears. Each refresh is one request through the server's budget.
    refetchInterval: (q) =>
      !paused &&
      q.state.data &&
      q.state.data.participant.left_at === undefined &&
      // An ENDED session (once the Session card has its details) has nothing more to show.
      !ended
        ? intervalMs
        : false,
  });
  // A refresh that failed with Retry-After holds the Refresh button as long as Try again.
  const wait = useCountdown(query.error ? retryWaitUntil(query.error) : null);
  const live: LiveRefresh | null =
    query.data && query.data.participant.left_at === undefined && !ended
      ? { paused, intervalMs, onToggle: () => setPaused((p) => !p) }
      : null;
  return { query, live, wait };
}
