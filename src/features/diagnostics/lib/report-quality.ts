/**
 * A loaded peer report as the Quality panel shows a connection: its series named by which way
 * they went ("Audio jitter (sent)", "Audio jitter (from peer 1a2b…)"), graded by the same rules
 * as quality_stats, and the report's whole-call averages. For deployments that no longer send
 * quality_stats (docs/UPSTREAM.md), this is where the call's quality is.
 */
import { valid } from '../../../api/lenient';
import type { PeerReportParticipant } from '../../../api/peer-report-schema';
import { shortId } from '../../../lib/format';
import { qualityOf, type ReportListKey, type ReportSeries, reportSeries } from './peer-report';
import type { MediaKind, QualityPeer, Series, SeriesKey } from './quality';
import { seriesStats } from './quality';

type Measure = {
  readonly key: (kind: MediaKind) => SeriesKey;
  readonly what: string;
  readonly unit: string;
  readonly values: (s: ReportSeries) => readonly number[];
};

const MEASURES: readonly Measure[] = [
  {
    key: (k) => (k === 'audio' ? 'audioRtt' : 'videoRtt'),
    what: 'round trip',
    unit: 'ms',
    values: (s) => s.rttMs,
  },
  {
    key: (k) => (k === 'audio' ? 'audioJitter' : 'videoJitter'),
    what: 'jitter',
    unit: 'ms',
    values: (s) => s.jitterMs,
  },
  {
    key: (k) => (k === 'audio' ? 'audioScore' : 'videoScore'),
    what: 'MOS',
    unit: '',
    values: (s) => s.mos,
  },
  {
    key: (k) => (k === 'audio' ? 'audioLost' : 'videoLost'),
    what: 'packets lost',
    unit: 'packets',
    values: (s) => s.lost,
  },
  { key: () => 'videoFps', what: 'frame rate', unit: 'fps', values: (s) => s.fps },
];

const LISTS: ReadonlyArray<readonly [ReportListKey, MediaKind]> = [
  ['audio_producer', 'audio'],
  ['video_producer', 'video'],
  ['audio_consumer', 'audio'],
  ['video_consumer', 'video'],
];

const KIND_NAME = { audio: 'Audio', video: 'Video' } as const;

function seriesOf(list: ReportListKey, kind: MediaKind, s: ReportSeries): Series[] {
  const way = s.side === 'producer' ? 'sent' : `from peer ${shortId(s.remotePeerId ?? '')}`;
  const times = Float64Array.from(s.times);
  return MEASURES.flatMap((m) => {
    if (m.what === 'frame rate' && kind !== 'video') return [];
    const values = Float64Array.from(m.values(s));
    const stats = seriesStats(values);
    if (!stats) return [];
    return [
      {
        key: m.key(kind),
        kind,
        label: `${KIND_NAME[kind]} ${m.what} (${way})`,
        unit: m.unit,
        times,
        values,
        stats,
        unreadable: null,
        source: list,
        note: m.what === 'jitter' && s.jitterInSeconds ? 'sent in seconds, shown in ms' : undefined,
      },
    ];
  });
}

export function reportQualityPeer(participant: PeerReportParticipant, peerId: string): QualityPeer {
  const series = LISTS.flatMap(([list, kind]) =>
    reportSeries(participant, list).flatMap((s) => seriesOf(list, kind, s)),
  );
  const count = (kind: MediaKind) =>
    LISTS.filter(([, k]) => k === kind).reduce(
      (n, [list]) => n + reportSeries(participant, list).reduce((m, s) => m + s.times.length, 0),
      0,
    );
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
    series,
  };
}
