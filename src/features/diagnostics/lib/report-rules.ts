/**
 * What one peer report says (RealtimeKit's API, docs/UPSTREAM.md), and which way it hurt:
 * sustained round trip, jitter, MOS and loss on what the peer sent (its producers: uplink) and
 * on what it received from each other peer (its consumers: downlink); a video sender held back
 * by its CPU, or whose frame rate collapsed on a clean network (device). The report's
 * whole-call shares stand in when it has no samples. TURN over TCP and impossible counters are
 * whole-call findings. Pure functions; the thresholds live in thresholds.ts.
 */
import { isInvalid, valid } from '../../../api/lenient';
import type { PeerReportParticipant } from '../../../api/peer-report-schema';
import { overlaps, type TimeWindow } from '../../../lib/time-window';
import type { Direction, Finding } from './finding';
import {
  candidatePairOf,
  percentText,
  qualityOf,
  REPORT_MEDIA,
  type ReportMedia,
  type ReportSeries,
  reportOf,
  reportSeries,
} from './peer-report';
import { sustainedWindows } from './sustained';
import { type Figure, figureOf, gradedWindows, type Symptom } from './symptom';
import {
  CPU_LIMITED,
  IMPLAUSIBLE_LOSS_PCT,
  isCpuLimited,
  isLowFrameRate,
  LOW_FRAME_RATE,
  levelOf,
  MOS,
  mosLevel,
  THRESHOLDS,
} from './thresholds';

/** A whole-call share at or above this counts: a quarter of the call is no passing spike. */
export const WHOLE_CALL_SHARE = 0.25;

const MEDIA_LABEL: Record<ReportMedia, string> = {
  audio: 'audio',
  video: 'video',
  screenshare_audio: 'screen-share audio',
  screenshare_video: 'screen-share video',
};

type Context = {
  readonly peerId: string;
  readonly series: ReportSeries;
  readonly direction: Direction;
  readonly side: 'sent' | 'received';
  readonly remote?: Symptom['remote'];
};

function symptom(
  ctx: Context,
  severity: Symptom['severity'],
  window: TimeWindow,
  figure: Figure,
  threshold: string,
  direction: Direction = ctx.direction,
): Symptom {
  return {
    severity,
    cause: direction === 'device' ? 'device' : 'network',
    direction,
    window: { startMs: window.startMs, endMs: window.endMs },
    figure,
    threshold,
    peerId: ctx.peerId,
    focus: { peerId: ctx.peerId, series: ctx.series.key },
    ...(ctx.remote ? { remote: ctx.remote } : {}),
  };
}

/** Round trip, jitter, MOS and loss of one series, each where it held badly. */
function networkSymptoms(ctx: Context): Symptom[] {
  const { series, side } = ctx;
  const label = MEDIA_LABEL[series.media];
  const found: Symptom[] = [];
  const rule = (
    values: readonly number[],
    level: (v: number) => ReturnType<typeof mosLevel>,
    higherIsWorse: boolean,
    figure: (worst: number) => Figure,
    threshold: string,
  ) => {
    for (const w of gradedWindows(series.times, values, level, higherIsWorse)) {
      found.push(symptom(ctx, w.severity, w, figure(w.worst), threshold));
    }
  };
  rule(
    series.rttMs,
    (v) => levelOf('rttMs', v),
    true,
    (worst) => figureOf(`${label} round trip`, worst, ' ms', { higherIsWorse: true, side }),
    THRESHOLDS.rttMs.source,
  );
  rule(
    series.jitterMs,
    (v) => levelOf('jitterMs', v),
    true,
    (worst) => figureOf(`${label} jitter`, worst, ' ms', { higherIsWorse: true, side }),
    THRESHOLDS.jitterMs.source,
  );
  // MOS is scored from 1 to 5; anything else is no score.
  rule(
    series.mos.map((v) => (v >= 1 && v <= 5 ? v : Number.NaN)),
    mosLevel,
    false,
    (worst) => figureOf(`${label} MOS`, worst, '', { higherIsWorse: false, digits: 1, side }),
    MOS.source,
  );
  // Loss beyond the plausible is a counting bug (a finding of its own), not the network.
  rule(
    series.lossPct.map((v) => (v > IMPLAUSIBLE_LOSS_PCT ? Number.NaN : v)),
    (v) => levelOf('lossPct', v),
    true,
    (worst) => figureOf(`${label} loss`, worst, ' %', { higherIsWorse: true, digits: 1, side }),
    THRESHOLDS.lossPct.source,
  );
  return found;
}

/** The mean of the readable values inside a window. */
function meanWithin(times: readonly number[], values: readonly number[], w: TimeWindow): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i] ?? 0;
    const v = values[i] ?? Number.NaN;
    if (t < w.startMs || t > w.endMs || Number.isNaN(v)) continue;
    sum += v;
    n += 1;
  }
  return n === 0 ? 0 : sum / n;
}

/**
 * A video sender's own device: stretches held back by the CPU for CPU_LIMITED.share of the
 * time or more, and a frame rate below LOW_FRAME_RATE where the network was clean (where it
 * was not, the low frame rate is one more network figure).
 */
function deviceSymptoms(ctx: Context, network: readonly Symptom[]): Symptom[] {
  const { series } = ctx;
  const found: Symptom[] = [];
  for (const w of sustainedWindows(series.times, series.cpu, (v) => v > 0)) {
    const share = meanWithin(series.times, series.cpu, w);
    if (!isCpuLimited(share)) continue;
    found.push(
      symptom(
        ctx,
        'degraded',
        w,
        {
          key: 'CPU-limited',
          text: `video CPU-limited ${percentText(share)} of the time`,
          badness: share,
        },
        CPU_LIMITED.source,
        'device',
      ),
    );
  }
  if (series.media !== 'video') return found;
  for (const w of sustainedWindows(series.times, series.fps, isLowFrameRate, false)) {
    const clean = !network.some((s) => overlaps(s.window, w));
    found.push(
      symptom(
        ctx,
        'poor',
        w,
        figureOf('video frame rate', w.worst, ' fps', { higherIsWorse: false, side: ctx.side }),
        LOW_FRAME_RATE.source,
        clean ? 'device' : ctx.direction,
      ),
    );
  }
  return found;
}

/** How many senders a peer received this media from during a window. */
function sendersDuring(all: readonly ReportSeries[], w: TimeWindow): number {
  return all.filter((s) => {
    const first = s.times[0];
    const last = s.times[s.times.length - 1];
    return first !== undefined && last !== undefined && first <= w.endMs && w.startMs <= last;
  }).length;
}

/**
 * What a peer received badly from some senders while most others' media arrived fine was those
 * senders' problem (remote); from most of them at once, its own downlink.
 */
export function whoseSide(received: readonly Symptom[]): Symptom[] {
  return received.map((s) => {
    if (!s.remote || s.remote.senders < 2) return s;
    const bad = new Set(
      received.filter((o) => o.remote && overlaps(o.window, s.window)).map((o) => o.remote?.peerId),
    );
    return bad.size * 2 > s.remote.senders ? s : { ...s, direction: 'remote' };
  });
}

/** With no samples to read, the report's own whole-call summary of what the peer sent. */
function cumulativeSymptoms(
  participant: PeerReportParticipant,
  ctx: Omit<Context, 'series'>,
  span: TimeWindow,
): Symptom[] {
  const cumulative = valid(qualityOf(participant)?.audio_producer_cumulative);
  if (!cumulative) return [];
  const found: Symptom[] = [];
  const add = (severity: Symptom['severity'], figure: Figure, threshold: string) =>
    found.push({
      severity,
      cause: 'network',
      direction: 'uplink',
      window: span,
      figure,
      threshold,
      peerId: ctx.peerId,
      focus: { peerId: ctx.peerId, series: 'audio_producer' },
    });
  const whole = `whole call: ${percentText(WHOLE_CALL_SHARE)} of the time or more`;
  const rtt = valid(cumulative.rtt);
  const over500 = valid(rtt?.['500ms_or_greater_event_fraction']);
  const over250 = valid(rtt?.['250ms_or_greater_event_fraction']);
  const share = (fraction: number, what: string) => ({
    key: what,
    text: `${what} ${percentText(fraction)} of the time (sent)`,
    badness: fraction,
  });
  if (over500 !== undefined && over500 >= WHOLE_CALL_SHARE && over500 <= 1) {
    add(
      'poor',
      share(over500, 'audio round trip of 500 ms or more'),
      `${THRESHOLDS.rttMs.source}; ${whole}`,
    );
  } else if (over250 !== undefined && over250 >= WHOLE_CALL_SHARE && over250 <= 1) {
    add(
      'degraded',
      share(over250, 'audio round trip of 250 ms or more'),
      `${THRESHOLDS.rttMs.source}; ${whole}`,
    );
  }
  const avgMos = valid(valid(cumulative.quality_mos)?.avg);
  if (avgMos !== undefined && avgMos >= 1 && avgMos <= 5) {
    const level = mosLevel(avgMos);
    if (level !== 'good') {
      add(
        level,
        figureOf('audio MOS on average', avgMos, '', {
          higherIsWorse: false,
          digits: 1,
          side: 'sent',
        }),
        MOS.source,
      );
    }
  }
  const over5 = valid(valid(cumulative.packet_loss)?.['5_or_greater_event_fraction']);
  if (over5 !== undefined && over5 >= WHOLE_CALL_SHARE && over5 <= 1) {
    add(
      'poor',
      share(over5, 'audio loss of 5 % or more'),
      `${THRESHOLDS.lossPct.source}; ${whole}`,
    );
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
    const expected = series.side === 'producer' ? sent : sent + lost;
    const moreLost = series.side === 'producer' && lost > sent && sent >= 0;
    const implausible = expected > 0 && lost >= 0 && (100 * lost) / expected > IMPLAUSIBLE_LOSS_PCT;
    if (negative || moreLost || implausible) count += 1;
  }
  return count;
}

export type ReportRules = {
  readonly symptoms: readonly Symptom[];
  readonly findings: readonly Finding[];
  /** Whether the report holds any sample (or summary) of the call's quality. */
  readonly known: boolean;
};

/**
 * `span`: the peer's connection (its JOINING to LEAVING), for the whole-call summary of a
 * report without samples.
 */
export function reportRules(
  participant: PeerReportParticipant,
  peerId: string,
  span: TimeWindow | null,
): ReportRules {
  const symptoms: Symptom[] = [];
  const received: Symptom[] = [];
  const findings: Finding[] = [];
  let samples = 0;
  let absurd = 0;
  for (const media of REPORT_MEDIA) {
    for (const series of reportSeries(participant, `${media}_producer`)) {
      samples += series.times.length;
      absurd += absurdSamples(series);
      const ctx: Context = { peerId, series, direction: 'uplink', side: 'sent' };
      const network = networkSymptoms(ctx);
      symptoms.push(...network, ...deviceSymptoms(ctx, network));
    }
    const consumed = reportSeries(participant, `${media}_consumer`);
    for (const series of consumed) {
      samples += series.times.length;
      absurd += absurdSamples(series);
      const ctx: Context = { peerId, series, direction: 'downlink', side: 'received' };
      for (const s of networkSymptoms(ctx)) {
        received.push(
          series.remotePeerId === null
            ? s
            : {
                ...s,
                remote: { peerId: series.remotePeerId, senders: sendersDuring(consumed, s.window) },
              },
        );
      }
    }
  }
  symptoms.push(...whoseSide(received));
  if (samples === 0 && span)
    symptoms.push(
      ...cumulativeSymptoms(participant, { peerId, direction: 'uplink', side: 'sent' }, span),
    );
  const pair = candidatePairOf(participant);
  if (pair?.route === 'relay' && (pair.transport === 'tcp' || pair.transport === 'tls')) {
    findings.push({
      id: 'report-turn-tcp',
      severity: 'degraded',
      title: pair.label,
      explanation:
        "The participant's network let media through only via a relay server over TCP, which adds delay and turns any packet loss into stalls; a firewall or VPN blocking UDP is the usual cause.",
      metric: 'connectivity',
      threshold: 'media should flow over UDP, directly or through a relay',
      peerId,
    });
  }
  if (absurd > 0) {
    findings.push({
      id: 'report-counters',
      severity: 'info',
      title: 'Impossible packet counters',
      explanation: `${absurd === 1 ? 'One sample' : `${absurd} samples`} of the quality report count packets in a way no network can (more lost than sent, negative, or over half lost); this is a reporting issue, not a problem with the participant’s network.`,
      metric: 'packet counters',
      threshold: `lost > sent, negative, or loss > ${IMPLAUSIBLE_LOSS_PCT} %`,
      peerId,
    });
  }
  const known =
    samples > 0 || valid(qualityOf(participant)?.audio_producer_cumulative) !== undefined;
  return { symptoms, findings, known };
}

/** An SDK event a peer report holds (metadata.events): disconnect reasons among them. */
export type ReportEvent = {
  readonly atMs: number;
  readonly name: string;
  readonly peerId: string;
  readonly metadata: Readonly<Record<string, unknown>> | null;
};

export function reportEvents(participant: PeerReportParticipant, peerId: string): ReportEvent[] {
  const list = valid(valid(reportOf(participant)?.metadata)?.events) ?? [];
  const found: ReportEvent[] = [];
  for (const item of list) {
    if (isInvalid(item)) continue;
    const atMs = valid(item.timestamp)?.ms;
    if (atMs === undefined) continue;
    found.push({
      atMs,
      name: valid(item.name) ?? '(no name)',
      peerId,
      metadata: valid(item.metadata) ?? null,
    });
  }
  return found;
}
