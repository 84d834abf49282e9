import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { longHistoryText } from '../test/peer-event-fixtures';

const SESSION = 'b58f93c5-e752-4a3d-b848-9e5dc516822b';
const PARTICIPANT = 'a1e1750a-9d73-4f4c-b806-8a6b2c8e5e81';
const LINK = `/sessions/${SESSION}/participants/${PARTICIPANT}`;
const API_URL = `/api/sessions/${SESSION}/participants/${PARTICIPANT}?include_peer_events=true`;
const BODY = JSON.stringify({
  success: true,
  data: { participant: { id: PARTICIPANT, display_name: 'Priya <b>Natarajan</b>' } },
});

/** The page as the server sends a deep link: the answer as an inert JSON block. */
function carry(island: string) {
  const element = document.createElement('script');
  element.type = 'application/json';
  element.id = 'inspector-answer';
  element.textContent = island;
  document.body.append(element);
}

const answer = (status: number, text: string, url = API_URL) =>
  JSON.stringify({ url, status, headers: { 'content-type': 'application/json' }, text });

/** Fresh modules per test: the page's answer is read once per page load. */
async function boot() {
  vi.resetModules();
  const { createQueryClient } = await import('./query-client');
  const { startDeepLinkRequest } = await import('./boot-request');
  const { participantQueryOptions } = await import('../api/participant-query');
  const client = createQueryClient();
  const started = startDeepLinkRequest(client, LINK);
  const options = participantQueryOptions({
    sessionId: SESSION,
    participantId: PARTICIPANT,
    filters: [],
    includePeerEvents: true,
  });
  return { client, options, started };
}

let fetched: string[];
beforeEach(() => {
  fetched = [];
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    return new Response(BODY, { status: 200, headers: { 'content-type': 'application/json' } });
  });
});
afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('a deep link started from the answer its page carried', () => {
  it('has the participant before the first render, byte for byte, without a request', async () => {
    carry(answer(200, BODY));
    const { client, options } = await boot();
    // Read at once: the first render (a later task) finds it in the cache.
    const result = client.getQueryData(options.queryKey);
    expect(result?.participant.display_name).toBe('Priya <b>Natarajan</b>');
    expect(result?.rawText).toBe(BODY);
    expect(fetched).toEqual([]);
    expect(document.getElementById('inspector-answer')).toBeNull();
    // Anything asked afterwards (Refresh, the live timer) goes over the network.
    await client.fetchQuery({ ...options, staleTime: 0 });
    expect(fetched).toEqual([API_URL]);
  });

  it.each([
    ['a 404', 404, JSON.stringify({ success: false, error: { kind: 'not_found' } }), 'not_found'],
    ['success: false with a 200', 200, JSON.stringify({ success: false }), 'upstream'],
    ['a truncated body', 200, BODY.slice(0, 40), 'malformed'],
    ['no participant', 200, JSON.stringify({ success: true, data: {} }), 'malformed'],
  ])(
    'leaves %s for the page’s query, which reads it without a request',
    async (_, status, text, kind) => {
      carry(answer(status, text));
      const { client, options } = await boot();
      // Nothing in the cache: a query that had already failed would be asked again at mount.
      expect(client.getQueryState(options.queryKey)).toBeUndefined();
      const { ApiError } = await import('../api/errors');
      const failure = await client.fetchQuery({ ...options, retry: false }).catch((e) => e);
      expect(failure).toBeInstanceOf(ApiError);
      expect(failure.kind).toBe(kind);
      expect(fetched).toEqual([]);
    },
  );

  it('asks the network when the answer is for another request or unreadable', async () => {
    for (const island of [
      answer(
        200,
        BODY,
        `${API_URL.replace('include_peer_events=true', 'include_peer_events=false')}`,
      ),
      '{"url":',
      JSON.stringify({ url: API_URL, status: '200', text: BODY, headers: {} }),
    ]) {
      fetched = [];
      carry(island);
      const { client, options } = await boot();
      const result = await client.fetchQuery(options);
      expect(result.participant.display_name).toBe('Priya <b>Natarajan</b>');
      expect(fetched, island).toEqual([API_URL]);
      document.body.innerHTML = '';
    }
  });

  it('reads a long history with the code for it, and brings the timeline’s, before the first render', async () => {
    const long = longHistoryText();
    const { readParticipant } = await import('../api/participant-query');
    const { isLongHistory } = await import('../api/long-history');
    expect(isLongHistory(long)).toBe(true);
    // The hand reader, watched.
    const handReads = vi.fn();
    vi.doMock('../api/peer-events-quick', async (original) => {
      const quick = await original<typeof import('../api/peer-events-quick')>();
      return {
        ...quick,
        readLongHistory: (...args: Parameters<typeof quick.readLongHistory>) => {
          handReads();
          return quick.readLongHistory(...args);
        },
      };
    });
    try {
      carry(answer(200, long));
      const { client, options, started } = await boot();
      await started;
      expect(handReads).toHaveBeenCalledTimes(1);
      const { timelineReady } = await import('./participant-chunks');
      expect(timelineReady()).toBe(true);
      const result = client.getQueryData(options.queryKey);
      const { readJson } = await import('../api/http');
      const bySchema = readParticipant(
        readJson({ status: 200, headers: new Headers(), text: long }),
      );
      expect(result?.participant).toStrictEqual(bySchema.participant);
      expect(result?.participant.peer_events).toHaveLength(8_000);
      expect(result?.rawText).toBe(long);
      expect(fetched).toEqual([]);
      expect(document.getElementById('inspector-answer')).toBeNull();
    } finally {
      vi.doUnmock('../api/peer-events-quick');
    }
  });

  it('reads a long history with the schema when its reader’s code fails to load', async () => {
    vi.doMock('../api/peer-events-quick', () => {
      throw new Error('chunk failed');
    });
    try {
      carry(answer(200, longHistoryText()));
      const { client, options, started } = await boot();
      await started;
      expect(client.getQueryData(options.queryKey)?.participant.peer_events).toHaveLength(8_000);
      expect(fetched).toEqual([]);
    } finally {
      vi.doUnmock('../api/peer-events-quick');
    }
  });

  it('does not wait for a long history’s reader past its limit: the schema then reads it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // The reader's chunk never arrives (a stalled request).
    vi.doMock('../api/peer-events-quick', () => new Promise(() => undefined));
    try {
      carry(answer(200, longHistoryText()));
      const { client, options, started } = await boot();
      let done = false;
      void started.then(() => {
        done = true;
      });
      await vi.advanceTimersByTimeAsync(1_400);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(200);
      expect(done).toBe(true);
      // Then the schema reads it: the page starts with the participant, with no request.
      expect(client.getQueryData(options.queryKey)?.participant.peer_events).toHaveLength(8_000);
      const { peekBootAnswer } = await import('../api/boot-answer');
      expect(peekBootAnswer(API_URL)).toBeNull();
      expect(fetched).toEqual([]);
    } finally {
      vi.doUnmock('../api/peer-events-quick');
      vi.useRealTimers();
    }
  });
});
