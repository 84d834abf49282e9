import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatDurationMinutes, formatMinutes } from '../../lib/format';
import type { MinutesBar, MinutesData } from './lib/chart-data';

export type MinutesBarsProps = {
  data: MinutesData;
  /** Fixed pixel width; left out, the chart fills its container. */
  width?: number;
  height?: number;
};

// sky-600: at least 4:1 against both white and slate-900, so one colour serves both themes.
const BAR_COLOUR = '#0284c7';
const AXIS_TICK = { fill: 'currentColor', fontSize: 11 };

type BarTooltipProps = {
  active: boolean;
  bar: MinutesBar | undefined;
  bucketed: boolean;
  clockLabel: string;
};

function BarTooltip({ active, bar, bucketed, clockLabel }: BarTooltipProps) {
  if (!active || !bar) return null;
  const title = bucketed
    ? `${formatCount(bar.peers)} ${bar.peers === 1 ? 'peer' : 'peers'} first seen from ${bar.label} (${clockLabel})`
    : bar.peerId;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-700 shadow-md dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200">
      <p className="font-mono font-medium">{title}</p>
      <p>Minutes consumed: {formatMinutes(bar.minutes)}</p>
      <p>Connected: {formatDurationMinutes(bar.connectedMinutes)}</p>
    </div>
  );
}

/** Minutes consumed, one bar per peer or per first-seen time bucket. */
export function MinutesBars({ data, width, height = 220 }: MinutesBarsProps) {
  const { bars, bucketed } = data;
  const sizing =
    width === undefined
      ? { responsive: true, style: { width: '100%', height } }
      : { width, height };
  return (
    <div className="text-slate-600 dark:text-slate-300">
      <BarChart
        data={[...bars]}
        title="Minutes consumed per peer"
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        {...sizing}
      >
        <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
        <XAxis
          dataKey="label"
          tick={AXIS_TICK}
          stroke="currentColor"
          interval="preserveStartEnd"
          minTickGap={8}
        />
        <YAxis
          tick={AXIS_TICK}
          stroke="currentColor"
          width={56}
          label={{
            value: 'min',
            position: 'insideTopLeft',
            offset: 0,
            fill: 'currentColor',
            fontSize: 11,
          }}
          tickFormatter={(value: number) => formatCount(value)}
        />
        <Tooltip
          cursor={{ fill: 'currentColor', fillOpacity: 0.08 }}
          isAnimationActive={false}
          content={({ active, activeIndex }) => (
            <BarTooltip
              active={active}
              bar={activeIndex == null ? undefined : bars[Number(activeIndex)]}
              bucketed={bucketed}
              clockLabel={data.clockLabel}
            />
          )}
        />
        <Bar
          dataKey="minutes"
          name="Minutes consumed"
          fill={BAR_COLOUR}
          isAnimationActive={false}
        />
      </BarChart>
    </div>
  );
}
