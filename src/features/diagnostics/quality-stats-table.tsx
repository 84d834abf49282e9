import { Badge, type BadgeTone } from '../../components/ui/badge';
import { InvalidValue } from '../../components/ui/invalid-value';
import { formatCount } from '../../lib/format';
import type { Series } from './lib/quality';
import { gradeOf, sustainedLevel } from './lib/quality-rules';
import { PERSISTENCE } from './lib/sustained';
import { type Level, MOS, THRESHOLDS } from './lib/thresholds';

const TONE: Record<Level, BadgeTone> = { good: 'success', degraded: 'warning', poor: 'danger' };

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A value with its series' unit: "12.3 ms", "4.21", "720p". */
export function seriesValue(series: Pick<Series, 'unit'>, value: number): string {
  if (series.unit === 'p') return `${Math.round(value)}p`;
  if (series.unit === '') return value.toFixed(2);
  if (series.unit === 'ms') return `${round(value, 1).toLocaleString('en')} ms`;
  // "1 packet", "2 packets": the unit is named in the plural.
  const unit = value === 1 ? series.unit.replace(/s$/, '') : series.unit;
  return `${round(value, 1).toLocaleString('en')} ${unit}`;
}

const SOURCE: Partial<Record<Series['key'], string>> = {
  audioJitter: THRESHOLDS.jitterMs.source,
  videoJitter: THRESHOLDS.jitterMs.source,
  audioRtt: THRESHOLDS.rttMs.source,
  videoRtt: THRESHOLDS.rttMs.source,
  audioScore: MOS.source,
  videoScore: MOS.source,
};

/**
 * The worst level that persisted, as the rules find it: a badge and an incident always agree.
 * It grades the stretches, not the figures beside it: a 4.02 average can hold a degraded stretch.
 */
function grade(series: Series): { level: Level; source: string } | null {
  if (!gradeOf(series)) return null;
  return { level: sustainedLevel(series), source: `${SOURCE[series.key]}; ${PERSISTENCE.source}` };
}

const HEAD = [
  'Series',
  'Average',
  'Median',
  '95th percentile',
  'Max',
  'Samples',
  'Worst sustained',
];

export type QualityStatsTableProps = {
  series: readonly Series[];
  /** The series an incident is about: a quality_stats key or a peer report's list. */
  focus?: string | null;
};

/** Each series' average, median, 95th percentile and max, graded where a threshold exists. */
export function QualityStatsTable({ series, focus = null }: QualityStatsTableProps) {
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="text-left text-sm font-semibold">Quality per sample</caption>
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            {HEAD.map((h, i) => (
              <th
                key={h}
                scope="col"
                className={`px-2 py-1.5 ${i === 0 ? 'text-left' : 'text-right'}`}
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((s) => {
            const g = grade(s);
            const cells = s.stats ? [s.stats.avg, s.stats.p50, s.stats.p95, s.stats.max] : [];
            const focused = focus !== null && (s.key === focus || s.source === focus);
            return (
              <tr
                key={s.label}
                aria-current={focused ? 'true' : undefined}
                className={`border-b border-slate-100 last:border-0 dark:border-slate-800 ${focused ? 'bg-amber-50 dark:bg-amber-950' : ''}`}
              >
                <th scope="row" className="px-2 py-1.5 text-left font-normal">
                  {s.label}
                  {focused ? (
                    <span className="block text-xs font-medium text-amber-800 dark:text-amber-300">
                      the worst incident’s series
                    </span>
                  ) : null}
                  {s.note ? (
                    <span className="block text-xs text-slate-600 dark:text-slate-400">
                      {s.note}
                    </span>
                  ) : null}
                  {s.unreadable ? (
                    <span className="block text-xs text-slate-600 dark:text-slate-400">
                      {formatCount(s.unreadable.count)} unreadable, e.g.{' '}
                      <InvalidValue raw={s.unreadable.example} reason="expected a number" />
                    </span>
                  ) : null}
                </th>
                {cells.length > 0
                  ? cells.map((v, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the four figures have fixed positions
                      <td key={i} className="px-2 py-1.5 text-right tabular-nums">
                        {seriesValue(s, v)}
                      </td>
                    ))
                  : HEAD.slice(1, 5).map((h) => (
                      <td key={h} className="px-2 py-1.5 text-right">
                        —
                      </td>
                    ))}
                <td className="px-2 py-1.5 text-right tabular-nums">
                  {formatCount(s.stats?.count ?? 0)}
                </td>
                <td className="px-2 py-1.5 text-right">
                  {g ? (
                    <Badge tone={TONE[g.level]} title={g.source}>
                      {g.level}
                    </Badge>
                  ) : (
                    <span className="text-xs text-slate-600 dark:text-slate-400">no threshold</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
