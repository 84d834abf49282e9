import { useContext } from 'react';
import { formatRelative, formatUtc } from '../../lib/format';
import type { Timestamp } from '../../lib/timestamp';
import { ClockContext } from './clock';

export type TimeValueProps = {
  value: Timestamp;
  /** Adds "(3 days ago)" relative to this moment. */
  now?: number;
};

/** On the page's clock, UTC on hover (and in the datetime attribute), optionally relative. */
export function TimeValue({ value, now }: TimeValueProps) {
  const clock = useContext(ClockContext);
  return (
    <span>
      <time dateTime={new Date(value.ms).toISOString()} title={formatUtc(value.ms)}>
        {clock.format(value.ms)}
      </time>
      {clock.companion ? (
        <span className="text-slate-500 dark:text-slate-400">
          {' '}
          · {clock.companion.label} {clock.companion.time(value.ms)}
        </span>
      ) : null}
      {now !== undefined ? (
        <span className="text-slate-500 dark:text-slate-400">
          {' '}
          ({formatRelative(value.ms, now)})
        </span>
      ) : null}
      {value.note ? (
        <span
          className="ml-1 text-xs text-amber-800 dark:text-amber-300"
          title={`Sent as ${JSON.stringify(value.raw)}`}
        >
          [{value.note}]
        </span>
      ) : null}
    </span>
  );
}
