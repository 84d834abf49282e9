import { afterEach, describe, expect, it, vi } from 'vitest';
import { testQueryClient } from '../test/render-route';
import {
  getParticipant,
  type ParticipantRequest,
  participantQueryOptions,
} from './participant-query';

const REQUEST: ParticipantRequest = {
  sessionId: 's-1',
  participantId: 'p-1',
  filters: ['device_info', 'ip_information'],
  includePeerEvents: true,
};
const BASE = '/api/sessions/s-1/participants/p-1';
const PARTICIPANT = { success: true, data: { participant: { id: 'p-1' } } };
const REFUSED = {
  success: false,
  error: {
    code: 400,
    message: 'RealtimeKit refused the request (HTTP 400).',
    kind: 'invalid_request',
  },
};

/**
 * Fetch stubbed at the network edge, as an older deployment answers: `refuse(url)` decides
 * which requests get the 400, the others get the participant. Records the URLs asked for.
 */
function deployment(refuse: (url: string) => boolean) {
  const urls: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    urls.push(url);
    const refused = refuse(url);
    return new Response(JSON.stringify(refused ? REFUSED : PARTICIPANT), {
      status: refused ? 400 : 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return urls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('getParticipant', () => {
  it('asks once more without filters when they are refused with a 400, and says so', async () => {
    const urls = deployment((url) => url.includes('filters='));
    const result = await getParticipant(REQUEST);
    expect(urls).toEqual([
      `${BASE}?filters=device_info,ip_information&include_peer_events=true`,
      `${BASE}?include_peer_events=true`,
    ]);
    expect(result.participant.id).toBe('p-1');
    expect(result.filtersRefused).toBe(true);
  });

  it('leaves an answer with filters unflagged', async () => {
    const urls = deployment(() => false);
    const result = await getParticipant(REQUEST);
    expect(urls).toHaveLength(1);
    expect(result.filtersRefused).toBeUndefined();
  });

  it('asks only once when no filters were sent, or when the second answer is a 400 too', async () => {
    const alone = deployment(() => true);
    await expect(getParticipant({ ...REQUEST, filters: [] })).rejects.toMatchObject({
      kind: 'invalid_request',
    });
    expect(alone).toEqual([`${BASE}?include_peer_events=true`]);
    const twice = deployment(() => true);
    await expect(getParticipant(REQUEST)).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(twice).toHaveLength(2);
  });

  it('does not retry other failures without filters', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify({ success: false, error: { code: 404 } }), {
        status: 404,
        headers: { 'content-type': 'application/json' },
      });
    });
    await expect(getParticipant(REQUEST)).rejects.toMatchObject({ kind: 'not_found' });
    expect(urls).toHaveLength(1);
  });
});

describe('participantQueryOptions', () => {
  it('keys on every input of the request', () => {
    const key = (change: Partial<ParticipantRequest>) =>
      JSON.stringify(participantQueryOptions({ ...REQUEST, ...change }).queryKey);
    const keys = [
      key({}),
      key({ sessionId: 's-2' }),
      key({ participantId: 'p-2' }),
      key({ filters: ['device_info'] }),
      key({ filters: [] }),
      key({ includePeerEvents: false }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refreshes a refused lookup without filters: one request, still flagged', async () => {
    const urls = deployment((url) => url.includes('filters='));
    const client = testQueryClient();
    const options = participantQueryOptions(REQUEST);
    await client.fetchQuery(options);
    expect(urls).toHaveLength(2);
    await client.refetchQueries({ queryKey: options.queryKey });
    expect(urls).toHaveLength(3);
    expect(urls[2]).toBe(`${BASE}?include_peer_events=true`);
    expect(client.getQueryData(options.queryKey)?.filtersRefused).toBe(true);
  });
});
