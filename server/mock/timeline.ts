/**
 * Builds consistent participant records from connection spans: events in order, duration
 * = (left − joined) in minutes, and the minutes of each LEAVING equal to its span.
 */
import type {
  PresetViewType,
  WireParticipant,
  WirePeerEvent,
} from '../../src/api/participant-schema';
import type { Random } from './random';

/** One peer: a connection from join to leave (null while still connected). */
export type Span = { readonly join: number; readonly leave: number | null };

export type Identity = {
  readonly sessionId: string;
  readonly participantId: string;
  readonly userId?: string;
  readonly customParticipantId?: string;
  readonly displayName?: string;
  readonly presetName?: string;
  readonly view: PresetViewType;
  /**
   * When the record was created, when it must not depend on the spans (a live participant's
   * grow): otherwise a few seconds before the first join, drawn after the spans' own draws.
   */
  readonly createdAt?: number;
};

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
export const iso = (ms: number) => new Date(ms).toISOString();
export const minutesBetween = (from: number, to: number) => round4((to - from) / 60_000);

export type BuiltTimeline = { participant: WireParticipant; peerIds: string[] };

export function buildParticipant(r: Random, who: Identity, spans: readonly Span[]): BuiltTimeline {
  const events: WirePeerEvent[] = [];
  const peerIds: string[] = [];
  const event = (
    name: WirePeerEvent['event_name'],
    at: number,
    peerId: string,
    socket: string,
    minutes: number,
  ): WirePeerEvent => ({
    id: r.uuid(),
    created_at: iso(at),
    updated_at: iso(at),
    event_name: name,
    minutes_consumed: minutes,
    participant_id: who.participantId,
    peer_id: peerId,
    preset_view_type: who.view,
    session_id: who.sessionId,
    socket_session_id: socket,
  });
  for (const span of spans) {
    const peerId = r.uuid();
    const socket = r.uuid();
    peerIds.push(peerId);
    events.push(event('PEER_CREATED', span.join - r.int(300, 1800), peerId, socket, 0));
    events.push(event('PEER_JOINING', span.join, peerId, socket, 0));
    if (span.leave !== null) {
      events.push(
        event('PEER_LEAVING', span.leave, peerId, socket, minutesBetween(span.join, span.leave)),
      );
    }
  }
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (!first || !last) throw new Error('a participant needs at least one span');
  const joined = first.join;
  const left = last.leave;
  // Drawn either way, so every later draw stays where it was.
  const lead = r.int(2000, 9000);
  const created = who.createdAt ?? joined - lead;
  const participant: WireParticipant = {
    id: who.participantId,
    created_at: iso(created),
    updated_at: iso(left ?? joined),
    custom_participant_id: who.customParticipantId,
    display_name: who.displayName,
    duration: left === null ? undefined : minutesBetween(joined, left),
    joined_at: iso(joined),
    left_at: left === null ? undefined : iso(left),
    preset_name: who.presetName,
    user_id: who.userId,
    peer_events: events,
  };
  return { participant, peerIds };
}

/**
 * Spans for a participant who connects `count` times between start and end, with short
 * gaps between peers (reconnects).
 */
export function reconnectingSpans(
  r: Random,
  start: number,
  count: number,
  connectedMs: [number, number],
  gapMs: [number, number],
): Span[] {
  const spans: Span[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    const leave = at + r.int(connectedMs[0], connectedMs[1]);
    spans.push({ join: at, leave });
    at = leave + r.int(gapMs[0], gapMs[1]);
  }
  return spans;
}
