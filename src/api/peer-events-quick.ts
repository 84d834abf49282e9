/**
 * A long history's peer events read by hand (quick-read.ts): each event exactly as the lenient
 * schema reads it, the schema itself reading (and explaining) whatever is not plain. Tens of
 * thousands of events cost the schema's machinery several times the read itself. A chunk of its
 * own, loaded only for a large answer (participant-query.ts): the first load stays as it was.
 */
import * as z from 'zod/mini';
import type { JsonAnswer } from './http';
import { type ParticipantResult, readParticipant } from './participant-query';
import {
  EVENT_NAMES,
  type Participant,
  PEER_EVENT_OBJECT,
  PRESET_VIEW_TYPES,
  peerEventReadShape,
  peerEventSchema,
} from './participant-schema';
import {
  isPlainObject,
  lenientListQuick,
  type QuickRead,
  quickObject,
  quickOneOf,
  quickString,
  quickTimestamp,
  SLOW,
} from './quick-read';

/** A count of minutes as the schema's `nonNegative` reads it (-0 as 0). */
const quickMinutes: QuickRead<number> = (raw) =>
  typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 ? raw + 0 : SLOW;

const take = {
  id: quickString,
  created_at: quickTimestamp,
  updated_at: quickTimestamp,
  event_name: quickOneOf(EVENT_NAMES),
  minutes_consumed: quickMinutes,
  participant_id: quickString,
  peer_id: quickString,
  preset_view_type: quickOneOf(PRESET_VIEW_TYPES),
  session_id: quickString,
  socket_session_id: quickString,
} satisfies Record<keyof typeof peerEventReadShape, QuickRead<unknown>>;

const quickPeerEvent = quickObject(
  Object.fromEntries(
    Object.entries(peerEventReadShape).map(([key, read]) => [
      key,
      { read, take: take[key as keyof typeof take] },
    ]),
  ),
);

const peerEventsQuick = lenientListQuick(peerEventSchema, PEER_EVENT_OBJECT, quickPeerEvent);

/**
 * `readParticipant` for a long history, with the same result: its peer events read by hand,
 * the rest of the answer by the schema.
 */
export function readLongHistory(answer: JsonAnswer): ParticipantResult {
  const { body } = answer;
  if (!isPlainObject(body) || !isPlainObject(body.data)) return readParticipant(answer);
  const envelope = body.data;
  const sent = envelope.participant;
  if (!isPlainObject(sent) || !Object.hasOwn(sent, 'peer_events')) return readParticipant(answer);
  const participant = { ...sent, peer_events: null };
  const read = readParticipant({
    ...answer,
    body: { ...body, data: { ...envelope, participant } },
  });
  const events: Participant['peer_events'] = z.parse(peerEventsQuick, sent.peer_events);
  return { ...read, participant: { ...read.participant, peer_events: events } };
}
