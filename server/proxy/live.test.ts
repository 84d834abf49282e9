import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LiveRig, liveRig, rawGet, refusedBeforeUpstream } from '../testing/listen';

const TOKEN = 'cf-live-token-Zq8vW3xY7pK2mN5r';
const ACCOUNT = '1234567890abcdef1234567890abcdef';
const APP_ID = 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff';

let rig: LiveRig;
let upstream: LiveRig['upstream'];
let server: LiveRig['server'];
let answer: (res: import('node:http').ServerResponse) => void;

beforeAll(async () => {
  rig = await liveRig({
    token: TOKEN,
    accountId: ACCOUNT,
    appId: APP_ID,
    answer: (_req, res) => answer(res),
  });
  ({ upstream, server } = rig);
});

afterAll(() => rig.close());

beforeEach(() => {
  upstream.seen.length = 0;
  answer = (res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'set-cookie': 'cf=1',
      'x-upstream-secret': 'yes',
    });
    res.end(
      JSON.stringify({ success: true, data: { participant: { id: 'p-1', display_name: 'Ana' } } }),
    );
  };
});

describe('GET /api/sessions/:session_id/participants/:participant_id (live mode)', () => {
  it('reaches exactly the documented upstream path with the query and the bearer token', async () => {
    const res = await fetch(
      `${server.url}/api/sessions/sess_1/participants/part-2?filters=device_info,events&include_peer_events=true&extra=1`,
      {
        headers: {
          authorization: 'Bearer browser-token',
          cookie: 'session=abc',
          'x-forwarded-for': '1.2.3.4',
        },
      },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      success: true,
      data: { participant: { id: 'p-1', display_name: 'Ana' } },
    });
    expect(upstream.seen).toHaveLength(1);
    const seen = upstream.seen[0];
    expect(seen?.url).toBe(
      `/client/v4/accounts/${ACCOUNT}/realtime/kit/${APP_ID}/sessions/sess_1/participants/part-2?filters=device_info,events&include_peer_events=true`,
    );
    expect(seen?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen?.headers.cookie).toBeUndefined();
    expect(seen?.headers['x-forwarded-for']).toBeUndefined();
  });

  it('never lets the token or upstream headers reach the browser', async () => {
    answer = (res) => {
      res.writeHead(404, { 'content-type': 'application/json', 'set-cookie': 'a=b' });
      res.end(
        JSON.stringify({
          success: false,
          error: { code: 404, message: `no participant for Bearer ${TOKEN}` },
        }),
      );
    };
    const res = await fetch(`${server.url}/api/sessions/s/participants/p`);
    const text = await res.text();
    expect(res.status).toBe(404);
    expect(text).not.toContain(TOKEN);
    // Nothing of the upstream error body reaches the browser, nor the account id.
    expect(text).not.toContain('no participant for');
    expect(text).not.toContain(ACCOUNT);
    const headers = [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
    expect(headers).not.toContain(TOKEN);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('passes a 429 on with its Retry-After', async () => {
    answer = (res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '42' });
      res.end(
        JSON.stringify({ success: false, errors: [{ code: 10100, message: 'Rate limited' }] }),
      );
    };
    const res = await fetch(`${server.url}/api/sessions/s/participants/p`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('42');
    expect((await res.json()).error.kind).toBe('rate_limited');
  });

  it('turns an HTML error page into a JSON 502', async () => {
    answer = (res) => {
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end('<html><body>Service unavailable</body></html>');
    };
    const res = await fetch(`${server.url}/api/sessions/s/participants/p`);
    expect(res.status).toBe(502);
    const body = await res.json();
    expect(body.error.kind).toBe('upstream_bad_body');
    expect(body.error.message).toContain('HTTP 503 with an HTML page');
  });

  it('turns a truncated JSON body into a JSON 502', async () => {
    answer = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"success":true,"data":{"partici');
    };
    const res = await fetch(`${server.url}/api/sessions/s/participants/p`);
    expect(res.status).toBe(502);
    expect((await res.json()).error.kind).toBe('upstream_bad_body');
  });

  it('answers 504 when the upstream does not answer in time', async () => {
    answer = () => {};
    const started = Date.now();
    const res = await fetch(`${server.url}/api/sessions/s/participants/p`);
    expect(res.status).toBe(504);
    expect((await res.json()).error.kind).toBe('upstream_timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('GET /api/sessions/peer-report/:peer_id (live mode)', () => {
  it('reaches exactly the documented upstream path with the checked query and the bearer token', async () => {
    const res = await fetch(
      `${server.url}/api/sessions/peer-report/peer_9-Z?include_peer_events=false&filters=events,device_info`,
      { headers: { authorization: 'Bearer browser-token', cookie: 'session=abc' } },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain(TOKEN);
    expect(upstream.seen).toHaveLength(1);
    const seen = upstream.seen[0];
    expect(seen?.url).toBe(
      `/client/v4/accounts/${ACCOUNT}/realtime/kit/${APP_ID}/sessions/peer-report/peer_9-Z?filters=device_info,events&include_peer_events=false`,
    );
    expect(seen?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen?.headers.cookie).toBeUndefined();
  });

  it('never lets the token or the upstream error body reach the browser', async () => {
    answer = (res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ success: false, error: { code: 404, message: `no peer ${TOKEN}` } }),
      );
    };
    const res = await fetch(`${server.url}/api/sessions/peer-report/p`);
    const text = await res.text();
    expect(res.status).toBe(404);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('no peer');
    expect(text).not.toContain(ACCOUNT);
  });
});

describe('GET /api/sessions/:session_id/participants and /api/sessions/:session_id (live mode)', () => {
  it('reach exactly the documented upstream paths with the checked query and the bearer token', async () => {
    answer = (res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'cf=1' });
      res.end(JSON.stringify({ success: true, data: { participants: [], paging: {} } }));
    };
    const list = await fetch(
      `${server.url}/api/sessions/sess_1/participants?sort_order=DESC&search=Zo%C3%AB%20%26%20co&per_page=200&page_no=3&sort_by=duration`,
      { headers: { authorization: 'Bearer browser-token', cookie: 'session=abc' } },
    );
    expect(list.status).toBe(200);
    expect(list.headers.get('set-cookie')).toBeNull();
    const details = await fetch(`${server.url}/api/sessions/sess_1`);
    expect(details.status).toBe(200);
    expect(upstream.seen.map((s) => s.url)).toEqual([
      `/client/v4/accounts/${ACCOUNT}/realtime/kit/${APP_ID}/sessions/sess_1/participants?search=Zo%C3%AB%20%26%20co&page_no=3&per_page=200&sort_by=duration&sort_order=DESC`,
      `/client/v4/accounts/${ACCOUNT}/realtime/kit/${APP_ID}/sessions/sess_1`,
    ]);
    for (const seen of upstream.seen) {
      expect(seen.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(seen.headers.cookie).toBeUndefined();
    }
  });

  it('never lets the token or the upstream error body reach the browser', async () => {
    answer = (res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ success: false, error: { code: 404, message: `no session ${TOKEN}` } }),
      );
    };
    for (const path of ['/api/sessions/s/participants', '/api/sessions/s']) {
      const res = await fetch(`${server.url}${path}`);
      const text = await res.text();
      expect(res.status).toBe(404);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain('no session');
      expect(text).not.toContain(ACCOUNT);
    }
  });
});

describe('id validation happens before any upstream call', () => {
  const bad = [
    '/api/sessions/../participants/p',
    '/api/sessions/%2e%2e/participants/p',
    '/api/sessions/.%2E/participants/p',
    '/api/sessions/s/participants/..',
    '/api/sessions/s/participants/.',
    '/api/sessions/..%2F..%2Fzones/participants/p',
    '/api/sessions/a%2Fb/participants/p',
    '/api/sessions/a%252Fb/participants/p',
    '/api/sessions/a%5Cb/participants/p',
    '/api/sessions/a\\b/participants/p',
    '/api/sessions/a%3Fx%3D1/participants/p',
    '/api/sessions/a%23frag/participants/p',
    '/api/sessions/a%20b/participants/p',
    '/api/sessions/a%00/participants/p',
    '/api/sessions/%/participants/p',
    `/api/sessions/${'x'.repeat(65)}/participants/p`,
    `/api/sessions/s/participants/${'y'.repeat(65)}`,
    '/api/sessions//participants/p',
    '/api/sessions/s/participants/',
    '/api/sessions/s/participants/p?filters=all',
    '/api/sessions/s/participants/p?filters=device_info%2C..%2F',
    '/api/sessions/s/participants/p?include_peer_events=1',
  ];

  refusedBeforeUpstream(() => rig, bad);

  it('accepts the longest valid ids', async () => {
    const res = await rawGet(
      server.port,
      `/api/sessions/${'A'.repeat(64)}/participants/${'_-9'.repeat(21)}z`,
    );
    expect(res.status).toBe(200);
    expect(upstream.seen).toHaveLength(1);
  });
});

describe('a query key given twice is refused on every API route', () => {
  it.each([
    [
      'GET /api/sessions/:session_id/participants/:participant_id',
      'filters',
      '/api/sessions/s/participants/p?filters=events&filters=../../x',
    ],
    [
      'GET /api/sessions/:session_id/participants/:participant_id',
      'include_peer_events',
      '/api/sessions/s/participants/p?include_peer_events=true&include_peer_events=false',
    ],
    [
      'GET /api/sessions/peer-report/:peer_id',
      'filters',
      '/api/sessions/peer-report/peer_1?filters=events&filters=events',
    ],
    [
      'GET /api/sessions/:session_id/participants',
      'page_no',
      '/api/sessions/s/participants?page_no=1&page_no=2',
    ],
    ['GET /api/sessions/:session_id', 'x', '/api/sessions/s?x=1&x=1'],
    ['GET /api/config', 'v', '/api/config?v=1&v=2'],
  ])(
    '%s: a repeated %s is a 400 naming it, and upstream sees nothing',
    async (_route, key, path) => {
      const res = await rawGet(server.port, path);
      expect(res.status).toBe(400);
      const { error } = JSON.parse(res.body);
      expect(error.kind).toBe('invalid_request');
      expect(error.message).toBe(
        `The query key "${key}" is given more than once; give each key once.`,
      );
      expect(upstream.seen).toHaveLength(0);
    },
  );
});
