import { describe, expect, it } from 'vitest';
import { PLAIN_VIEW } from '../view-params';
import { parseRoute, readRoute, sessionListHref, shareUrl, toDeepLink, withView } from '.';

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
