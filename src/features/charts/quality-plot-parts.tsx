/** The drawn parts of a quality chart: axes, lines and bands, labels, and the hover readout. */
import { memo, useMemo } from 'react';
import type { Clock } from '../../lib/clock';
import type { TimeWindow } from '../../lib/time-window';
import {
  type DrawnLine,
  formatValue,
  type QualityChart,
  tickLabeller,
  timeTicks,
  valuesAt,
} from './lib/quality-chart-data';
import { labelsThatFit, linePath, type Scale } from './lib/svg-line';
import { LEVEL_COLOUR } from './threshold-legend';

// sky-600 and violet-600 read at 4:1 or more on white and on slate-900: one palette for both themes.
export const COLOURS = ['#0284c7', '#7c3aed', '#059669', '#db2777'];
// Pixels: the SVG is drawn at its container's width, so its text keeps its size on a phone.
// Until that width is measured (the server's paint) it is drawn 960 wide and scaled.
export const DEFAULT_WIDTH = 960;
export const HEIGHT = 240;

export type PlotBox = { left: number; right: number; top: number; bottom: number };

/** Where the lines are drawn in a chart `width` pixels wide: the axes' labels sit outside. */
export const plotBox = (width: number): PlotBox => ({
  left: 72,
  right: width - 12,
  top: 8,
  bottom: HEIGHT - 22,
});
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
  /** The drawn width in pixels, and the plot's box in it. */
  width: number;
  plot: PlotBox;
};

/** A window clipped to the plot, or null when it lies outside the call. */
function band(w: TimeWindow, [start, end]: readonly [number, number], x: Scale) {
  if (w.endMs < start || w.startMs > end) return null;
  const left = x(Math.max(w.startMs, start));
  return { left, width: Math.max(x(Math.min(w.endMs, end)) - left, 1.5) };
}

function Axes({ domain, x, y, yTicks, chart, clock, plot }: Frame) {
  const ticks = useMemo(() => timeTicks(domain, 6, clock.offset), [domain, clock]);
  const label = tickLabeller(ticks, clock.time);
  const labelled = new Set(labelsThatFit(ticks, x, label));
  return (
    <g fill="currentColor">
      {yTicks.map((v) => (
        <g key={v}>
          <line
            x1={plot.left}
            x2={plot.right}
            y1={y(v)}
            y2={y(v)}
            stroke="currentColor"
            strokeOpacity={0.15}
          />
          <text x={plot.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle">
            {formatValue(chart.kind, v)}
          </text>
        </g>
      ))}
      {ticks.map((t) => (
        <g key={t}>
          <line
            x1={x(t)}
            x2={x(t)}
            y1={plot.top}
            y2={plot.bottom + 4}
            stroke="currentColor"
            strokeOpacity={0.15}
          />
          {labelled.has(t) ? (
            <text x={x(t)} y={plot.bottom + 16} textAnchor="middle">
              {label(t)}
            </text>
          ) : null}
        </g>
      ))}
      <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} stroke="currentColor" />
      <line
        x1={plot.left}
        x2={plot.right}
        y1={plot.bottom}
        y2={plot.bottom}
        stroke="currentColor"
      />
    </g>
  );
}

function Marks({ chart, domain, x, y, highlight, plot }: Frame) {
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
            y={plot.top}
            height={plot.bottom - plot.top}
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
            y={plot.top}
            height={plot.bottom - plot.top}
            fill="#0284c7"
            fillOpacity={0.18}
            stroke="#0284c7"
          />
        </g>
      ) : null}
      {chart.thresholds.map((t) => (
        <line
          key={t.value}
          x1={plot.left}
          x2={plot.right}
          y1={y(t.value)}
          y2={y(t.value)}
          stroke={LEVEL_COLOUR[t.level]}
          strokeDasharray="4 3"
        />
      ))}
    </g>
  );
}

/** The moment's label, drawn above the lines (the thresholds are named under the chart). */
function Labels({ domain, x, highlight, plot }: Frame) {
  const moment = highlight ? band(highlight, domain, x) : null;
  return (
    <g strokeWidth={3} paintOrder="stroke" className={HALO}>
      {moment ? (
        <text
          x={Math.min(Math.max(moment.left + moment.width / 2, plot.left + 52), plot.right - 52)}
          y={plot.top + 12}
          textAnchor="middle"
          fill="currentColor"
        >
          reported moment
        </text>
      ) : null}
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
  const share = x(at) / frame.width;
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
