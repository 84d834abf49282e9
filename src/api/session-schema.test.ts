import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { findInvalid } from './lenient';
import {
  sessionParticipantsResponseSchema,
  sessionParticipantsResponseWire,
  sessionResponseWire,
} from './session-schema';

const read = (body: unknown) => z.parse(sessionParticipantsResponseSchema, body);
const paging = { start_offset: 1, end_offset: 2, total_count: 312 };
const participants = [{ id: 'p-1' }, { id: 'p-2' }];

describe('the participants list', () => {
  it('reads paging inside data, as the documented example sends it', () => {
    const { data } = read({ success: true, data: { participants, paging } });
    expect(data).toMatchObject({ paging: { total_count: 312 } });
  });

  it('reads paging beside data, as it has also been seen, as data.paging', () => {
    const { data } = read({ success: true, data: { participants }, paging });
    expect(data).toMatchObject({ paging: { start_offset: 1, end_offset: 2, total_count: 312 } });
    expect(
      z.safeParse(sessionParticipantsResponseWire, { data: { participants }, paging }).success,
    ).toBe(true);
  });

  it('prefers the paging inside data when both are sent, and flags a bad one where it stands', () => {
    const both = read({ data: { participants, paging }, paging: { total_count: 1 } });
    expect(both.data).toMatchObject({ paging: { total_count: 312 } });
    const bad = read({ data: { participants }, paging: { total_count: -3 } });
    expect(findInvalid(bad).map((f) => [f.path, f.value.raw])).toEqual([
      ['data.paging.total_count', -3],
      ['paging.total_count', -3],
    ]);
  });

  it('leaves an unreadable data as it was flagged', () => {
    expect(findInvalid(read({ data: 'none', paging })).map((f) => f.path)).toEqual(['data']);
  });
});

describe('the session details wire', () => {
  const session = {
    id: 's-1',
    associated_id: 'abcdef-ghijkl',
    meeting_display_name: 'Standup',
    status: 'ENDED',
    type: 'meeting',
    created_at: '2026-11-21T13:59:00.000Z',
    started_at: '2026-11-21T14:00:00.000Z',
    ended_at: '2026-11-21T14:50:00.000Z',
    updated_at: '2026-11-21T14:50:00.000Z',
    live_participants: 0,
    max_concurrent_participants: 9,
    minutes_consumed: 312.5,
    organization_id: 'org-1',
  };

  it('takes both documented shapes, with the fields the SDK requires', () => {
    for (const data of [session, { session }]) {
      expect(z.safeParse(sessionResponseWire, { success: true, data }).success).toBe(true);
    }
    const { organization_id: _, ...without } = session;
    expect(z.safeParse(sessionResponseWire, { data: without }).success).toBe(false);
    expect(z.safeParse(sessionResponseWire, { data: { ...session, ended_at: null } }).success).toBe(
      false,
    );
    expect(z.safeParse(sessionResponseWire, { data: { ...session, started_at: 1 } }).success).toBe(
      false,
    );
  });
});
