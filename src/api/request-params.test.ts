import { describe, expect, it } from 'vitest';
import { checkId, parseFilters, parseIncludePeerEvents, participantQuery } from './request-params';

describe('checkId', () => {
  it('accepts 1–64 characters of letters, digits, _ and -', () => {
    expect(checkId('Session ID', 'a1B2_c-3')).toEqual({ ok: true, value: 'a1B2_c-3' });
    expect(checkId('Session ID', 'x'.repeat(64)).ok).toBe(true);
  });

  it('explains what is wrong', () => {
    expect(checkId('Session ID', '')).toEqual({ ok: false, message: 'Session ID is empty.' });
    expect(checkId('Session ID', 'x'.repeat(65))).toEqual({
      ok: false,
      message: 'Session ID is 65 characters long; the limit is 64.',
    });
    expect(checkId('Participant ID', '../a/b')).toEqual({
      ok: false,
      message: 'Participant ID may only contain letters, digits, "_" and "-" (found "." "/").',
    });
  });
});

describe('parseFilters', () => {
  it('keeps the documented filters in their documented order', () => {
    expect(parseFilters('quality_stats,device_info,device_info')).toEqual({
      ok: true,
      value: ['device_info', 'quality_stats'],
    });
    expect(parseFilters(undefined)).toEqual({ ok: true, value: [] });
  });

  it('refuses unknown names and spaces', () => {
    expect(parseFilters('device_info, events').ok).toBe(false);
    expect(parseFilters('everything').ok).toBe(false);
    expect(parseFilters('device_info,').ok).toBe(false);
  });
});

describe('parseIncludePeerEvents and participantQuery', () => {
  it('reads true/false only and writes literal commas', () => {
    expect(parseIncludePeerEvents('true')).toEqual({ ok: true, value: true });
    expect(parseIncludePeerEvents('1').ok).toBe(false);
    expect(participantQuery(['device_info', 'events'], true)).toBe(
      '?filters=device_info,events&include_peer_events=true',
    );
    expect(participantQuery([], undefined)).toBe('');
  });
});
