import { describe, expect, it } from 'vitest';
import { PLAIN_VIEW } from '../view-params';
import { parseRoute, readRoute, sessionListHref, shareUrl, toDeepLink, withView } from '.';
import { findHref, liveHref, sessionsHref } from './find-links';
import { DEFAULT_BROWSE, parseFindRoute } from './find-schema';

const SID = '1f0c2b7e-aaaa-bbbb-cccc-000000000001';
const PID = 'p_42-x';

describe('parseRoute', () => {
  it('reads the home page and a participant link, with peer events on by default', () => {
    expect(parseRoute('/', '')).toEqual({ kind: 'home' });
    expect(
      parseRoute(`/sessions/${SID}/participants/${PID}`, '?filters=events,device_info'),
    ).toEqual({
      kind: 'participant',
      params: {
        sessionId: SID,
        participantId: PID,
        filters: ['device_info', 'events'],
        includePeerEvents: true,
      },
    });
    expect(
      parseRoute(`/sessions/${SID}/participants/${PID}/`, '?include_peer_events=false'),
    ).toMatchObject({
      kind: 'participant',
      params: { includePeerEvents: false, filters: [] },
    });
  });

  it('explains every problem of a malformed link and keeps what could be read', () => {
    const route = parseRoute(
      '/sessions/a%20b/participants/',
      '?filters=events&include_peer_events=false',
    );
    expect(route).toEqual({
      kind: 'invalid',
      problems: [
        'Session ID may only contain letters, digits, "_" and "-" (found " ").',
        'Participant ID is empty.',
      ],
      draft: { sessionId: 'a b', participantId: '', filters: ['events'], includePeerEvents: false },
    });
  });

  it('sends any other path to "unknown"', () => {
    expect(parseRoute('/sessions/x', '')).toEqual({ kind: 'unknown', path: '/sessions/x' });
  });
});

describe('toDeepLink', () => {
  it('writes a link that reads back to the same lookup, commas literal', () => {
    const params = {
      sessionId: SID,
      participantId: PID,
      filters: ['device_info', 'events'] as const,
      includePeerEvents: true,
    };
    const link = toDeepLink({ ...params, filters: [...params.filters] }, PLAIN_VIEW);
    expect(link).toBe(
      `/sessions/${SID}/participants/${PID}?filters=device_info,events&include_peer_events=true`,
    );
    const url = new URL(link, 'http://x');
    expect(parseRoute(url.pathname, url.search)).toEqual({
      kind: 'participant',
      params: { ...params, filters: [...params.filters] },
    });
  });
});

describe('the reported moment in a link', () => {
  const params = { sessionId: SID, participantId: PID, filters: [], includePeerEvents: true };
  const moment = { startMs: Date.UTC(2026, 10, 21, 15, 40), endMs: Date.UTC(2026, 10, 21, 15, 50) };

  it('writes it as a readable interval and reads it back', () => {
    const link = toDeepLink({ ...params, moment }, PLAIN_VIEW);
    expect(link).toBe(
      `/sessions/${SID}/participants/${PID}?include_peer_events=true&moment=2026-11-21T15:40:00Z/2026-11-21T15:50:00Z`,
    );
    const [path, search] = link.split('?');
    expect(parseRoute(path ?? '', `?${search}`)).toEqual({
      kind: 'participant',
      params: { ...params, moment },
    });
  });

  it('opens the page with a note when the moment cannot be read', () => {
    expect(parseRoute(`/sessions/${SID}/participants/${PID}`, '?moment=soon')).toEqual({
      kind: 'participant',
      params: {
        ...params,
        momentProblem: 'The reported moment in the link ("soon") could not be read.',
      },
    });
  });
});

describe('view params on links', () => {
  const params = { sessionId: SID, participantId: PID, filters: [], includePeerEvents: true };

  it('carries embed, theme and redaction on to every deep link', () => {
    expect(toDeepLink(params, { embed: true, theme: 'dark', redact: true, clock: 'utc' })).toBe(
      `/sessions/${SID}/participants/${PID}?include_peer_events=true&embed=1&theme=dark&redact=1&tz=utc`,
    );
  });

  it('shares the clock and redaction, not the sender’s layout or theme', () => {
    const here = `/sessions/${SID}/participants/${PID}?include_peer_events=true&embed=1&theme=dark&tz=participant`;
    const view = { embed: true, theme: 'dark', redact: true, clock: 'participant' } as const;
    expect(shareUrl(here, view, 'https://inspector.example')).toBe(
      `https://inspector.example/sessions/${SID}/participants/${PID}?include_peer_events=true&redact=1&tz=participant`,
    );
  });

  it('switches view params on the current page and keeps the rest', () => {
    expect(
      withView(`/sessions/${SID}/participants/${PID}?filters=events,device_info&embed=1`, {
        embed: true,
        theme: null,
        redact: true,
        clock: 'mine',
      }),
    ).toBe(`/sessions/${SID}/participants/${PID}?filters=events,device_info&embed=1&redact=1`);
    expect(withView('/?redact=1&tz=utc', PLAIN_VIEW)).toBe('/');
  });
});

describe('one schema for path and search', () => {
  it('reads a session list link on the home page, and ignores an unusable one', () => {
    expect(parseRoute('/', '?session=s-1')).toEqual({ kind: 'home', session: 's-1' });
    expect(parseRoute('/', '?session=a%20b')).toEqual({ kind: 'home' });
    expect(sessionListHref('s-1', { ...PLAIN_VIEW, redact: true, clock: 'utc' })).toBe(
      '/?session=s-1&redact=1&tz=utc',
    );
  });

  it('reads the route and the view from one href, the view as every link then keeps it', () => {
    const href = `/sessions/${SID}/participants/${PID}?filters=events&tz=utc&redact=1`;
    const { route, view } = readRoute(href);
    expect(view).toEqual({ embed: false, theme: null, redact: true, clock: 'utc' });
    if (route.kind !== 'participant') throw new Error(`read as ${route.kind}`);
    expect(toDeepLink({ ...route.params, peer: 'peer-1' }, view)).toBe(
      `/sessions/${SID}/participants/${PID}?filters=events&include_peer_events=true&peer=peer-1&redact=1&tz=utc`,
    );
  });
});

/** A finding page's link read as the app reads it: the page from the path, then its query. */
function readFind(href: string) {
  const { route } = readRoute(href);
  if (route.kind !== 'finding') throw new Error(`read as ${route.kind}`);
  return parseFindRoute(route.page, route.search);
}

describe('the finding pages in the URL', () => {
  it('reads a sessions browse back from the link it writes, defaults left out', () => {
    const browse = {
      range: 'yesterday',
      status: 'ENDED',
      search: 'Support call',
      sortBy: 'minutesConsumed',
      sortOrder: 'ASC',
      page: 2,
    } as const;
    const href = sessionsHref(browse, { ...PLAIN_VIEW, clock: 'utc' });
    expect(href).toBe(
      '/sessions?range=yesterday&status=ENDED&search=Support%20call&sort=minutesConsumed&order=ASC&page=3&tz=utc',
    );
    expect(readFind(href)).toEqual({ kind: 'sessions', params: browse, problems: [] });
    expect(sessionsHref(DEFAULT_BROWSE, PLAIN_VIEW)).toBe('/sessions');
  });

  it('opens a sessions page with its defaults and says what in the link could not be read', () => {
    expect(readFind('/sessions?range=soon&status=DONE&page=zero')).toEqual({
      kind: 'sessions',
      params: DEFAULT_BROWSE,
      problems: [
        'The time range in the link ("soon") could not be read.',
        'The link\'s status ("DONE") is not one of LIVE, ENDED.',
        'The link\'s page ("zero") is not a page number.',
      ],
    });
  });

  it('reads a person search, a custom range included, and keeps an unusable one as a draft', () => {
    const range = { startMs: Date.UTC(2026, 11, 6, 13), endMs: Date.UTC(2026, 11, 6, 17) };
    const href = findHref({ q: 'Jane Doe', range }, PLAIN_VIEW);
    expect(href).toBe('/find?q=Jane%20Doe&range=2026-12-06T13:00:00Z/2026-12-06T17:00:00Z');
    expect(readFind(href)).toEqual({
      kind: 'find',
      params: { q: 'Jane Doe', range },
      draft: { q: 'Jane Doe', range },
      problems: [],
    });
    expect(readFind('/find')).toEqual({
      kind: 'find',
      params: null,
      draft: { q: '', range: 'last-7-days' },
      problems: [],
    });
    expect(readFind(`/find?q=${'x'.repeat(101)}&range=yesterday`)).toMatchObject({
      kind: 'find',
      params: null,
      problems: ['The search is longer than 100 characters.'],
    });
  });

  it('reads a live page’s meeting, and refuses one that is not an id', () => {
    expect(readFind(liveHref('m-1', PLAIN_VIEW))).toEqual({
      kind: 'live',
      meeting: 'm-1',
      problems: [],
    });
    expect(liveHref(null, { ...PLAIN_VIEW, redact: true })).toBe('/live?redact=1');
    expect(readFind('/live?meeting=a%20b')).toMatchObject({ kind: 'live', meeting: null });
    expect(readRoute('/live/').route).toEqual({ kind: 'finding', page: 'live', search: '' });
  });
});
