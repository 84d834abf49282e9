/**
 * The thresholds every network verdict uses, in one place, each with the public source it
 * follows (docs/UPSTREAM.md lists them). Each reading is good, degraded or poor; boundaries
 * are stated exactly.
 */
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
  fair: 4,
  poor: 3.5,
  source: 'good ≥ 4, fair 3.5–4, poor < 3.5 (Twilio; peermetrics calls < 3 "very low")',
} as const;

/** MOS 4 and above is good, 3.5 up to 4 degraded ("fair"), below 3.5 poor. */
export function mosLevel(mos: number): Level {
  if (mos < MOS.poor) return 'poor';
  if (mos < MOS.fair) return 'degraded';
  return 'good';
}

/** Above this, packet loss is more likely a counting bug than a network (rtcStats' practice). */
export const IMPLAUSIBLE_LOSS_PCT = 50;

/** Several rejoins close together: the participant's connection kept dropping. */
export const RECONNECT_STORM = {
  joins: 3,
  windowMs: 10 * 60_000,
  source:
    'three or more JOININGs within 10 minutes (support practice: one drop is bad luck, three is a pattern)',
} as const;
