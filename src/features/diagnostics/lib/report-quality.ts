/**
 * A loaded peer report as the Quality panel shows a connection: what it sent, and what it
 * received as the worst sender's reading at each sample ("Audio jitter (received, worst
 * sender)"), graded by the same rules as quality_stats, and the report's whole-call averages.
 * Which sender was to blame is the findings engine's to say; the panel shows the evidence. For
 * deployments that no longer send quality_stats (docs/UPSTREAM.md), this is where the call's
 * quality is.
 */
import { valid } from '../../../api/lenient';
import type { PeerReportParticipant } from '../../../api/peer-report-schema';
import { qualityOf, type ReportListKey, type ReportSeries, reportSeries } from './peer-report';
import {
  type MediaKind,
  type QualityPeer,
  type Series,
  type SeriesKey,
  seriesStats,
} from './quality';

type Measure = {
  readonly key: (kind: MediaKind) => SeriesKey;
  readonly what: string;
  readonly unit: string;
  readonly values: (s: ReportSeries) => readonly number[];
  /** Which of two readings is worse, to keep the worst sender's. */
  readonly higherIsWorse: boolean;
};

const MEASURES: readonly Measure[] = [
  {
    key: (k) => (k === 'audio' ? 'audioRtt' : 'videoRtt'),
    what: 'round trip',
    unit: 'ms',
    values: (s) => s.rttMs,
    higherIsWorse: true,
  },
  {
    key: (k) => (k === 'audio' ? 'audioJitter' : 'videoJitter'),
    what: 'jitter',
    unit: 'ms',
    values: (s) => s.jitterMs,
    higherIsWorse: true,
  },
  {
    key: (k) => (k === 'audio' ? 'audioScore' : 'videoScore'),
    what: 'MOS',
    unit: '',
    values: (s) => s.mos,
    higherIsWorse: false,
  },
  {
    key: (k) => (k === 'audio' ? 'audioLost' : 'videoLost'),
    what: 'packets lost',
    unit: 'packets',
    values: (s) => s.lost,
    higherIsWorse: true,
  },
  {
    key: () => 'videoFps',
    what: 'frame rate',
    unit: 'fps',
    values: (s) => s.fps,
    higherIsWorse: false,
  },
];

const LISTS: ReadonlyArray<readonly [ReportListKey, MediaKind]> = [
  ['audio_producer', 'audio'],
  ['video_producer', 'video'],
  ['audio_consumer', 'audio'],
  ['video_consumer', 'video'],
];

const KIND_NAME = { audio: 'Audio', video: 'Video' } as const;

/** Several senders' readings as one series: at each sample time, the worst of them. */
function worstOf(
  all: readonly ReportSeries[],
  m: Measure,
): { times: Float64Array; values: Float64Array } {
  const worst = new Map<number, number>();
  for (const s of all) {
    const values = m.values(s);
    s.times.forEach((t, i) => {
      const v = values[i] ?? Number.NaN;
      if (Number.isNaN(v)) return;
      const kept = worst.get(t);
      if (kept === undefined || (m.higherIsWorse ? v > kept : v < kept)) worst.set(t, v);
    });
  }
  const times = Float64Array.from(worst.keys()).sort();
  return { times, values: times.map((t) => worst.get(t) ?? Number.NaN) };
}

function seriesOf(list: ReportListKey, kind: MediaKind, all: readonly ReportSeries[]): Series[] {
  const received = list.endsWith('_consumer');
  const seconds = all.some((s) => s.jitterInSeconds);
  return MEASURES.flatMap((m) => {
    if (m.what === 'frame rate' && kind !== 'video') return [];
    const { times, values } = worstOf(all, m);
    const stats = seriesStats(values);
    if (!stats) return [];
    return [
      {
        key: m.key(kind),
        kind,
        label: `${KIND_NAME[kind]} ${m.what} (${received ? 'received, worst sender' : 'sent'})`,
        unit: m.unit,
        times,
        values,
        stats,
        unreadable: null,
        source: list,
        note: m.what === 'jitter' && seconds ? 'sent in seconds, shown in ms' : undefined,
      },
    ];
  });
}

export function reportQualityPeer(participant: PeerReportParticipant, peerId: string): QualityPeer {
  const lists = LISTS.map(([list, kind]) => ({ list, kind, all: reportSeries(participant, list) }));
  const count = (kind: MediaKind) =>
    lists
      .filter((l) => l.kind === kind)
      .reduce((n, l) => n + l.all.reduce((m, s) => m + s.times.length, 0), 0);
  const cumulative = valid(qualityOf(participant)?.audio_producer_cumulative);
  return {
    peerId,
    figures: {
      average_quality: valid(valid(cumulative?.quality_mos)?.avg),
      audio_packet_loss: valid(valid(cumulative?.packet_loss)?.avg),
      video_packet_loss: undefined,
      audio_bandwidth: undefined,
      video_bandwidth: undefined,
    },
    sampleCount: { audio: count('audio'), video: count('video') },
    unplaced: { audio: null, video: null },
    listProblems: [],
    series: lists.flatMap((l) => seriesOf(l.list, l.kind, l.all)),
  };
}
