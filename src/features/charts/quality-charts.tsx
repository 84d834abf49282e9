import { useEffect, useState } from 'react';
import type { TimeWindow } from '../../lib/time-window';
import type { QualityChart } from './lib/quality-chart-data';
import { QualityLineChart } from './quality-line-chart';

export type { QualityChart, QualityLine, QualityThreshold } from './lib/quality-chart-data';

export type QualityChartsProps = {
  charts: readonly QualityChart[];
  /** A moment to mark on every chart (the agent's "reported moment"). */
  highlight?: TimeWindow | null;
};

/** The quality series of one peer over the call: its own chunk, hand-written SVG. */
export function QualityCharts({ charts, highlight }: QualityChartsProps) {
  // One chart per task: drawing them all at once would hold the page for one long task.
  const [shown, setShown] = useState(1);
  useEffect(() => {
    if (shown >= charts.length) return;
    const timer = setTimeout(() => setShown((n) => n + 1), 0);
    return () => clearTimeout(timer);
  }, [shown, charts.length]);
  return (
    <div>
      {charts.slice(0, shown).map((chart) => (
        <QualityLineChart key={chart.title} chart={chart} highlight={highlight} />
      ))}
    </div>
  );
}

export default QualityCharts;
