/**
 * What the older `quality_stats` say (filters=quality_stats; docs/UPSTREAM.md): sustained
 * jitter and low quality scores (the persistence rule in sustained.ts) and each connection's
 * packet loss, as symptoms of an unknown direction (these stats do not tell what was sent from
 * what was received); counters that point to a reporting bug, and connections that joined but
 * never sent media, as whole-call findings.
 */
import { isInvalid } from '../../../api/lenient';
import { formatCount, shortId } from '../../../lib/format';
import { perObject } from '../../../lib/per-object';
import type { TimeWindow } from '../../../lib/time-window';
import type { Finding } from './finding';
import {
  hasSamples,
  type Quality,
  type QualityContext,
  type QualityPeer,
  type Series,
} from './quality';
import { figureOf, type GradedWindow, gradedWindows, type Symptom } from './symptom';
import { IMPLAUSIBLE_LOSS_PCT, type Level, levelOf, MOS, mosLevel, THRESHOLDS } from './thresholds';

/** A quality score is read as a mean opinion score: 1 (bad) to 5 (excellent), 0 for none. */
export const SCORE_RANGE = { min: 0, max: 5 } as const;

/** How a series is graded, when it is: jitter against the ms thresholds, scores as MOS. */
export function gradeOf(series: Pick<Series, 'key'>): ((value: number) => Level) | null {
  if (series.key === 'audioJitter' || series.key === 'videoJitter') {
    return (v) => levelOf('jitterMs', v);
  }
  if (series.key === 'audioRtt' || series.key === 'videoRtt') return (v) => levelOf('rttMs', v);
  if (series.key === 'audioScore' || series.key === 'videoScore') return mosLevel;
  return null;
}

const isScore = (s: Pick<Series, 'key'>) => s.key === 'audioScore' || s.key === 'videoScore';
const plausible = (s: Pick<Series, 'key'>, v: number) =>
  isScore(s) ? v >= SCORE_RANGE.min && v <= SCORE_RANGE.max : v >= 0;

/**
 * The persistent problem stretches of a graded series, each degraded or poor; empty for ungraded
 * ones. The table, the charts and the rules all ask for the same series' stretches: found once.
 */
export const problemWindows = perObject((series: Series): readonly GradedWindow[] => {
  const grade = gradeOf(series);
  // Impossible readings are a reporting issue of their own, never a network problem; a score
  // of 0 means no score at all (nothing was being sent), not a bad one.
  const level = (v: number): Level =>
    grade && plausible(series, v) && !(isScore(series) && v === 0) ? grade(v) : 'good';
  return grade ? gradedWindows(series.times, series.values, level, !isScore(series)) : [];
});

/** The worst level that persisted in a series: what its badge says, as the rules do. */
export function sustainedLevel(series: Series): Level {
  const windows = problemWindows(series);
  if (windows.some((w) => w.severity === 'poor')) return 'poor';
  return windows.length > 0 ? 'degraded' : 'good';
}

function seriesSymptoms(peer: QualityPeer, series: Series): Symptom[] {
  if (!peer.peerId) return [];
  const peerId = peer.peerId;
  const score = isScore(series);
  return problemWindows(series).map((w) => ({
    severity: w.severity,
    cause: 'network',
    direction: 'unknown',
    window: { startMs: w.startMs, endMs: w.endMs },
    figure: score
      ? figureOf(`${series.kind} MOS`, w.worst, '', { higherIsWorse: false, digits: 1 })
      : figureOf(`${series.kind} jitter`, w.worst, ' ms', { higherIsWorse: true }),
    threshold: score ? MOS.source : THRESHOLDS.jitterMs.source,
    peerId,
    focus: { peerId, series: series.key },
  }));
}

/** From the first sample to the last: the connection a whole-call figure covers. */
function sampledWindow(peer: QualityPeer): TimeWindow | null {
  let startMs = Number.POSITIVE_INFINITY;
  let endMs = Number.NEGATIVE_INFINITY;
  for (const s of peer.series) {
    startMs = Math.min(startMs, s.times[0] ?? startMs);
    endMs = Math.max(endMs, s.times[s.times.length - 1] ?? endMs);
  }
  return startMs <= endMs ? { startMs, endMs } : null;
}

const MEDIA_WORD = { audio: 'Audio', video: 'Video' } as const;

/** A connection's loss over the call: a symptom over its samples, or a reporting bug. */
function lossRule(peer: QualityPeer, media: 'audio' | 'video'): Symptom | Finding | null {
  const value = peer.figures[`${media}_packet_loss`];
  if (value === undefined || isInvalid(value)) return null;
  if (value < 0 || value > IMPLAUSIBLE_LOSS_PCT) {
    return {
      id: `quality-${media}-loss`,
      severity: 'info',
      title: `${MEDIA_WORD[media]} packet loss reported as ${value} %`,
      explanation: `The recorded ${media} packet loss of ${value} % is not a believable network figure, so it is likely a reporting issue rather than a problem with the participant's connection.`,
      metric: `${media} packet loss`,
      threshold: `a loss below 0 % or above ${IMPLAUSIBLE_LOSS_PCT} % is treated as a reporting bug, not a network (rtcStats)`,
      peerId: peer.peerId ?? undefined,
    };
  }
  const level = levelOf('lossPct', value);
  const window = sampledWindow(peer);
  if (level === 'good' || !window || !peer.peerId) return null;
  return {
    severity: level,
    cause: 'network',
    direction: 'unknown',
    window,
    figure: {
      key: `${media} loss`,
      text: `${media} loss ${value.toLocaleString('en', { maximumFractionDigits: 1 })} % over the connection`,
      badness: value,
    },
    threshold: THRESHOLDS.lossPct.source,
    peerId: peer.peerId,
    focus: null,
  };
}

function counterFinding(peer: QualityPeer, series: Series): Finding | null {
  if (!series.stats) return null;
  const { min, max } = series.stats;
  const odd =
    plausible(series, min) && plausible(series, max) ? null : plausible(series, min) ? max : min;
  if (odd === null) return null;
  return {
    id: `quality-counter-${series.key}`,
    severity: 'info',
    title: `${series.label} reported as ${odd}${series.unit && series.unit !== 'p' ? ` ${series.unit}` : ''}`,
    explanation: `Some ${series.label.toLowerCase()} readings (such as ${odd}) are impossible values, so this is likely a reporting issue rather than a problem with the participant's connection.`,
    metric: series.label.toLowerCase(),
    threshold: isScore(series)
      ? `a quality score outside ${SCORE_RANGE.min}–${SCORE_RANGE.max} is treated as a reporting bug`
      : 'a negative counter is treated as a reporting bug',
    peerId: peer.peerId ?? undefined,
  };
}

function silentFinding(
  quality: Extract<Quality, { kind: 'peers' }>,
  context: QualityContext,
): Finding | null {
  if (context.viewer) return null;
  const sent = new Set(quality.peers.filter(hasSamples).map((p) => p.peerId));
  const silent = new Set<string>();
  for (const peer of quality.peers) if (!hasSamples(peer) && peer.peerId) silent.add(peer.peerId);
  for (const id of context.joinedPeerIds ?? []) if (!sent.has(id)) silent.add(id);
  if (silent.size === 0) return null;
  const [only] = silent;
  const one = silent.size === 1 && only !== undefined;
  return {
    id: 'quality-never-sent-media',
    severity: 'degraded',
    title: one
      ? `Peer ${shortId(only)} joined but sent no audio or video`
      : `${formatCount(silent.size)} peers joined but sent no audio or video`,
    explanation: `${one ? 'One of the participant’s connections' : 'Some of the participant’s connections'} joined the call but never sent audio or video, which usually means the camera and microphone were blocked, denied permission or in use by another app.`,
    metric: 'media sent',
    threshold: 'a joined peer with no quality samples (webinar and livestream viewers excepted)',
  };
}

export type QualityRules = {
  readonly symptoms: readonly Symptom[];
  readonly findings: readonly Finding[];
  /** Whether any connection sent samples: only then does the call's quality say anything. */
  readonly known: boolean;
};

export function qualityRules(quality: Quality, context: QualityContext): QualityRules {
  if (quality.kind !== 'peers') return { symptoms: [], findings: [], known: false };
  const symptoms: Symptom[] = [];
  const findings: Finding[] = [];
  for (const peer of quality.peers) {
    for (const series of peer.series) {
      symptoms.push(...seriesSymptoms(peer, series));
      const counter = counterFinding(peer, series);
      if (counter) findings.push(counter);
    }
    for (const media of ['audio', 'video'] as const) {
      const loss = lossRule(peer, media);
      if (loss && 'cause' in loss) symptoms.push(loss);
      else if (loss) findings.push(loss);
    }
  }
  const silent = silentFinding(quality, context);
  if (silent) findings.push(silent);
  return { symptoms, findings, known: quality.peers.some(hasSamples) };
}
