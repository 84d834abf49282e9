import { type ReactNode, useContext, useMemo, useState } from 'react';
import { ClockContext } from '../../components/ui/clock';
import { formatCount, formatDurationMs, formatMinutes } from '../../lib/format';
import type { PeerTotal } from '../../lib/peer-spans';
import type { TimeWindow } from '../../lib/time-window';
import { chartSummary, laneData, MAX_BARS, minutesData, type TextClock } from './lib/chart-data';
import { MinutesBars } from './minutes-bars';
import { PeerLanes } from './peer-lanes';

export type MinutesByPeerChartProps = {
  totals: readonly PeerTotal[];
  /** Fixed bar-chart width in pixels (tests); left out, it fills the card. */
  barsWidth?: number;
  /** The reported moment, shaded on the intervals. */
  highlight?: TimeWindow | null;
};

type Column = {
  header: (clock: TextClock) => string;
  numeric: boolean;
  cell: (total: PeerTotal, clock: TextClock) => string;
};

const COLUMNS: readonly Column[] = [
  { header: () => 'Peer id', numeric: false, cell: (t) => t.peerId },
  {
    header: (clock) => `First seen (${clock.label})`,
    numeric: false,
    cell: (t, clock) => clock.format(t.firstSeen),
  },
  {
    header: () => 'Connected',
    numeric: true,
    cell: (t) =>
      `${formatDurationMs(t.connectedMs)}${t.spans.some((s) => s.open) ? ' (still connected)' : ''}`,
  },
  { header: () => 'Minutes consumed', numeric: true, cell: (t) => formatMinutes(t.minutes) },
  { header: () => 'Connections', numeric: true, cell: (t) => formatCount(t.spans.length) },
];

const cellClass = (numeric: boolean) =>
  `px-3 py-1.5 ${numeric ? 'text-right tabular-nums' : 'text-left font-mono'}`;

type PeerTableProps = { totals: readonly PeerTotal[] };

function PeerTable({ totals }: PeerTableProps) {
  const clock = useContext(ClockContext);
  // Thousands of peers are possible: rows exist only while the table is shown.
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-4" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-medium text-sky-700 dark:text-sky-300">
        Show as a table
      </summary>
      {open && (
        <div className="mt-2 max-h-96 overflow-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Minutes by peer, as a table</caption>
            <thead className="sticky top-0 bg-white dark:bg-slate-900">
              <tr className="border-b border-slate-200 dark:border-slate-700">
                {COLUMNS.map((column) => (
                  <th key={column.header(clock)} scope="col" className={cellClass(column.numeric)}>
                    {column.header(clock)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {totals.map((total) => (
                <tr
                  key={total.peerId}
                  className="border-b border-slate-100 last:border-0 dark:border-slate-800"
                >
                  {COLUMNS.map((column) => (
                    <td key={column.header(clock)} className={cellClass(column.numeric)}>
                      {column.cell(total, clock)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}

type PanelProps = { title: string; note?: string | null; children: ReactNode };

function Panel({ title, note, children }: PanelProps) {
  return (
    <section aria-label={title} className="mt-5">
      <h3 className="text-sm font-semibold text-slate-800 dark:text-slate-100">{title}</h3>
      {note && <p className="text-xs text-slate-600 dark:text-slate-300">{note}</p>}
      <div className="mt-2">{children}</div>
    </section>
  );
}

/** Per-peer connected intervals and minutes consumed, with a sentence and a table as text. */
export function MinutesByPeerChart({ totals, barsWidth, highlight }: MinutesByPeerChartProps) {
  const clock = useContext(ClockContext);
  const lanes = useMemo(() => laneData(totals), [totals]);
  const bars = useMemo(() => minutesData(totals, MAX_BARS, clock), [totals, clock]);
  const summary = useMemo(() => chartSummary(totals, clock), [totals, clock]);

  return (
    <figure
      aria-label="Minutes by peer"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <figcaption className="text-base font-semibold text-slate-900 dark:text-slate-50">
        Minutes by peer
      </figcaption>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{summary}</p>
      {lanes.domain ? (
        <Panel
          title="Connected intervals"
          note={
            lanes.merged
              ? `${formatCount(totals.length)} peers: lanes merged${lanes.joinedUnderMs === null ? '' : `, gaps under ${formatDurationMs(lanes.joinedUnderMs)} not drawn`}; the table lists each peer.`
              : null
          }
        >
          <PeerLanes lanes={lanes.lanes} domain={lanes.domain} highlight={highlight} />
        </Panel>
      ) : (
        <p className="mt-5 text-sm text-slate-600 dark:text-slate-300">
          No connected intervals to draw: the events received hold no JOINING/LEAVING pair.
        </p>
      )}
      {totals.length > 0 && (
        <>
          <Panel
            title="Minutes consumed per peer"
            note={
              bars.bucketed
                ? `${formatCount(totals.length)} peers grouped into at most ${MAX_BARS} bars by first-seen time (${clock.label}).`
                : null
            }
          >
            <MinutesBars data={bars} width={barsWidth} />
          </Panel>
          <PeerTable totals={totals} />
        </>
      )}
    </figure>
  );
}

export default MinutesByPeerChart;
