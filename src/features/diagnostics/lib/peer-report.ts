/**
 * Reads a peer report (RealtimeKit's API, docs/UPSTREAM.md) for the screen and the findings:
 * each producer and consumer list as aligned series, the cumulative shares in words, and the
 * ICE candidate pair. Pure; a missing or malformed value becomes a gap (NaN) and is counted,
 * never guessed.
 */
import { isInvalid, valid } from '../../../api/lenient';
import type {
  CandidatePair,
  Cumulative,
  PeerReport,
  PeerReportParticipant,
  QualitySample,
  ReportQuality,
} from '../../../api/peer-report-schema';
import { jitterUnit } from './jitter-unit';

/** The media a peer report samples, each as what the peer sent (producer) and received (consumer). */
export const REPORT_MEDIA = ['audio', 'video', 'screenshare_audio', 'screenshare_video'] as const;
export type ReportMedia = (typeof REPORT_MEDIA)[number];
export type ReportSide = 'producer' | 'consumer';
export type ReportListKey = `${ReportMedia}_${ReportSide}`;

export type ReportSeries = {
  readonly key: ReportListKey;
  readonly media: ReportMedia;
  readonly side: ReportSide;
  /** For a consumer: the remote peer whose media this is (consumer samples name it). */
  readonly remotePeerId: string | null;
  /** Sample times (ms), ascending. */
  readonly times: number[];
  readonly mos: number[];
  readonly rttMs: number[];
  readonly jitterMs: number[];
  /**
   * Packets lost in percent: of those sent (producer), of those that should have arrived
   * (consumer: received + lost); NaN when unreadable or absurd.
   */
  readonly lossPct: number[];
  readonly lost: number[];
  /** Packets sent (producer) or received (consumer). */
  readonly sent: number[];
  /** Video frames per second; NaN when not sent, or 0 (no frames: the camera was off). */
  readonly fps: number[];
  /**
   * The share (0..1) of the sample's time its sender was limited by the CPU: from
   * quality_limitation_durations when sent, else 1 or 0 from quality_limitation_reason; NaN
   * when neither was sent.
   */
  readonly cpu: number[];
  /** Jitter read as seconds (WebRTC's unit, lib/jitter-unit.ts) and shown in ms. */
  readonly jitterInSeconds: boolean;
  /** Samples with no readable time (left out) and malformed values (gaps). */
  readonly unreadable: number;
};

const num = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;

export function reportOf(participant: PeerReportParticipant): PeerReport | null {
  return valid(participant.peer_report) ?? null;
}

export function qualityOf(participant: PeerReportParticipant): ReportQuality | null {
  return valid(reportOf(participant)?.quality) ?? null;
}

type Row = { readonly at: number; readonly sample: QualitySample };

/** The four limitation durations a sample may carry (WebRTC's qualityLimitationDurations, seconds). */
function durationsOf(sample: QualitySample): { cpu: number; all: number } | null {
  const durations = valid(sample.quality_limitation_durations);
  if (!durations) return null;
  const seconds = (value: unknown) => num(valid(value)) || 0;
  const cpu = seconds(durations.cpu);
  const all =
    cpu + seconds(durations.none) + seconds(durations.bandwidth) + seconds(durations.other);
  return all > 0 ? { cpu, all } : null;
}

/**
 * Each sample's CPU-limited share. Durations are cumulative since the sender started: a
 * sample's own share is the growth since the one before (a drop means a new sender, whose
 * totals are its own).
 */
function cpuShares(rows: readonly Row[]): number[] {
  let previous: { cpu: number; all: number } | null = null;
  return rows.map(({ sample }) => {
    const durations = durationsOf(sample);
    const reason = valid(sample.quality_limitation_reason);
    if (!durations) {
      previous = null;
      return reason === undefined ? Number.NaN : reason === 'cpu' ? 1 : 0;
    }
    const grown: { cpu: number; all: number } =
      previous && durations.all >= previous.all && durations.cpu >= previous.cpu
        ? { cpu: durations.cpu - previous.cpu, all: durations.all - previous.all }
        : durations;
    previous = durations;
    return grown.all > 0 ? grown.cpu / grown.all : reason === 'cpu' ? 1 : 0;
  });
}

function seriesOf(
  key: ReportListKey,
  remotePeerId: string | null,
  rows: Row[],
  unreadable: number,
): ReportSeries {
  const [media, side] = splitKey(key);
  rows.sort((a, b) => a.at - b.at);
  const jitterRaw = rows.map((r) => num(r.sample.jitter));
  const jitterInSeconds = jitterUnit(jitterRaw).toMs === 1000;
  const lost = rows.map((r) => num(r.sample.packets_lost));
  const sent = rows.map((r) =>
    num(side === 'producer' ? r.sample.packets_sent : r.sample.packets_received),
  );
  return {
    key,
    media,
    side,
    remotePeerId,
    times: rows.map((r) => r.at),
    mos: rows.map((r) => num(r.sample.mos_quality)),
    rttMs: rows.map((r) => num(r.sample.rtt)),
    jitterMs: jitterRaw.map((j) => (jitterInSeconds ? j * 1000 : j)),
    lossPct: lost.map((l, i) => {
      const s = sent[i] ?? Number.NaN;
      const expected = side === 'producer' ? s : s + l;
      return l >= 0 && s >= 0 && expected > 0 && l <= expected ? (100 * l) / expected : Number.NaN;
    }),
    lost,
    sent,
    fps: rows.map((r) => num(r.sample.frames_per_second) || Number.NaN),
    cpu: cpuShares(rows),
    jitterInSeconds,
    unreadable,
  };
}

function splitKey(key: ReportListKey): [ReportMedia, ReportSide] {
  const side: ReportSide = key.endsWith('_producer') ? 'producer' : 'consumer';
  return [key.slice(0, key.lastIndexOf('_')) as ReportMedia, side];
}

/**
 * One list of a report as aligned series: one series for a producer (what the peer sent), one
 * per remote peer for a consumer (what it received from each). Empty when the list is absent.
 */
export function reportSeries(
  participant: PeerReportParticipant,
  key: ReportListKey,
): ReportSeries[] {
  // A report is read by the findings, the panels, the timeline and the verdict alike: each
  // list is grouped once per report (the cache's object, which a refresh replaces).
  const kept = seriesKept.get(participant) ?? new Map<ReportListKey, ReportSeries[]>();
  seriesKept.set(participant, kept);
  const found = kept.get(key);
  if (found) return found;
  const series = groupSeries(participant, key);
  kept.set(key, series);
  return series;
}

const seriesKept = new WeakMap<PeerReportParticipant, Map<ReportListKey, ReportSeries[]>>();

function groupSeries(participant: PeerReportParticipant, key: ReportListKey): ReportSeries[] {
  const list = valid(qualityOf(participant)?.[key]) ?? [];
  const consumer = key.endsWith('_consumer');
  const groups = new Map<string | null, { rows: Row[]; unreadable: number }>();
  for (const item of list) {
    const at = isInvalid(item) ? undefined : valid(item.timestamp)?.ms;
    const remote = consumer && !isInvalid(item) ? (valid(item.peer_id) ?? null) : null;
    const group = groups.get(remote) ?? { rows: [], unreadable: 0 };
    groups.set(remote, group);
    if (isInvalid(item) || at === undefined) {
      group.unreadable += 1;
      continue;
    }
    for (const value of Object.values(item)) if (isInvalid(value)) group.unreadable += 1;
    group.rows.push({ at, sample: item });
  }
  return [...groups].map(([remote, g]) => seriesOf(key, remote, g.rows, g.unreadable));
}

/** The audio producer's samples (what the participant sent) as aligned series. */
export function audioSeries(participant: PeerReportParticipant): ReportSeries {
  return reportSeries(participant, 'audio_producer')[0] ?? seriesOf('audio_producer', null, [], 0);
}

export type Share = {
  /** "12 % of the time with 5 % loss or more". */
  readonly text: string;
  readonly fraction: number;
  readonly metric: 'loss' | 'rtt';
  /** The bucket's lower limit: percent for loss, ms for RTT. */
  readonly limit: number;
};

const SHARE_KEYS = {
  loss: [
    ['5_or_greater_event_fraction', 5],
    ['10_or_greater_event_fraction', 10],
    ['25_or_greater_event_fraction', 25],
    ['50_or_greater_event_fraction', 50],
  ],
  rtt: [
    ['100ms_or_greater_event_fraction', 100],
    ['250ms_or_greater_event_fraction', 250],
    ['500ms_or_greater_event_fraction', 500],
  ],
} as const;

export const percentText = (fraction: number) =>
  `${(fraction * 100).toLocaleString('en', { maximumFractionDigits: fraction < 0.01 ? 1 : 0 })} %`;

/** The cumulative shares as sentences; a share outside 0..1 is left out (and flagged elsewhere). */
export function shares(cumulative: Cumulative | null | undefined): Share[] {
  if (!cumulative) return [];
  const found: Share[] = [];
  const loss = valid(cumulative.packet_loss);
  for (const [key, limit] of SHARE_KEYS.loss) {
    const fraction = valid(loss?.[key]);
    if (fraction === undefined || fraction < 0 || fraction > 1) continue;
    found.push({
      metric: 'loss',
      limit,
      fraction,
      text: `${percentText(fraction)} of the time with ${limit} % loss or more`,
    });
  }
  const rtt = valid(cumulative.rtt);
  for (const [key, limit] of SHARE_KEYS.rtt) {
    const fraction = valid(rtt?.[key]);
    if (fraction === undefined || fraction < 0 || fraction > 1) continue;
    found.push({
      metric: 'rtt',
      limit,
      fraction,
      text: `${percentText(fraction)} of the time with a round trip of ${limit} ms or more`,
    });
  }
  return found;
}

export type PairReading = {
  readonly route: 'relay' | 'direct';
  /** How media reached the relay or the server: udp, tcp, or tls (TURN over TLS is TCP too). */
  readonly transport: 'udp' | 'tcp' | 'tls' | null;
  /** "TURN over TCP", "Relay over UDP", "Direct, UDP". */
  readonly label: string;
  readonly localType: string | null;
  readonly remoteType: string | null;
  readonly localProtocol: string | null;
  readonly remoteProtocol: string | null;
};

function transportOf(pair: CandidatePair, relay: boolean): PairReading['transport'] {
  const url = valid(pair.local_candidate_url)?.toLowerCase() ?? '';
  if (relay && url.startsWith('turns:')) return 'tls';
  const fromUrl = /[?&]transport=(udp|tcp)\b/.exec(url)?.[1];
  if (relay && (fromUrl === 'udp' || fromUrl === 'tcp')) return fromUrl;
  const protocol = valid(pair.local_candidate_protocol)?.toLowerCase();
  return protocol === 'udp' || protocol === 'tcp' ? protocol : null;
}

/** The pair the producing transport used: the nominated one, else the last listed. */
export function candidatePairOf(participant: PeerReportParticipant): PairReading | null {
  const pairs = valid(
    valid(valid(reportOf(participant)?.metadata)?.candidate_pairs)?.producing_transport,
  );
  const readable = (pairs ?? []).filter((p): p is CandidatePair => !isInvalid(p));
  const pair = readable.find((p) => valid(p.nominated) === true) ?? readable.at(-1);
  if (!pair) return null;
  const localType = valid(pair.local_candidate_type) ?? null;
  const remoteType = valid(pair.remote_candidate_type) ?? null;
  const relay = localType === 'relay' || remoteType === 'relay';
  const transport = transportOf(pair, relay);
  const over =
    transport === 'tls' ? 'TLS (TCP)' : (transport?.toUpperCase() ?? 'an unknown protocol');
  return {
    route: relay ? 'relay' : 'direct',
    transport,
    label: relay
      ? transport === 'tcp' || transport === 'tls'
        ? `TURN over ${over}`
        : `Relay over ${over}`
      : `Direct, ${over}`,
    localType,
    remoteType,
    localProtocol: valid(pair.local_candidate_protocol) ?? null,
    remoteProtocol: valid(pair.remote_candidate_protocol) ?? null,
  };
}

export type ChartPoint = {
  readonly t: number;
  readonly mos: number | null;
  readonly rtt: number | null;
  readonly jitter: number | null;
  readonly loss: number | null;
};

const gap = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? null : v);

/** One point per sample for the chart; a gap (null) where a value was unreadable. */
export function chartPoints(series: ReportSeries): ChartPoint[] {
  return series.times.map((t, i) => ({
    t,
    mos: gap(series.mos[i]),
    rtt: gap(series.rttMs[i]),
    jitter: gap(series.jitterMs[i]),
    loss: gap(series.lossPct[i]),
  }));
}
