import type { PeerEventRecord } from '../../../api/peer-events';

/** What the event-type filter offers: the three documented names and everything else. */
export const EVENT_CATEGORIES = ['PEER_CREATED', 'PEER_JOINING', 'PEER_LEAVING', 'OTHER'] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

export const eventCategory = (record: Pick<PeerEventRecord, 'knownName'>): EventCategory =>
  record.knownName ?? 'OTHER';
