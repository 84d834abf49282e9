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

describe('peer reports', () => {
  it('are the same on every read of an ended session', async () => {
    const ended = SCENARIOS.find((s) => s.key === 'uplink-problem');
    if (!ended) throw new Error('uplink-problem scenario missing');
    const mock = createMockApi({ token: 't', accountId: 'a', appId: 'k' });
    const headers = { authorization: 'Bearer t' };
    const answer = await mock.request(
      `/client/v4/accounts/a/realtime/kit/k/sessions/${ended.sessionId}/participants/${ended.participantId}?include_peer_events=true`,
      { headers },
    );
    const body = z.parse(participantResponseWire, await answer.json());
    const peer = body.data?.participant?.peer_events?.[0]?.peer_id;
    const read = async () =>
      (
        await mock.request(`/client/v4/accounts/a/realtime/kit/k/sessions/peer-report/${peer}`, {
          headers,
        })
      ).text();
    const first = await read();
    expect(first).toContain('"success":true');
    expect(await read()).toBe(first);
  });
});
