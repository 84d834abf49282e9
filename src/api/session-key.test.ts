import { describe, expect, it } from 'vitest';
import { sessionEnded, sessionQueryKey } from './session-key';

describe('sessionEnded', () => {
  it('is true only for cached details that say ENDED', () => {
    expect(sessionEnded({ session: { status: 'ENDED' } })).toBe(true);
    expect(sessionEnded({ session: { status: 'LIVE' } })).toBe(false);
    expect(sessionEnded({ session: { status: { invalid: true } } })).toBe(false);
    expect(sessionEnded(undefined)).toBe(false);
    expect(sessionEnded({})).toBe(false);
    expect(sessionQueryKey('s1')).toEqual(['session', 's1']);
  });
});
