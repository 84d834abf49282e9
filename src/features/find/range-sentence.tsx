import type { Clock } from '../../lib/clock';
import { RANGE_LABELS, type RangeChoice } from '../../lib/time-range';
import type { TimeWindow } from '../../lib/time-window';

export type RangeSentenceProps = { choice: RangeChoice; range: TimeWindow; clock: Clock };

/** "Yesterday: Dec 6, 2026, 00:00:00 – Dec 6, 2026, 23:59:59 (your time)". */
export function RangeSentence({ choice, range, clock }: RangeSentenceProps) {
  const name = typeof choice === 'string' ? RANGE_LABELS[choice] : 'Custom range';
  return (
    <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
      {name}: {clock.format(range.startMs)} – {clock.format(range.endMs)} ({clock.label})
    </p>
  );
}
