import { describe, expect, it } from 'vitest';
import { readParticipant } from '../../../api/participant-query';
import { participantModel, spanEnd } from './participant-model';

const answer = (participant: Record<string, unknown>, receivedAt: number) => {
  const body = { success: true, data: { participant } };
  return readParticipant({
    status: 200,
    body,
    text: JSON.stringify(body),
    headers: new Headers(),
    receivedAt,
  });
};

const event = (name: string, at: string, peer: string) => ({
  id: `${name}-${at}`,
  event_name: name,
  created_at: at,
  peer_id: peer,
  minutes_consumed: 0,
});

describe('the participant page’s model of one answer', () => {
  const ARRIVED = Date.parse('2026-11-21T14:40:00Z');

  it('ends an open connection at the answer while they are still in the call', () => {
    const result = answer(
      {
        id: 'p-1',
        joined_at: '2026-11-21T14:00:00Z',
        peer_events: [
          event('PEER_JOINING', '2026-11-21T14:00:00Z', 'a'),
          event('PEER_LEAVING', '2026-11-21T14:10:00Z', 'a'),
          event('PEER_JOINING', '2026-11-21T14:10:05Z', 'b'),
        ],
      },
      ARRIVED,
    );
    expect(spanEnd(result)).toEqual({ at: ARRIVED, stillConnected: true });
    const model = participantModel(result);
    expect(model.call).toEqual({ startMs: Date.parse('2026-11-21T14:00:00Z'), endMs: ARRIVED });
    expect(model.totals.map((t) => t.peerId)).toEqual(['a', 'b']);
    // Asked for nothing, sent nothing: every section the page could show is absent.
    expect(model.absent).toEqual([
      'device_info',
      'ip_information',
      'precall_network_information',
      'quality_stats',
    ]);
    expect(model.participantTimeZone).toBeNull();
  });

  it('ends at left_at once they have left, and has no window when left_at cannot be read', () => {
    const left = answer(
      { id: 'p-1', joined_at: '2026-11-21T14:00:00Z', left_at: '2026-11-21T14:30:00Z' },
      ARRIVED,
    );
    expect(spanEnd(left)).toEqual({
      at: Date.parse('2026-11-21T14:30:00Z'),
      stillConnected: false,
    });
    const unreadable = answer(
      { id: 'p-1', joined_at: '2026-11-21T14:00:00Z', left_at: 'later' },
      ARRIVED,
    );
    expect(spanEnd(unreadable)).toBeNull();
    expect(participantModel(unreadable).call).toBeNull();
  });
});
