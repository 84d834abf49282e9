import { useContext } from 'react';
import { AppLink } from '../../components/ui/app-link';
import { ClockContext } from '../../components/ui/clock';
import { formatCount } from '../../lib/format';
import type { TimeWindow } from '../../lib/time-window';
import { incidentText } from '../diagnostics';
import type { Inside, NameCounts } from './lib/inside';

/** "3 peer events inside it: PEER_JOINING × 2, PEER_LEAVING × 1." */
function eventsText(count: number, what: string, byName: NameCounts): string {
  if (count === 0) return `No ${what}s inside it.`;
  const names = byName.map(([name, n]) => `${name} × ${formatCount(n)}`).join(', ');
  return `${formatCount(count)} ${what}${count === 1 ? '' : 's'} inside it: ${names}.`;
}

const measure = (value: number, unit: string) =>
  `${value.toLocaleString('en', { maximumFractionDigits: 1 })}${unit === '' || unit === 'p' ? unit : ` ${unit}`}`;

/** The marked window and what falls inside it. */
export function MomentSummary(props: {
  moment: TimeWindow;
  inside: Inside | null;
  clearHref: string;
}) {
  const clock = useContext(ClockContext);
  const { inside } = props;
  return (
    <div className="mt-3 grid gap-1 text-sm" aria-live="polite">
      <p>
        <span className="font-medium">
          Marked {clock.time(props.moment.startMs)} – {clock.time(props.moment.endMs)} (
          {clock.label})
        </span>{' '}
        <AppLink href={props.clearHref} className="text-brand-700 underline dark:text-brand-500">
          Clear
        </AppLink>
      </p>
      {inside ? (
        <ul className="list-disc pl-5 text-slate-700 dark:text-slate-300">
          <li>
            {inside.outsideCall
              ? 'The participant was not connected at any point in this window.'
              : `${formatCount(inside.connectedPeers)} connection${inside.connectedPeers === 1 ? '' : 's'} active in this window.`}
          </li>
          <li>{eventsText(inside.eventCount, 'peer event', inside.events)}</li>
          <li>{eventsText(inside.sdkEventCount, 'SDK event', inside.sdkEvents)}</li>
          <li>
            {inside.incidents.length === 0
              ? 'No incident of the Health strip falls in it.'
              : `Incidents in it: ${inside.incidents.map((i) => incidentText(i, clock.time)).join('; ')}.`}
          </li>
        </ul>
      ) : null}
      {inside && inside.measures.length > 0 ? <MeasuresTable measures={inside.measures} /> : null}
    </div>
  );
}

/** The call's quality inside the window: one row per measure, across the peers that sent it. */
function MeasuresTable({ measures }: { measures: Inside['measures'] }) {
  return (
    <table className="mt-2 w-full max-w-2xl text-left text-sm">
      <caption className="text-left font-medium">Call quality inside the window</caption>
      <thead className="text-xs text-slate-600 dark:text-slate-400">
        <tr>
          <th className="py-1 pr-3 font-medium">Measure</th>
          <th className="py-1 pr-3 text-right font-medium">Average</th>
          <th className="py-1 pr-3 text-right font-medium">Range</th>
          <th className="py-1 text-right font-medium">Samples</th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {measures.map((m) => (
          <tr key={m.label} className="border-t border-slate-100 dark:border-slate-800">
            <td className="py-1 pr-3">{m.label}</td>
            <td className="py-1 pr-3 text-right">{measure(m.mean, m.unit)}</td>
            <td className="py-1 pr-3 text-right">
              {measure(m.min, m.unit)} – {measure(m.max, m.unit)}
            </td>
            <td className="py-1 text-right">{formatCount(m.samples)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
