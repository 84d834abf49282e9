import { describe, expect, it } from 'vitest';
import { parseTimestamp, type Timestamp } from '../../../lib/timestamp';
import {
  iso,
  leftParticipant,
  leftParticipantWithout,
  MIN,
  PARTICIPANT_ID,
  parseParticipant,
  T0,
} from '../../../test/peer-event-fixtures';
import { checkDuration, shown, summarize } from './summary';

function at(raw: string | number): Timestamp {
  const result = parseTimestamp(raw);
  if (!result.ok) throw new Error(`test timestamp ${raw} is unreadable: ${result.reason}`);
  return result.value;
}

const ts = (ms: number) => at(iso(ms));

/** A field shown as unreadable: the raw value sent and why it could not be read. */
const invalidShown = (raw: unknown, reason: string) => ({ kind: 'invalid', raw, reason });

describe('shown', () => {
  it('tells a value, a missing value and an invalid one apart', () => {
    expect(shown('x')).toEqual({ kind: 'value', value: 'x' });
    expect(shown(0)).toEqual({ kind: 'value', value: 0 });
    expect(shown('')).toEqual({ kind: 'value', value: '' });
    expect(shown(undefined)).toEqual({ kind: 'missing' });
    expect(shown({ invalid: true, raw: '5', reason: 'why' })).toEqual({
      kind: 'invalid',
      raw: '5',
      reason: 'why',
    });
  });
});

describe('summarize', () => {
  it('shows every field of a participant who has left', () => {
    const s = summarize(parseParticipant(leftParticipant));
    expect(s.displayName).toEqual({ kind: 'value', value: 'Ada Lovelace' });
    expect(s.id).toEqual({ kind: 'value', value: PARTICIPANT_ID });
    expect(s.userId).toEqual({ kind: 'value', value: 'user-77' });
    expect(s.customId).toEqual({ kind: 'value', value: 'crm-4411' });
    expect(s.preset).toEqual({ kind: 'value', value: 'group_call_host' });
    expect(s.joined).toEqual({ kind: 'value', value: { ms: T0, raw: iso(T0) } });
    expect(s.left).toEqual({
      kind: 'value',
      value: { ms: T0 + 10 * MIN, raw: iso(T0 + 10 * MIN) },
    });
    expect(s.created).toEqual({ kind: 'value', value: { ms: T0 - 4_000, raw: iso(T0 - 4_000) } });
    expect(s.updated).toEqual({
      kind: 'value',
      value: { ms: T0 + 10 * MIN, raw: iso(T0 + 10 * MIN) },
    });
    expect(s.duration).toEqual({ kind: 'value', value: 10 });
    expect(s.inSession).toBe(false);
    expect(s.durationCheck).toEqual({
      fromMinutesMs: 10 * MIN,
      fromTimesMs: 10 * MIN,
      disagreement: null,
    });
  });

  it('is in session when left_at is absent', () => {
    const s = summarize(
      parseParticipant({ ...leftParticipantWithout('left_at'), duration: undefined }),
    );
    expect(s.inSession).toBe(true);
    expect(s.left).toEqual({ kind: 'missing' });
    expect(s.durationCheck).toEqual({ fromMinutesMs: null, fromTimesMs: null, disagreement: null });
  });

  it('is in session when left_at is null', () => {
    const s = summarize(parseParticipant({ ...leftParticipant, left_at: null, duration: null }));
    expect(s.inSession).toBe(true);
    expect(s.left).toEqual({ kind: 'missing' });
    expect(s.duration).toEqual({ kind: 'missing' });
  });

  it('is not in session when left_at is present but unreadable, and shows it raw', () => {
    const s = summarize(parseParticipant({ ...leftParticipant, left_at: 'yesterday' }));
    expect(s.inSession).toBe(false);
    expect(s.left).toEqual(invalidShown('yesterday', 'expected a timestamp, not a date and time'));
    // With no readable left_at there is nothing to compare the duration with.
    expect(s.durationCheck).toEqual({
      fromMinutesMs: 10 * MIN,
      fromTimesMs: null,
      disagreement: null,
    });
  });

  it('is not in session when left_at is an empty string', () => {
    const s = summarize(parseParticipant({ ...leftParticipant, left_at: '' }));
    expect(s.inSession).toBe(false);
    expect(s.left).toMatchObject({ kind: 'invalid', raw: '' });
  });

  it('reports each unreadable field with the raw value sent', () => {
    const s = summarize(
      parseParticipant({
        ...leftParticipant,
        display_name: 42,
        user_id: { id: 'user-77' },
        custom_participant_id: ['crm-4411'],
        duration: '10',
        joined_at: '2026-02-30T10:00:00Z',
        created_at: 0,
        updated_at: '1800-01-01T00:00:00Z',
      }),
    );
    expect(s.displayName).toEqual(invalidShown(42, 'expected a string, got a number'));
    expect(s.userId).toEqual(invalidShown({ id: 'user-77' }, 'expected a string, got an object'));
    expect(s.customId).toEqual(invalidShown(['crm-4411'], 'expected a string, got a list'));
    expect(s.duration).toEqual(
      invalidShown('10', 'expected a number of minutes (≥ 0), got a string'),
    );
    expect(s.joined).toEqual(
      invalidShown('2026-02-30T10:00:00Z', 'expected a timestamp, impossible date or time'),
    );
    expect(s.created).toEqual(invalidShown(0, 'expected a timestamp, not a positive epoch'));
    expect(s.updated).toEqual(
      invalidShown('1800-01-01T00:00:00Z', 'expected a timestamp, year outside 2000–2099'),
    );
    // The readable fields are unaffected.
    expect(s.id).toEqual({ kind: 'value', value: PARTICIPANT_ID });
    expect(s.left.kind).toBe('value');
    expect(s.inSession).toBe(false);
    // Neither side of the duration check can be read.
    expect(s.durationCheck).toEqual({ fromMinutesMs: null, fromTimesMs: null, disagreement: null });
  });

  it('reports negative duration as invalid, with its raw value', () => {
    const s = summarize(parseParticipant({ ...leftParticipant, duration: -3 }));
    expect(s.duration).toMatchObject({ kind: 'invalid', raw: -3 });
    expect(s.durationCheck.fromMinutesMs).toBeNull();
  });

  it('shows absent optional fields as missing', () => {
    const s = summarize(
      parseParticipant({ id: PARTICIPANT_ID, joined_at: iso(T0), left_at: iso(T0 + MIN) }),
    );
    expect(s.displayName).toEqual({ kind: 'missing' });
    expect(s.userId).toEqual({ kind: 'missing' });
    expect(s.customId).toEqual({ kind: 'missing' });
    expect(s.preset).toEqual({ kind: 'missing' });
    expect(s.created).toEqual({ kind: 'missing' });
    expect(s.updated).toEqual({ kind: 'missing' });
    expect(s.duration).toEqual({ kind: 'missing' });
    expect(s.inSession).toBe(false);
    expect(s.durationCheck).toEqual({
      fromMinutesMs: null,
      fromTimesMs: MIN,
      disagreement: null,
    });
  });

  it('keeps an empty display name as a value, not as missing', () => {
    const s = summarize(parseParticipant({ ...leftParticipant, display_name: '' }));
    expect(s.displayName).toEqual({ kind: 'value', value: '' });
  });

  it('flags a duration longer than the timestamps say, with a positive difference', () => {
    const s = summarize(parseParticipant({ ...leftParticipant, duration: 12.5 }));
    expect(s.durationCheck).toEqual({
      fromMinutesMs: 12.5 * MIN,
      fromTimesMs: 10 * MIN,
      disagreement: 2.5 * MIN,
    });
  });

  it('reads times in other shapes before comparing them with the duration', () => {
    const s = summarize(
      parseParticipant({
        ...leftParticipant,
        joined_at: Math.floor(T0 / 1000),
        left_at: '2026-11-21T19:41:35+05:30',
      }),
    );
    expect(s.joined).toEqual({
      kind: 'value',
      value: { ms: T0, raw: Math.floor(T0 / 1000), note: 'epoch seconds' },
    });
    expect(s.durationCheck).toEqual({
      fromMinutesMs: 10 * MIN,
      fromTimesMs: 10 * MIN,
      disagreement: null,
    });
  });
});

describe('checkDuration', () => {
  it('converts minutes to ms and subtracts joined from left', () => {
    expect(checkDuration(1.5, ts(T0), ts(T0 + 90_000))).toEqual({
      fromMinutesMs: 90_000,
      fromTimesMs: 90_000,
      disagreement: null,
    });
  });

  it('compares nothing when a side is unknown', () => {
    expect(checkDuration(null, ts(T0), ts(T0 + MIN))).toEqual({
      fromMinutesMs: null,
      fromTimesMs: MIN,
      disagreement: null,
    });
    expect(checkDuration(5, null, ts(T0 + MIN))).toEqual({
      fromMinutesMs: 5 * MIN,
      fromTimesMs: null,
      disagreement: null,
    });
    expect(checkDuration(5, ts(T0), null)).toEqual({
      fromMinutesMs: 5 * MIN,
      fromTimesMs: null,
      disagreement: null,
    });
  });

  it('treats a zero duration as known', () => {
    expect(checkDuration(0, ts(T0), ts(T0))).toEqual({
      fromMinutesMs: 0,
      fromTimesMs: 0,
      disagreement: null,
    });
    expect(checkDuration(0, ts(T0), ts(T0 + 10 * MIN)).disagreement).toBe(-10 * MIN);
  });

  describe('in a short session, where 2 s is the larger tolerance', () => {
    // 1 minute from the duration; 1 % of about a minute is only ~0.6 s.
    it('accepts up to 2 s either way', () => {
      expect(checkDuration(1, ts(T0), ts(T0 + 58_500)).disagreement).toBeNull();
      expect(checkDuration(1, ts(T0), ts(T0 + 58_000)).disagreement).toBeNull();
      expect(checkDuration(1, ts(T0), ts(T0 + 62_000)).disagreement).toBeNull();
    });

    it('flags beyond 2 s: positive when the duration is longer than the timestamps', () => {
      expect(checkDuration(1, ts(T0), ts(T0 + 57_999)).disagreement).toBe(2_001);
    });

    it('flags beyond 2 s: negative when the duration is shorter than the timestamps', () => {
      expect(checkDuration(1, ts(T0), ts(T0 + 62_001)).disagreement).toBe(-2_001);
    });
  });

  describe('in a long session, where 1 % is the larger tolerance', () => {
    // left − joined = 100 minutes, so 1 % is 60 s.
    const joined = ts(T0);
    const left = ts(T0 + 100 * MIN);

    it('accepts differences beyond 2 s that stay within 1 %', () => {
      expect(checkDuration(100.5, joined, left).disagreement).toBeNull();
      expect(checkDuration(99.5, joined, left).disagreement).toBeNull();
      expect(checkDuration(101, joined, left).disagreement).toBeNull();
      expect(checkDuration(99, joined, left).disagreement).toBeNull();
    });

    it('flags differences beyond 1 %, with their sign', () => {
      expect(checkDuration(101.25, joined, left).disagreement).toBe(75_000);
      expect(checkDuration(98.75, joined, left).disagreement).toBe(-75_000);
    });

    it('measures 1 % against the timestamps, not the duration', () => {
      // 101 minutes vs 5 999.999 s: 60.001 s off, just over 1 % of the timestamp span (but
      // within 1 % of the duration's 6 060 s).
      expect(checkDuration(101, joined, ts(T0 + 100 * MIN - 1)).disagreement).toBe(60_001);
    });
  });

  it('flags timestamps in the wrong order against any positive duration', () => {
    const check = checkDuration(10, ts(T0 + 10 * MIN), ts(T0));
    expect(check.fromTimesMs).toBe(-10 * MIN);
    expect(check.disagreement).toBe(20 * MIN);
  });
});
