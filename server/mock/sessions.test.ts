import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { findInvalid } from '../../src/api/lenient';
import {
  sessionOf,
  sessionParticipantsResponseSchema,
  sessionParticipantsResponseWire,
  sessionResponseWire,
} from '../../src/api/session-schema';
import { CROWD, EMPTY_CALL, SESSIONS, TOWN_HALL } from './crowd';
import { DEMO_API_BASE, DEMO_APP_ID, DEMO_TOKEN } from './identity';
import { mockAt } from './in-process';
import { SCENARIOS } from './scenarios';
import { type Entry, listPage } from './sessions';

const BAD_DATA_ID = SCENARIOS.find((s) => s.key === 'bad-data')?.participantId;

const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);
const { mock, get } = mockAt(NOW);

type Page = {
  participants: Entry[];
  paging: { start_offset: number; end_offset: number; total_count: number };
};
const page = async (sessionId: string, query: string): Promise<Page> =>
  (await get(`/${sessionId}/participants${query}`)).body.data;

describe('the mock session endpoints against the shared schema', () => {
  it.each(SESSIONS.filter((s) => !s.rateLimitedList).map((s) => [s.meetingName, s] as const))(
    '%s: its list and details parse with no invalid field (bad data aside)',
    async (_name, info) => {
      const list = await get(`/${info.id}/participants?per_page=200`);
      expect(list.status).toBe(200);
      // The bad-data sample sends bad data on purpose; every other entry is as documented.
      const sent = list.body.data.participants.filter((p: Entry) => p.id !== BAD_DATA_ID);
      const wire = { ...list.body, data: { ...list.body.data, participants: sent } };
      expect(z.safeParse(sessionParticipantsResponseWire, wire).success).toBe(true);
      const parsed = z.safeParse(sessionParticipantsResponseSchema, list.body);
      expect(parsed.success).toBe(true);
      const invalid = findInvalid(parsed.data).filter((f) => !f.path.includes('participants['));
      expect(invalid).toEqual([]);
      const details = await get(`/${info.id}`);
      expect(details.status).toBe(200);
      expect(z.safeParse(sessionResponseWire, details.body).success).toBe(true);
      const session = sessionOf(details.body.data);
      expect(session?.id).toBe(info.id);
      expect(findInvalid(session)).toEqual([]);
      expect('session' in details.body.data).toBe(info.shape === 'wrapped');
    },
  );

  it('asks for the same bearer token and account as the participant endpoint', async () => {
    expect((await get(`/${TOWN_HALL}`, 'wrong')).status).toBe(401);
    const other = await mock.fetch(
      new Request(
        `${DEMO_API_BASE}/accounts/${'f'.repeat(32)}/realtime/kit/${DEMO_APP_ID}/sessions/${TOWN_HALL}`,
        { headers: { authorization: `Bearer ${DEMO_TOKEN}` } },
      ),
    );
    expect(other.status).toBe(403);
  });

  it('answers an unknown session with RealtimeKit’s 404 envelope', async () => {
    for (const path of ['/no-such-session', '/no-such-session/participants']) {
      expect(await get(path)).toEqual({
        status: 404,
        body: { success: false, error: { code: 404, message: 'Session not found' } },
      });
    }
  });

  it('knows a session nobody has joined yet: no participants, LIVE', async () => {
    const empty = await page(EMPTY_CALL, '');
    expect(empty.participants).toEqual([]);
    expect(empty.paging.total_count).toBe(0);
    expect((await get(`/${EMPTY_CALL}`)).body.data.session.status).toBe('LIVE');
  });
});

describe('the 312-participant town hall', () => {
  it('pages exactly: first, per_page 200, the last page and beyond the end', async () => {
    const first = await page(TOWN_HALL, '');
    expect(first.participants).toHaveLength(20);
    expect(first.paging).toEqual({ start_offset: 1, end_offset: 20, total_count: 312 });
    const big = await page(TOWN_HALL, '?per_page=200');
    const rest = await page(TOWN_HALL, '?per_page=200&page_no=1');
    expect(big.participants).toHaveLength(200);
    expect(rest.participants).toHaveLength(112);
    expect(rest.paging).toEqual({ start_offset: 201, end_offset: 312, total_count: 312 });
    const ids = [...big.participants, ...rest.participants].map((p) => p.id);
    expect(new Set(ids).size).toBe(312);
    const last = await page(TOWN_HALL, '?per_page=50&page_no=6');
    expect(last.participants).toHaveLength(12);
    const beyond = await page(TOWN_HALL, '?per_page=50&page_no=7');
    expect(beyond.participants).toEqual([]);
    expect(beyond.paging.total_count).toBe(312);
  });

  it('sorts by join time and by duration, both ways, as exact mirrors', async () => {
    const joined = (p: Entry) => Date.parse(String(p.joined_at));
    const asc = [
      ...(await page(TOWN_HALL, '?per_page=200&sort_by=joinedAt&sort_order=ASC')).participants,
      ...(await page(TOWN_HALL, '?per_page=200&page_no=1&sort_by=joinedAt&sort_order=ASC'))
        .participants,
    ];
    expect(asc.map(joined)).toEqual([...asc.map(joined)].sort((a, b) => a - b));
    const desc = [
      ...(await page(TOWN_HALL, '?per_page=200&sort_order=DESC')).participants,
      ...(await page(TOWN_HALL, '?per_page=200&page_no=1&sort_order=DESC')).participants,
    ];
    expect(desc.map((p) => p.id)).toEqual(asc.map((p) => p.id).reverse());
    const longest = await page(TOWN_HALL, '?per_page=5&sort_by=duration&sort_order=DESC');
    const minutes = longest.participants.map((p) => Number(p.duration ?? Number.POSITIVE_INFINITY));
    expect(minutes).toEqual([...minutes].sort((a, b) => b - a));
  });

  it('searches id, custom id and display name, case-insensitively', async () => {
    const someone = CROWD.find((s) => s.key === 'town-hall-42');
    if (!someone) throw new Error('no town-hall-42');
    const byId = await page(
      TOWN_HALL,
      `?search=${someone.participantId.slice(4, 14).toUpperCase()}`,
    );
    expect(byId.participants.map((p) => p.id)).toEqual([someone.participantId]);
    const byCustom = await page(TOWN_HALL, '?search=EMP-00042');
    expect(byCustom.participants.map((p) => p.custom_participant_id)).toEqual(['emp-00042']);
    const byName = await page(TOWN_HALL, `?search=${encodeURIComponent('李小')}`);
    expect(byName.participants.map((p) => p.display_name)).toEqual(['李小龍']);
    const none = await page(TOWN_HALL, '?search=nobody-called-this');
    expect(none).toEqual({
      participants: [],
      paging: { start_offset: 1, end_offset: 0, total_count: 0 },
    });
  });

  it('has people still in the session and hostile names, kept as sent', async () => {
    const all = (await page(TOWN_HALL, '?per_page=200')).participants;
    expect(all.some((p) => p.left_at === undefined)).toBe(true);
    expect(all.map((p) => p.display_name)).toContain('\u202Eevil\u202C Admin');
    const details = (await get(`/${TOWN_HALL}`)).body.data;
    expect(details.status).toBe('LIVE');
    expect(details.max_concurrent_participants).toBeGreaterThan(50);
  });
});

describe('listPage', () => {
  const entries: Entry[] = [
    { id: 'b', display_name: 'Bea', joined_at: '2026-01-01T10:00:00Z', duration: 5 },
    { id: 'a', display_name: 'Al', joined_at: '2026-01-01T10:00:00Z', duration: 9 },
    { id: 'c', display_name: 'Cy', joined_at: 'garbage', duration: 1 },
  ];
  it('breaks ties by id and puts unreadable times last', () => {
    const { participants } = listPage(entries, { sortBy: 'joinedAt' }, NOW);
    expect(participants.map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });
});
