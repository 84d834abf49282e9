import { describe, expect, it } from 'vitest';
import { chooseOthers } from './choose';

const w = (startMs: number, endMs: number) => ({ startMs, endMs });

describe('chooseOthers', () => {
  it('takes those most in the call during the incidents, never someone absent then', () => {
    const others = [
      { participantId: 'short', window: w(0, 150) },
      { participantId: 'long', window: w(0, 1_000) },
      { participantId: 'absent', window: w(2_000, 3_000) },
      { participantId: 'unknown', window: null },
      { participantId: 'second', window: w(900, 1_000) },
    ];
    expect(chooseOthers(others, [w(100, 200), w(950, 1_000)])).toEqual(['long', 'second', 'short']);
  });

  it('stops at the bound, ties in id order', () => {
    const others = Array.from({ length: 312 }, (_, i) => ({
      participantId: `p${String(i).padStart(3, '0')}`,
      window: w(0, 1_000),
    }));
    const chosen = chooseOthers(others, [w(0, 10)]);
    expect(chosen).toHaveLength(12);
    expect(chosen[0]).toBe('p000');
  });
});
