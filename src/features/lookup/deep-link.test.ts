import { describe, expect, it } from 'vitest';
import { PLAIN_VIEW } from '../../lib/view-params';
import { idsFromPastedText, parseRoute, shareUrl, toDeepLink, withView } from './deep-link';

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

describe('toDeepLink and idsFromPastedText', () => {
  it('writes a link that reads back to the same lookup, commas literal', () => {
    const params = {
      sessionId: SID,
      participantId: PID,
      filters: ['device_info', 'events'] as const,
      includePeerEvents: true,
    };
    const link = toDeepLink({ ...params, filters: [...params.filters] });
    expect(link).toBe(
      `/sessions/${SID}/participants/${PID}?filters=device_info,events&include_peer_events=true`,
    );
    const url = new URL(link, 'http://x');
    expect(parseRoute(url.pathname, url.search)).toEqual({
      kind: 'participant',
      params: { ...params, filters: [...params.filters] },
    });
  });

  it('finds both ids in a deep link or an API URL, and nothing in other text', () => {
    expect(
      idsFromPastedText(` https://inspector.example/sessions/${SID}/participants/${PID}?x=1 `),
    ).toEqual({
      sessionId: SID,
      participantId: PID,
    });
    expect(
      idsFromPastedText(
        `https://api.cloudflare.com/client/v4/accounts/a/realtime/kit/b/sessions/${SID}/participants/${PID}`,
      ),
    ).toEqual({ sessionId: SID, participantId: PID });
    expect(idsFromPastedText(SID)).toBeNull();
    expect(idsFromPastedText('/sessions/../participants/x')).toBeNull();
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
    expect(shareUrl(here, { embed: true, theme: 'dark', redact: true, clock: 'participant' })).toBe(
      `${window.location.origin}/sessions/${SID}/participants/${PID}?include_peer_events=true&redact=1&tz=participant`,
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

describe('idsFromPastedText keeps what a pasted link asked for', () => {
  it('reads filters and include_peer_events from a deep link or an API URL, when it has them', () => {
    expect(
      idsFromPastedText(
        'https://inspector.example/sessions/s-1/participants/p-1?filters=events,device_info&include_peer_events=false#x',
      ),
    ).toEqual({
      sessionId: 's-1',
      participantId: 'p-1',
      filters: ['device_info', 'events'],
      includePeerEvents: false,
    });
    expect(idsFromPastedText('/sessions/s-1/participants/p-1')).toEqual({
      sessionId: 's-1',
      participantId: 'p-1',
    });
    // Unreadable values are left out rather than guessed.
    expect(
      idsFromPastedText('/sessions/s-1/participants/p-1?filters=nope&include_peer_events=maybe'),
    ).toEqual({ sessionId: 's-1', participantId: 'p-1' });
  });
});
