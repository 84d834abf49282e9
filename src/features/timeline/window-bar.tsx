import { useContext } from 'react';
import { ClockContext } from '../../components/ui/clock';
import { formatCount } from '../../lib/format';
import type { TimeWindow } from '../../lib/time-window';

export type WindowBarProps = {
  window: TimeWindow;
  /** Events inside the window, of `total`. */
  inside: number;
  total: number;
  only: boolean;
  onOnlyChange: (only: boolean) => void;
};

/** How many events fall inside the reported window, and a switch to show only those. */
export function WindowBar({ window, inside, total, only, onOnlyChange }: WindowBarProps) {
  const clock = useContext(ClockContext);
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-50">
      <p>
        <span aria-hidden="true">◆ </span>
        {formatCount(inside)} of {formatCount(total)} events fall inside the reported window (
        {clock.format(window.startMs)} – {clock.format(window.endMs)}, {clock.label}).
      </p>
      <label className="inline-flex items-center gap-1.5">
        <input
          type="checkbox"
          checked={only}
          onChange={(event) => onOnlyChange(event.target.checked)}
          className="size-4 accent-brand-600"
        />
        Only the reported window
      </label>
    </div>
  );
}
