import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { findInvalid } from '../../src/api/lenient';
import { readParticipant } from '../../src/api/participant-query';
import {
  participantResponseSchema,
  participantResponseWire,
} from '../../src/api/participant-schema';
import { readLongHistory } from '../../src/api/peer-events-quick';
import { loadConfig } from '../config';
import { createApp } from '../node-app';
import { quiet } from '../testing/quiet';
import { SCENARIOS } from './scenarios';

const app = createApp(loadConfig({ DIST_DIR: '/nonexistent' }), quiet());
const ALL_FILTERS = 'device_info,ip_information,precall_network_information,events,quality_stats';

async function fetchScenario(sessionId: string, participantId: string, filters = true) {
  const query = filters ? `&filters=${ALL_FILTERS}` : '';
  const res = await app.request(
    `/api/sessions/${sessionId}/participants/${participantId}?include_peer_events=true${query}`,
  );
  return { status: res.status, body: await res.json() };
}

const participants = SCENARIOS.filter((s) => s.kind === 'participant');

describe('every mock scenario against the shared schema', () => {
  it.each(participants.filter((s) => s.key !== 'bad-data').map((s) => [s.key, s] as const))(
    '%s parses with no invalid field and matches the strict wire schema',
    async (_key, scenario) => {
      // The older deployment that refuses `filters` is read without them.
      const filters = !scenario.refusesFilters;
      const { status, body } = await fetchScenario(
        scenario.sessionId,
        scenario.participantId,
        filters,
      );
      expect(status).toBe(200);
      expect(z.safeParse(participantResponseWire, body).success).toBe(true);
      const parsed = z.safeParse(participantResponseSchema, body);
      expect(parsed.success).toBe(true);
      expect(findInvalid(parsed.data)).toEqual([]);
      // A long history's events read by hand make exactly what the schema makes, keys in order.
      if (scenario.key !== 'history-100k') {
        const answer = { status, body, text: '', headers: new Headers() };
        const quick = readLongHistory(answer).participant;
        expect(JSON.stringify(quick)).toBe(JSON.stringify(readParticipant(answer).participant));
      }
    },
    // The 100,002-event history is 42 MB of JSON, parsed twice: seconds on a loaded 2-core machine.
    30_000,
  );

  it('bad-data keeps every readable field and flags each malformed one with its raw value', async () => {
    const scenario = participants.find((s) => s.key === 'bad-data');
    if (!scenario) throw new Error('bad-data scenario missing');
    const { body } = await fetchScenario(scenario.sessionId, scenario.participantId);
    const parsed = z.safeParse(participantResponseSchema, body);
    expect(parsed.success).toBe(true);
    const flagged = Object.fromEntries(findInvalid(parsed.data).map((f) => [f.path, f.value.raw]));
    expect(flagged).toEqual({
      'data.participant.user_id': 12345,
      'data.participant.created_at': 'created_at',
      'data.participant.duration': '22.5',
      'data.participant.peer_events[3].event_name': 'PEER_RECONNECTING',
      'data.participant.peer_events[3].minutes_consumed': '3',
      'data.participant.peer_events[3].preset_view_type': 'HOLOGRAM',
      'data.participant.peer_events[4].created_at': 'yesterday',
      'data.participant.peer_events[4].minutes_consumed': -4,
      'data.participant.peer_events[5]': 'not an event',
      // Asked for with every filter: one odd field per section, each flagged on its own.
      'data.participant.peer_stats.device_info.cpus': 'eight',
      'data.participant.peer_stats.device_info.is_mobile': 'yes',
      'data.participant.peer_stats.ip_information.country': 42,
      'data.participant.peer_stats.precall_network_information.relay_connectivity': 'maybe',
      'data.participant.peer_stats.precall_network_information.rtt': 'fast',
    });
    const participant = parsed.data?.data;
    expect(
      participant && 'participant' in participant ? participant.participant : null,
    ).toMatchObject({
      display_name: expect.stringContaining('<script>'),
      joined_at: { ms: Date.UTC(2026, 10, 21, 14, 30), note: 'stray quote removed' },
    });
  });
});

describe('scenario consistency', () => {
  it.each(
    participants
      .filter((s) => !['bad-data', 'sparse', 'duration-mismatch'].includes(s.key))
      .map((s) => [s.key, s] as const),
  )('%s: duration is (left − joined) in minutes and events are in order', (_key, scenario) => {
    const { participant } = scenario.build(Date.UTC(2026, 10, 25, 12));
    const p = z.parse(participantResponseWire, { data: { participant } }).data?.participant;
    if (!p) throw new Error('no participant');
    const events = p.peer_events ?? [];
    const times = events.map((e) => e.created_at?.ms ?? Number.NaN);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const connected = events.reduce((sum, e) => sum + (e.minutes_consumed ?? 0), 0);
    if (p.left_at && p.joined_at) {
      const minutes = (p.left_at.ms - p.joined_at.ms) / 60_000;
      expect(p.duration).toBeCloseTo(minutes, 3);
      expect(connected).toBeLessThanOrEqual(minutes + 0.001);
    } else {
      expect(p.duration).toBeUndefined();
    }
  });

  // The long histories and the 8-hour series take seconds to build twice on a slow machine.
  it('is deterministic: the same scenario builds the same record twice', {
    timeout: 60_000,
  }, () => {
    for (const scenario of participants.filter((s) => !s.live)) {
      expect(JSON.stringify(scenario.build(0))).toBe(JSON.stringify(scenario.build(0)));
    }
  });

  it('has the huge history the dashboard must survive', () => {
    const huge = participants.find((s) => s.key === 'history-10k');
    const events = huge?.build(0).participant.peer_events;
    expect(Array.isArray(events) ? events.length : 0).toBeGreaterThanOrEqual(10_000);
  });
});
