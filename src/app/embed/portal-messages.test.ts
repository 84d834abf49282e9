import { describe, expect, it } from 'vitest';
import { readInbound } from './portal-messages';

const source = 'participant-inspector';

describe('readInbound', () => {
  it('accepts the three documented messages', () => {
    expect(
      readInbound({
        source,
        type: 'navigate',
        session_id: 's-1',
        participant_id: 'p_2',
        filters: ['events'],
      }),
    ).toEqual({
      source,
      type: 'navigate',
      session_id: 's-1',
      participant_id: 'p_2',
      filters: ['events'],
    });
    expect(readInbound({ source, type: 'set-theme', theme: 'dark' })).toEqual({
      source,
      type: 'set-theme',
      theme: 'dark',
    });
    expect(readInbound({ source, type: 'set-redact', redact: true })).toEqual({
      source,
      type: 'set-redact',
      redact: true,
    });
  });

  it('ignores anything else: other sources, unknown types, bad ids, bad themes, non-objects', () => {
    for (const data of [
      'navigate',
      null,
      { type: 'navigate', session_id: 's', participant_id: 'p' },
      { source: 'other-app', type: 'set-theme', theme: 'dark' },
      { source, type: 'eval', code: 'alert(1)' },
      { source, type: 'navigate', session_id: '../../x', participant_id: 'p' },
      { source, type: 'navigate', session_id: 's', participant_id: 'x'.repeat(65) },
      { source, type: 'navigate', session_id: 's', participant_id: 'p', filters: ['everything'] },
      { source, type: 'set-theme', theme: 'javascript:alert(1)' },
      { source, type: 'set-redact', redact: 'yes' },
    ]) {
      expect(readInbound(data), JSON.stringify(data)).toBeNull();
    }
  });
});
