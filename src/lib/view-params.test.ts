import { describe, expect, it } from 'vitest';
import { PLAIN_VIEW, readViewParams, viewQuery } from './view-params';

describe('view params', () => {
  it('reads embed, theme and redact, ignoring anything unknown', () => {
    expect(readViewParams('?embed=1&theme=dark&redact=true&tz=utc&x=1')).toEqual({
      embed: true,
      theme: 'dark',
      redact: true,
      clock: 'utc',
    });
    expect(readViewParams('?embed=0&theme=purple&tz=Mars/Olympus')).toEqual({
      embed: false,
      theme: null,
      redact: false,
      clock: 'mine',
    });
  });

  it('writes them back in a fixed order', () => {
    expect(viewQuery({ embed: true, theme: 'system', redact: true, clock: 'participant' })).toEqual(
      ['embed=1', 'theme=system', 'redact=1', 'tz=participant'],
    );
    expect(viewQuery(PLAIN_VIEW)).toEqual([]);
  });
});
