import { describe, expect, it } from 'vitest';
import { STATS_RETENTION_MS } from '../lib/time-range';
import { queryValue } from './session-params';
import {
  MAX_RANGE_MS,
  personSearchSearch,
  readPersonSearchQuery,
  readSessionsListQuery,
  sessionsListQuery,
} from './sessions-list-params';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const read = (query: string) => readSessionsListQuery(new URLSearchParams(query), NOW);
const person = (query: string) => readPersonSearchQuery(new URLSearchParams(query), NOW);
const message = (check: { ok: boolean; message?: string }) =>
  check.ok ? '(ok)' : (check.message ?? '');

describe('readSessionsListQuery', () => {
  it('takes the documented values and rebuilds them in one order', () => {
    const check = read(
      'per_page=100&page_no=2&sort_order=DESC&sort_by=createdAt&associated_id=kqzvbn-tprmwx' +
        '&search=Town%20hall&status=ENDED&end_time=2026-12-06T14%3A00%3A00%2B01%3A00' +
        '&start_time=2026-12-01T00:00:00.250Z',
    );
    expect(check).toEqual({
      ok: true,
      value: {
        startTime: '2026-12-01T00:00:00.250Z',
        endTime: '2026-12-06T13:00:00Z',
        status: 'ENDED',
        search: 'Town hall',
        associatedId: 'kqzvbn-tprmwx',
        sortBy: 'createdAt',
        sortOrder: 'DESC',
        pageNo: 2,
        perPage: 100,
      },
    });
    expect(check.ok && sessionsListQuery(check.value)).toBe(
      '?start_time=2026-12-01T00%3A00%3A00.250Z&end_time=2026-12-06T13%3A00%3A00Z&status=ENDED' +
        '&search=Town%20hall&associated_id=kqzvbn-tprmwx&sort_by=createdAt&sort_order=DESC' +
        '&page_no=2&per_page=100',
    );
    expect(read('')).toEqual({ ok: true, value: {} });
    expect(read('search=')).toEqual({ ok: true, value: {} });
    expect(sessionsListQuery({})).toBe('');
  });

  it('gives the browser a search it reads back to the same values', () => {
    const check = read('start_time=2026-12-01T09:30:00-05:00&status=LIVE&search=a%2Bb%20(c)');
    if (!check.ok) throw new Error(check.message);
    const search = sessionsListQuery(check.value);
    expect(search).toBe('?start_time=2026-12-01T14%3A30%3A00Z&status=LIVE&search=a%2Bb%20%28c%29');
    expect(readSessionsListQuery(new URLSearchParams(search), NOW)).toEqual(check);
  });

  it.each([
    'status=live',
    'status=ACTIVE',
    'sort_by=created_at',
    'sort_by=duration',
    'sort_order=desc',
    'page_no=-1',
    'page_no=1000000',
    'page_no=1.5',
    'per_page=0',
    'per_page=101',
    'associated_id=a%2Fb',
    `associated_id=${'a'.repeat(65)}`,
    'associated_id=',
    `search=${'x'.repeat(101)}`,
    'search=a%00b',
    'start_time=',
    'start_time=2026-12-06',
    'start_time=2026-12-06T13:00:00',
    'start_time=2026-12-06%2013:00:00Z',
    'start_time=1765026000',
    'start_time=2026-02-30T13:00:00Z',
    'start_time=2026-12-06T25:00:00Z',
    'start_time=yesterday',
    'end_time=2026-12-06T13:00:00z',
    'status=LIVE&status=ENDED',
  ])('refuses %s', (query) => {
    expect(read(query).ok).toBe(false);
  });

  it('names the key and the value of a bad date', () => {
    expect(message(read('end_time=2026-12-06T13:00:00'))).toMatch(
      /^end_time must be an ISO 8601 date and time with a zone.*got "2026-12-06T13:00:00"\.$/,
    );
    // A "+" sent unencoded arrives as a space.
    expect(message(read('start_time=2026-12-06T13:00:00+01:00'))).toContain('%2B');
  });

  it('refuses unknown keys, naming them and the accepted ones', () => {
    const text = message(read('status=LIVE&participants=x&view=raw'));
    expect(text).toContain('"participants", "view"');
    expect(text).toContain(
      'start_time, end_time, status, search, associated_id, sort_by, sort_order, page_no, per_page',
    );
  });

  it('refuses a reversed range', () => {
    expect(message(read('start_time=2026-12-06T13:00:00Z&end_time=2026-12-06T12:59:59Z'))).toBe(
      'start_time (2026-12-06T13:00:00Z) is after end_time (2026-12-06T12:59:59Z).',
    );
    expect(read('start_time=2026-12-06T13:00:00Z&end_time=2026-12-06T13:00:00Z').ok).toBe(true);
  });

  it('takes a range of exactly 30 days and refuses a longer one', () => {
    const end = NOW;
    const start = (ms: number) => new Date(end - ms).toISOString();
    const range = (ms: number) =>
      read(`start_time=${start(ms)}&end_time=${new Date(end).toISOString()}`);
    expect(range(MAX_RANGE_MS).ok).toBe(true);
    expect(message(range(MAX_RANGE_MS + 1000))).toMatch(/at most 30 days/);
  });

  it('refuses a range entirely older than the 30 days RealtimeKit keeps', () => {
    const oldest = NOW - STATS_RETENTION_MS;
    const at = (ms: number) => new Date(ms).toISOString();
    const old = read(`start_time=${at(oldest - 86_400_000)}&end_time=${at(oldest - 1000)}`);
    expect(message(old)).toMatch(/RealtimeKit keeps call statistics for 30 days/);
    expect(message(read(`end_time=${at(oldest - 1000)}`))).toMatch(/keeps call statistics/);
    expect(message(read(`start_time=${at(oldest - 1000)}`))).toMatch(
      /^start_time .* is more than 30 days ago; RealtimeKit keeps call statistics for 30 days\.$/,
    );
    // Partly inside the window: RealtimeKit answers with what it still has.
    expect(read(`start_time=${at(oldest - 86_400_000)}&end_time=${at(oldest + 1000)}`).ok).toBe(
      true,
    );
    expect(read(`start_time=${at(oldest + 1000)}`).ok).toBe(true);
  });
});

describe('readPersonSearchQuery', () => {
  const range = 'start_time=2026-12-01T00:00:00Z&end_time=2026-12-07T00:00:00Z';

  it('takes q trimmed and the range, and rebuilds the browser search', () => {
    const check = person(`q=%20%20ana%40example.com%20&${range}`);
    expect(check).toEqual({
      ok: true,
      value: {
        q: 'ana@example.com',
        startTime: '2026-12-01T00:00:00Z',
        endTime: '2026-12-07T00:00:00Z',
      },
    });
    expect(check.ok && personSearchSearch(check.value)).toBe(
      '?q=ana%40example.com&start_time=2026-12-01T00%3A00%3A00Z&end_time=2026-12-07T00%3A00%3A00Z',
    );
  });

  it.each([
    ['no q', range, /^q is required/],
    ['an empty q', `q=&${range}`, /^q is required/],
    ['a blank q', `q=%20%20&${range}`, /^q is required/],
    ['a long q', `q=${'x'.repeat(101)}&${range}`, /longer than 100/],
    ['a control character', `q=a%1Bb&${range}`, /control characters/],
    ['no start_time', 'q=ana&end_time=2026-12-07T00:00:00Z', /^start_time is required/],
    ['no end_time', 'q=ana&start_time=2026-12-01T00:00:00Z', /^end_time is required/],
    ['a bad date', 'q=ana&start_time=2026-12-01&end_time=2026-12-07T00:00:00Z', /^start_time/],
    [
      'a reversed range',
      'q=ana&start_time=2026-12-07T00:00:00Z&end_time=2026-12-01T00:00:00Z',
      /is after/,
    ],
    [
      'a range over 30 days',
      'q=ana&start_time=2026-11-01T00:00:00Z&end_time=2026-12-07T00:00:00Z',
      /at most 30 days/,
    ],
    [
      'a range older than 30 days',
      'q=ana&start_time=2026-10-01T00:00:00Z&end_time=2026-10-02T00:00:00Z',
      /keeps call statistics for 30 days/,
    ],
    [
      'an unknown key',
      `q=ana&${range}&status=LIVE`,
      /"status".*takes only q, start_time, end_time/,
    ],
  ])('refuses %s', (_name, query, expected) => {
    expect(message(person(query))).toMatch(expected);
  });
});

describe('queryValue', () => {
  it('leaves only characters the upstream query allows', () => {
    const encoded = queryValue("Robert'); DROP TABLE x;-- *~! ü+:");
    expect(encoded).toMatch(/^[A-Za-z0-9_.%-]+$/);
    expect(decodeURIComponent(encoded)).toBe("Robert'); DROP TABLE x;-- *~! ü+:");
  });
});
