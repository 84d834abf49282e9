/** The drawn parts of the whole-call timeline: the still body, the readout and the legend. */
import { memo } from 'react';
import type { Clock } from '../../lib/clock';
import { formatCount } from '../../lib/format';
import type { DrawnMark, QualityLevel, Readout, WholeCallModel } from './lib/whole-call';

// One vocabulary for quality everywhere on the figure: the band, the readout and the legend.
export const LEVEL_FILL: Record<QualityLevel, string> = {
  good: 'fill-emerald-500 dark:fill-emerald-400',
  degraded: 'fill-amber-500 dark:fill-amber-400',
  poor: 'fill-red-600 dark:fill-red-500',
};
const LEVEL_SWATCH: Record<QualityLevel, string> = {
  good: 'bg-emerald-500 dark:bg-emerald-400',
  degraded: 'bg-amber-500 dark:bg-amber-400',
  poor: 'bg-red-600 dark:bg-red-500',
};
const INCIDENT_FILL = {
  poor: 'fill-red-600/15 dark:fill-red-400/20',
  degraded: 'fill-amber-500/20 dark:fill-amber-300/15',
};
const INCIDENT_SWATCH = {
  poor: 'bg-red-600/15 dark:bg-red-400/20',
  degraded: 'bg-amber-500/20 dark:bg-amber-300/15',
};
const CONNECTED = 'fill-sky-600 dark:fill-sky-400';
const STILL_CONNECTED = 'fill-sky-600/45 dark:fill-sky-400/45';
const MOMENT =
  'fill-violet-500/15 stroke-violet-600 dark:fill-violet-400/15 dark:stroke-violet-400';
const DISCONNECT = 'stroke-red-700 dark:stroke-red-300';
const DEVICE = 'fill-slate-800 stroke-white dark:fill-slate-100 dark:stroke-slate-900';

const glyph = (kind: DrawnMark['kind'], x: number, y: number) =>
  kind === 'disconnect'
    ? `M${x - 3.5},${y - 3.5}l7,7m0,-7l-7,7`
    : `M${x},${y - 4.5}l4.5,4.5l-4.5,4.5l-4.5,-4.5z`;

/** One kind's glyphs in one group: the colour set once, a path and its hover text per glyph. */
function MarkGlyphs({ marks, kind }: { marks: readonly DrawnMark[]; kind: DrawnMark['kind'] }) {
  return (
    <g
      strokeWidth={kind === 'disconnect' ? 2 : 1}
      className={kind === 'disconnect' ? DISCONNECT : DEVICE}
    >
      {marks.map((mark) =>
        mark.kind === kind ? (
          <path key={mark.key} d={glyph(kind, mark.x, mark.y)}>
            <title>{mark.title}</title>
          </path>
        ) : null,
      )}
    </g>
  );
}

/** Everything but the guide and the readout: drawn once per model, untouched while hovering. */
export const TimelineBody = memo(function TimelineBody({ model }: { model: WholeCallModel }) {
  const { plot, lanes } = model;
  const bandBottom = plot.bandTop + plot.bandHeight;
  return (
    <>
      {model.ticks.map((tick) => (
        <g key={tick.at}>
          <line
            x1={tick.x}
            x2={tick.x}
            y1={plot.top}
            y2={plot.axisY + 4}
            className="stroke-slate-200 dark:stroke-slate-700"
          />
          {tick.label === null ? null : (
            <text x={tick.labelX} y={plot.axisY + 16} textAnchor={tick.anchor} fill="currentColor">
              {tick.label}
            </text>
          )}
        </g>
      ))}
      {model.incidents.map((incident) => (
        <rect
          key={incident.key}
          x={incident.x}
          width={incident.width}
          y={plot.top}
          height={bandBottom - plot.top}
          className={INCIDENT_FILL[incident.severity]}
        >
          <title>{incident.title}</title>
        </rect>
      ))}
      {lanes.map((lane) => (
        <g key={lane.key}>
          <text
            x={plot.left - 8}
            y={lane.y + lane.height / 2}
            textAnchor="end"
            dominantBaseline="middle"
            fill="currentColor"
            className="font-mono"
          >
            <title>{lane.title}</title>
            {lane.label}
          </text>
          <path d={lane.connected} className={CONNECTED} />
          <path d={lane.stillConnected} className={STILL_CONNECTED} />
        </g>
      ))}
      <text
        x={plot.left - 8}
        y={plot.bandTop + plot.bandHeight / 2}
        textAnchor="end"
        dominantBaseline="middle"
        fill="currentColor"
      >
        Quality
      </text>
      {(['good', 'degraded', 'poor'] as const).map((level) => (
        <path key={level} d={model.band[level]} className={LEVEL_FILL[level]} />
      ))}
      {model.moment ? (
        <rect
          x={model.moment.x}
          width={model.moment.width}
          y={plot.top}
          height={bandBottom - plot.top}
          strokeDasharray="4 2"
          className={MOMENT}
        >
          <title>{model.moment.title}</title>
        </rect>
      ) : null}
      <MarkGlyphs marks={model.marks} kind="disconnect" />
      <MarkGlyphs marks={model.marks} kind="device" />
      <line
        x1={plot.left}
        x2={plot.right}
        y1={plot.axisY}
        y2={plot.axisY}
        className="stroke-slate-400 dark:stroke-slate-500"
      />
    </>
  );
});

const MARK_LINES = 4;

/** The moment under the pointer or the keyboard cursor, beside the guide. */
export function TimelineReadout({ readout, share }: { readout: Readout; share: number }) {
  const { quality, marks } = readout;
  const shown = marks.slice(0, MARK_LINES);
  const more = readout.markCount - shown.length;
  return (
    <div
      className="pointer-events-none absolute top-0 z-10 max-w-80 rounded-md border border-slate-200 bg-white/95 px-2 py-1 text-xs text-slate-800 shadow-sm dark:border-slate-600 dark:bg-slate-800/95 dark:text-slate-100"
      style={{
        left: `${share * 100}%`,
        transform: share > 0.6 ? 'translateX(calc(-100% - 8px))' : 'translateX(8px)',
      }}
    >
      <div className="font-medium tabular-nums">{readout.time}</div>
      <div>
        {readout.connected.length > 0
          ? `Connected: ${readout.connected.join(', ')}`
          : 'No peer connected'}
      </div>
      <div className="flex items-center gap-1.5">
        {quality ? (
          <>
            <span
              aria-hidden="true"
              className={`inline-block size-2.5 ${LEVEL_SWATCH[quality.level]}`}
            />
            Quality {quality.level}
            {quality.level !== 'good' && quality.text ? `: ${quality.text}` : ''}
          </>
        ) : (
          'Quality not measured'
        )}
      </div>
      {shown.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: two marks may read the same at one second
        <div key={i} className="tabular-nums">
          {line}
        </div>
      ))}
      {more > 0 ? <div>and {formatCount(more)} more</div> : null}
    </div>
  );
}

function Swatch({ className, label }: { className: string; label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden="true" className={`inline-block h-3 w-4 rounded-sm ${className}`} />
      {label}
    </span>
  );
}

function GlyphKey({ kind, label }: { kind: DrawnMark['kind']; label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">
        <path
          d={glyph(kind, 6, 6)}
          strokeWidth={kind === 'disconnect' ? 2 : 1}
          className={kind === 'disconnect' ? DISCONNECT : DEVICE}
        />
      </svg>
      {label}
    </span>
  );
}

type LegendProps = { model: WholeCallModel; clock: Clock; hintId: string };

export function TimelineLegend({ model, clock, hintId }: LegendProps) {
  const severities = new Set(model.incidents.map((i) => i.severity));
  return (
    <div className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-700 dark:text-slate-300">
      <Swatch className="bg-sky-600 dark:bg-sky-400" label="connected" />
      {model.lanes.some((l) => l.stillConnected !== '') ? (
        <Swatch className="bg-sky-600/45 dark:bg-sky-400/45" label="still connected" />
      ) : null}
      <GlyphKey kind="disconnect" label="disconnect" />
      <GlyphKey kind="device" label="device change" />
      <span>quality:</span>
      {(['good', 'degraded', 'poor'] as const).map((level) => (
        <Swatch key={level} className={LEVEL_SWATCH[level]} label={level} />
      ))}
      {(['poor', 'degraded'] as const)
        .filter((s) => severities.has(s))
        .map((s) => (
          <Swatch key={s} className={INCIDENT_SWATCH[s]} label={`${s} incident`} />
        ))}
      {model.moment ? (
        <Swatch
          className="border border-dashed border-violet-600 bg-violet-500/15 dark:border-violet-400"
          label="reported moment"
        />
      ) : null}
      <span id={hintId}>
        Times in {clock.label}. Click or drag to mark a moment; from the keyboard, ← → and Enter.
      </span>
    </div>
  );
}
