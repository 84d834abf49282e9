/**
 * The "Minutes by peer" chart's sentence, its text alternative: small and apart from the
 * chart's data, as the page shows it (with the figure) before the chart's code arrives.
 */
import {
  formatCount,
  formatDurationMs,
  formatMinutes,
  formatUtc,
  shortId,
} from '../../../lib/format';
import type { PeerTotal } from '../../../lib/peer-spans';

/** [first, last] ms of what is drawn. */
export type TimeDomain = readonly [number, number];

/** The clock the chart's words and labels are on: the page's (lib/clock.ts Clock fits). */
export type TextClock = {
  /** "14:01:35". */
  readonly time: (ms: number) => string;
  /** The date and the time. */
  readonly format: (ms: number) => string;
  readonly offset: (ms: number) => number;
  /** "UTC", "your time", "their time (America/Mexico_City)". */
  readonly label: string;
};

export const UTC_TEXT_CLOCK: TextClock = {
  time: (ms) => formatUtc(ms).slice(11, 19),
  format: (ms) => formatUtc(ms).slice(0, 19),
  offset: () => 0,
  label: 'UTC',
};

export function timeDomain(totals: readonly PeerTotal[]): TimeDomain | null {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const total of totals) {
    for (const span of total.spans) {
      if (span.start < start) start = span.start;
      if (span.end > end) end = span.end;
    }
  }
  return start <= end ? [start, end] : null;
}

/** "14:01:35", or the full date and time when the interval crosses midnight on the clock. */
function rangeText([start, end]: TimeDomain, clock: TextClock): string {
  const day = (ms: number) => formatUtc(ms + clock.offset(ms)).slice(0, 10);
  const at = day(start) === day(end) ? clock.time : clock.format;
  const label = clock.label === 'UTC' ? 'UTC' : `(${clock.label})`;
  return `between ${at(start)} and ${at(end)} ${label}`;
}

/** One plain-English sentence: the chart's text alternative. */
export function chartSummary(
  totals: readonly PeerTotal[],
  clock: TextClock = UTC_TEXT_CLOCK,
): string {
  const connected = totals.filter((t) => t.spans.length > 0);
  const domain = timeDomain(connected);
  if (!domain) return 'No peer connected in the events received.';
  const spans = connected.flatMap((t) => t.spans);
  const longest = spans.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  const connectedMs = connected.reduce((sum, t) => sum + t.connectedMs, 0);
  const minutes = totals.reduce((sum, t) => sum + t.minutes, 0);
  const stillOpen = connected.filter((t) => t.spans.some((s) => s.open)).length;
  const peers = `${formatCount(connected.length)} ${connected.length === 1 ? 'peer' : 'peers'}`;
  const open = stillOpen > 0 ? ` (${formatCount(stillOpen)} still connected)` : '';
  const longestText = `peer ${shortId(longest.peerId)} with ${formatDurationMs(longest.end - longest.start)}${longest.open ? ', still connected' : ''}`;
  return `${peers} connected for ${formatDurationMs(connectedMs)} in total ${rangeText(domain, clock)}${open}; ${formatMinutes(minutes)} consumed; the longest connection was ${longestText}.`;
}
