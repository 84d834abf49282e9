import { describe, expect, it } from 'vitest';
import { readSessionParticipantsQuery, sessionParticipantsQuery } from './session-params';

const read = (query: string) => readSessionParticipantsQuery(new URLSearchParams(query));

describe('readSessionParticipantsQuery', () => {
  it('takes the documented values and rebuilds them in one order', () => {
    const check = read('sort_order=ASC&per_page=200&page_no=0&sort_by=joinedAt&search=Zo%C3%AB');
    expect(check).toEqual({
      ok: true,
      value: { search: 'Zoë', pageNo: 0, perPage: 200, sortBy: 'joinedAt', sortOrder: 'ASC' },
    });
    expect(check.ok && sessionParticipantsQuery(check.value)).toBe(
      '?search=Zo%C3%AB&page_no=0&per_page=200&sort_by=joinedAt&sort_order=ASC',
    );
    expect(read('search=')).toEqual({ ok: true, value: {} });
  });

  it.each([
    'page_no=-1',
    'page_no=1e3',
    'page_no=%201',
    'per_page=0',
    'per_page=201',
    'sort_by=joined_at',
    'sort_order=desc',
    'include_peer_events=true',
    'view=raw',
    'page_no=1&page_no=1',
    `search=${'x'.repeat(101)}`,
    'search=a%00b',
    'search=a%0D%0Ab',
    'search=%E2%80%A8',
  ])('refuses %s', (query) => {
    expect(read(query).ok).toBe(false);
  });

  it('counts characters, not UTF-16 units, against the 100-character limit', () => {
    expect(read(`search=${encodeURIComponent('👩🏽'.repeat(50))}`).ok).toBe(true);
  });
});

describe('the participants search in the upstream query', () => {
  it("percent-encodes what encodeURIComponent leaves (the upstream refuses !'()*~ in a query)", () => {
    expect(sessionParticipantsQuery({ search: "Robert') *~!" })).toBe(
      '?search=Robert%27%29%20%2A%7E%21',
    );
  });
});
