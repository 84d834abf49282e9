import { describe, expect, it } from 'vitest';
import { answerFetch } from '../test/fetch-stub';
import { ApiError } from './errors';
import { getJson, startEarlyReads } from './http';

const REPORT = '/api/sessions/peer-report/peer-a';
const body = { success: true, data: { participant: { id: 'p' } } };

describe('reads a painted page starts as it boots', () => {
  it('answer the first request of their URL; the next one goes to the network', async () => {
    const urls = answerFetch(200, body);
    startEarlyReads([REPORT], '/api/');
    expect(urls).toEqual([REPORT]);
    expect((await getJson(REPORT)).body).toEqual(body);
    expect(urls).toEqual([REPORT]);
    await getJson(REPORT);
    expect(urls).toEqual([REPORT, REPORT]);
  });

  it('hand a failure (a peer with no report) to the app’s request, asked once', async () => {
    const urls = answerFetch(404, {
      success: false,
      error: { code: 404, message: 'Peer not found' },
    });
    startEarlyReads(['/api/sessions/peer-report/peer-b'], '/api/');
    const failure = await getJson('/api/sessions/peer-report/peer-b').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).kind).toBe('not_found');
    expect(urls).toHaveLength(1);
  });

  it('are only this server’s API reads, each started once', () => {
    const urls = answerFetch(200, body);
    startEarlyReads(
      [
        'https://elsewhere.example/api/x',
        '/login',
        '',
        REPORT.replace('peer-a', 'peer-c'),
        REPORT.replace('peer-a', 'peer-c'),
      ],
      '/api/',
    );
    expect(urls).toEqual(['/api/sessions/peer-report/peer-c']);
  });
});
