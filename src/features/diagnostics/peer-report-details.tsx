import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import { isInvalid, valid } from '../../api/lenient';
import type { PeerReportParticipant } from '../../api/peer-report-schema';
import { Badge, type BadgeTone } from '../../components/ui/badge';
import { InvalidValue } from '../../components/ui/invalid-value';
import { Skeleton } from '../../components/ui/skeleton';
import { shortId } from '../../lib/format';
import type { TimeWindow } from '../../lib/time-window';
import { useNearViewport } from '../../lib/use-near-viewport';
import { loadPeerReportChart, type PeerReportPanel } from '../charts';
import {
  audioSeries,
  candidatePairOf,
  chartPoints,
  qualityOf,
  reportOf,
  shares,
} from './lib/peer-report';
import {
  chartThresholds,
  type Level,
  levelOf,
  MOS_CHART_THRESHOLDS,
  mosLevel,
} from './lib/thresholds';
import { PcMetadataList } from './pc-metadata-list';

const PeerReportChart = lazy(loadPeerReportChart);

/** Room for the four panels while they are not drawn, so drawing them moves nothing below. */
const CHART_ROOM = <Skeleton className="mt-2 h-[31.5rem] w-full sm:h-[30rem]" />;

/**
 * A peer report's figure: its caption (the text alternative) at once, its panels (recharts, the
 * page's heaviest render) drawn once it is scrolled near, as the minutes chart is.
 */
function PeerReportFigure({
  name,
  summary,
  children,
}: {
  name: string;
  summary: string;
  children: ReactNode;
}) {
  const [spot, near] = useNearViewport<HTMLElement>();
  return (
    <figure ref={spot} aria-label={name} className="mt-3 text-slate-600 dark:text-slate-300">
      <figcaption className="text-sm text-slate-700 dark:text-slate-200">{summary}</figcaption>
      {near ? <Suspense fallback={CHART_ROOM}>{children}</Suspense> : CHART_ROOM}
    </figure>
  );
}

const TONE: Record<Level, BadgeTone> = { good: 'success', degraded: 'warning', poor: 'danger' };

const PANELS: readonly PeerReportPanel[] = [
  {
    title: 'Audio quality (MOS)',
    unit: '1–5',
    lines: [{ key: 'mos', name: 'MOS', colour: '#0284c7' }],
    thresholds: MOS_CHART_THRESHOLDS,
    domain: [1, 5],
    digits: 2,
  },
  {
    title: 'Round trip and jitter',
    unit: 'ms',
    lines: [
      { key: 'rtt', name: 'RTT (ms)', colour: '#7c3aed' },
      { key: 'jitter', name: 'Jitter (ms)', colour: '#059669' },
    ],
    // Jitter's lines would sit on the round trip's: the round trip's are drawn.
    thresholds: chartThresholds('rttMs').map((t) => ({ ...t, label: `round trip ${t.label}` })),
    digits: 0,
  },
  {
    title: 'Packet loss',
    unit: '%',
    lines: [{ key: 'loss', name: 'Loss (%)', colour: '#dc2626' }],
    thresholds: chartThresholds('lossPct'),
    digits: 1,
  },
];

type GradedProps = { value: unknown; unit?: string; level?: (n: number) => Level };

/** A number as sent, graded when a scale applies; flagged with its raw value when unreadable. */
function Graded({ value, unit = '', level }: GradedProps) {
  if (value === undefined)
    return <span className="text-slate-500 dark:text-slate-400">not sent</span>;
  if (isInvalid(value)) return <InvalidValue raw={value.raw} reason={value.reason} />;
  if (typeof value !== 'number') return <span>—</span>;
  const graded = level?.(value);
  return (
    <span className="inline-flex items-center gap-1.5 tabular-nums">
      {value.toLocaleString('en', { maximumFractionDigits: 2 })}
      {unit}
      {graded ? <Badge tone={TONE[graded]}>{graded}</Badge> : null}
    </span>
  );
}

export type PeerReportDetailsProps = {
  participant: PeerReportParticipant;
  peerId: string;
  highlight: TimeWindow | null;
};

/** One loaded report: scores, shares of bad time, the connection path and the chart. */
export function PeerReportDetails({ participant, peerId, highlight }: PeerReportDetailsProps) {
  const series = useMemo(() => audioSeries(participant), [participant]);
  const points = useMemo(() => chartPoints(series), [series]);
  const cumulative = valid(qualityOf(participant)?.audio_producer_cumulative);
  const mos = valid(cumulative?.quality_mos);
  const pair = candidatePairOf(participant);
  const metadata = valid(reportOf(participant)?.metadata);
  const terms: Array<[string, ReactNode]> = [
    ['MOS average', <Graded key="a" value={mos?.avg} level={mosLevel} />],
    [
      'MOS p50 / p75 / p90',
      <span key="p" className="inline-flex flex-wrap gap-2">
        <Graded value={mos?.p50} level={mosLevel} />
        <Graded value={mos?.p75} level={mosLevel} />
        <Graded value={mos?.p90} level={mosLevel} />
      </span>,
    ],
    [
      'Round trip average',
      <Graded
        key="r"
        value={valid(cumulative?.rtt)?.avg}
        unit=" ms"
        level={(n) => levelOf('rttMs', n)}
      />,
    ],
    [
      'Packet loss average',
      <Graded
        key="l"
        value={valid(cumulative?.packet_loss)?.avg}
        unit=" %"
        level={(n) => levelOf('lossPct', n)}
      />,
    ],
  ];
  return (
    <div className="mt-3">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1.5 text-sm sm:grid-cols-[auto_1fr]">
        {terms.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-slate-600 dark:text-slate-300">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <dt className="text-slate-600 dark:text-slate-300">Connection path</dt>
        <dd>
          {pair ? (
            <span className="inline-flex flex-wrap items-center gap-2">
              <Badge tone={pair.route === 'relay' ? 'warning' : 'success'}>{pair.label}</Badge>
              <span className="text-xs">
                local {pair.localType ?? '?'} ({pair.localProtocol ?? '?'}) → remote{' '}
                {pair.remoteType ?? '?'} ({pair.remoteProtocol ?? '?'})
              </span>
            </span>
          ) : (
            <span className="text-slate-500 dark:text-slate-400">no candidate pair sent</span>
          )}
        </dd>
      </dl>
      <ul className="mt-2 list-disc pl-5 text-sm" aria-label="Share of the call">
        {shares(cumulative).map((s) => (
          <li key={s.text}>{s.text}</li>
        ))}
      </ul>
      <PcMetadataList list={metadata?.pc_metadata} />
      {series.unreadable > 0 ? (
        <p className="mt-2 text-xs text-amber-800 dark:text-amber-200">
          {series.unreadable} unreadable sample value{series.unreadable === 1 ? '' : 's'} left as
          gaps.
        </p>
      ) : null}
      {points.length > 0 ? (
        <PeerReportFigure
          name={`Peer report ${shortId(peerId)}`}
          summary={`${points.length} audio samples${series.jitterInSeconds ? '; jitter was sent in seconds and is shown in ms' : ''}. Dashed lines mark where each reading turns degraded or poor.`}
        >
          <PeerReportChart
            name={`Peer report ${shortId(peerId)}`}
            points={points}
            panels={PANELS}
            highlight={highlight}
          />
        </PeerReportFigure>
      ) : (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          The report holds no audio samples to chart.
        </p>
      )}
    </div>
  );
}
