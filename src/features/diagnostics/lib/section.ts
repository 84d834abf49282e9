/** One section of `peer_stats` (a filter's answer), or why there is none to read. */
import { type Invalid, isInvalid } from '../../../api/lenient';
import type { Participant } from '../../../api/participant-schema';
import type { Level, Metric } from './thresholds';

type PeerStats = Exclude<Participant['peer_stats'], Invalid | undefined>;

/** Why a panel has nothing to show: the API sent nothing, or something unreadable. */
export type Unread =
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly raw: unknown; readonly reason: string };

/** One row of a diagnostics panel. */
export type Reading = {
  readonly label: string;
  readonly value: string;
  readonly level?: Level;
  /** Which threshold applied, for the hover text. */
  readonly metric?: Metric;
  /** Said when a spelling or a unit had to be chosen. */
  readonly note?: string;
  /** The field was sent but could not be read: shown flagged, with the raw value. */
  readonly invalid?: Invalid;
};

/** A section of peer_stats, picked by `pick`, or why it cannot be shown. */
export function statsSection<T extends object>(
  participant: Participant,
  pick: (stats: PeerStats) => T | Invalid | undefined,
): { readonly kind: 'found'; readonly section: T } | Unread {
  const stats = participant.peer_stats;
  if (stats === undefined) return { kind: 'missing' };
  if (isInvalid(stats)) return { kind: 'invalid', raw: stats.raw, reason: stats.reason };
  const section = pick(stats);
  if (section === undefined) return { kind: 'missing' };
  if (isInvalid(section)) return { kind: 'invalid', raw: section.raw, reason: section.reason };
  return { kind: 'found', section };
}

/**
 * The fields of a section that were sent but could not be read, as flagged rows: one odd
 * value is shown where it stands and the rest of the section still reads.
 */
export function unreadableFields(
  section: Readonly<Record<string, unknown>>,
  labels: Readonly<Record<string, string>>,
): Reading[] {
  const rows: Reading[] = [];
  for (const [key, label] of Object.entries(labels)) {
    const value = section[key];
    if (isInvalid(value)) rows.push({ label, value: 'invalid', invalid: value });
  }
  return rows;
}
