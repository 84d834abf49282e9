import { type Invalid, isInvalid } from '../../api/lenient';
import { Badge, type BadgeTone } from '../../components/ui/badge';
import { InvalidValue } from '../../components/ui/invalid-value';
import type { FigureKey, QualityPeer } from './lib/quality';
import {
  IMPLAUSIBLE_LOSS_PCT,
  type Level,
  levelOf,
  MOS,
  mosLevel,
  THRESHOLDS,
} from './lib/thresholds';

const TONE: Record<Level, BadgeTone> = { good: 'success', degraded: 'warning', poor: 'danger' };

type Row = {
  key: FigureKey;
  label: string;
  show: (n: number) => string;
  grade?: (n: number) => { level: Level; source: string } | { odd: string };
  note: string;
};

const loss = (n: number) =>
  n < 0 || n > IMPLAUSIBLE_LOSS_PCT
    ? { odd: 'not a believable figure: likely a reporting issue' }
    : { level: levelOf('lossPct', n), source: THRESHOLDS.lossPct.source };

const ROWS: readonly Row[] = [
  {
    key: 'average_quality',
    label: 'Average quality',
    show: (n) => n.toFixed(2),
    grade: (n) => ({ level: mosLevel(n), source: MOS.source }),
    note: 'read as a 1–5 score (MOS)',
  },
  {
    key: 'audio_packet_loss',
    label: 'Audio packet loss',
    show: (n) => `${n} %`,
    grade: loss,
    note: 'read as percent',
  },
  {
    key: 'video_packet_loss',
    label: 'Video packet loss',
    show: (n) => `${n} %`,
    grade: loss,
    note: 'read as percent',
  },
  {
    key: 'audio_bandwidth',
    label: 'Audio bandwidth',
    show: (n) => `${n.toLocaleString('en')} kbps`,
    note: 'unit not documented; read as kbps',
  },
  {
    key: 'video_bandwidth',
    label: 'Video bandwidth',
    show: (n) => `${n.toLocaleString('en')} kbps`,
    note: 'unit not documented; read as kbps',
  },
];

function Figure({ row, value }: { row: Row; value: number | Invalid }) {
  if (isInvalid(value)) return <InvalidValue raw={value.raw} reason={value.reason} />;
  const g = row.grade?.(value);
  return (
    <>
      <span className="tabular-nums">{row.show(value)}</span>
      {g && 'level' in g ? (
        <Badge tone={TONE[g.level]} title={g.source}>
          {g.level}
        </Badge>
      ) : null}
      {g && 'odd' in g ? <Badge tone="info">{g.odd}</Badge> : null}
      <span className="text-xs text-slate-600 dark:text-slate-400">({row.note})</span>
    </>
  );
}

export type QualityFiguresProps = { peer: QualityPeer };

/** The whole-call figures of one peer, graded where a threshold exists. */
export function QualityFigures({ peer }: QualityFiguresProps) {
  const rows = ROWS.filter((r) => peer.figures[r.key] !== undefined);
  if (rows.length === 0) {
    return (
      <p className="text-sm text-slate-700 dark:text-slate-300">
        No whole-call figures were sent for this peer.
      </p>
    );
  }
  return (
    <dl aria-label="Whole call">
      {rows.map((row) => {
        const value = peer.figures[row.key];
        return value === undefined ? null : (
          <div
            key={row.key}
            className="grid grid-cols-[7rem_minmax(0,1fr)] gap-2 border-t border-slate-100 py-1.5 first:border-0 sm:grid-cols-[12rem_minmax(0,1fr)] dark:border-slate-800"
          >
            <dt className="text-sm text-slate-600 dark:text-slate-400">{row.label}</dt>
            <dd className="flex flex-wrap items-center gap-2 text-sm wrap-anywhere">
              <Figure row={row} value={value} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
