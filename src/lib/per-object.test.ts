import { describe, expect, it } from 'vitest';
import { perObject } from './per-object';

describe('perObject', () => {
  it('works a value out once per object, and apart for each object', () => {
    let calls = 0;
    const sizeOf = perObject((list: readonly number[]) => {
      calls += 1;
      return list.length > 0 ? list.length : undefined;
    });
    const a = [1, 2];
    const empty: number[] = [];
    expect([sizeOf(a), sizeOf(a), sizeOf(empty), sizeOf(empty)]).toEqual([
      2,
      2,
      undefined,
      undefined,
    ]);
    // An undefined result is kept too.
    expect(calls).toBe(2);
  });
});
