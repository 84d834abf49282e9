/**
 * The thresholds every network verdict uses, in one place, each with the public source it
 * follows (docs/UPSTREAM.md lists them). Each reading is good, degraded or poor; boundaries
 * are stated exactly.
 */
import type { QualityThreshold } from '../../charts';

export type Level = 'good' | 'degraded' | 'poor';

export type Threshold = {
  readonly unit: string;
  /** At or above this (or above, see `strict`) the reading is degraded. */
  readonly degraded: number;
  readonly poor: number;
  /** Whether the boundaries themselves are still the better level. */
  readonly strict: { readonly degraded: boolean; readonly poor: boolean };
  readonly source: string;
};

export const THRESHOLDS = {
  lossPct: {
    unit: '%',
    degraded: 1,
    poor: 5,
    strict: { degraded: false, poor: false },
    source:
      'good < 1 %, degraded 1–5 %, poor ≥ 5 % (Twilio tags ≥ 5 % cumulative; rtcStats flags Opus > 4 %)',
  },
  jitterMs: {
    unit: 'ms',
    degraded: 30,
    poor: 40,
    strict: { degraded: false, poor: true },
    source: 'warn at 30 ms (Twilio), poor above 40 ms (rtcStats)',
  },
  rttMs: {
    unit: 'ms',
    degraded: 200,
    poor: 400,
    strict: { degraded: true, poor: true },
    source: 'degraded above 200 ms (Twilio Video tags > 300 ms), poor above 400 ms (Twilio Voice)',
  },
} as const satisfies Record<string, Threshold>;

export type Metric = keyof typeof THRESHOLDS;

const beyond = (value: number, limit: number, strict: boolean) =>
  strict ? value > limit : value >= limit;

export function levelOf(metric: Metric, value: number): Level {
  const t: Threshold = THRESHOLDS[metric];
  if (beyond(value, t.poor, t.strict.poor)) return 'poor';
  if (beyond(value, t.degraded, t.strict.degraded)) return 'degraded';
  return 'good';
}

/** Mean opinion score, 1–5: lower is worse, so it has its own scale. */
export const MOS = {
  degraded: 4,
  poor: 3.5,
  source: 'good ≥ 4, degraded 3.5–4, poor < 3.5 (Twilio; peermetrics calls < 3 "very low")',
} as const;

/** The one grading of a MOS, wherever one is shown: 4 and above good, 3.5 up to 4 degraded, below 3.5 poor. */
export function mosLevel(mos: number): Level {
  if (mos < MOS.poor) return 'poor';
  if (mos < MOS.degraded) return 'degraded';
  return 'good';
}

/** Above this, packet loss is more likely a counting bug than a network (rtcStats' practice). */
export const IMPLAUSIBLE_LOSS_PCT = 50;

/** A threshold as a chart draws it: where a level begins, said in the words the rules use. */
type ChartThreshold = QualityThreshold;

const UNIT_GAP: Record<string, string> = { '%': ' %', ms: ' ms' };

/** The degraded and poor lines of a metric ("degraded above 200 ms", "poor from 5 %"). */
export function chartThresholds(metric: Metric): readonly ChartThreshold[] {
  const t: Threshold = THRESHOLDS[metric];
  const unit = UNIT_GAP[t.unit] ?? ` ${t.unit}`;
  const line = (level: 'degraded' | 'poor'): ChartThreshold => ({
    value: t[level],
    level,
    label: `${level} ${t.strict[level] ? 'above' : 'from'} ${t[level]}${unit}`,
  });
  return [line('degraded'), line('poor')];
}

/** The MOS lines: lower is worse, so each level begins below its value. */
export const MOS_CHART_THRESHOLDS: readonly ChartThreshold[] = [
  { value: MOS.degraded, label: `degraded below ${MOS.degraded}`, level: 'degraded' },
  { value: MOS.poor, label: `poor below ${MOS.poor}`, level: 'poor' },
];

// Reconnects close together (three within 10 minutes) are defined beside their count, which the
// first paint needs without the rest of this module.
export { isReconnectStorm, RECONNECT_STORM } from './reconnects';

/**
 * A video sender held back by its own processor: WebRTC's qualityLimitationReason "cpu" (W3C
 * webrtc-stats) for this share of a window's samples, or of its time when
 * quality_limitation_durations is sent. Microsoft Teams' call quality telemetry reports the
 * same thing as the share of the call with insufficient CPU (CPUInsufficientEventRatio).
 */
export const CPU_LIMITED = {
  share: 0.3,
  source:
    'video limited by the CPU (WebRTC qualityLimitationReason "cpu") in ≥ 30 % of the samples, or of the time by quality_limitation_durations (Microsoft Teams reports this share as "CPU insufficient")',
} as const;

export const isCpuLimited = (share: number) => share >= CPU_LIMITED.share;

/** A video frame rate below this is poor (Microsoft Teams' call quality dashboard: average frame rate < 7). */
export const LOW_FRAME_RATE = {
  fps: 7,
  source:
    'a video frame rate below 7 fps is poor (Microsoft Teams call quality dashboard); with loss, jitter and round trip good at the same time, the device is the cause',
} as const;

export const isLowFrameRate = (fps: number) => fps < LOW_FRAME_RATE.fps;
