import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { findInvalid, withSchemaOnly } from './lenient';
import { participantResponseSchema } from './participant-schema';

const answer = (peerEvents: unknown) => ({
  success: true,
  data: {
    participant: { id: 'p1', joined_at: '2026-11-21T14:00:12.400Z', peer_events: peerEvents },
  },
});

describe('peer events read quickly', () => {
  const cases: Array<[string, unknown]> = [
    [
      'events as the API sends them',
      [
        {
          id: 'e1',
          created_at: '2026-11-21T14:00:12.400Z',
          event_name: 'PEER_JOINING',
          minutes_consumed: 0,
          peer_id: 'peer-a',
          preset_view_type: 'GROUP_CALL',
          extra: true,
        },
      ],
    ],
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
      ],
    ],
    ['a list that is not a list', { id: 'e1' }],
  ];

  it.each(cases)('%s: exactly what the schemas alone make', (_, events) => {
    const text = JSON.stringify(answer(events));
    const quick = z.safeParse(participantResponseSchema, JSON.parse(text));
    const alone = withSchemaOnly(() => z.safeParse(participantResponseSchema, JSON.parse(text)));
    expect(quick.success).toBe(true);
    expect(quick.data).toStrictEqual(alone.data);
    expect(JSON.stringify(quick.data)).toBe(JSON.stringify(alone.data));
    expect(findInvalid(quick.data)).toStrictEqual(findInvalid(alone.data));
  });

  it("flags each malformed field of an event, in the fields' order", () => {
    const quick = z.safeParse(participantResponseSchema, answer(cases[1]?.[1]));
    expect(
      findInvalid(quick.data).map((f) => f.path.replace('data.participant.peer_events', '')),
    ).toEqual([
      '[0].updated_at',
      '[0].event_name',
      '[0].minutes_consumed',
      '[0].peer_id',
      '[0].preset_view_type',
      '[1].created_at',
      '[2]',
      '[3]',
      '[4]',
    ]);
  });
});
