import { type PointerEvent, useContext, useMemo, useState } from 'react';
import { ClockContext } from '../../components/ui/clock';
import type { TimeWindow } from '../../lib/time-window';
import { useElementWidth } from '../../lib/use-element-width';
import {
  drawnLines,
  type QualityChart,
  qualitySummary,
  timeDomain,
  valueExtent,
} from './lib/quality-chart-data';
import { linearScale, nearestTime, niceAxis } from './lib/svg-line';
import {
  COLOURS,
  DEFAULT_WIDTH,
  type Frame,
  HEIGHT,
  PlotBody,
  plotBox,
  Readout,
} from './quality-plot-parts';
import { ThresholdLegend } from './threshold-legend';

export type QualityLineChartProps = {
  chart: QualityChart;
  highlight?: TimeWindow | null;
  /** Fixed pixel width (tests); left out, the chart fills its container. */
  width?: number;
};

type PlotProps = Omit<Frame, 'x' | 'y' | 'yTicks' | 'clock' | 'width' | 'plot'> & {
  width?: number;
};

function Plot({ chart, drawn, domain, highlight, width }: PlotProps) {
  const clock = useContext(ClockContext);
  const [hover, setHover] = useState<number | null>(null);
  const [ref, measured] = useElementWidth<HTMLDivElement>();
  const drawnWidth = width ?? measured ?? DEFAULT_WIDTH;
  const frame = useMemo(() => {
    const plot = plotBox(drawnWidth);
    const [lo, hi] = valueExtent(chart, drawn);
    const axis = niceAxis(lo, hi, {
      fixed: chart.yDomain !== undefined,
      integer: chart.kind === 'count' || chart.kind === 'height',
    });
    return {
      chart,
      drawn,
      domain,
      highlight,
      clock,
      width: drawnWidth,
      plot,
      x: linearScale(domain, [plot.left, plot.right]),
      y: linearScale(axis.domain, [plot.bottom, plot.top]),
      yTicks: axis.ticks,
    };
  }, [chart, drawn, domain, highlight, clock, drawnWidth]);
  const { plot } = frame;
  const toTime = useMemo(() => linearScale([plot.left, plot.right], domain), [plot, domain]);
  const lineTimes = useMemo(() => drawn.map((line) => line.times), [drawn]);
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const vx = ((e.clientX - box.left) / box.width) * drawnWidth;
    const inside = vx >= plot.left && vx <= plot.right;
    // The same sample under the pointer sets the same number: React skips the render.
    setHover(inside ? nearestTime(lineTimes, toTime(vx)) : null);
  };
  return (
    <div
      ref={ref}
      className="relative mt-2 text-slate-600 dark:text-slate-300"
      style={width === undefined ? undefined : { width }}
    >
      <svg
        viewBox={`0 0 ${drawnWidth} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={`${chart.title}, ${clock.label}`}
        className="block text-[11px]"
        onPointerMove={onPointerMove}
        onPointerLeave={() => setHover(null)}
      >
        <PlotBody {...frame} />
        {hover === null ? null : (
          <line
            x1={frame.x(hover)}
            x2={frame.x(hover)}
            y1={plot.top}
            y2={plot.bottom}
            stroke="currentColor"
            strokeOpacity={0.6}
          />
        )}
      </svg>
      {hover === null ? null : <Readout frame={frame} at={hover} />}
    </div>
  );
}

/** One quality series over the call, with its thresholds, problem stretches and the asked-for moment. */
export function QualityLineChart({ chart, highlight, width }: QualityLineChartProps) {
  const drawn = useMemo(() => drawnLines(chart), [chart]);
  const summary = useMemo(() => qualitySummary(chart, drawn), [chart, drawn]);
  const domain = useMemo(() => timeDomain(chart), [chart]);
  return (
    <figure aria-label={chart.title} className="mt-4">
      <figcaption className="text-sm font-semibold text-slate-800 dark:text-slate-100">
        {chart.title}
      </figcaption>
      <p className="text-xs text-slate-600 dark:text-slate-300">{summary}</p>
      {chart.note ? (
        <p className="text-xs text-slate-600 dark:text-slate-300">Assumed: {chart.note}.</p>
      ) : null}
      {domain ? (
        <Plot chart={chart} drawn={drawn} domain={domain} highlight={highlight} width={width} />
      ) : null}
      <ul className="mt-1 flex flex-wrap gap-4 text-xs text-slate-700 dark:text-slate-300">
        {drawn.map((line, i) => (
          <li key={line.label} className="inline-flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="inline-block h-0.5 w-4"
              style={{ backgroundColor: COLOURS[i % COLOURS.length] }}
            />
            {line.label}
          </li>
        ))}
        <ThresholdLegend thresholds={chart.thresholds} />
        {chart.problems && chart.problems.windows.length > 0 ? (
          <li className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-3 w-4 bg-red-600/20" />
            {chart.problems.meaning} (sustained)
          </li>
        ) : null}
      </ul>
    </figure>
  );
}
