// A deep link's first frame painted by the server (src/app/server-paint.tsx through
// server/deep-link-answer.ts), through the real app in demo mode. The server runs the built
// render (dist/.server, see e2e/first-paint.spec.ts); here it is the same module's source.
import { describe, expect, it } from 'vitest';
import { paintParticipantPage } from '../src/app/server-paint';
import { AGENT_PREFS_COOKIE, type AgentPrefs, encodeAgentPrefs } from '../src/lib/agent-prefs';
import { loadConfig } from './config';
import { createApp } from './node-app';
import { fakeDist, pagePath, scenario } from './testing/deep-links';
import { recordingUpstream } from './testing/listen';
import { quiet } from './testing/quiet';

const BERLIN: AgentPrefs = {
  timeZone: 'Europe/Berlin',
  locale: 'de-DE',
  theme: 'system',
  systemDark: false,
};
/** A time the page cannot know yet, as painted: figure dashes, each as wide as a digit. */
const PENDING_TIME = '\u2012\u2012:\u2012\u2012:\u2012\u2012';
const cookieFor = (prefs: AgentPrefs) => `${AGENT_PREFS_COOKIE}=${encodeAgentPrefs(prefs)}`;

/** The page's #root: what the browser paints before the app has run. */
function rootOf(html: string): string {
  const start = html.indexOf('<div id="root">');
  const end = html.indexOf('<script type="application/json"');
  return html.slice(start, end < 0 ? undefined : end);
}

const WAIT = { deepLinkAnswerWaitMs: 30_000, paint: paintParticipantPage };
const app = createApp(loadConfig({ DIST_DIR: fakeDist() }), quiet(WAIT));
const open = async (path: string, cookie?: string) =>
  (await app.request(path, cookie ? { headers: { cookie } } : {})).text();

describe('a deep link opened by an agent who has used the app in this browser', () => {
  it('arrives with the summary painted, inert until the app takes it over', async () => {
    const root = rootOf(await open(pagePath('healthy'), cookieFor(BERLIN)));
    expect(root).toMatch(/^<div id="root"><div data-server-paint data-early-reads="[^"]+" inert>/);
    // Painted as the browser's first render shows it: no boundary left for the app to retry.
    expect(root).not.toContain('<template');
    expect(root).toContain('aria-label="Participant summary"');
    expect(root).toContain('Priya Natarajan');
    // The lookup is one line naming the link's ids, as the app's own first render shows it.
    expect(root).toContain(`title="${scenario('healthy').participantId}"`);
  });

  it('names the participant’s own peer reports as the reads the app starts as it boots', async () => {
    const html = await open(pagePath('reconnects'), cookieFor(BERLIN));
    const named = /data-early-reads="([^"]*)"/.exec(rootOf(html))?.[1]?.split(' ') ?? [];
    // Every peer of the reconnect sample (8: the reports the page reads by itself), one URL
    // each, as the app asks for them; the one that sent no media among them (its 404 is the
    // app's answer, not asked again).
    const answer = JSON.parse(
      JSON.parse(
        /<script type="application\/json" id="inspector-answer">(.*?)<\/script>/s.exec(html)?.[1] ??
          '{}',
      ).text,
    );
    const peers = [
      ...new Set<string>(
        answer.data.participant.peer_events.map((e: { peer_id: string }) => e.peer_id),
      ),
    ];
    expect(peers).toHaveLength(8);
    expect([...named].sort()).toEqual(peers.map((p) => `/api/sessions/peer-report/${p}`).sort());
    // A participant with more peers than the page reads by itself names the 8 longest only.
    const long = /data-early-reads="([^"]*)"/.exec(rootOf(await open(pagePath('history-1k'))))?.[1];
    expect(long?.split(' ')).toHaveLength(8);
  });

  it('keeps ?tz=utc&redact=1 in every link to a page of the app it paints', async () => {
    const root = rootOf(
      await open(pagePath('poor-network', '?tz=utc&redact=1'), cookieFor(BERLIN)),
    );
    const links = [...root.matchAll(/href="([^"]*)"/g)]
      .map((m) => (m[1] ?? '').replaceAll('&amp;', '&'))
      .filter((href) => href.startsWith('/sessions') || href.startsWith('/?'));
    // The Health strip's "Request every diagnostic" at least, and every other link there is.
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) {
      expect(href).toMatch(/[?&]tz=utc(&|$)/);
      expect(href).toMatch(/[?&]redact=1(&|$)/);
    }
  });

  it('shows times on the agent’s own clock and in their locale', async () => {
    // Joined 2026-11-21T14:00:12Z: 15:00:12 in Berlin, with a German date.
    const berlin = rootOf(await open(pagePath('healthy'), cookieFor(BERLIN)));
    expect(berlin).toContain('21. Nov. 2026, 15:00:12');
    const tokyo = rootOf(
      await open(
        pagePath('healthy'),
        cookieFor({ ...BERLIN, timeZone: 'Asia/Tokyo', locale: 'en-US' }),
      ),
    );
    expect(tokyo).toContain('Nov 21, 2026, 23:00:12');
    // ?tz=utc in the link outvotes the agent's zone, as it does in the browser.
    const utc = rootOf(await open(pagePath('healthy', '?tz=utc'), cookieFor(BERLIN)));
    expect(utc).toContain('21. Nov. 2026, 14:00:12');
  });

  it('is dark when the agent’s choice (or the system, or the link) says so', async () => {
    const dark = cookieFor({ ...BERLIN, systemDark: true });
    expect(await open(pagePath('healthy'), dark)).toMatch(/<html class="dark" lang="en">/);
    expect(await open(pagePath('healthy'), cookieFor({ ...BERLIN, theme: 'dark' }))).toMatch(
      /<html class="dark"/,
    );
    // The link's ?theme=light outvotes both; the agent's explicit light outvotes the system.
    expect(await open(pagePath('healthy', '?theme=light'), dark)).not.toContain('class="dark"');
    expect(
      await open(pagePath('healthy'), cookieFor({ ...BERLIN, theme: 'light', systemDark: true })),
    ).not.toContain('class="dark"');
  });

  it('announces the session’s first page of participants, which the page reads at once', async () => {
    const html = await open(pagePath('uplink-problem'), cookieFor(BERLIN));
    const preloads = [
      ...html.matchAll(/<link rel="preload" as="fetch" crossorigin="anonymous" href="([^"]*)"/g),
    ].map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));
    const { sessionId } = scenario('uplink-problem');
    expect(preloads).toEqual([
      `/api/sessions/${sessionId}/participants?page_no=0&per_page=50&sort_by=joinedAt&sort_order=ASC`,
    ]);
  });

  it('writes hostile names as text', async () => {
    const html = await open(pagePath('bad-data'), cookieFor(BERLIN));
    const root = rootOf(html);
    expect(root).toContain('aria-label="Participant summary"');
    expect(root).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(root).not.toContain('<script');
    expect(root).not.toContain('<img');
    // The module script and the data block: nothing the name could have added.
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('hides personal data when the link asks for it', async () => {
    const shown = rootOf(await open(pagePath('healthy'), cookieFor(BERLIN)));
    expect(shown).toContain('crm-48213');
    const hidden = rootOf(await open(pagePath('healthy', '?redact=1'), cookieFor(BERLIN)));
    expect(hidden).toContain('Priya Natarajan');
    expect(hidden).not.toContain('crm-48213');
    expect(hidden).toContain('hidden (personal data)');
  });
});

describe('a deep link opened in a browser that has not used the app (no cookie)', () => {
  it('arrives painted, its times pending and marked so, never on a guessed clock', async () => {
    const html = await open(pagePath('healthy'));
    const root = rootOf(html);
    expect(root).toMatch(
      /^<div id="root"><div data-server-paint data-agent-unknown data-early-reads="[^"]+" inert>/,
    );
    expect(root).toContain('Priya Natarajan');
    expect(root).toContain('aria-label="Participant at a glance"');
    // Joined 14:00:12 UTC: no zone's reading of it is shown, only the pending mark (the UTC
    // values in titles and datetime attributes need no zone).
    const shown = root.replace(/<[^>]*>/g, '');
    expect(shown).toContain(`${PENDING_TIME}–${PENDING_TIME} (your time)`);
    expect(shown).not.toMatch(/\d\d:\d\d:\d\d/);
    // The system's theme is the stylesheet's to follow until the app sets it.
    expect(html).toMatch(/<html class="theme-system" lang="en">/);
  });

  it('paints UTC times when the link asks for UTC (no zone to guess), dates still pending', async () => {
    const shown = rootOf(await open(pagePath('healthy', '?tz=utc'))).replace(/<[^>]*>/g, '');
    expect(shown).toContain('14:00:12–14:47:31 (UTC)');
    expect(shown).not.toMatch(/Nov/);
  });

  it('takes the link’s theme, which needs no cookie', async () => {
    expect(await open(pagePath('healthy', '?theme=dark'))).toMatch(/<html class="dark" lang="en">/);
    const light = await open(pagePath('healthy', '?theme=light'));
    expect(light).toMatch(/<html lang="en">/);
  });

  it('reads a cookie that does not read as none', async () => {
    const bad = [
      `${AGENT_PREFS_COOKIE}=tz=Mars%2FOlympus&locale=en-US&theme=system&dark=0`,
      `${AGENT_PREFS_COOKIE}=tz=UTC&locale=${'x'.repeat(200)}&theme=system&dark=0`,
      `${AGENT_PREFS_COOKIE}=tz=UTC&locale=en-US&theme=%3Cscript%3E&dark=0`,
      `${AGENT_PREFS_COOKIE}=tz=UTC&locale=en-US&theme=system`,
      'other=1',
    ];
    for (const cookie of bad) {
      const root = rootOf(await open(pagePath('healthy'), cookie));
      expect(root).toContain('data-agent-unknown');
      expect(root).toContain(PENDING_TIME);
    }
  });
});

describe('a deep link the server leaves for the app to paint', () => {
  const empty = '<div id="root"></div>';

  it('for an answer the app shows as an error', async () => {
    const missing = `/sessions/${scenario('healthy').sessionId}/participants/no-such-participant`;
    const html = await open(missing, cookieFor(BERLIN));
    expect(html).toContain('id="inspector-answer"');
    expect(html).toContain(empty);
  });

  it('for a long history (reading it would hold the page back)', async () => {
    const html = await open(pagePath('history-10k'), cookieFor(BERLIN));
    expect(html).toContain('id="inspector-answer"');
    expect(html).toContain(empty);
    // Nor is its follow-up read announced (it is announced with a paint).
    expect(html).not.toContain('/participants?page_no=0');
  });

  it('under BASE_PATH (the app builds its links for the path it is served under)', async () => {
    const based = createApp(
      loadConfig({ DIST_DIR: fakeDist(), BASE_PATH: '/tools/inspector/' }),
      quiet(WAIT),
    );
    const res = await based.request(`/tools/inspector${pagePath('healthy')}`, {
      headers: { cookie: cookieFor(BERLIN) },
    });
    expect(await res.text()).toContain(empty);
  });
});

describe('a deep link painted in live mode', () => {
  it('paints from the upstream answer, and neither the page nor its headers hold the token', async () => {
    const token = 'live-token-0123456789abcdef0123456789';
    const upstream = await recordingUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          success: true,
          data: {
            participant: {
              id: 'p-1',
              display_name: 'Live Agent',
              joined_at: '2026-11-21T14:00:12.400Z',
              left_at: '2026-11-21T14:10:12.400Z',
            },
          },
        }),
      );
    });
    const live = createApp(
      loadConfig({
        CLOUDFLARE_API_TOKEN: token,
        CLOUDFLARE_ACCOUNT_ID: 'acct-1',
        RTK_APP_ID: 'app-9',
        RTK_API_BASE: `${upstream.url}/client/v4/`,
        DIST_DIR: fakeDist(),
      }),
      quiet(WAIT),
    );
    try {
      const res = await live.request('/sessions/s-1/participants/p-1', {
        headers: { cookie: cookieFor(BERLIN) },
      });
      const html = await res.text();
      expect(rootOf(html)).toContain('Live Agent');
      expect(upstream.seen).toHaveLength(1);
      expect(html).not.toContain(token);
      expect(JSON.stringify([...res.headers])).not.toContain(token);
    } finally {
      await upstream.close();
    }
  });
});
