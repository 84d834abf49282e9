import { describe, expect, it } from 'vitest';
import { jitterUnit } from './jitter-unit';

describe('jitterUnit', () => {
  it('reads WebRTC-sized values as seconds, everything else as milliseconds', () => {
    expect(jitterUnit([0.02, 0.03, 0.025]).toMs).toBe(1000);
    expect(jitterUnit([0.099, 0.05, 0.08]).toMs).toBe(1000);
    // Sub-millisecond jitter on a good network stays good: 0.4 ms, not 400 ms.
    const sub = jitterUnit([0.4, 0.5, 0.3]);
    expect(sub.toMs).toBe(1);
    expect(sub.note).toContain('as seconds it would be 400 ms');
    expect(jitterUnit([0.1, 0.1, 0.1]).toMs).toBe(1);
    expect(jitterUnit([25, 30, 12]).note).toBe('read as milliseconds');
  });

  it('ignores zeros and gaps when finding the typical value, and says ms when nothing is known', () => {
    expect(jitterUnit([0, 0, Number.NaN, 0.02, 0.03]).toMs).toBe(1000);
    expect(jitterUnit([]).toMs).toBe(1);
    expect(jitterUnit([0, Number.NaN]).note).toBe('read as milliseconds');
  });
});
