import { useState } from 'react';

const MINUTE = 60_000;

/**
 * "Now" for a finding page's presets (last hour, today, the last 7 days): taken once when the
 * page opens, on the minute, so going Back to a search (or opening its next page) within the
 * minute asks for the same range, which the query cache already holds.
 */
export function useSearchNow(): number {
  const [now] = useState(() => Math.floor(Date.now() / MINUTE) * MINUTE);
  return now;
}
