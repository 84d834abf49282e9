/** The drawn parts of a quality chart: axes, lines and bands, labels, and the hover readout. */
import { memo, useMemo } from 'react';
import type { Clock } from '../../lib/clock';
import type { TimeWindow } from '../../lib/time-window';
import {
  type DrawnLine,
  formatValue,
  type QualityChart,
  timeTicks,
  valuesAt,
} from './lib/quality-chart-data';
import { linePath, type Scale } from './lib/svg-line';

// sky-600 and violet-600 read at 4:1 or more on white and on slate-900: one palette for both themes.
export const COLOURS = ['#0284c7', '#7c3aed', '#059669', '#db2777'];
const LEVEL_COLOUR = { degraded: '#d97706', poor: '#dc2626' };
// viewBox units: the SVG scales to its container, so these only set proportions.
export const WIDTH = 960;
export const HEIGHT = 240;
export const PLOT = { left: 72, right: WIDTH - 12, top: 8, bottom: HEIGHT - 22 };
// Labels over the lines stay legible: a halo in the card's own colour behind each letter.
const HALO = 'stroke-white dark:stroke-slate-900';

export type Frame = {
  chart: QualityChart;
  drawn: readonly DrawnLine[];
  domain: readonly [number, number];
  x: Scale;
  y: Scale;
  yTicks: readonly number[];
  highlight?: TimeWindow | null;
  clock: Clock;
};

/** A window clipped to the plot, or null when it lies outside the call. */
function band(w: TimeWindow, [start, end]: readonly [number, number], x: Scale) {
  if (w.endMs < start || w.startMs > end) return null;
  const left = x(Math.max(w.startMs, start));
  return { left, width: Math.max(x(Math.min(w.endMs, end)) - left, 1.5) };
}

function Axes({ domain, x, y, yTicks, chart, clock }: Frame) {
  const ticks = useMemo(() => timeTicks(domain, 6, clock.offset), [domain, clock]);
  // Whole minutes need no seconds: "14:00" rather than "14:00:00".
  const minutes = ticks.length < 2 || (ticks[1] ?? 0) - (ticks[0] ?? 0) >= 60_000;
  return (
    <g fill="currentColor">
      {yTicks.map((v) => (
        <g key={v}>
          <line
            x1={PLOT.left}
            x2={PLOT.right}
            y1={y(v)}
            y2={y(v)}
            stroke="currentColor"
            strokeOpacity={0.15}
          />
          <text x={PLOT.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle">
            {formatValue(chart.kind, v)}
          </text>
        </g>
      ))}
      {ticks.map((t) => (
        <g key={t}>
          <line
            x1={x(t)}
            x2={x(t)}
            y1={PLOT.top}
            y2={PLOT.bottom + 4}
            stroke="currentColor"
            strokeOpacity={0.15}
          />
          <text x={x(t)} y={PLOT.bottom + 16} textAnchor="middle">
            {minutes ? clock.time(t).slice(0, 5) : clock.time(t)}
          </text>
        </g>
      ))}
      <line x1={PLOT.left} x2={PLOT.left} y1={PLOT.top} y2={PLOT.bottom} stroke="currentColor" />
      <line
        x1={PLOT.left}
        x2={PLOT.right}
        y1={PLOT.bottom}
        y2={PLOT.bottom}
        stroke="currentColor"
      />
    </g>
  );
}

function Marks({ chart, domain, x, y, highlight }: Frame) {
  const moment = highlight ? band(highlight, domain, x) : null;
  return (
    <g>
      {chart.problems?.windows.map((w) => {
        const b = band(w, domain, x);
        return b ? (
          <rect
            key={`${w.startMs}-${w.endMs}`}
            x={b.left}
            width={b.width}
            y={PLOT.top}
            height={PLOT.bottom - PLOT.top}
            fill={LEVEL_COLOUR.poor}
            fillOpacity={0.12}
          />
        ) : null;
      })}
      {moment ? (
        <g>
          <title>Reported moment</title>
          <rect
            x={moment.left}
            width={moment.width}
            y={PLOT.top}
            height={PLOT.bottom - PLOT.top}
            fill="#0284c7"
            fillOpacity={0.18}
            stroke="#0284c7"
          />
        </g>
      ) : null}
      {chart.thresholds.map((t) => (
        <line
          key={t.value}
          x1={PLOT.left}
          x2={PLOT.right}
          y1={y(t.value)}
          y2={y(t.value)}
          stroke={LEVEL_COLOUR[t.level]}
          strokeDasharray="4 3"
        />
      ))}
    </g>
  );
}

/** Threshold and moment labels, drawn above the lines. */
function Labels({ chart, domain, x, y, highlight }: Frame) {
  const moment = highlight ? band(highlight, domain, x) : null;
  return (
    <g strokeWidth={3} paintOrder="stroke" className={HALO}>
      {moment ? (
        <text
          x={Math.min(Math.max(moment.left + moment.width / 2, PLOT.left + 52), PLOT.right - 52)}
          y={PLOT.top + 12}
          textAnchor="middle"
          fill="currentColor"
        >
          reported moment
        </text>
      ) : null}
      {chart.thresholds.map((t) => (
        <text
          key={t.value}
          x={PLOT.right - 4}
          y={y(t.value) - 4}
          textAnchor="end"
          fill={LEVEL_COLOUR[t.level]}
        >
          {t.label}
        </text>
      ))}
    </g>
  );
}

/** Everything but the hover rule: drawn once per chart, untouched while the pointer moves. */
export const PlotBody = memo(function PlotBody(frame: Frame) {
  const { chart, drawn, x, y } = frame;
  const paths = useMemo(
    () => drawn.map((line) => linePath(line.times, line.values, x, y, chart.kind === 'height')),
    [drawn, x, y, chart.kind],
  );
  return (
    <>
      <Axes {...frame} />
      <Marks {...frame} />
      {drawn.map((line, i) => (
        <path
          key={line.label}
          d={paths[i]}
          fill="none"
          stroke={COLOURS[i % COLOURS.length]}
          strokeWidth={1.5}
          strokeLinejoin="round"
          strokeLinecap="round"
        />
      ))}
      <Labels {...frame} />
    </>
  );
});

type ReadoutProps = { frame: Frame; at: number };

/** The nearest drawn sample's time and each line's value there, beside the hover rule. */
export function Readout({ frame, at }: ReadoutProps) {
  const { drawn, chart, clock, x } = frame;
  const values = valuesAt(drawn, at);
  const share = x(at) / WIDTH;
  return (
    <div
      className="pointer-events-none absolute top-1 rounded-md border border-slate-200 bg-white/95 px-2 py-1 text-xs whitespace-nowrap text-slate-800 shadow-sm dark:border-slate-600 dark:bg-slate-800/95 dark:text-slate-100"
      style={{
        left: `${share * 100}%`,
        transform: share > 0.6 ? 'translateX(calc(-100% - 8px))' : 'translateX(8px)',
      }}
    >
      <div className="font-medium">{clock.time(at)}</div>
      {drawn.map((line, i) => {
        const value = values[i] ?? null;
        return (
          <div key={line.label} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="inline-block h-0.5 w-3"
              style={{ backgroundColor: COLOURS[i % COLOURS.length] }}
            />
            {line.label}: {value === null ? 'no sample' : formatValue(chart.kind, value)}
          </div>
        );
      })}
    </div>
  );
}
