import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { participantResponseWire } from '../../src/api/participant-schema';
import { createMockApi } from './api';
import { LIVE_RECONNECT_EVERY_MS, SCENARIOS } from './scenarios';

const live = SCENARIOS.find((s) => s.key === 'live-flaky');

describe('the live demo participant', () => {
  it('gains a reconnect (LEAVING, CREATED, JOINING) every interval, stays in the session, and keeps its past', async () => {
    if (!live) throw new Error('live-flaky scenario missing');
    let clock = Date.UTC(2026, 10, 26, 9, 0, 0);
    const mock = createMockApi({ token: 't', accountId: 'a', appId: 'k', now: () => clock });
    const get = async () => {
      const res = await mock.request(
        `/client/v4/accounts/a/realtime/kit/k/sessions/${live.sessionId}/participants/${live.participantId}?include_peer_events=true`,
        { headers: { authorization: 'Bearer t' } },
      );
      const body = z.parse(participantResponseWire, await res.json());
      const participant = body.data?.participant;
      return {
        events: participant?.peer_events ?? [],
        left: participant?.left_at,
        record: { joined: participant?.joined_at, created: participant?.created_at },
      };
    };
    const first = await get();
    expect(first.left).toBeUndefined();
    clock += LIVE_RECONNECT_EVERY_MS - 1;
    expect((await get()).events).toHaveLength(first.events.length);
    clock += 1 + LIVE_RECONNECT_EVERY_MS;
    const later = await get();
    expect(later.events).toHaveLength(first.events.length + 6);
    expect(later.left).toBeUndefined();
    // The record itself (joined, created) stays as it was first reported.
    expect(later.record).toEqual(first.record);
    // What was already reported does not change: the first events keep their ids and times.
    expect(later.events.slice(0, 3)).toEqual(first.events.slice(0, 3));
    expect(later.events.slice(-3).map((e) => e?.event_name)).toEqual([
      'PEER_LEAVING',
      'PEER_CREATED',
      'PEER_JOINING',
    ]);
  });
});
