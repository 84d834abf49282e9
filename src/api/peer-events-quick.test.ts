import { describe, expect, it } from 'vitest';
import { answerFetch } from '../test/fetch-stub';
import type { JsonAnswer } from './http';
import { findInvalid } from './lenient';
import { getParticipant, readParticipant } from './participant-query';
import { readLongHistory } from './peer-events-quick';

const answer = (participant: unknown, extra: object = {}): JsonAnswer => {
  const body = { success: true, data: { participant, ...extra } };
  const text = JSON.stringify(body);
  return { status: 200, body: JSON.parse(text), text, headers: new Headers() };
};

const plainEvent = {
  id: 'e1',
  created_at: '2026-11-21T14:00:12.400Z',
  event_name: 'PEER_JOINING',
  minutes_consumed: 0,
  peer_id: 'peer-a',
  preset_view_type: 'GROUP_CALL',
  extra: true,
};

/** Both reads of one answer, which must be the same value, keys in the same order. */
function expectSameRead(sent: JsonAnswer) {
  const alone = readParticipant(sent);
  const quick = readLongHistory(sent);
  expect(quick.participant).toStrictEqual(alone.participant);
  expect(JSON.stringify(quick.participant)).toBe(JSON.stringify(alone.participant));
  expect(findInvalid(quick.participant)).toStrictEqual(findInvalid(alone.participant));
  expect(quick.rawText).toBe(alone.rawText);
  return quick;
}

describe('a long history read by hand', () => {
  const cases: Array<[string, unknown]> = [
    ['events as the API sends them', [plainEvent]],
    [
      'nulls, negatives, epochs, unknown names and values that are not events',
      [
        {
          zz: 1,
          id: null,
          created_at: 1_763_733_612,
          updated_at: 'not a time',
          event_name: 'PEER_RECONNECTING',
          minutes_consumed: -1,
          peer_id: 7,
          preset_view_type: 'HOLOGRAM',
        },
        { minutes_consumed: -0, created_at: '2026-02-30T00:00:00.000Z' },
        null,
        'PEER_JOINING',
        [],
        JSON.parse('{"__proto__": {"id": "x"}, "id": "e2"}'),
      ],
    ],
    ['a list that is not a list', { id: 'e1' }],
    ['no list (null)', null],
  ];

  it.each(cases)('%s: exactly what the schema alone makes', (_, events) => {
    expectSameRead(
      answer({ id: 'p1', joined_at: '2026-11-21T14:00:12.400Z', peer_events: events, z: 1 }),
    );
  });

  it("flags each malformed field of an event, in the fields' order", () => {
    const read = expectSameRead(answer({ id: 'p1', peer_events: cases[1]?.[1] }));
    expect(findInvalid(read.participant).map((f) => f.path)).toEqual([
      'peer_events[0].updated_at',
      'peer_events[0].event_name',
      'peer_events[0].minutes_consumed',
      'peer_events[0].peer_id',
      'peer_events[0].preset_view_type',
      'peer_events[1].created_at',
      'peer_events[2]',
      'peer_events[3]',
      'peer_events[4]',
    ]);
  });

  it('reads -0 minutes as the schema does', () => {
    const text =
      '{"success":true,"data":{"participant":{"peer_events":[{"minutes_consumed":-0}]}}}';
    const read = expectSameRead({
      status: 200,
      body: JSON.parse(text),
      text,
      headers: new Headers(),
    });
    const events = read.participant.peer_events;
    const first = Array.isArray(events) ? events[0] : undefined;
    expect(first && 'minutes_consumed' in first && Object.is(first.minutes_consumed, 0)).toBe(true);
  });

  it('leaves answers without peer events, or that are not participants, to the schema', () => {
    expectSameRead(answer({ id: 'p1', duration: 3 }));
    expect(() => readLongHistory(answer('p1'))).toThrow(/data.participant could not be read/);
    expect(() => readLongHistory(answer(undefined))).toThrow(/no data.participant/);
  });

  it('is how getParticipant reads an answer over 2 MB', async () => {
    const events = Array.from({ length: 12_000 }, (_, i) => ({
      ...plainEvent,
      id: `e${i}`,
      minutes_consumed: i % 7 === 0 ? '3' : i / 10,
    }));
    const sent = answer({ id: 'p1', display_name: 'Long', peer_events: events });
    expect(sent.text.length).toBeGreaterThan(2_000_000);
    answerFetch(200, sent.body);
    const read = await getParticipant({
      sessionId: 's',
      participantId: 'p1',
      filters: [],
      includePeerEvents: true,
    });
    expect(JSON.stringify(read.participant)).toBe(
      JSON.stringify(readParticipant(sent).participant),
    );
    expect(read.participant.peer_events).toHaveLength(12_000);
    expect(findInvalid(read.participant)).toHaveLength(Math.ceil(12_000 / 7));
  });
});
