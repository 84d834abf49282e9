import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  activeSessionResponseWire,
  sessionsListResponseWire,
} from '../../src/api/sessions-list-schema';
import { LIVE_CALL, SESSIONS } from './crowd';
import {
  createDirectory,
  type Directory,
  JANE,
  LIVE_MEETING,
  LIVE_SESSION_ID,
  MARCO,
  MEETINGS,
} from './directory';
import { DEMO_ACCOUNT_ID, DEMO_API_BASE, DEMO_APP_ID, DEMO_TOKEN } from './identity';
import { mockAt } from './in-process';
import { type Entry, sessionDetails } from './sessions';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Monday 7 Dec 2026, 11:48 UTC. */
const NOW = Date.UTC(2026, 11, 7, 11, 48);
const YESTERDAY = Date.UTC(2026, 11, 6);

type Row = {
  id: string;
  associated_id: string;
  meeting_display_name: string;
  status: 'LIVE' | 'ENDED';
  created_at: string;
  started_at: string;
  ended_at?: string;
  minutes_consumed: number;
  live_participants: number;
};

/** Each directory session with its participants' list entries, as the directory holds them. */
function sessionsOf(directory: Directory) {
  return directory.sessions.map((info) => {
    const entries = directory.scenariosOf(info.id).map((s) => s.summary?.() ?? {});
    return { info, entries, details: sessionDetails(info, entries, NOW) };
  });
}

const withPerson = (directory: Directory, customId: string) =>
  sessionsOf(directory).flatMap(({ info, entries }) =>
    entries
      .filter((e) => e.custom_participant_id === customId)
      .map((e) => ({ info, joined: Date.parse(String(e.joined_at)), name: e.display_name })),
  );

describe('the directory of sessions', () => {
  // Monday late morning, a Saturday just after midnight, a Thursday evening.
  const anchors = [NOW, Date.UTC(2026, 11, 12, 0, 20), Date.UTC(2026, 11, 17, 22, 59)];

  it.each(anchors.map((at) => [new Date(at).toISOString(), at] as const))(
    'at %s: 200+ sessions in the last 14 days, one live meeting, Jane and Marco recurring',
    (_, now) => {
      const directory = createDirectory(now);
      const all = sessionsOf(directory);
      const starts = all.map((s) => Date.parse(s.details.started_at));
      expect(starts.every((t) => t >= now - 14 * DAY && t <= now)).toBe(true);
      expect(all.length).toBeGreaterThanOrEqual(200);
      for (const { entries, details } of all) {
        expect(entries.length).toBeGreaterThanOrEqual(2);
        expect(entries.length).toBeLessThanOrEqual(10);
        if (details.status === 'ENDED')
          expect(Date.parse(details.ended_at ?? '')).toBeLessThan(now);
      }
      const live = directory.sessions.filter((s) => s.status === 'LIVE');
      expect(live.map((s) => [s.id, s.associatedId])).toEqual([[LIVE_SESSION_ID, LIVE_MEETING.id]]);

      const jane = withPerson(directory, JANE.customId);
      expect(new Set(jane.map((j) => j.info.id)).size).toBeGreaterThanOrEqual(6);
      expect(new Set(jane.map((j) => j.name)).size).toBeGreaterThanOrEqual(2);
      const today = Math.floor(now / DAY) * DAY;
      const yesterdayAfternoon = jane.filter(
        (j) => j.joined >= today - DAY + 13 * HOUR && j.joined < today - DAY + 17 * HOUR,
      );
      expect(yesterdayAfternoon).toHaveLength(1);
      const thisWeek = jane.filter((j) => j.joined >= now - 7 * DAY && j.joined < today - DAY);
      expect(thisWeek.length).toBeGreaterThanOrEqual(1);
      expect(new Set(withPerson(directory, MARCO.customId).map((m) => m.info.id)).size).toBe(5);
    },
  );

  it('has the live meeting started within the hour, three people still in it', () => {
    const live = sessionsOf(createDirectory(NOW)).find((s) => s.info.id === LIVE_SESSION_ID);
    expect(live?.details).toMatchObject({
      status: 'LIVE',
      meeting_display_name: LIVE_MEETING.title,
      live_participants: 3,
    });
    expect(live?.details.ended_at).toBeUndefined();
    expect(NOW - Date.parse(live?.details.started_at ?? '')).toBeLessThan(HOUR);
  });

  it('keeps meeting ids and titles across a meeting’s sessions, and is the same within the hour', () => {
    const directory = createDirectory(NOW);
    const standups = directory.sessions.filter((s) => s.associatedId === MEETINGS.standup.id);
    expect(standups.length).toBeGreaterThanOrEqual(9);
    expect(new Set(standups.map((s) => s.meetingName))).toEqual(new Set(['Daily stand-up']));
    const later = createDirectory(NOW + 10 * MIN);
    const ended = (d: Directory) =>
      sessionsOf(d)
        .filter((s) => s.info.status === 'ENDED')
        .map((s) => [s.info.id, s.details.started_at, s.entries.map((e) => e.id)]);
    expect(ended(later)).toEqual(ended(directory));
  });
});

// ---- through the mock's routes ----

const { get, mock } = mockAt(NOW);
const KIT = `${DEMO_API_BASE}/accounts/${DEMO_ACCOUNT_ID}/realtime/kit/${DEMO_APP_ID}`;
const directory = createDirectory(NOW);
const TOTAL = SESSIONS.length + directory.sessions.length;

type ListBody = {
  data: { sessions: Row[] };
  paging: { start_offset: number; end_offset: number; total_count: number };
};

async function list(query: string): Promise<ListBody> {
  const res = await get(query === '' ? '' : `?${query}`);
  expect(res.status, query).toBe(200);
  expect(z.safeParse(sessionsListResponseWire, res.body).success).toBe(true);
  return res.body;
}

/** Every page of a query, concatenated. */
async function everything(query: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (let page = 0; ; page++) {
    const body = await list(`${query}&per_page=100&page_no=${page}`);
    rows.push(...body.data.sessions);
    if (body.paging.end_offset >= body.paging.total_count) return rows;
  }
}

const ids = (rows: readonly Row[]) => rows.map((r) => r.id);
const createdAt = (r: Row) => Date.parse(r.created_at);

describe('GET /accounts/:account/realtime/kit/:app/sessions', () => {
  it('lists every session the mock knows, newest first, 20 a page, paging at the top level', async () => {
    const body = await list('');
    expect(body.data.sessions).toHaveLength(20);
    expect(body.paging).toEqual({ start_offset: 1, end_offset: 20, total_count: TOTAL });
    const times = body.data.sessions.map(createdAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const all = await everything('sort_order=ASC');
    expect(new Set(ids(all)).size).toBe(TOTAL);
    expect(ids(all)).toEqual(expect.arrayContaining(SESSIONS.map((s) => s.id)));
  });

  it('agrees with each session’s own details', async () => {
    const rows = (await list('per_page=100')).data.sessions;
    for (const row of [...rows.slice(0, 3), ...rows.filter((r) => r.status === 'LIVE')]) {
      const { body } = await get(`/${row.id}`);
      expect(body.data.session ?? body.data, row.meeting_display_name).toEqual(row);
    }
  });

  it('keeps the sessions that started within [start_time, end_time]', async () => {
    const from = new Date(YESTERDAY).toISOString();
    const to = new Date(YESTERDAY + DAY - 1).toISOString();
    const rows = await everything(`start_time=${from}&end_time=${to}`);
    const all = await everything('sort_order=DESC');
    const expected = all.filter((r) => r.started_at >= from && r.started_at <= to);
    expect(rows.length).toBeGreaterThan(2);
    expect(ids(rows)).toEqual(ids(expected));
    // Both ends count, and a time without a zone is UTC.
    const [first] = rows.slice(-1);
    const exact = await list(
      `start_time=${first?.started_at.replace('.000Z', '')}&end_time=${first?.started_at}`,
    );
    expect(ids(exact.data.sessions)).toContain(first?.id);
    // The directory, and the demo's sessions dated from now (the live ones among them).
    const last14 = await everything(`start_time=${new Date(NOW - 14 * DAY).toISOString()}`);
    const demo = new Set(SESSIONS.map((s) => s.id));
    expect(new Set(ids(last14).filter((id) => !demo.has(id)))).toEqual(
      new Set(directory.sessions.map((s) => s.id)),
    );
  });

  it('filters by status', async () => {
    const live = await everything('status=LIVE');
    expect(live.every((r) => r.status === 'LIVE' && r.ended_at === undefined)).toBe(true);
    expect(ids(live)).toEqual(expect.arrayContaining([LIVE_SESSION_ID, LIVE_CALL]));
    const ended = await list('status=ENDED&per_page=1');
    expect(ended.paging.total_count).toBe(TOTAL - live.length);
  });

  it('searches the meeting’s title, the meeting’s id and the session’s id, case-insensitively', async () => {
    const byTitle = await everything('search=DAILY%20stand');
    expect(byTitle.length).toBeGreaterThanOrEqual(9);
    expect(byTitle.every((r) => r.meeting_display_name === 'Daily stand-up')).toBe(true);
    const byMeeting = await everything(`search=${LIVE_MEETING.id.slice(3, 17).toUpperCase()}`);
    expect(new Set(byMeeting.map((r) => r.associated_id))).toEqual(new Set([LIVE_MEETING.id]));
    const bySession = await list(`search=${LIVE_SESSION_ID.slice(-12)}`);
    expect(ids(bySession.data.sessions)).toEqual([LIVE_SESSION_ID]);
    const none = await list('search=nothing-called-this');
    expect(none).toMatchObject({
      data: { sessions: [] },
      paging: { start_offset: 1, end_offset: 0, total_count: 0 },
    });
  });

  it('filters by associated_id exactly', async () => {
    const rows = await everything(`associated_id=${LIVE_MEETING.id}`);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.associated_id === LIVE_MEETING.id)).toBe(true);
    expect((await list(`associated_id=${LIVE_MEETING.id.slice(1)}`)).paging.total_count).toBe(0);
  });

  it('sorts by minutes consumed and by creation, both ways', async () => {
    const minutes = await everything('sort_by=minutesConsumed&sort_order=ASC');
    const used = minutes.map((r) => r.minutes_consumed);
    expect(used).toEqual([...used].sort((a, b) => a - b));
    const desc = await everything('sort_by=minutesConsumed&sort_order=DESC');
    expect(ids(desc)).toEqual(ids(minutes).reverse());
    const oldest = await everything('sort_by=createdAt&sort_order=ASC');
    const times = oldest.map(createdAt);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(ids(await everything('sort_by=createdAt'))).toEqual(ids(oldest).reverse());
  });

  it('pages from 0 with 1-based offsets, and serves at most 100 a page', async () => {
    const third = await list('per_page=7&page_no=2');
    expect(third.paging).toEqual({ start_offset: 15, end_offset: 21, total_count: TOTAL });
    const all = await everything('sort_order=DESC');
    expect(ids(third.data.sessions)).toEqual(ids(all.slice(14, 21)));
    expect((await list('per_page=500')).data.sessions).toHaveLength(100);
    const beyond = await list('per_page=100&page_no=9');
    expect(beyond.data.sessions).toEqual([]);
    expect(beyond.paging.total_count).toBe(TOTAL);
    // Taken and ignored, as SDK 7.3.0 types it.
    expect((await list('participants=jane&per_page=1')).paging.total_count).toBe(TOTAL);
  });

  it.each([
    'start_time=yesterday',
    'end_time=2026-12-07T25:00:00Z',
    'start_time=2026-12-07T10:00:00Z&end_time=2026-12-06T10:00:00Z',
    'status=live',
    'sort_by=duration',
    'sort_order=up',
    'page_no=-1',
    'per_page=1.5',
    'search=%00',
    'page=2',
    'status=LIVE&status=ENDED',
  ])('refuses %s with RealtimeKit’s 400', async (query) => {
    const res = await get(`?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, error: { code: 400 } });
  });

  it('asks for the same token, account and app as the other routes', async () => {
    expect((await get('', 'wrong')).status).toBe(401);
    const other = (path: string) =>
      mock.fetch(new Request(path, { headers: { authorization: `Bearer ${DEMO_TOKEN}` } }));
    const account = `${DEMO_API_BASE}/accounts/${'f'.repeat(32)}/realtime/kit/${DEMO_APP_ID}/sessions`;
    expect((await other(account)).status).toBe(403);
    const app = `${DEMO_API_BASE}/accounts/${DEMO_ACCOUNT_ID}/realtime/kit/nope/sessions`;
    expect((await other(app)).status).toBe(404);
  });
});

describe('GET /accounts/:account/realtime/kit/:app/meetings/:meeting/active-session', () => {
  const active = async (meeting: string) => {
    const res = await mock.fetch(
      new Request(`${KIT}/meetings/${meeting}/active-session`, {
        headers: { authorization: `Bearer ${DEMO_TOKEN}` },
      }),
    );
    return { status: res.status, body: await res.json() };
  };

  it('answers the live meeting’s session, as its details say', async () => {
    const { status, body } = await active(LIVE_MEETING.id);
    expect(status).toBe(200);
    expect(z.safeParse(activeSessionResponseWire, body).success).toBe(true);
    expect(body.data).toEqual((await get(`/${LIVE_SESSION_ID}`)).body.data);
    const demo = SESSIONS.find((s) => s.id === LIVE_CALL);
    expect((await active(demo?.associatedId ?? '')).body.data.id).toBe(LIVE_CALL);
  });

  it('answers RealtimeKit’s 404 when no session is live, and for an unknown meeting', async () => {
    expect(await active(MEETINGS.standup.id)).toEqual({
      status: 404,
      body: {
        success: false,
        error: { code: 404, message: 'No active session found for this meeting' },
      },
    });
    expect(await active('no-such-meeting')).toMatchObject({
      status: 404,
      body: { success: false },
    });
  });
});

describe('a directory session’s participants', () => {
  const janeYesterday = directory.sessions.find((s) =>
    directory
      .scenariosOf(s.id)
      .some(
        (p) =>
          p.summary?.().custom_participant_id === JANE.customId &&
          Date.parse(String(p.summary().joined_at)) > YESTERDAY,
      ),
  );
  const spotChecks = [
    janeYesterday,
    directory.sessions.find((s) => s.id === LIVE_SESSION_ID),
    directory.sessions.find((s) => s.associatedId === MEETINGS.webinar.id),
    directory.sessions[0],
  ];

  it.each(spotChecks.map((s) => [s?.meetingName, s] as const))(
    '%s: its list, each participant’s details and the session’s details agree',
    async (_, info) => {
      if (!info) throw new Error('no such session');
      const { body } = await get(`/${info.id}/participants?per_page=50`);
      const listed: Entry[] = body.data.participants;
      expect(new Set(listed.map((p) => p.id))).toEqual(
        new Set(directory.scenariosOf(info.id).map((s) => s.participantId)),
      );
      for (const entry of listed) {
        const details = await get(`/${info.id}/participants/${entry.id}?include_peer_events=true`);
        expect(details.status).toBe(200);
        const { peer_events: events, ...record } = details.body.data.participant;
        expect(record).toEqual(entry);
        expect(events.length).toBeGreaterThanOrEqual(2);
      }
      const session = (await get(`/${info.id}`)).body.data;
      expect(session).toMatchObject({ id: info.id, associated_id: info.associatedId });
      expect(session.live_participants).toBe(listed.filter((p) => p.left_at === undefined).length);
    },
  );

  it('finds Jane by her custom id in her session’s list', async () => {
    const { body } = await get(`/${janeYesterday?.id}/participants?search=CRM-60931`);
    expect(body.data.participants).toHaveLength(1);
    expect(body.data.participants[0]).toMatchObject({
      custom_participant_id: JANE.customId,
      display_name: 'Jane Doe',
    });
  });

  it('answers a directory peer’s report', async () => {
    const [jane] = (await get(`/${janeYesterday?.id}/participants?search=crm-60931`)).body.data
      .participants;
    const details = await get(
      `/${janeYesterday?.id}/participants/${jane.id}?include_peer_events=true`,
    );
    const peerId = details.body.data.participant.peer_events[0].peer_id;
    const report = await get(`/peer-report/${peerId}`);
    expect(report.status).toBe(200);
    expect(report.body.data.participant).toMatchObject({
      id: jane.id,
      session_id: janeYesterday?.id,
    });
  });
});
