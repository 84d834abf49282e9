/**
 * Findings from in-call quality: sustained jitter and low quality scores (the persistence rule
 * of the persistence rule in sustained.ts), whole-call packet loss, counters that point to a reporting bug rather
 * than a network, and connections that joined but never sent media.
 */
import { isInvalid } from '../../../api/lenient';
import { formatCount, formatDurationMs, shortId } from '../../../lib/format';
import type { TimeWindow } from '../../../lib/time-window';
import {
  hasSamples,
  type Quality,
  type QualityContext,
  type QualityPeer,
  type Series,
} from './quality';
import { PERSISTENCE, type Sustained, sustainedWindows } from './sustained';
import { IMPLAUSIBLE_LOSS_PCT, type Level, levelOf, MOS, mosLevel, THRESHOLDS } from './thresholds';
import type { Verdict } from './verdicts';

/** A quality score is read as a mean opinion score: 1 (bad) to 5 (excellent), 0 for none. */
export const SCORE_RANGE = { min: 0, max: 5 } as const;

/** How a series is graded, when it is: jitter against the ms thresholds, scores as MOS. */
export function gradeOf(series: Pick<Series, 'key'>): ((value: number) => Level) | null {
  if (series.key === 'audioJitter' || series.key === 'videoJitter') {
    return (v) => levelOf('jitterMs', v);
  }
  if (series.key === 'audioScore' || series.key === 'videoScore') return mosLevel;
  return null;
}

const isScore = (s: Pick<Series, 'key'>) => s.key === 'audioScore' || s.key === 'videoScore';
const plausible = (s: Pick<Series, 'key'>, v: number) =>
  isScore(s) ? v >= SCORE_RANGE.min && v <= SCORE_RANGE.max : v >= 0;

export type ProblemWindows = {
  /** Stretches where the reading was not good (degraded or poor), persistently. */
  readonly bad: readonly Sustained[];
  /** Stretches where it was poor, persistently. */
  readonly poor: readonly Sustained[];
};

// The table, the charts and the verdicts all ask for the same series' stretches: found once.
const found = new WeakMap<Series, ProblemWindows>();

/** The persistent problem stretches of a graded series; empty for ungraded ones. */
export function problemWindows(series: Series): ProblemWindows {
  let windows = found.get(series);
  if (!windows) {
    windows = findProblemWindows(series);
    found.set(series, windows);
  }
  return windows;
}

function findProblemWindows(series: Series): ProblemWindows {
  const grade = gradeOf(series);
  if (!grade) return { bad: [], poor: [] };
  const higherIsWorse = !isScore(series);
  // Impossible readings are a reporting issue of their own, never a network problem; a score
  // of 0 means no score at all (nothing was being sent), not a bad one.
  const level = (v: number) =>
    plausible(series, v) && !(isScore(series) && v === 0) ? grade(v) : 'good';
  return {
    bad: sustainedWindows(series.times, series.values, (v) => level(v) !== 'good', higherIsWorse),
    poor: sustainedWindows(series.times, series.values, (v) => level(v) === 'poor', higherIsWorse),
  };
}

const longest = (windows: readonly Sustained[]) =>
  windows.reduce((a, b) => (b.endMs - b.startMs > a.endMs - a.startMs ? b : a));

const totalMs = (windows: readonly Sustained[]) =>
  windows.reduce((sum, w) => sum + (w.endMs - w.startMs), 0);

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

const window = (w: Sustained): TimeWindow => ({ startMs: w.startMs, endMs: w.endMs });

/** One peer's finding, before the same finding on several peers is merged into one verdict. */
type Finding = Omit<Verdict, 'title'> & {
  /** The title without the peer it concerns. */
  readonly headline: string;
  /** How bad within its severity (time affected, loss), to pick the worst peer. */
  readonly weight: number;
};

function sustainedFinding(peer: QualityPeer, series: Series): Finding | null {
  const { bad, poor } = problemWindows(series);
  const windows = poor.length > 0 ? poor : bad;
  if (windows.length === 0) return null;
  const severity = poor.length > 0 ? 'poor' : 'degraded';
  const span = formatDurationMs(totalMs(windows));
  const media = series.kind;
  const stretches = windows.length === 1 ? '' : ` in ${formatCount(windows.length)} stretches`;
  if (isScore(series)) {
    const limit = severity === 'poor' ? MOS.poor : MOS.fair;
    const worst = Math.min(...windows.map((w) => w.worst));
    return {
      id: `quality-${series.key}`,
      severity,
      headline: `${series.label} below ${limit} for ${span}${stretches}, lowest ${round(worst, 2)}`,
      weight: totalMs(windows),
      explanation: `The participant's ${media} was rated ${severity} (quality score below ${limit} of 5) for ${span} of the call, so they were likely hard to ${media === 'audio' ? 'hear' : 'see'}; this follows the network conditions on their side.`,
      metric: `${media} quality score`,
      threshold: `${MOS.source}; ${PERSISTENCE.source}`,
      window: window(longest(windows)),
      peerId: peer.peerId ?? undefined,
    };
  }
  const limit = severity === 'poor' ? THRESHOLDS.jitterMs.poor : THRESHOLDS.jitterMs.degraded;
  const worst = Math.max(...windows.map((w) => w.worst));
  return {
    id: `quality-${series.key}`,
    severity,
    headline: `${series.label} ${severity === 'poor' ? 'above' : 'at or above'} ${limit} ms for ${span}${stretches}, peak ${round(worst)} ms`,
    weight: totalMs(windows),
    explanation: `The participant's ${media} arrived unevenly (jitter ${severity === 'poor' ? 'above' : 'at or above'} ${limit} ms) for ${span} of the call, which makes ${media === 'audio' ? 'speech choppy or robotic' : 'video stutter'}; this points to their network, not the service.`,
    metric: `${media} jitter`,
    threshold: `${THRESHOLDS.jitterMs.source}; ${PERSISTENCE.source}`,
    window: window(longest(windows)),
    peerId: peer.peerId ?? undefined,
  };
}

function lossFinding(peer: QualityPeer, media: 'audio' | 'video'): Finding | null {
  const value = peer.figures[`${media}_packet_loss`];
  if (value === undefined || isInvalid(value)) return null;
  const id = `quality-${media}-loss`;
  if (value < 0 || value > IMPLAUSIBLE_LOSS_PCT) {
    return {
      id,
      severity: 'info',
      headline: `${media === 'audio' ? 'Audio' : 'Video'} packet loss reported as ${value} %`,
      weight: Math.abs(value),
      explanation: `The recorded ${media} packet loss of ${value} % is not a believable network figure, so it is likely a reporting issue rather than a problem with the participant's connection.`,
      metric: `${media} packet loss`,
      threshold: `a loss below 0 % or above ${IMPLAUSIBLE_LOSS_PCT} % is treated as a reporting bug, not a network (rtcStats)`,
      peerId: peer.peerId ?? undefined,
    };
  }
  const level = levelOf('lossPct', value);
  if (level === 'good') return null;
  return {
    id,
    severity: level,
    headline: `${media === 'audio' ? 'Audio' : 'Video'} packet loss ${round(value, 2)} % over the call`,
    weight: value,
    explanation: `About ${round(value)} in every 100 ${media} packets from the participant's connection were lost over the call, enough to make ${media === 'audio' ? 'their voice break up' : 'their video freeze or blur'}; this points to their network, not the service.`,
    metric: `${media} packet loss`,
    threshold: THRESHOLDS.lossPct.source,
    peerId: peer.peerId ?? undefined,
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
    headline: `${series.label} reported as ${odd}${series.unit && series.unit !== 'p' ? ` ${series.unit}` : ''}`,
    weight: Math.abs(odd),
    explanation: `Some ${series.label.toLowerCase()} readings (such as ${odd}) are impossible values, so this is likely a reporting issue rather than a problem with the participant's connection.`,
    metric: series.label.toLowerCase(),
    threshold: isScore(series)
      ? `a quality score outside ${SCORE_RANGE.min}–${SCORE_RANGE.max} is treated as a reporting bug`
      : 'a negative counter is treated as a reporting bug',
    peerId: peer.peerId ?? undefined,
  };
}

function silentVerdict(quality: Extract<Quality, { kind: 'peers' }>, context: QualityContext) {
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
    peerId: one ? only : undefined,
  } satisfies Verdict;
}

const RANK: Record<Verdict['severity'], number> = { poor: 0, degraded: 1, info: 2 };

/** The same finding on several peers is one verdict: the worst peer's, with how many share it. */
function merge(findings: readonly Finding[], peersWithMedia: number): Verdict {
  const [worst] = [...findings].sort(
    (a, b) => RANK[a.severity] - RANK[b.severity] || b.weight - a.weight,
  );
  if (!worst) throw new Error('merge needs a finding');
  const { headline, weight: _weight, ...rest } = worst;
  const peer = worst.peerId ? `peer ${shortId(worst.peerId)}` : 'a peer with no id';
  const who =
    findings.length === 1
      ? ` (${peer})`
      : ` (${formatCount(findings.length)} of ${formatCount(peersWithMedia)} peers; worst: ${peer})`;
  return { ...rest, title: `${headline}${who}` };
}

export function qualityVerdicts(quality: Quality, context: QualityContext): Verdict[] {
  if (quality.kind !== 'peers') return [];
  const byId = new Map<string, Finding[]>();
  const add = (finding: Finding | null) => {
    if (finding) byId.set(finding.id, [...(byId.get(finding.id) ?? []), finding]);
  };
  for (const peer of quality.peers) {
    for (const series of peer.series) {
      add(sustainedFinding(peer, series));
      add(counterFinding(peer, series));
    }
    add(lossFinding(peer, 'audio'));
    add(lossFinding(peer, 'video'));
  }
  const peersWithMedia = quality.peers.filter(hasSamples).length;
  const found = [...byId.values()].map((findings) => merge(findings, peersWithMedia));
  const silent = silentVerdict(quality, context);
  if (silent) found.push(silent);
  return found.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}
