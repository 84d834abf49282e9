import { useContext, useMemo } from 'react';
import { ClockContext } from '../../components/ui/clock';
import type { Clock } from '../../lib/clock';
import { formatDurationMs } from '../../lib/format';
import type { TimeWindow } from '../../lib/time-window';
import { useElementWidth } from '../../lib/use-element-width';
import { type Lane, type LaneSpan, type TimeDomain, timeTicks } from './lib/chart-data';
import { labelsThatFit } from './lib/svg-line';

export type PeerLanesProps = {
  lanes: readonly Lane[];
  domain: TimeDomain;
  /** The reported moment, shaded across every lane. */
  highlight?: TimeWindow | null;
};

// Pixels: the SVG is drawn at its container's width, so its text keeps its size on a phone.
// Until that width is measured (the server's paint) it is drawn 720 wide and scaled.
const DEFAULT_WIDTH = 720;
const LABEL_WIDTH = 120;
const RIGHT_PAD = 12;
const LANE_HEIGHT = 18;
const LANE_GAP = 6;
const AXIS_HEIGHT = 22;
// A zero-length span (joined and left within the same millisecond) must still show.
const MIN_RECT_WIDTH = 1.5;

type Scale = (ms: number) => number;

function spanTitle(lane: Lane, span: LaneSpan, clock: Clock): string {
  const who = lane.peerId ?? `${span.peerCount} ${span.peerCount === 1 ? 'peer' : 'peers'}`;
  const until = span.open ? 'still connected' : clock.format(span.end);
  return `${who}\n${clock.format(span.start)} – ${until} (${clock.label})\n${formatDurationMs(span.end - span.start)}`;
}

type SpanRectProps = { lane: Lane; span: LaneSpan; x: Scale; y: number };

function SpanRect({ lane, span, x, y }: SpanRectProps) {
  const clock = useContext(ClockContext);
  const left = x(span.start);
  const width = Math.max(x(span.end) - left, MIN_RECT_WIDTH);
  return (
    <g>
      <title>{spanTitle(lane, span, clock)}</title>
      <rect
        x={left}
        y={y}
        width={width}
        height={LANE_HEIGHT}
        rx={2}
        className={
          span.open ? 'fill-sky-600/45 dark:fill-sky-400/45' : 'fill-sky-600 dark:fill-sky-400'
        }
      />
      {span.open && (
        <line
          x1={left + width}
          x2={left + width}
          y1={y}
          y2={y + LANE_HEIGHT}
          strokeWidth={2}
          strokeDasharray="3 2"
          className="stroke-sky-900 dark:stroke-sky-100"
        />
      )}
    </g>
  );
}

/** Connected intervals as rows on one time axis; hand-written so thousands of spans stay cheap. */
export function PeerLanes({ lanes, domain, highlight }: PeerLanesProps) {
  const [start, end] = domain;
  const clock = useContext(ClockContext);
  const [ref, measured] = useElementWidth<HTMLDivElement>();
  const width = measured ?? DEFAULT_WIDTH;
  const plotWidth = width - LABEL_WIDTH - RIGHT_PAD;
  const x: Scale = (ms) => LABEL_WIDTH + ((ms - start) / Math.max(end - start, 1)) * plotWidth;
  const ticks = useMemo(() => timeTicks(domain, 5, clock.offset), [domain, clock]);
  const labelled = new Set(
    labelsThatFit(
      ticks,
      (tick) => x(tick.at),
      (tick) => tick.label,
    ),
  );
  const plotHeight = lanes.length * (LANE_HEIGHT + LANE_GAP);
  const height = plotHeight + AXIS_HEIGHT;
  const hasOpen = lanes.some((lane) => lane.spans.some((s) => s.open));

  return (
    <div ref={ref} className="text-slate-600 dark:text-slate-300">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={`Connected intervals per peer over time, ${clock.label}`}
        className="block text-[11px]"
      >
        {ticks.map((tick) => (
          <g key={tick.at}>
            <line
              x1={x(tick.at)}
              x2={x(tick.at)}
              y1={0}
              y2={plotHeight + 4}
              className="stroke-slate-200 dark:stroke-slate-700"
            />
            {labelled.has(tick) ? (
              <text x={x(tick.at)} y={plotHeight + 16} textAnchor="middle" fill="currentColor">
                {tick.label}
              </text>
            ) : null}
          </g>
        ))}
        {highlight && highlight.endMs >= start && highlight.startMs <= end ? (
          <rect
            x={x(Math.max(highlight.startMs, start))}
            y={0}
            width={Math.max(
              x(Math.min(highlight.endMs, end)) - x(Math.max(highlight.startMs, start)),
              2,
            )}
            height={plotHeight}
            className="fill-amber-400/25 stroke-amber-600 dark:fill-amber-300/20 dark:stroke-amber-400"
          >
            <title>Reported moment</title>
          </rect>
        ) : null}
        {lanes.map((lane, i) => {
          const y = i * (LANE_HEIGHT + LANE_GAP) + LANE_GAP / 2;
          return (
            <g key={lane.key}>
              <text
                x={LABEL_WIDTH - 8}
                y={y + LANE_HEIGHT / 2}
                textAnchor="end"
                dominantBaseline="middle"
                fill="currentColor"
                className="font-mono"
              >
                {lane.peerId && <title>{lane.peerId}</title>}
                {lane.label}
              </text>
              {lane.spans.map((span, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: spans are a fixed sorted list and two may share a start
                <SpanRect key={j} lane={lane} span={span} x={x} y={y} />
              ))}
            </g>
          );
        })}
      </svg>
      <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs">
        <span className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-5 rounded-sm bg-sky-600 dark:bg-sky-400" />
          connected
        </span>
        {hasOpen && (
          <span className="flex items-center gap-1.5">
            <span className="inline-block h-3 w-5 rounded-sm border-r-2 border-dashed border-sky-900 bg-sky-600/45 dark:border-sky-100 dark:bg-sky-400/45" />
            still connected
          </span>
        )}
        {highlight ? (
          <span className="flex items-center gap-1.5">
            <span className="inline-block h-3 w-5 rounded-sm border border-amber-600 bg-amber-400/25 dark:border-amber-400" />
            reported moment
          </span>
        ) : null}
        <span>Times in {clock.label}; hover a bar for its exact times.</span>
      </p>
    </div>
  );
}
