import { describe, expect, it } from 'vitest';
import { clearRecent, MAX_RECENT, RECENT_KEY, readRecent, remember } from './recent';

function memory(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map,
  };
}

const entry = (n: number, name: string | null = `P${n}`) => ({
  sessionId: 's',
  participantId: `p${n}`,
  name,
  at: 1_000 + n,
});

describe('recent lookups', () => {
  it('keeps the newest first, once each, and at most 20', () => {
    const storage = memory();
    for (let n = 0; n < 25; n++) remember(storage, entry(n));
    remember(storage, entry(22, 'P22 again'));
    const list = readRecent(storage);
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toEqual(entry(22, 'P22 again'));
    expect(list.filter((r) => r.participantId === 'p22')).toHaveLength(1);
    expect(list.at(-1)?.participantId).toBe('p5');
  });

  it('reads corrupt or foreign storage as empty, dropping bad entries', () => {
    expect(readRecent(memory({ [RECENT_KEY]: '{not json' }))).toEqual([]);
    expect(readRecent(memory({ [RECENT_KEY]: '{"a":1}' }))).toEqual([]);
    const mixed = JSON.stringify([entry(1), { sessionId: 's' }, 'x', { ...entry(2), at: 'now' }]);
    expect(readRecent(memory({ [RECENT_KEY]: mixed }))).toEqual([entry(1)]);
  });

  it('cuts very long names, survives a storage that refuses writes, and clears', () => {
    const storage = memory();
    expect(remember(storage, entry(1, 'x'.repeat(10_000)))[0]?.name).toHaveLength(200);
    const full = {
      ...memory(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(remember(full, entry(2))).toEqual([entry(2)]);
    clearRecent(storage);
    expect(readRecent(storage)).toEqual([]);
  });
});
