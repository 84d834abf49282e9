/** One section of `peer_stats` (a filter's answer), or why there is none to read. */
import { type Invalid, isInvalid } from '../../../api/lenient';
import type { Participant } from '../../../api/participant-schema';

type PeerStats = Exclude<Participant['peer_stats'], Invalid | undefined>;

/** Why a panel has nothing to show: the API sent nothing, or something unreadable. */
export type Unread =
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly raw: unknown; readonly reason: string };

export function statsSection<
  K extends 'device_info' | 'ip_information' | 'precall_network_information',
>(
  participant: Participant,
  key: K,
): { readonly kind: 'found'; readonly section: NonNullable<PeerStats[K]> } | Unread {
  const stats = participant.peer_stats;
  if (stats === undefined) return { kind: 'missing' };
  if (isInvalid(stats)) return { kind: 'invalid', raw: stats.raw, reason: stats.reason };
  const section = stats[key];
  return section === undefined || section === null
    ? { kind: 'missing' }
    : { kind: 'found', section };
}
