import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { answerFetch } from '../test/fetch-stub';
import { ApiError, shouldRetry } from './errors';
import { findInvalid, isInvalid } from './lenient';
import {
  getSessionParticipants,
  sessionParticipantsQueryOptions,
} from './session-participants-query';
import { getSession, sessionQueryOptions } from './session-query';

const details = {
  id: 's-1',
  associated_id: 'abcdef-ghijkl',
  meeting_display_name: 'Standup',
  status: 'LIVE',
  type: 'meeting',
  started_at: '2026-11-21T14:00:00Z',
  live_participants: 3,
  minutes_consumed: 12.5,
  future_field: [1],
};

describe('getSession', () => {
  it('reads the older wrapped shape, data.session', async () => {
    const urls = answerFetch(200, { success: true, data: { session: details } });
    const { session, shape } = await getSession('s-1');
    expect(urls).toEqual(['/api/sessions/s-1']);
    expect(shape).toBe('wrapped');
    expect(session).toMatchObject({ id: 's-1', status: 'LIVE', future_field: [1] });
    expect(session.started_at).toMatchObject({ ms: Date.UTC(2026, 10, 21, 14) });
  });

  it('reads the newer flat shape, data itself', async () => {
    answerFetch(200, { success: true, data: details });
    const { session, shape } = await getSession('s-1');
    expect(shape).toBe('flat');
    expect(session.meeting_display_name).toBe('Standup');
  });

  it('flags bad values with their raw value instead of failing', async () => {
    answerFetch(200, {
      data: { ...details, status: 'PAUSED', minutes_consumed: -3, ended_at: 'ended_at' },
    });
    const { session } = await getSession('s-1');
    expect(findInvalid(session).map((f) => [f.path, f.value.raw])).toEqual([
      ['status', 'PAUSED'],
      ['ended_at', 'ended_at'],
      ['minutes_consumed', -3],
    ]);
  });

  it('turns a 404, a success:false and an empty data into typed errors', async () => {
    answerFetch(404, { success: false, error: { code: 404, message: 'Session not found' } });
    await expect(getSession('s-1')).rejects.toMatchObject({ kind: 'not_found' });
    answerFetch(200, { success: false, error: { code: 404, message: 'Session not found' } });
    await expect(getSession('s-1')).rejects.toMatchObject({ kind: 'not_found' });
    answerFetch(200, { success: true, data: { unrelated: 1 } });
    await expect(getSession('s-1')).rejects.toMatchObject({ kind: 'malformed' });
  });
});

describe('getSessionParticipants', () => {
  it('sends every input, encoded, and reads the entries and the total', async () => {
    const urls = answerFetch(200, {
      success: true,
      data: {
        participants: [{ id: 'p-1', display_name: '<b>x</b>', duration: '3' }, 'junk'],
        paging: { start_offset: 1, end_offset: 2, total_count: 312 },
      },
    });
    const result = await getSessionParticipants({
      sessionId: 's 1',
      search: 'Zoë & co',
      pageNo: 2,
      perPage: 50,
      sortBy: 'duration',
      sortOrder: 'DESC',
    });
    expect(urls).toEqual([
      '/api/sessions/s%201/participants?search=Zo%C3%AB%20%26%20co&page_no=2&per_page=50&sort_by=duration&sort_order=DESC',
    ]);
    expect(result.totalCount).toBe(312);
    const [first, second] = result.participants;
    expect(first && !isInvalid(first) ? first.display_name : null).toBe('<b>x</b>');
    expect(first && !isInvalid(first) && isInvalid(first.duration)).toBe(true);
    expect(isInvalid(second)).toBe(true);
  });

  it('reads the total from a paging sent beside data', async () => {
    answerFetch(200, {
      success: true,
      data: { participants: [{ id: 'p-1' }] },
      paging: { start_offset: 1, end_offset: 1, total_count: 41 },
    });
    expect((await getSessionParticipants({ sessionId: 's' })).totalCount).toBe(41);
  });

  it('reads a list without paging', async () => {
    answerFetch(200, { success: true, data: { participants: [] } });
    expect(await getSessionParticipants({ sessionId: 's' })).toEqual({
      participants: [],
      totalCount: undefined,
    });
  });
});

describe('query options', () => {
  it('put every input in the key', () => {
    const a = sessionParticipantsQueryOptions({ sessionId: 's', search: 'a', pageNo: 1 }).queryKey;
    const b = sessionParticipantsQueryOptions({ sessionId: 's', search: 'a', pageNo: 2 }).queryKey;
    const c = sessionParticipantsQueryOptions({
      sessionId: 's',
      search: 'a',
      pageNo: 1,
      sortOrder: 'DESC',
    }).queryKey;
    expect(new Set([JSON.stringify(a), JSON.stringify(b), JSON.stringify(c)]).size).toBe(3);
    expect(sessionQueryOptions('s-1').queryKey).toEqual(['session', 's-1']);
  });

  it('never retry a 4xx (the app client’s policy)', async () => {
    expect(shouldRetry(0, new ApiError('not_found', 'x', { status: 404 }))).toBe(false);
    expect(shouldRetry(0, new ApiError('invalid_request', 'x', { status: 400 }))).toBe(false);
    const urls = answerFetch(404, {
      success: false,
      error: { code: 404, message: 'Session not found' },
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: shouldRetry } } });
    await expect(client.fetchQuery(sessionQueryOptions('s-1'))).rejects.toBeInstanceOf(ApiError);
    expect(urls).toHaveLength(1);
  });
});
