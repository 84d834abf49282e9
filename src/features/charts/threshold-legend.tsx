/**
 * A chart's threshold lines, named beside the chart rather than over its data: each dashed
 * swatch in its level's colour, in the words the rules use ("poor above 400 ms").
 */
import type { QualityThreshold } from './lib/quality-chart-data';

export const LEVEL_COLOUR = { degraded: '#d97706', poor: '#dc2626' } as const;

export function ThresholdLegend({ thresholds }: { thresholds: readonly QualityThreshold[] }) {
  if (thresholds.length === 0) return null;
  return (
    <>
      {thresholds.map((t) => (
        <li key={`${t.level}-${t.value}`} className="inline-flex items-center gap-1.5">
          <svg aria-hidden="true" width="16" height="4" className="shrink-0">
            <line
              x1="0"
              x2="16"
              y1="2"
              y2="2"
              stroke={LEVEL_COLOUR[t.level]}
              strokeWidth="1.5"
              strokeDasharray="4 3"
            />
          </svg>
          {t.label}
        </li>
      ))}
    </>
  );
}
