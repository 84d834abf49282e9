import { formatDurationMs } from '../../lib/format';
import type { DurationCheck } from './lib/summary';

/** Said when the API's duration and its own timestamps tell different stories. */
export function DurationWarning({ check }: { check: DurationCheck }) {
  if (check.disagreement === null || check.fromTimesMs === null) return null;
  return (
    <p role="note" className="mt-1 text-sm text-amber-800 dark:text-amber-300">
      ⚠ Duration disagrees with the timestamps: left_at − joined_at is{' '}
      {formatDurationMs(check.fromTimesMs)}, {formatDurationMs(Math.abs(check.disagreement))}{' '}
      {check.disagreement > 0 ? 'less' : 'more'} than the duration sent.
    </p>
  );
}
