import { get, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarriedAnswer } from '../src/api/boot-answer';
import { loadConfig } from './config';
import { deepLinkAnswers } from './deep-link-answer';
import { createApp } from './node-app';
import { fakeDist, pagePath, SHELL, scenario } from './testing/deep-links';
import { listen, type Running, recordingUpstream } from './testing/listen';
import { quiet } from './testing/quiet';

/** GET as a browser's navigation to a page: fetch metadata says so. */
function navigate(
  url: string,
  site?: string,
): Promise<{ body: string; headers: IncomingHttpHeaders }> {
  const metadata = { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate' };
  return new Promise((resolve, reject) => {
    const req = get(
      url,
      { headers: site === undefined ? metadata : { ...metadata, 'sec-fetch-site': site } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ body, headers: res.headers }));
      },
    );
    req.on('error', reject);
  });
}

const ISLAND = /<script type="application\/json" id="inspector-answer">([^<]*)<\/script>/;

/** The answer the page carries, as the app reads it; null when there is none. */
function island(html: string): CarriedAnswer | null {
  const found = ISLAND.exec(html);
  return found?.[1] === undefined ? null : JSON.parse(found[1]);
}

const apiPath = (key: string, query = '?include_peer_events=true') =>
  `/api${pagePath(key)}${query}`;

// A slow machine may take more than the page's 0.5 s to build a long history: these tests
// are about what the page carries, so they wait for it.
const WAIT = { deepLinkAnswerWaitMs: 30_000 };

describe('a deep link in demo mode', () => {
  const app = createApp(loadConfig({ DIST_DIR: fakeDist() }), quiet(WAIT));

  it('carries the answer the app would fetch, byte for byte, and is never stored', async () => {
    const res = await app.request(pagePath('healthy'));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('etag')).toBeNull();
    const html = await res.text();
    expect(html).not.toContain('rel="preload"');
    const answer = island(html);
    expect(answer?.url).toBe(apiPath('healthy'));
    expect(answer?.status).toBe(200);
    expect(answer?.headers['content-type']).toMatch(/^application\/json/);
    expect(answer?.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const direct = await (await app.request(apiPath('healthy'))).text();
    expect(answer?.text).toBe(direct);
    expect(JSON.parse(answer?.text ?? '').data.participant.display_name).toBe('Priya Natarajan');
  });

  it('asks with the link’s own filters, in the order the app sends them', async () => {
    const html = await (
      await app.request(
        pagePath('healthy', '?filters=events,device_info&include_peer_events=false'),
      )
    ).text();
    expect(island(html)?.url).toBe(
      apiPath('healthy', '?filters=device_info,events&include_peer_events=false'),
    );
  });

  it('writes hostile text so it cannot leave the data block', async () => {
    const html = await (await app.request(pagePath('bad-data'))).text();
    const answer = island(html);
    expect(answer?.status).toBe(200);
    const name = JSON.parse(answer?.text ?? '').data.participant.display_name;
    expect(name).toContain('<script>alert(2)</script>');
    expect(name).toContain('\u202Eevil');
    // Markup appears only as escapes: the page holds one script element of data, no more.
    expect(html).not.toContain('alert(2)</script>');
    expect(html).not.toContain('<img');
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('carries a failure as it was answered, so the app explains it without asking again', async () => {
    const missing = `/sessions/${scenario('healthy').sessionId}/participants/no-such-participant`;
    const answer = island(await (await app.request(missing)).text());
    expect(answer?.status).toBe(404);
    expect(JSON.parse(answer?.text ?? '').error.kind).toBe('not_found');
    expect(answer?.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is gzipped on the way out', async () => {
    const res = await app.request(pagePath('history-10k'), {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = Buffer.from(await res.arrayBuffer());
    const html = gunzipSync(body).toString('utf8');
    expect(island(html)?.status).toBe(200);
    expect(body.length).toBeLessThan(html.length / 5);
  });

  it('leaves malformed links, other pages and assets alone', async () => {
    for (const path of [
      '/sessions/a%20b/participants/p',
      '/sessions/s/participants/p?filters=x',
      '/',
      '/sessions/s',
    ]) {
      const html = await (await app.request(path)).text();
      expect(island(html), path).toBeNull();
      expect(html, path).not.toContain('rel="preload"');
    }
  });

  it('puts the base path in the answer’s URL under BASE_PATH', async () => {
    const based = createApp(
      loadConfig({ DIST_DIR: fakeDist(), BASE_PATH: '/tools/inspector/' }),
      quiet(WAIT),
    );
    const html = await (await based.request(`/tools/inspector${pagePath('healthy')}`)).text();
    const answer = island(html);
    expect(answer?.url).toBe(`/tools/inspector${apiPath('healthy')}`);
    expect(answer?.status).toBe(200);
  });
});

describe('a deep link in live mode', () => {
  const token = 'live-token-0123456789abcdef0123456789';
  let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
  let server: Running;
  beforeAll(async () => {
    upstream = await recordingUpstream();
    const config = loadConfig({
      CLOUDFLARE_API_TOKEN: token,
      CLOUDFLARE_ACCOUNT_ID: 'acct-1',
      RTK_APP_ID: 'app-9',
      RTK_API_BASE: `${upstream.url}/client/v4/`,
      DIST_DIR: fakeDist(),
    });
    server = await listen(createApp(config, quiet(WAIT)));
  });
  afterAll(async () => {
    await server.close();
    await upstream.close();
  });

  it('asks upstream once with the token, and the page never holds it', async () => {
    // As a browser opens it (fetch() would always say it is a CORS request).
    const res = await navigate(`${server.url}/sessions/s-1/participants/p-1`);
    expect(island(res.body)?.status).toBe(200);
    expect(upstream.seen).toHaveLength(1);
    expect(upstream.seen[0]?.headers.authorization).toBe(`Bearer ${token}`);
    expect(res.body).not.toContain(token);
    expect(JSON.stringify(res.headers)).not.toContain(token);
  });

  it.each(['cross-site', 'same-site'])(
    'asks upstream nothing for a navigation another site started (%s): the plain shell',
    async (site) => {
      upstream.seen.length = 0;
      const shell = await (await fetch(`${server.url}/`)).text();
      for (let i = 0; i < 3; i += 1) {
        const res = await navigate(`${server.url}/sessions/s-1/participants/p-1`, site);
        expect(res.body).toBe(shell);
      }
      expect(upstream.seen).toHaveLength(0);
    },
  );

  it.each(['none', 'same-origin'])(
    'carries the answer for a typed or bookmarked link, or one this site opened (%s)',
    async (site) => {
      upstream.seen.length = 0;
      const res = await navigate(`${server.url}/sessions/s-2/participants/p-2`, site);
      expect(island(res.body)?.status).toBe(200);
      expect(upstream.seen).toHaveLength(1);
    },
  );
});

describe('the answer step on its own', () => {
  const CODE = ['/assets/peer-events-quick-1.js', '/assets/timeline-card-2.js'];
  const shellApp = (
    ask: (request: Request) => Promise<Response>,
    waitMs = 200,
    maxChars = 1_000,
  ) => {
    const app = new Hono();
    app.use(
      '/sessions/*',
      deepLinkAnswers({
        basePath: '/',
        waitMs,
        maxChars,
        ask: (request) => ask(request),
        longHistoryCode: CODE,
      }),
    );
    app.get('*', (c) => c.html(SHELL));
    return app;
  };
  const json = (body: string, status = 200) =>
    new Response(body, { status, headers: { 'content-type': 'application/json' } });
  const link = '/sessions/s-1/participants/p-1';

  it('asks for exactly the URL the app will request, with the page’s credentials', async () => {
    const asked: Request[] = [];
    const app = shellApp(async (request) => {
      asked.push(request);
      return json('{"success":true}');
    });
    await app.request(`${link}?filters=events`, {
      headers: {
        cookie: 'CF_Authorization=abc',
        'accept-encoding': 'gzip',
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(asked).toHaveLength(1);
    const [request] = asked;
    expect(new URL(request?.url ?? '').pathname + new URL(request?.url ?? '').search).toBe(
      '/api/sessions/s-1/participants/p-1?filters=events&include_peer_events=true',
    );
    expect(request?.headers.get('cookie')).toBe('CF_Authorization=abc');
    expect(request?.headers.get('accept')).toBe('application/json');
    expect(request?.headers.get('accept-encoding')).toBeNull();
    expect(request?.headers.get('sec-fetch-site')).toBeNull();
  });

  it('does not hold the page for a slow answer: the shell names the request instead', async () => {
    const app = shellApp(() => new Promise(() => undefined), 150);
    const started = Date.now();
    const res = await app.request(link);
    const html = await res.text();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(island(html)).toBeNull();
    expect(html).toContain(
      '<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/sessions/s-1/participants/p-1?include_peer_events=true" />',
    );
    expect(res.headers.get('cache-control')).not.toBe('no-store');
  });

  /** The page the shell app serves for the link, its answer asked of `ask`. */
  const pageOf = async (...args: Parameters<typeof shellApp>) =>
    (await shellApp(...args).request(link)).text();
  const announced = (html: string) =>
    [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)" \/>/g)].map(
      (m) => m[1],
    );
  const head = (html: string) => html.slice(0, html.indexOf('</head>'));

  it('leaves a too large, non-JSON or failed answer to the browser', async () => {
    const cases: Array<() => Promise<Response>> = [
      async () => json(`{"pad":"${'x'.repeat(2_000)}"}`),
      async () => new Response('<html>Bad gateway</html>', { status: 502 }),
      async () => {
        throw new Error('connection refused');
      },
    ];
    for (const ask of cases) {
      const html = await pageOf(ask);
      expect(island(html)).toBeNull();
      expect(html).toContain('rel="preload"');
      // Too large to carry, yet short of a long history: no code announced.
      expect(announced(html)).toEqual([]);
    }
  });

  it('announces a long history’s code in the head of its page, carried or too large to carry', async () => {
    const long = `{"success":true,"pad":"${'x'.repeat(2_000_001)}"}`;
    const carried = await pageOf(async () => json(long), 5_000, 8_000_000);
    expect(island(carried)?.text).toBe(long);
    expect(announced(head(carried))).toEqual(CODE);
    // Too large to carry: the browser fetches the answer (its preload) and the code beside it.
    const fetched = await pageOf(async () => json(long), 5_000, 2_000_010);
    expect(island(fetched)).toBeNull();
    expect(fetched).toContain('rel="preload" as="fetch"');
    expect(announced(head(fetched))).toEqual(CODE);
    // Told too large by its length alone (its body is not read): a long history only when its
    // bytes must hold over 2 million characters (UTF-8 spells one in three bytes at most).
    const sized = (bytes: number) => async () =>
      new Response('{"success":true}', {
        headers: { 'content-type': 'application/json', 'content-length': String(bytes) },
      });
    const byLength = await pageOf(sized(6_000_001));
    expect(island(byLength)).toBeNull();
    expect(announced(head(byLength))).toEqual(CODE);
    const maybeShort = await pageOf(sized(6_000_000));
    expect(announced(maybeShort)).toEqual([]);
  });

  it('announces no code for an answer short of a long history, or one not waited for', async () => {
    const short = `{"success":true,"pad":"${'x'.repeat(1_999_000)}"}`;
    const carried = await pageOf(async () => json(short), 5_000, 8_000_000);
    expect(island(carried)?.text).toBe(short);
    expect(announced(carried)).toEqual([]);
    const late = await pageOf(() => new Promise(() => undefined), 50);
    expect(announced(late)).toEqual([]);
  });

  it.each([
    ['an image', { 'sec-fetch-dest': 'image', 'sec-fetch-mode': 'no-cors' }],
    ['a frame', { 'sec-fetch-dest': 'iframe', 'sec-fetch-mode': 'navigate' }],
    ['a fetch', { 'sec-fetch-dest': 'empty', 'sec-fetch-mode': 'cors' }],
    [
      'a prefetch',
      { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', 'sec-purpose': 'prefetch' },
    ],
  ])(
    'asks nothing for a deep link loaded as %s: the preload is all it gets',
    async (_, headers) => {
      let asked = 0;
      const app = shellApp(async () => {
        asked += 1;
        return json('{"success":true}');
      });
      const html = await (
        await app.request(link, { headers: { 'sec-fetch-site': 'same-origin', ...headers } })
      ).text();
      expect(asked).toBe(0);
      expect(island(html)).toBeNull();
      expect(html).toContain('rel="preload"');
    },
  );

  it('keeps a request it stopped waiting for alive on a Worker, for the browser to join', async () => {
    const kept: Promise<unknown>[] = [];
    const worker = {
      waitUntil: (p: Promise<unknown>) => kept.push(p),
      passThroughOnException() {},
      props: {},
    };
    let finish: (r: Response) => void = () => undefined;
    const slow = shellApp(() => new Promise<Response>((resolve) => (finish = resolve)), 50);
    const html = await (await slow.request(link, {}, undefined, worker)).text();
    expect(island(html)).toBeNull();
    expect(kept).toHaveLength(1);
    finish(json('{"success":true}'));
    await expect(kept[0]).resolves.toMatchObject({ status: 200 });
    // An answer in time is not kept: it is in the page.
    const quick = shellApp(async () => json('{"success":true}'));
    await quick.request(link, {}, undefined, worker);
    expect(kept).toHaveLength(1);
  });

  it('adds nothing to a HEAD or to a page that is not a deep link', async () => {
    let asked = 0;
    const app = shellApp(async () => {
      asked += 1;
      return json('{}');
    });
    expect(await (await app.request('/sessions/s-1')).text()).toBe(SHELL);
    expect((await app.request(link, { method: 'HEAD' })).status).toBe(200);
    expect(asked).toBe(0);
  });
});
