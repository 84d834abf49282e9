import { formatCount, formatDurationMs, formatMinutes } from '../../lib/format';
import type { Reconnects } from '../diagnostics';
import type { TimelineFacts as Facts } from './lib/facts';

export type TimelineFactsProps = {
  facts: Facts;
  /** The participant's `duration` in minutes, when sent and valid. */
  durationMinutes: number | null;
};

function Fact({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2 dark:bg-slate-800">
      <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
      {note ? <dd className="text-xs text-slate-600 dark:text-slate-300">{note}</dd> : null}
    </div>
  );
}

/** "JOININGs after the first; 4 of them within 10 min", in the Health strip's words. */
function reconnectNote({ total, densest10Min }: Reconnects): string {
  if (densest10Min.count < 2) return 'JOININGs after the first';
  const within =
    densest10Min.count === total ? 'all' : `${formatCount(densest10Min.count)} of them`;
  return `JOININGs after the first; ${within} within 10 min`;
}

/** The answers an agent looks for first, derived from the events. */
export function TimelineFacts({ facts, durationMinutes }: TimelineFactsProps) {
  const minutesNote =
    durationMinutes === null
      ? 'no duration to compare with'
      : `duration ${formatMinutes(durationMinutes)}; difference ${formatMinutes(Math.abs(facts.totalMinutes - durationMinutes))}`;
  const eventNotes = [
    facts.duplicates > 0
      ? `${formatCount(facts.duplicates)} repeated event id${facts.duplicates === 1 ? '' : 's'} left out of sums`
      : '',
    facts.flagged > 0 ? `${formatCount(facts.flagged)} with invalid values` : '',
  ].filter(Boolean);
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-5">
      <Fact
        label="Events"
        value={formatCount(facts.events)}
        note={eventNotes.join('; ') || undefined}
      />
      <Fact label="Distinct peers" value={formatCount(facts.peers)} />
      <Fact
        label="Reconnects"
        value={formatCount(facts.reconnects.total)}
        note={reconnectNote(facts.reconnects)}
      />
      <Fact
        label="Connected time"
        value={formatDurationMs(facts.connectedMs)}
        note="sum of JOINING→LEAVING spans"
      />
      <Fact label="Minutes consumed" value={formatMinutes(facts.totalMinutes)} note={minutesNote} />
    </dl>
  );
}
