import { useContext } from 'react';
import { ClockContext } from '../../components/ui/clock';
import { formatDurationMs } from '../../lib/format';

export type LiveIndicatorProps = {
  /** Refreshing on its own: still in a live session and not paused. */
  paused: boolean;
  updatedAt: number;
  intervalMs: number;
  /** Events that arrived with the last refresh. */
  newEvents: number;
  onToggle: () => void;
};

/** "Live · updated 14:02:10 · every 15 s · Pause": a participant still in the call. */
export function LiveIndicator({
  paused,
  updatedAt,
  intervalMs,
  newEvents,
  onToggle,
}: LiveIndicatorProps) {
  const clock = useContext(ClockContext);
  return (
    <div
      role="status"
      aria-label="Live updates"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-1.5 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50"
    >
      <span aria-hidden="true" className={paused ? '' : 'motion-safe:animate-pulse'}>
        ●
      </span>
      <span className="font-semibold">{paused ? 'Live updates paused' : 'Live'}</span>
      <span>
        updated {clock.time(updatedAt)}
        {paused ? '' : `, every ${formatDurationMs(intervalMs)} while this tab is visible`}
      </span>
      {newEvents > 0 ? (
        <span className="font-medium">
          · {newEvents} new event{newEvents === 1 ? '' : 's'}
        </span>
      ) : null}
      <button
        type="button"
        onClick={onToggle}
        className="ml-auto rounded-md border border-emerald-400 px-2 py-0.5 font-medium hover:bg-emerald-100 dark:border-emerald-700 dark:hover:bg-emerald-900"
      >
        {paused ? 'Resume live updates' : 'Pause live updates'}
      </button>
    </div>
  );
}
