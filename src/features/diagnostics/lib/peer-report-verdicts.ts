/**
 * What a peer report says about one connection, as Health-strip verdicts: sustained high RTT,
 * low MOS and packet loss (the persistence rule in sustained.ts), TURN over TCP, and counters that can
 * only be a reporting bug. Whole-call shares stand in when there are no samples to read.
 */
import { valid } from '../../../api/lenient';
import type { PeerReportParticipant } from '../../../api/peer-report-schema';
import { formatDurationMs, shortId } from '../../../lib/format';
import {
  audioSeries,
  candidatePairOf,
  percentText,
  qualityOf,
  type ReportSeries,
} from './peer-report';
import { type Sustained, sustainedWindows } from './sustained';
import { IMPLAUSIBLE_LOSS_PCT, type Level, levelOf, MOS, mosLevel, THRESHOLDS } from './thresholds';
import type { Verdict } from './verdicts';

/** A whole-call share at or above this counts: a quarter of the call is no passing spike. */
export const WHOLE_CALL_SHARE = 0.25;

type Finding = { level: Exclude<Level, 'good'>; window: Sustained; windows: number };

/** The worst of the sustained windows where `level` is not good, or null. */
function worstWindow(
  times: readonly number[],
  values: readonly number[],
  level: (v: number) => Level,
  higherIsWorse: boolean,
): Finding | null {
  // Poor only where poor itself persisted: one spike inside a degraded stretch stays degraded.
  const poor = sustainedWindows(times, values, (v) => level(v) === 'poor', higherIsWorse);
  const bad =
    poor.length > 0
      ? poor
      : sustainedWindows(times, values, (v) => level(v) !== 'good', higherIsWorse);
  if (bad.length === 0) return null;
  const window = bad.reduce((a, b) => (b.endMs - b.startMs > a.endMs - a.startMs ? b : a));
  return { level: poor.length > 0 ? 'poor' : 'degraded', window, windows: bad.length };
}

const during = (f: Finding) =>
  `for ${formatDurationMs(f.window.endMs - f.window.startMs)}${f.windows > 1 ? ` (the longest of ${f.windows} stretches)` : ''}`;

const round = (n: number, digits = 0) =>
  n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function sampleVerdicts(series: ReportSeries, peerId: string, short: string): Verdict[] {
  const found: Verdict[] = [];
  const { times } = series;
  const rtt = worstWindow(times, series.rttMs, (v) => levelOf('rttMs', v), true);
  if (rtt) {
    found.push({
      id: `peer-report-rtt-${peerId}`,
      severity: rtt.level,
      title: `High round trip on ${short}: up to ${round(rtt.window.worst)} ms ${during(rtt)}`,
      explanation: `Audio from the participant took up to ${round(rtt.window.worst)} ms to make the round trip, which causes talk-over and delay; the network path from their side is slow.`,
      metric: 'RTT',
      threshold: THRESHOLDS.rttMs.source,
      window: { startMs: rtt.window.startMs, endMs: rtt.window.endMs },
      peerId,
    });
  }
  const mos = worstWindow(times, series.mos, mosLevel, false);
  if (mos) {
    found.push({
      id: `peer-report-mos-${peerId}`,
      severity: mos.level,
      title: `Low audio quality (MOS) on ${short}: down to ${round(mos.window.worst, 1)} ${during(mos)}`,
      explanation: `The participant's audio scored as low as ${round(mos.window.worst, 1)} out of 5, so others heard them ${mos.level === 'poor' ? 'breaking up' : 'with noticeable degradation'}.`,
      metric: 'MOS',
      threshold: MOS.source,
      window: { startMs: mos.window.startMs, endMs: mos.window.endMs },
      peerId,
    });
  }
  // Loss beyond the plausible is a counting bug (reported below), not the network.
  const plausible = series.lossPct.map((v) => (v > IMPLAUSIBLE_LOSS_PCT ? Number.NaN : v));
  const loss = worstWindow(times, plausible, (v) => levelOf('lossPct', v), true);
  if (loss) {
    found.push({
      id: `peer-report-loss-${peerId}`,
      severity: loss.level,
      title: `Packet loss on ${short}: up to ${round(loss.window.worst, 1)} % ${during(loss)}`,
      explanation: `Up to ${round(loss.window.worst, 1)} % of the participant's audio packets were lost on the way, which makes their voice choppy; their network was dropping data.`,
      metric: 'packet loss',
      threshold: THRESHOLDS.lossPct.source,
      window: { startMs: loss.window.startMs, endMs: loss.window.endMs },
      peerId,
    });
  }
  return found;
}

/** With no samples to read, the report's own whole-call summary. */
function cumulativeVerdicts(
  participant: PeerReportParticipant,
  peerId: string,
  short: string,
): Verdict[] {
  const cumulative = valid(qualityOf(participant)?.audio_producer_cumulative);
  if (!cumulative) return [];
  const found: Verdict[] = [];
  const rtt = valid(cumulative.rtt);
  const over500 = valid(rtt?.['500ms_or_greater_event_fraction']);
  const over250 = valid(rtt?.['250ms_or_greater_event_fraction']);
  const rttShare =
    over500 !== undefined && over500 >= WHOLE_CALL_SHARE
      ? { level: 'poor' as const, limit: 500, fraction: over500 }
      : over250 !== undefined && over250 >= WHOLE_CALL_SHARE
        ? { level: 'degraded' as const, limit: 250, fraction: over250 }
        : null;
  if (rttShare) {
    found.push({
      id: `peer-report-rtt-${peerId}`,
      severity: rttShare.level,
      title: `High round trip on ${short}: ${rttShare.limit} ms or more ${percentText(rttShare.fraction)} of the call`,
      explanation: `For ${percentText(rttShare.fraction)} of the call the participant's audio took ${rttShare.limit} ms or more to make the round trip, which causes talk-over and delay.`,
      metric: 'RTT',
      threshold: `${THRESHOLDS.rttMs.source}; whole call: ${percentText(WHOLE_CALL_SHARE)} of the time or more`,
      peerId,
    });
  }
  const avgMos = valid(valid(cumulative.quality_mos)?.avg);
  if (avgMos !== undefined && avgMos >= 1 && avgMos <= 5 && mosLevel(avgMos) !== 'good') {
    const level = mosLevel(avgMos);
    found.push({
      id: `peer-report-mos-${peerId}`,
      severity: level === 'poor' ? 'poor' : 'degraded',
      title: `Low audio quality (MOS) on ${short}: ${round(avgMos, 1)} on average`,
      explanation: `The participant's audio scored ${round(avgMos, 1)} out of 5 on average over the call, so others heard them with noticeable degradation.`,
      metric: 'MOS',
      threshold: MOS.source,
      peerId,
    });
  }
  const over5 = valid(valid(cumulative.packet_loss)?.['5_or_greater_event_fraction']);
  if (over5 !== undefined && over5 >= WHOLE_CALL_SHARE && over5 <= 1) {
    found.push({
      id: `peer-report-loss-${peerId}`,
      severity: 'poor',
      title: `Packet loss on ${short}: 5 % or more ${percentText(over5)} of the call`,
      explanation: `For ${percentText(over5)} of the call 5 % or more of the participant's audio packets were lost, which makes their voice choppy.`,
      metric: 'packet loss',
      threshold: `${THRESHOLDS.lossPct.source}; whole call: ${percentText(WHOLE_CALL_SHARE)} of the time or more`,
      peerId,
    });
  }
  return found;
}

/** Counters no network produces: more lost than sent, negative, or loss beyond 50 %. */
export function absurdSamples(series: ReportSeries): number {
  let count = 0;
  for (let i = 0; i < series.times.length; i++) {
    const lost = series.lost[i] ?? Number.NaN;
    const sent = series.sent[i] ?? Number.NaN;
    const negative = lost < 0 || sent < 0;
    const moreLost = lost > sent && sent >= 0;
    const implausible = sent > 0 && lost >= 0 && (100 * lost) / sent > IMPLAUSIBLE_LOSS_PCT;
    if (negative || moreLost || implausible) count += 1;
  }
  return count;
}

export function peerReportVerdicts(participant: PeerReportParticipant, peerId: string): Verdict[] {
  const short = shortId(peerId);
  const series = audioSeries(participant);
  const found =
    series.times.length > 0
      ? sampleVerdicts(series, peerId, short)
      : cumulativeVerdicts(participant, peerId, short);
  const pair = candidatePairOf(participant);
  if (pair?.route === 'relay' && (pair.transport === 'tcp' || pair.transport === 'tls')) {
    found.push({
      id: `peer-report-turn-tcp-${peerId}`,
      severity: 'degraded',
      title: `${pair.label} on ${short}`,
      explanation:
        "The participant's network let media through only via a relay server over TCP, which adds delay and turns any packet loss into stalls; a firewall or VPN blocking UDP is the usual cause.",
      metric: 'connectivity',
      threshold: 'media should flow over UDP, directly or through a relay',
      peerId,
    });
  }
  const absurd = absurdSamples(series);
  if (absurd > 0) {
    found.push({
      id: `peer-report-counters-${peerId}`,
      severity: 'info',
      title: `Impossible packet counters on ${short} (${absurd} sample${absurd === 1 ? '' : 's'})`,
      explanation:
        'Part of the quality report counts packets in a way no network can (more lost than sent, negative, or over half lost); this is a reporting issue, not a problem with the participant’s network.',
      metric: 'packet counters',
      threshold: `lost > sent, negative, or loss > ${IMPLAUSIBLE_LOSS_PCT} %`,
      peerId,
    });
  }
  return found;
}
