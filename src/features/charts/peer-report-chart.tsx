import { useContext } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ClockContext } from '../../components/ui/clock';
import type { TimeWindow } from '../../lib/time-window';
import { type QualityThreshold, tickLabeller, timeTicks } from './lib/quality-chart-data';
import { LEVEL_COLOUR, ThresholdLegend } from './threshold-legend';

export type PeerReportPoint = {
  readonly t: number;
  readonly mos: number | null;
  readonly rtt: number | null;
  readonly jitter: number | null;
  readonly loss: number | null;
};

export type PeerReportPanel = {
  readonly title: string;
  readonly unit: string;
  readonly lines: ReadonlyArray<{
    key: 'mos' | 'rtt' | 'jitter' | 'loss';
    name: string;
    colour: string;
  }>;
  /** Threshold lines: where "degraded" and "poor" begin. */
  readonly thresholds: readonly QualityThreshold[];
  readonly domain?: [number, number];
  /** Decimals worth reading in this unit (MOS 2, milliseconds 0, percent 1). */
  readonly digits: number;
};

export type PeerReportChartProps = {
  /** The figure's accessible name, e.g. "Peer report 1a2b3c4d…": its panels move together. */
  name: string;
  points: readonly PeerReportPoint[];
  panels: readonly PeerReportPanel[];
  /** A moment to point at (a verdict's window), drawn shaded on every panel. */
  highlight?: TimeWindow | null;
};

const AXIS_TICK = { fill: 'currentColor', fontSize: 11 };

/**
 * MOS, round trip, jitter and loss over time, one small panel each, on the page's clock: the
 * drawing inside a peer report's figure (its caption, the text alternative, is the figure's).
 */
export default function PeerReportChart({
  name,
  points,
  panels,
  highlight = null,
}: PeerReportChartProps) {
  const clock = useContext(ClockContext);
  const data = [...points];
  const first = points[0]?.t ?? 0;
  const last = points.at(-1)?.t ?? first;
  // Round times on the page's clock, as the quality charts have: whole minutes without seconds.
  const ticks = timeTicks([first, last], 6, clock.offset);
  const tickLabel = tickLabeller(ticks, clock.time);
  return (
    <>
      {panels.map((panel) => (
        <div key={panel.title} className="mt-2">
          <p className="text-xs font-semibold text-slate-800 dark:text-slate-100">
            {panel.title} ({panel.unit})
          </p>
          <LineChart
            data={data}
            title={`${panel.title} over time`}
            responsive
            style={{ width: '100%', height: 120 }}
            margin={{ top: 6, right: 8, bottom: 0, left: 0 }}
            syncId={name}
          >
            <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
            <XAxis
              dataKey="t"
              type="number"
              domain={[first, last]}
              scale="time"
              tick={AXIS_TICK}
              stroke="currentColor"
              ticks={ticks}
              tickFormatter={tickLabel}
              minTickGap={24}
            />
            <YAxis
              tick={AXIS_TICK}
              stroke="currentColor"
              width={44}
              domain={panel.domain ?? [0, 'auto']}
            />
            {highlight ? (
              <ReferenceArea
                x1={Math.max(highlight.startMs, first)}
                x2={Math.min(highlight.endMs, last)}
                fill="currentColor"
                fillOpacity={0.12}
                ifOverflow="hidden"
              />
            ) : null}
            {panel.thresholds.map((t) => (
              <ReferenceLine
                key={t.label}
                y={t.value}
                stroke={LEVEL_COLOUR[t.level]}
                strokeDasharray="4 3"
              />
            ))}
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(ms) => (typeof ms === 'number' ? clock.format(ms) : '')}
              formatter={(value) =>
                typeof value === 'number'
                  ? value.toLocaleString('en', { maximumFractionDigits: panel.digits })
                  : value
              }
              contentStyle={{ fontSize: 12 }}
            />
            {panel.lines.map((line) => (
              <Line
                key={line.key}
                dataKey={line.key}
                name={line.name}
                stroke={line.colour}
                dot={false}
                strokeWidth={1.5}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </LineChart>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
            <ThresholdLegend thresholds={panel.thresholds} />
          </ul>
        </div>
      ))}
    </>
  );
}
