/** What the summary card shows, derived from the parsed participant. Pure. */
import { type Invalid, isInvalid, valid } from '../../../api/lenient';
import type { Participant } from '../../../api/participant-schema';
import type { Timestamp } from '../../../lib/timestamp';

export type Shown<T> =
  | { readonly kind: 'value'; readonly value: T }
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly raw: unknown; readonly reason: string };

export function shown<T>(value: T | Invalid | undefined): Shown<T> {
  if (value === undefined) return { kind: 'missing' };
  if (isInvalid(value)) return { kind: 'invalid', raw: value.raw, reason: value.reason };
  return { kind: 'value', value };
}

export type DurationCheck = {
  /** From the API's `duration` (minutes), in ms. */
  readonly fromMinutesMs: number | null;
  /** From left_at − joined_at, in ms. */
  readonly fromTimesMs: number | null;
  /** Set when both are known and differ by more than 2 s and 1 %. */
  readonly disagreement: number | null;
};

export function checkDuration(
  minutes: number | null,
  joined: Timestamp | null,
  left: Timestamp | null,
): DurationCheck {
  const fromMinutesMs = minutes === null ? null : minutes * 60_000;
  const fromTimesMs = joined && left ? left.ms - joined.ms : null;
  let disagreement: number | null = null;
  if (fromMinutesMs !== null && fromTimesMs !== null) {
    const diff = fromMinutesMs - fromTimesMs;
    const tolerance = Math.max(2_000, Math.abs(fromTimesMs) * 0.01);
    if (Math.abs(diff) > tolerance) disagreement = diff;
  }
  return { fromMinutesMs, fromTimesMs, disagreement };
}

export type Summary = {
  readonly displayName: Shown<string>;
  readonly id: Shown<string>;
  readonly userId: Shown<string>;
  readonly customId: Shown<string>;
  readonly preset: Shown<string>;
  readonly joined: Shown<Timestamp>;
  readonly left: Shown<Timestamp>;
  readonly created: Shown<Timestamp>;
  readonly updated: Shown<Timestamp>;
  readonly duration: Shown<number>;
  /** left_at is absent (not merely unreadable): the participant is still in the session. */
  readonly inSession: boolean;
  readonly durationCheck: DurationCheck;
};

export function summarize(p: Participant): Summary {
  const left = shown(p.left_at);
  return {
    displayName: shown(p.display_name),
    id: shown(p.id),
    userId: shown(p.user_id),
    customId: shown(p.custom_participant_id),
    preset: shown(p.preset_name),
    joined: shown(p.joined_at),
    left,
    created: shown(p.created_at),
    updated: shown(p.updated_at),
    duration: shown(p.duration),
    inSession: left.kind === 'missing',
    durationCheck: checkDuration(
      valid(p.duration) ?? null,
      valid(p.joined_at) ?? null,
      valid(p.left_at) ?? null,
    ),
  };
}
