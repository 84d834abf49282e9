import { describe, expect, it } from 'vitest';
import { countHidden, revealHidden } from './hidden-characters';

describe('hidden characters in user-typed text', () => {
  it('finds direction overrides and zero-width spaces but not emoji joiners', () => {
    const name = '\u202Eevil\u202C Zoë 👩🏽‍💻\u200B';
    expect(countHidden(name)).toBe(3);
    expect(revealHidden(name)).toBe('⟦U+202E⟧evil⟦U+202C⟧ Zoë 👩🏽‍💻⟦U+200B⟧');
  });

  it('finds the Arabic letter mark, a direction control too', () => {
    expect(countHidden('a\u061Cb')).toBe(1);
  });

  it('leaves plain text alone', () => {
    expect(countHidden('Priya Natarajan')).toBe(0);
    expect(revealHidden('Priya')).toBe('Priya');
  });
});
