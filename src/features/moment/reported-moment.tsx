import { type FormEvent, useContext, useId, useState } from 'react';
import { Card } from '../../components/ui/card';
import { ClockContext } from '../../components/ui/clock';
import type { TimeWindow } from '../../lib/time-window';
import { type InsideInput, insideWindow } from './lib/inside';
import { DEFAULT_WIDTH, MOMENT_WIDTHS, parseMoment } from './lib/moment';
import { MomentSummary } from './moment-summary';

export type ReportedMomentProps = {
  moment: TimeWindow | null;
  /** Why the link's moment could not be read. */
  problem?: string;
  /** The call, to put a bare "15:45" on the right day. */
  call: TimeWindow | null;
  /** The participant's IANA zone, when known. */
  participantZone: string | null;
  /** What the page knows, to sum up what happened inside the moment. */
  known: InsideInput;
  /** This page with another moment (or none). */
  hrefFor: (moment: TimeWindow | null) => string;
  onMark: (moment: TimeWindow) => void;
};

const ZONES = [
  { value: 'participant', label: 'their time' },
  { value: 'mine', label: 'my time' },
  { value: 'utc', label: 'UTC' },
] as const;

/** "Around 15:45 their time": marks a window on the timeline and charts and sums it up. */
export function ReportedMoment(props: ReportedMomentProps) {
  const clock = useContext(ClockContext);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const zones = ZONES.filter((z) => z.value !== 'participant' || props.participantZone);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const zone = String(form.get('zone'));
    const timeZone =
      zone === 'utc'
        ? 'UTC'
        : zone === 'participant'
          ? (props.participantZone ?? undefined)
          : undefined;
    const parsed = parseMoment(String(form.get('time') ?? ''), {
      timeZone,
      call: props.call ?? { startMs: Date.now(), endMs: Date.now() },
      widthMin: Number(form.get('width')),
    });
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    props.onMark(parsed.window);
  };
  return (
    <Card title="Reported moment">
      <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-3 text-sm">
        <label className="grid gap-1">
          <span>Reported time</span>
          <input
            name="time"
            placeholder="15:45"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            className="w-40 rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          />
        </label>
        <label className="grid gap-1">
          <span>Clock</span>
          <select
            name="zone"
            defaultValue={
              clock.zone === 'participant' && !props.participantZone ? 'mine' : clock.zone
            }
            className="rounded-md border border-slate-300 bg-white px-1.5 py-1 dark:border-slate-600 dark:bg-slate-900"
          >
            {zones.map((z) => (
              <option key={z.value} value={z.value}>
                {z.label}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1">
          <span>Window</span>
          <select
            name="width"
            defaultValue={DEFAULT_WIDTH}
            className="rounded-md border border-slate-300 bg-white px-1.5 py-1 dark:border-slate-600 dark:bg-slate-900"
          >
            {MOMENT_WIDTHS.map((w) => (
              <option key={w} value={w}>
                ± {w} min
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="rounded-md bg-slate-900 px-3 py-1.5 font-semibold text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-white"
        >
          Mark moment
        </button>
      </form>
      {error ? (
        <p id={errorId} role="alert" className="mt-2 text-sm text-red-800 dark:text-red-300">
          {error}
        </p>
      ) : null}
      {props.problem ? (
        <p role="note" className="mt-2 text-sm text-amber-800 dark:text-amber-300">
          {props.problem}
        </p>
      ) : null}
      {props.moment ? (
        <MomentSummary
          moment={props.moment}
          inside={insideWindow(props.moment, props.known)}
          clearHref={props.hrefFor(null)}
        />
      ) : (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          When the customer names a time, mark it: the timeline and the charts show that window.
        </p>
      )}
    </Card>
  );
}
