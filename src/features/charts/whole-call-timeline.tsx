import { useContext, useId, useMemo } from 'react';
import { ClockContext } from '../../components/ui/clock';
import type { Clock } from '../../lib/clock';
import type { TimeWindow } from '../../lib/time-window';
import { useElementWidth } from '../../lib/use-element-width';
import {
  readoutAt,
  type WholeCallInput,
  type WholeCallModel,
  wholeCallModel,
} from './lib/whole-call';
import { useTimelineCursor } from './use-timeline-cursor';
import { TimelineBody, TimelineLegend, TimelineReadout } from './whole-call-parts';

export type WholeCallTimelineProps = {
  input: WholeCallInput;
  /** Called with the window a click (2 minutes around it), a drag or Enter marks. */
  onMark: (window: TimeWindow) => void;
  /** Fixed pixel width (tests); left out, the figure fills its container. */
  width?: number;
};

/** Until the container is measured (the server's paint) the figure is drawn at this width and scaled. */
const DEFAULT_WIDTH = 960;

type PlotProps = { model: WholeCallModel; clock: Clock; hintId: string } & Pick<
  WholeCallTimelineProps,
  'onMark'
>;

function Plot({ model, clock, hintId, onMark }: PlotProps) {
  const { cursor, value, drag, handlers } = useTimelineCursor(model, onMark);
  const readout = useMemo(
    () => (cursor === null ? null : readoutAt(model, cursor)),
    [model, cursor],
  );
  const [start, end] = model.range;
  const valueText = readout
    ? `${readout.time} ${clock.label}: ${readout.connected.length > 0 ? `connected ${readout.connected.join(', ')}` : 'no peer connected'}; quality ${readout.quality?.level ?? 'not measured'}`
    : `${clock.time(value)} ${clock.label}`;
  const dragBox = drag
    ? { x: model.x(Math.min(drag.from, drag.to)), to: model.x(Math.max(drag.from, drag.to)) }
    : null;
  return (
    <div
      role="slider"
      tabIndex={0}
      aria-label="Moment on the call"
      aria-valuemin={start}
      aria-valuemax={end}
      aria-valuenow={value}
      aria-valuetext={valueText}
      aria-describedby={hintId}
      className="relative mt-2 cursor-crosshair touch-pan-y rounded-sm text-slate-600 outline-offset-2 select-none focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-slate-300"
      {...handlers}
    >
      <svg
        viewBox={`0 0 ${model.width} ${model.height}`}
        width="100%"
        aria-hidden="true"
        className="block text-[11px] tabular-nums"
      >
        <TimelineBody model={model} />
        {dragBox ? (
          <rect
            x={dragBox.x}
            width={Math.max(dragBox.to - dragBox.x, 1)}
            y={model.plot.top}
            height={model.plot.bandTop + model.plot.bandHeight - model.plot.top}
            className="fill-violet-500/25 dark:fill-violet-400/25"
          />
        ) : null}
        {cursor === null ? null : (
          <line
            x1={model.x(cursor)}
            x2={model.x(cursor)}
            y1={model.plot.top}
            y2={model.plot.axisY}
            stroke="currentColor"
            strokeOpacity={0.7}
          />
        )}
      </svg>
      {readout && !drag ? (
        <TimelineReadout readout={readout} share={model.x(readout.atMs) / model.width} />
      ) : null}
    </div>
  );
}

/**
 * The whole call on one time axis: a lane per peer, disconnects and device changes, the quality
 * of all peers as a band, incidents and the reported moment; click, drag or Enter marks a moment.
 */
export function WholeCallTimeline({ input, onMark, width }: WholeCallTimelineProps) {
  const clock = useContext(ClockContext);
  const [ref, measured] = useElementWidth<HTMLDivElement>();
  const drawnWidth = width ?? measured ?? DEFAULT_WIDTH;
  // Building the figure (lanes, glyphs, the quality band's paths: what grows with the call) as
  // a User Timing measure, "whole-call timeline": the benchmark reads it.
  const model = useMemo(() => {
    const start = performance.now();
    const built = wholeCallModel(input, drawnWidth, clock);
    performance.measure('whole-call timeline', { start });
    return built;
  }, [input, drawnWidth, clock]);
  const titleId = useId();
  const summaryId = useId();
  const hintId = useId();
  return (
    <figure aria-labelledby={titleId} aria-describedby={summaryId} className="min-w-0">
      <figcaption id={titleId} className="text-sm font-semibold text-slate-800 dark:text-slate-100">
        Whole-call timeline
      </figcaption>
      <p id={summaryId} className="text-xs text-slate-600 dark:text-slate-300">
        {model.summary}
      </p>
      <div ref={ref} style={width === undefined ? undefined : { width }}>
        <Plot model={model} clock={clock} hintId={hintId} onMark={onMark} />
      </div>
      <TimelineLegend model={model} clock={clock} hintId={hintId} />
    </figure>
  );
}

export default WholeCallTimeline;
