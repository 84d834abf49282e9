import { describe, expect, it } from 'vitest';
import { readViewParams, viewQuery } from './view-params';

describe('view params', () => {
  it('reads embed, theme and redact, ignoring anything unknown', () => {
    expect(readViewParams('?embed=1&theme=dark&redact=true&x=1')).toEqual({
      embed: true,
      theme: 'dark',
      redact: true,
    });
    expect(readViewParams('?embed=0&theme=purple')).toEqual({
      embed: false,
      theme: null,
      redact: false,
    });
  });

  it('writes them back in a fixed order', () => {
    expect(viewQuery({ embed: true, theme: 'system', redact: true })).toEqual([
      'embed=1',
      'theme=system',
      'redact=1',
    ]);
    expect(viewQuery({ embed: false, theme: null, redact: false })).toEqual([]);
  });
});
