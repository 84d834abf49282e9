import { AppLink } from '../../components/ui/app-link';
import { formatCount } from '../../lib/format';
import {
  RANGE_LABELS,
  RANGE_PRESETS,
  type RangeChoice,
  type RangePreset,
} from '../../lib/time-range';

export type NarrowRangeProps = {
  inRange: number;
  bound: number;
  current: RangeChoice;
  hrefFor: (range: RangePreset) => string;
};

/** Presets that hold less than each one: a narrower range to offer. */
const NARROWER: Record<RangePreset, readonly RangePreset[]> = {
  'last-7-days': ['yesterday', 'today', 'last-hour'],
  yesterday: [],
  today: ['last-hour'],
  'last-hour': [],
};

/** The range held more sessions than one search reads: say so, and how to narrow it. */
export function NarrowRange({ inRange, bound, current, hrefFor }: NarrowRangeProps) {
  const narrower = typeof current === 'string' ? NARROWER[current] : RANGE_PRESETS.slice(0, 3);
  return (
    <div
      role="note"
      className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <p>
        Partial results: this range holds {formatCount(inRange)} sessions, and one search reads the
        newest {formatCount(bound)}. Older sessions in the range were not searched.
      </p>
      <p className="mt-1">
        Narrow the range to search them all
        {narrower.length > 0 ? ': ' : ' with a shorter custom range above.'}
        {narrower.map((preset, i) => (
          <span key={preset}>
            {i > 0 ? ', ' : ''}
            <AppLink href={hrefFor(preset)} className="font-medium underline">
              {RANGE_LABELS[preset].toLowerCase()}
            </AppLink>
          </span>
        ))}
        {narrower.length > 0 ? ', or a shorter custom range above.' : ''}
      </p>
    </div>
  );
}
