import { useContext } from 'react';
import { ClockContext } from '../../components/ui/clock';
import { InvalidValue } from '../../components/ui/invalid-value';
import { formatOffset, formatUtc } from '../../lib/format';
import { FreshContext, HighlightContext } from './highlight-context';
import { isHighlighted } from './lib/highlight';
import type { TableRow } from './lib/timeline-rows';

const muted = 'text-slate-500 dark:text-slate-400';

/** "Time (UTC)", "Time (their time (Europe/Lisbon))": the clock every time is read on. */
export function TimeHeader() {
  const clock = useContext(ClockContext);
  return <>Time ({clock.label})</>;
}

/** Marks a row inside the reported window with a glyph and words, not colour alone. */
function WindowMark() {
  return (
    <>
      <span
        aria-hidden="true"
        title="In the reported window"
        className="mr-1.5 text-amber-700 dark:text-amber-300"
      >
        ◆
      </span>
      <span className="sr-only">In the reported window: </span>
    </>
  );
}

/** A peer event that arrived with the latest live refresh. */
function FreshMark() {
  return (
    <span className="mr-1.5 rounded bg-emerald-100 px-1 text-xs font-semibold text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">
      new<span className="sr-only"> since the last update:</span>
    </span>
  );
}

export type TimeCellProps = { row: TableRow };

/** The time on the chosen clock (UTC on hover) and the offset from joined_at. */
export function TimeCell({ row }: TimeCellProps) {
  const clock = useContext(ClockContext);
  const highlight = useContext(HighlightContext);
  const fresh = useContext(FreshContext);
  const timeField = row.source === 'peer' ? 'created_at' : 'timestamp';
  const bad = row.problems.find((p) => p.field === timeField || p.field === 'event');
  if (row.atMs === null)
    return bad ? (
      <InvalidValue raw={bad.raw} reason={bad.reason} />
    ) : (
      <span className={muted}>no time</span>
    );
  return (
    // The offset goes under the time when the two do not fit on one line.
    <span className="flex flex-wrap items-baseline gap-x-2">
      <span className="whitespace-nowrap">
        {row.source === 'peer' && fresh.has(row.index) ? <FreshMark /> : null}
        {isHighlighted(highlight, row) ? <WindowMark /> : null}
        <span title={formatUtc(row.atMs)}>{clock.format(row.atMs)}</span>
      </span>
      {row.offsetMs !== null ? (
        <span className={`whitespace-nowrap font-mono text-xs ${muted}`}>
          {formatOffset(row.offsetMs)}
        </span>
      ) : null}
    </span>
  );
}
