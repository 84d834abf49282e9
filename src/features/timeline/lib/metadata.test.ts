import { describe, expect, it } from 'vitest';
import { cut, metadataEntries, metadataSearchText, metadataSummary, valueText } from './metadata';

describe('metadata as text', () => {
  it('writes strings as sent and anything else as JSON', () => {
    expect(valueText('granted')).toBe('granted');
    expect(valueText(3)).toBe('3');
    expect(valueText(null)).toBe('null');
    expect(valueText({ a: [1, true] })).toBe('{"a":[1,true]}');
    expect(valueText(undefined)).toBe('undefined');
  });

  it('gives one entry per key, and one keyless entry for anything not an object', () => {
    expect(metadataEntries({ audio: 'granted', code: 7 })).toEqual([
      { key: 'audio', value: 'granted' },
      { key: 'code', value: '7' },
    ]);
    expect(metadataEntries(['a'])).toEqual([{ key: '', value: '["a"]' }]);
    expect(metadataEntries({})).toEqual([]);
  });

  it('summarizes as key: value pairs, cut with an ellipsis', () => {
    const entries = metadataEntries({ audio: 'granted', video: 'denied' });
    expect(metadataSummary(entries, 60)).toBe('audio: granted, video: denied');
    expect(metadataSummary(entries, 12)).toBe('audio: gran…');
  });

  it('stops reading entries once the summary is full', () => {
    const many = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, 'v']));
    expect(metadataSummary(metadataEntries(many), 20)).toBe('k0: v, k1: v, k2: v…');
    const huge = metadataEntries({ huge: 'x'.repeat(1_000_000) });
    expect(metadataSummary(huge, 20)).toHaveLength(20);
  });

  it('writes out direction-changing and invisible characters, never splits an emoji', () => {
    expect(cut('\u202Eevil', 50)).toBe('⟦U+202E⟧evil');
    expect(cut('ab😀cd', 4)).toBe('ab…');
    expect(cut('<img src=x onerror=alert(1)>', 100)).toBe('<img src=x onerror=alert(1)>');
  });

  it('searches keys and values, each value cut', () => {
    expect(metadataSearchText({ Reason: 'ICE failed' })).toBe('Reason ICE failed');
    expect(metadataSearchText({ v: 'abcdef' }, 3)).toBe('v abc');
  });
});
