/**
 * Symptoms that overlap in time and share a cause become one incident: its start and end, its
 * worst severity, which way it hurt, and the worst figure of each kind behind it. Linear after
 * one sort per cause.
 */
import { shortId } from '../../../lib/format';
import { type Cause, type Direction, type Incident, SEVERITY_RANK } from './finding';
import { PERSISTENCE } from './sustained';
import type { Figure, Symptom } from './symptom';

/**
 * Symptoms of one cause closer than this are one incident: a reconnect or a short good spell
 * inside a bad stretch does not split it in two.
 */
export const MERGE_GAP_MS = 2 * 60_000;

/** How many figures an incident names; the rest are the same story told again. */
const FIGURES_SHOWN = 4;

/** Which way a network incident hurt, from the directions of its symptoms. */
export function directionOf(symptoms: readonly Symptom[]): Direction {
  const has = (d: Direction) => symptoms.some((s) => s.direction === d);
  if (has('remote')) return 'remote';
  if (has('uplink') && has('downlink')) return 'both';
  if (has('uplink')) return 'uplink';
  if (has('downlink')) return 'downlink';
  return has('device') ? 'device' : 'unknown';
}

/** What they received came from one sender, the only one then: whose side it was is unknown. */
function oneSenderOnly(symptoms: readonly Symptom[]): boolean {
  const from = new Set(symptoms.map((s) => s.remote?.peerId ?? null));
  return from.size === 1 && symptoms.every((s) => s.remote?.senders === 1);
}

const WORD = { poor: 'Poor', degraded: 'Degraded' } as const;

function words(
  direction: Direction,
  severity: Incident['severity'],
  remote: string | null,
  oneSender: boolean,
): { headline: string; explanation: string } {
  const level = WORD[severity];
  if (direction === 'downlink' && oneSender) {
    return {
      headline: `${level} media received from the one other sender (peer ${shortId(remote ?? '')})`,
      explanation:
        'They would have struggled to hear or see the one participant sending at the time; with no other sender to compare, it is not known whether the problem was on their side or that participant’s.',
    };
  }
  switch (direction) {
    case 'uplink':
      return {
        headline: `${level} network on their side: what they sent`,
        explanation:
          'Others would have struggled to hear or see them: what they sent was damaged on its way out, which points to their network or connection.',
      };
    case 'downlink':
      return {
        headline: `${level} network on their side: what they received`,
        explanation:
          'They would have struggled to hear or see others: what reached them was damaged whoever sent it, which points to their network or connection.',
      };
    case 'both':
      return {
        headline: `${level} network on their side, both ways`,
        explanation:
          'Others would have struggled to hear or see them, and they to hear or see others: their network or connection was the problem in both directions.',
      };
    case 'remote':
      return {
        headline: `${level} media from one other participant (peer ${shortId(remote ?? '')})`,
        explanation:
          'They would have struggled to hear or see one other participant while media from everyone else reached them fine, so the problem was on that participant’s side, not theirs.',
      };
    case 'device':
      return {
        headline: `${level} video from their device`,
        explanation:
          'Others would have seen their video stutter: their computer or phone could not keep up (its processor held the video back, or its frame rate fell while the network was fine), so the device, not the network, was the cause.',
      };
    default:
      return {
        headline: `${level} call quality, direction unknown`,
        explanation:
          'Their call quality dropped; the quality stats sent for this call do not tell what they sent from what they received, so it is not known which way it hurt.',
      };
  }
}

/** The worst figure of each kind, worst symptoms' figures first. */
function figuresOf(symptoms: readonly Symptom[]): string[] {
  const best = new Map<string, { figure: Figure; rank: number }>();
  for (const s of symptoms) {
    const rank = SEVERITY_RANK[s.severity];
    const kept = best.get(s.figure.key);
    if (
      !kept ||
      rank < kept.rank ||
      (rank === kept.rank && s.figure.badness > kept.figure.badness)
    ) {
      best.set(s.figure.key, { figure: s.figure, rank });
    }
  }
  // A figure whose direction is known says more than the same one from quality_stats.
  const sided = (key: string) => best.has(`${key} (sent)`) || best.has(`${key} (received)`);
  return [...best.values()]
    .filter((f) => !sided(f.figure.key))
    .sort((a, b) => a.rank - b.rank)
    .slice(0, FIGURES_SHOWN)
    .map((f) => f.figure.text);
}

const span = (s: Symptom) => s.window.endMs - s.window.startMs;

function incidentOf(cause: Cause, group: readonly Symptom[]): Incident {
  const worst = group.reduce((a, b) =>
    SEVERITY_RANK[b.severity] < SEVERITY_RANK[a.severity] ||
    (SEVERITY_RANK[b.severity] === SEVERITY_RANK[a.severity] && span(b) > span(a))
      ? b
      : a,
  );
  const direction = cause === 'device' ? 'device' : directionOf(group);
  const remote = group.find((s) => s.remote)?.remote?.peerId ?? null;
  let startMs = Number.POSITIVE_INFINITY;
  let endMs = Number.NEGATIVE_INFINITY;
  for (const s of group) {
    startMs = Math.min(startMs, s.window.startMs);
    endMs = Math.max(endMs, s.window.endMs);
  }
  return {
    id: `${cause}-${direction}-${startMs}`,
    severity: worst.severity,
    cause,
    direction,
    window: { startMs, endMs },
    ...words(direction, worst.severity, remote, oneSenderOnly(group)),
    figures: figuresOf(group),
    thresholds: [...new Set(group.map((s) => s.threshold)), PERSISTENCE.source],
    focus: worst.focus,
    peerIds: [...new Set(group.flatMap((s) => (s.peerId ? [s.peerId] : [])))],
    merged: group.length,
    ...(remote !== null && (direction === 'remote' || oneSenderOnly(group))
      ? { sender: remote }
      : {}),
  };
}

/**
 * Symptoms that can be one incident: the same cause; another participant's side only with the
 * same sender's.
 */
const kindOf = (s: Symptom) =>
  s.direction === 'remote' ? `remote ${s.remote?.peerId ?? ''}` : s.cause;

/** Incidents in time order, per kind. */
export function incidentsOf(symptoms: readonly Symptom[]): Incident[] {
  const incidents: Incident[] = [];
  const kinds = new Map<string, Symptom[]>();
  for (const s of symptoms) {
    const same = kinds.get(kindOf(s));
    if (same) same.push(s);
    else kinds.set(kindOf(s), [s]);
  }
  for (const same of kinds.values()) {
    const cause = same[0]?.cause ?? 'network';
    const mine = [...same].sort((a, b) => a.window.startMs - b.window.startMs);
    let group: Symptom[] = [];
    let end = Number.NEGATIVE_INFINITY;
    for (const s of mine) {
      if (group.length > 0 && s.window.startMs > end + MERGE_GAP_MS) {
        incidents.push(incidentOf(cause, group));
        group = [];
      }
      group.push(s);
      end = group.length === 1 ? s.window.endMs : Math.max(end, s.window.endMs);
    }
    if (group.length > 0) incidents.push(incidentOf(cause, group));
  }
  return incidents;
}
