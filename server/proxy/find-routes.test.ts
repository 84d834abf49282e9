import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  PERSON_SEARCH_BOUND,
  type PersonSearchLine,
  personSearchLine,
} from '../../src/api/person-search-schema';
import { loadConfig } from '../config';
import { createApp } from '../node-app';
import { quiet } from '../testing/quiet';
import { errorResponse, JSON_HEADERS } from './errors';
import { findRoutes } from './find-routes';
import { MAX_UPSTREAM_CALLS, SEARCH_CONCURRENCY } from './person-search';
import { apiRoutes } from './routes';
import type { Upstream } from './upstream';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const RANGE = 'start_time=2026-12-01T00:00:00Z&end_time=2026-12-07T00:00:00Z';
const LIST_QUERY =
  '?start_time=2026-12-01T00%3A00%3A00Z&end_time=2026-12-07T00%3A00%3A00Z' +
  '&sort_by=createdAt&sort_order=DESC&per_page=50';

type Call = { readonly path: string; readonly query: string; readonly signal: AbortSignal };
type Answer = (call: Call) => Response | Promise<Response>;

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: JSON_HEADERS });
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** An upstream that records each call and answers from `answer`, counting calls in flight. */
function double(answer: Answer) {
  const calls: Call[] = [];
  let inFlight = 0;
  let most = 0;
  const upstream: Upstream = {
    breaker: { state: () => 'closed' },
    async get(path, query, signal) {
      const call = { path, query, signal };
      calls.push(call);
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        return await answer(call);
      } finally {
        inFlight -= 1;
      }
    },
  };
  return { upstream, calls, most: () => most, inFlight: () => inFlight };
}

const sessionId = (i: number) => `sess-${i}`;

/** Resolves when released, or with the upstream's 499 as soon as the caller aborts. */
function held(signal: AbortSignal, release: Promise<void>): Promise<Response> {
  return new Promise((resolve) => {
    const gone = () => resolve(new Response(null, { status: 499 }));
    if (signal.aborted) return gone();
    signal.addEventListener('abort', gone, { once: true });
    void release.then(() => resolve(participants([])));
  });
}

function participants(list: unknown[]) {
  return json({
    success: true,
    data: {
      participants: list,
      paging: { start_offset: 1, end_offset: list.length, total_count: list.length },
    },
  });
}

/** Ana takes part in every third session: one entry, a user id sent as a number. */
const ana = (i: number) => ({
  id: `part-${i}`,
  display_name: 'Ana Lima',
  custom_participant_id: 'ana-42',
  user_id: 4242,
  joined_at: '2026-12-05T10:00:00Z',
  left_at: '2026-12-05T10:30:00+01:00',
  duration: 30,
  preset_name: 'agent',
  peer_stats: { device_info: {} },
});

type Canned = {
  /** Sessions in the range, newest first. */
  readonly sessions: number;
  /** The most sessions the upstream puts on a page, whatever per_page asks. */
  readonly pageCap?: number;
  /** Sessions whose participants list answers 502. */
  readonly failing?: ReadonlySet<number>;
  /** Holds a session's participants list until the promise settles. */
  readonly hold?: (i: number) => Promise<void> | undefined;
};

/** The sessions list and each session's participants, from a range of `sessions`. */
function canned(options: Canned): Answer {
  return (call) => {
    if (call.path === '/sessions') {
      const query = new URLSearchParams(call.query);
      const perPage = Math.min(Number(query.get('per_page') ?? 20), options.pageCap ?? 1000);
      const start = Number(query.get('page_no') ?? 0) * perPage;
      const ids = Array.from({ length: options.sessions }, (_, i) => i).slice(
        start,
        start + perPage,
      );
      return json({
        success: true,
        data: {
          sessions: ids.map((i) => ({
            id: sessionId(i),
            associated_id: 'meet-1',
            meeting_display_name: `Support call ${i}`,
            status: 'ENDED',
            type: 'meeting',
            started_at: '2026-12-05T09:00:00Z',
            ended_at: 1_765_000_000,
            minutes_consumed: 12,
          })),
        },
        paging: {
          start_offset: start + 1,
          end_offset: start + ids.length,
          total_count: options.sessions,
        },
      });
    }
    const i = Number(/^\/sessions\/sess-(\d+)\/participants$/.exec(call.path)?.[1]);
    if (options.failing?.has(i)) return errorResponse(502, 'upstream_error', 'RealtimeKit failed.');
    const hold = options.hold?.(i);
    if (hold) return held(call.signal, hold);
    return participants(i % 3 === 0 ? [ana(i)] : []);
  };
}

const SESSION_KEYS = [
  'id',
  'associated_id',
  'meeting_display_name',
  'status',
  'started_at',
  'ended_at',
];
const PARTICIPANT_KEYS = [
  'id',
  'display_name',
  'custom_participant_id',
  'user_id',
  'joined_at',
  'left_at',
  'duration',
];

/** One line, checked against the schema; a match carries none but the documented fields. */
function parseLine(text: string): PersonSearchLine {
  const line = z.parse(personSearchLine, JSON.parse(text));
  if (line.type === 'match') {
    for (const key of Object.keys(line.session)) expect(SESSION_KEYS).toContain(key);
    for (const key of Object.keys(line.participant)) expect(PARTICIPANT_KEYS).toContain(key);
  }
  return line;
}

/** Reads the body a line at a time, as the browser does. */
function lineReader(res: Response) {
  if (!res.body) throw new Error('no body');
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const next = async (): Promise<PersonSearchLine | null> => {
    for (;;) {
      const end = buffer.indexOf('\n');
      if (end >= 0) {
        const text = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        return parseLine(text);
      }
      const { done, value } = await reader.read();
      if (done) {
        expect(buffer).toBe('');
        return null;
      }
      buffer += decoder.decode(value, { stream: true });
    }
  };
  const until = async (wanted: (line: PersonSearchLine) => boolean) => {
    const seen: PersonSearchLine[] = [];
    for (let line = await next(); line; line = await next()) {
      seen.push(line);
      if (wanted(line)) return seen;
    }
    throw new Error('the stream ended first');
  };
  const rest = async () => {
    const seen: PersonSearchLine[] = [];
    for (let line = await next(); line; line = await next()) seen.push(line);
    return seen;
  };
  return { reader, next, until, rest };
}

/** The find routes at /api with a fixed clock; `spent` counts the per-user limit's takes. */
function findApp(upstream: Upstream) {
  const spent: string[] = [];
  const app = new Hono();
  app.route(
    '/api',
    findRoutes(
      upstream,
      (c) => {
        spent.push(new URL(c.req.url).pathname);
        return null;
      },
      () => NOW,
    ),
  );
  return { app, spent };
}

const search = (query: string) => `/api/person-search?${query}`;
const of = <T extends PersonSearchLine['type']>(lines: PersonSearchLine[], type: T) =>
  lines.filter((l): l is Extract<PersonSearchLine, { type: T }> => l.type === type);

describe('GET /api/sessions', () => {
  it('forwards the validated query, rebuilt in one order, and passes the body through', async () => {
    const body = { success: true, data: { sessions: [] }, paging: { total_count: 0 } };
    const { upstream, calls } = double(() => json(body));
    const { app, spent } = findApp(upstream);
    const res = await app.request(
      '/api/sessions?per_page=20&status=LIVE&end_time=2026-12-06T14:00:00%2B01:00' +
        '&start_time=2026-12-06T09:00:00Z&sort_order=ASC&sort_by=minutesConsumed&page_no=3' +
        '&search=Zo%C3%AB&associated_id=meet_1-A',
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(body);
    expect(calls.map((c) => [c.path, c.query])).toEqual([
      [
        '/sessions',
        '?start_time=2026-12-06T09%3A00%3A00Z&end_time=2026-12-06T13%3A00%3A00Z&status=LIVE' +
          '&search=Zo%C3%AB&associated_id=meet_1-A&sort_by=minutesConsumed&sort_order=ASC' +
          '&page_no=3&per_page=20',
      ],
    ]);
    expect(spent).toEqual(['/api/sessions']);
  });

  it.each([
    'start_time=2026-12-06',
    'start_time=2026-12-06T13:00:00',
    'end_time=tomorrow',
    'start_time=2026-12-06T13:00:00Z&end_time=2026-12-06T12:00:00Z',
    'start_time=2026-11-01T00:00:00Z&end_time=2026-12-06T00:00:00Z',
    'start_time=2026-10-01T00:00:00Z',
    'start_time=2026-10-01T00:00:00Z&end_time=2026-10-02T00:00:00Z',
    'status=ended',
    'sort_by=duration',
    'sort_order=up',
    'per_page=101',
    'page_no=-1',
    'associated_id=a%2Fb',
    'participants=true',
    'account_id=other',
  ])('refuses ?%s with 400 before any upstream call', async (query) => {
    const { upstream, calls } = double(() => json({}));
    const { app, spent } = findApp(upstream);
    const res = await app.request(`/api/sessions?${query}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.kind).toBe('invalid_request');
    expect(calls).toHaveLength(0);
    expect(spent).toHaveLength(0);
  });
});

describe('GET /api/meetings/:meeting_id/active-session', () => {
  it('forwards to the meeting’s active session, without a query', async () => {
    const body = { success: true, data: { id: 'sess-1', status: 'LIVE' } };
    const { upstream, calls } = double(() => json(body));
    const res = await findApp(upstream).app.request('/api/meetings/meet_1-A/active-session');
    expect(await res.json()).toEqual(body);
    expect(calls.map((c) => [c.path, c.query])).toEqual([
      ['/meetings/meet_1-A/active-session', ''],
    ]);
  });

  it.each([
    '/api/meetings/a%2Fb/active-session',
    '/api/meetings/a%20b/active-session',
    '/api/meetings/%/active-session',
    `/api/meetings/${'m'.repeat(65)}/active-session`,
    '/api/meetings//active-session',
    '/api/meetings/meet-1/active-session?include=all',
  ])('refuses %s with 400 before any upstream call', async (path) => {
    const { upstream, calls } = double(() => json({}));
    const { app, spent } = findApp(upstream);
    const res = await app.request(path);
    expect(res.status).toBe(400);
    expect((await res.json()).error.kind).toBe('invalid_request');
    expect(calls).toHaveLength(0);
    expect(spent).toHaveLength(0);
  });
});

describe('GET /api/person-search', () => {
  it.each([
    RANGE,
    `q=&${RANGE}`,
    `q=%20&${RANGE}`,
    `q=${'x'.repeat(101)}&${RANGE}`,
    `q=a%0Ab&${RANGE}`,
    'q=ana&start_time=2026-12-01T00:00:00Z',
    'q=ana&end_time=2026-12-07T00:00:00Z',
    'q=ana&start_time=2026-12-01&end_time=2026-12-07T00:00:00Z',
    'q=ana&start_time=2026-12-07T00:00:00Z&end_time=2026-12-01T00:00:00Z',
    'q=ana&start_time=2026-11-01T00:00:00Z&end_time=2026-12-07T00:00:00Z',
    'q=ana&start_time=2026-10-01T00:00:00Z&end_time=2026-10-02T00:00:00Z',
    `q=ana&${RANGE}&status=LIVE`,
    `q=ana&${RANGE}&per_page=100`,
  ])('refuses ?%s with 400 before any upstream call', async (query) => {
    const { upstream, calls } = double(() => json({}));
    const { app, spent } = findApp(upstream);
    const res = await app.request(search(query));
    expect(res.status).toBe(400);
    expect((await res.json()).error.kind).toBe('invalid_request');
    expect(calls).toHaveLength(0);
    expect(spent).toHaveLength(0);
  });

  it('searches the newest 50 of 120 sessions: 51 upstream calls, 4 at a time, one limit spent', async () => {
    const slow = canned({ sessions: 120 });
    const { upstream, calls, most } = double(async (call) => {
      await tick(2);
      return slow(call);
    });
    const { app, spent } = findApp(upstream);
    const res = await app.request(search(`q=Ana%20Lima&${RANGE}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const lines = await lineReader(res).rest();

    expect(lines[0]).toEqual({ type: 'range', sessions_in_range: 120, searching: 50 });
    expect(lines.at(-1)).toEqual({
      type: 'done',
      searched: 50,
      total: 50,
      failed: 0,
      matches: 17,
      truncated: true,
    });
    expect(calls.length).toBeLessThanOrEqual(MAX_UPSTREAM_CALLS);
    expect(calls[0]).toMatchObject({ path: '/sessions', query: LIST_QUERY });
    const searched = calls.slice(1);
    expect(searched.map((c) => c.path)).toEqual(
      Array.from(
        { length: PERSON_SEARCH_BOUND },
        (_, i) => `/sessions/${sessionId(i)}/participants`,
      ),
    );
    for (const call of searched) expect(call.query).toBe('?search=Ana%20Lima&per_page=100');
    expect(most()).toBe(SEARCH_CONCURRENCY);
    expect(spent).toEqual(['/api/person-search']);

    // A progress line after each session, counting up; every match before the end.
    expect(of(lines, 'progress').map((p) => p.searched)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    expect(lines.slice(1, -1).every((l) => l.type === 'match' || l.type === 'progress')).toBe(true);
    const matches = of(lines, 'match');
    expect(matches.map((m) => m.session.id).sort()).toEqual(
      Array.from({ length: 17 }, (_, i) => sessionId(i * 3)).sort(),
    );
    expect(matches.find((m) => m.session.id === 'sess-3')).toEqual({
      type: 'match',
      session: {
        id: 'sess-3',
        associated_id: 'meet-1',
        meeting_display_name: 'Support call 3',
        status: 'ENDED',
        started_at: '2026-12-05T09:00:00.000Z',
        ended_at: '2025-12-06T05:46:40.000Z',
      },
      participant: {
        id: 'part-3',
        display_name: 'Ana Lima',
        custom_participant_id: 'ana-42',
        user_id: '4242',
        joined_at: '2026-12-05T10:00:00.000Z',
        left_at: '2026-12-05T09:30:00.000Z',
        duration: 30,
      },
    });
  });

  it('reads a second list page when RealtimeKit answers short pages: at most 52 calls', async () => {
    const { upstream, calls } = double(canned({ sessions: 120, pageCap: 30 }));
    const lines = await lineReader(
      await findApp(upstream).app.request(search(`q=ana&${RANGE}`)),
    ).rest();
    const lists = calls.filter((c) => c.path === '/sessions');
    expect(lists.map((c) => c.query)).toEqual([
      LIST_QUERY,
      LIST_QUERY.replace('&per_page', '&page_no=1&per_page'),
    ]);
    expect(calls).toHaveLength(MAX_UPSTREAM_CALLS);
    expect(MAX_UPSTREAM_CALLS).toBe(52);
    expect(lines[0]).toEqual({ type: 'range', sessions_in_range: 120, searching: 50 });
    expect(lines.at(-1)).toMatchObject({ type: 'done', searched: 50, truncated: true });
  });

  it('searches every session of a small range and says it is complete', async () => {
    const { upstream, calls } = double(canned({ sessions: 7 }));
    const lines = await lineReader(
      await findApp(upstream).app.request(search(`q=ana&${RANGE}`)),
    ).rest();
    expect(calls).toHaveLength(8);
    expect(lines[0]).toEqual({ type: 'range', sessions_in_range: 7, searching: 7 });
    expect(lines.at(-1)).toEqual({
      type: 'done',
      searched: 7,
      total: 7,
      failed: 0,
      matches: 3,
      truncated: false,
    });
  });

  it('streams the first match while later sessions are still pending', async () => {
    let release = () => {};
    const later = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { upstream, inFlight } = double(
      canned({ sessions: 30, hold: (i) => (i >= 4 ? later : undefined) }),
    );
    const lines = lineReader(await findApp(upstream).app.request(search(`q=ana&${RANGE}`)));
    const first = await lines.until((l) => l.type === 'match');
    expect(first.at(-1)).toMatchObject({ type: 'match', session: { id: 'sess-0' } });
    expect(first.some((l) => l.type === 'done')).toBe(false);
    // The search cannot end before the release: sessions 4 to 7 are held upstream.
    await tick(10);
    expect(inFlight()).toBe(SEARCH_CONCURRENCY);
    release();
    const rest = await lines.rest();
    expect(rest.at(-1)).toMatchObject({ type: 'done', searched: 30, failed: 0 });
  });

  it.each([
    ['the browser aborts', 'abort'],
    ['the reader cancels the stream', 'cancel'],
  ] as const)(
    'stops when %s: no new upstream call, the ones in flight aborted',
    async (_name, how) => {
      const never = new Promise<void>(() => {});
      const { upstream, calls, inFlight } = double(
        canned({ sessions: 120, hold: (i) => (i >= 2 ? never : undefined) }),
      );
      const browser = new AbortController();
      const res = await findApp(upstream).app.request(search(`q=ana&${RANGE}`), {
        signal: browser.signal,
      });
      const lines = lineReader(res);
      await lines.until((l) => l.type === 'progress' && l.searched === 2);
      await tick(5);
      // Sessions 2 to 5 are held; nothing else is started while they are.
      expect(calls).toHaveLength(1 + 6);
      const pending = calls.slice(3);
      expect(pending.some((c) => c.signal.aborted)).toBe(false);

      if (how === 'abort') browser.abort();
      else await lines.reader.cancel();
      await tick(20);

      expect(calls).toHaveLength(1 + 6);
      for (const call of pending) expect(call.signal.aborted).toBe(true);
      expect(inFlight()).toBe(0);
    },
  );

  it('counts a session whose participants list fails, and goes on', async () => {
    const { upstream } = double(canned({ sessions: 10, failing: new Set([3, 4]) }));
    const lines = await lineReader(
      await findApp(upstream).app.request(search(`q=ana&${RANGE}`)),
    ).rest();
    expect(of(lines, 'progress').at(-1)).toEqual({
      type: 'progress',
      searched: 10,
      total: 10,
      failed: 2,
    });
    expect(lines.at(-1)).toEqual({
      type: 'done',
      searched: 10,
      total: 10,
      failed: 2,
      matches: 3,
      truncated: false,
    });
    expect(
      of(lines, 'match')
        .map((m) => m.session.id)
        .sort(),
    ).toEqual(['sess-0', 'sess-6', 'sess-9']);
  });

  it('answers one error line when the sessions list fails', async () => {
    const { upstream, calls } = double(() =>
      errorResponse(429, 'rate_limited', 'RealtimeKit is rate limiting this server’s token.', {
        'retry-after': '20',
      }),
    );
    const res = await findApp(upstream).app.request(search(`q=ana&${RANGE}`));
    expect(res.status).toBe(200);
    expect(await lineReader(res).rest()).toEqual([
      {
        type: 'error',
        kind: 'rate_limited',
        message: 'RealtimeKit is rate limiting this server’s token.',
      },
    ]);
    expect(calls).toHaveLength(1);
  });

  it('answers one error line when the sessions list cannot be read', async () => {
    for (const answer of [
      () => json({ success: true, data: 'no sessions' }),
      () => new Response('<html>', { status: 502 }),
    ]) {
      const { upstream } = double(answer);
      const lines = await lineReader(
        await findApp(upstream).app.request(search(`q=ana&${RANGE}`)),
      ).rest();
      expect(lines).toHaveLength(1);
      expect(lines[0]?.type).toBe('error');
    }
  });
});

describe('the find routes in the app', () => {
  const recent = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  const range = `start_time=${recent(3)}&end_time=${recent(1)}`;

  it('are reached before the session routes, which keep their own paths', async () => {
    const { upstream, calls } = double(() => json({ success: true, data: {} }));
    const app = new Hono();
    app.route(
      '/api',
      apiRoutes(loadConfig({ DIST_DIR: '/nonexistent' }), upstream, () => 'agent'),
    );
    for (const path of [
      '/api/sessions',
      '/api/sessions?status=LIVE',
      '/api/sessions/sess-1',
      '/api/sessions/sess-1/participants',
      '/api/sessions/sess-1/participants/part-1',
      '/api/sessions/peer-report/peer-1',
      '/api/meetings/meet-1/active-session',
    ]) {
      expect((await app.request(path)).status, path).toBe(200);
    }
    expect(calls.map((c) => c.path + c.query)).toEqual([
      '/sessions',
      '/sessions?status=LIVE',
      '/sessions/sess-1',
      '/sessions/sess-1/participants',
      '/sessions/sess-1/participants/part-1',
      '/sessions/peer-report/peer-1',
      '/meetings/meet-1/active-session',
    ]);
    expect((await app.request('/api/meetings/meet-1')).status).toBe(404);
    expect((await app.request('/api/sessions?status=LIVE&status=ENDED')).status).toBe(400);
  });

  it('spend the per-user limit once per person search, whatever its fan-out', async () => {
    const { upstream, calls } = double(canned({ sessions: 120 }));
    const config = loadConfig({ DIST_DIR: '/nonexistent', RATE_LIMIT_PER_USER: '2' });
    const app = new Hono();
    app.route(
      '/api',
      apiRoutes(config, upstream, () => 'agent'),
    );
    expect((await app.request(search(`q=ana`))).status).toBe(400);
    for (let n = 0; n < 2; n++) {
      const lines = await lineReader(await app.request(search(`q=ana&${range}`))).rest();
      expect(lines.at(-1)?.type).toBe('done');
    }
    expect(calls).toHaveLength(2 * 51);
    const third = await app.request(search(`q=ana&${range}`));
    expect(third.status).toBe(429);
    expect(calls).toHaveLength(2 * 51);
  });

  it('stream through the whole app: headers, lines as they come, a log line without the query', async () => {
    const { upstream } = double(canned({ sessions: 5 }));
    const options = quiet({ upstream });
    const app = createApp(loadConfig({ DIST_DIR: '/nonexistent' }), options);
    const res = await app.request(search(`q=secret-person&${range}`), {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const lines = await lineReader(res).rest();
    expect(lines[0]?.type).toBe('range');
    expect(of(lines, 'match')).toHaveLength(2);
    expect(of(lines, 'progress')).toHaveLength(5);
    expect(lines.at(-1)).toMatchObject({ type: 'done', searched: 5, matches: 2 });
    expect(JSON.stringify(options.lines)).not.toContain('secret-person');
  });
});
