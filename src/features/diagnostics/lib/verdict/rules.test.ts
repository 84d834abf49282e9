import { describe, expect, it } from 'vitest';
import type { Diagnosis, Incident } from '../finding';
import type { Symptom } from '../symptom';
import type { Member } from './member';
import { COMPARE_PAD_MS, type Comparison, classify, comparedWindow, VERDICT_RULES } from './rules';
import { customerParagraph, verdictLines, verdictOf } from './verdict';

const W = { startMs: 1_000_000, endMs: 1_600_000 };
const LATER = { startMs: 5_000_000, endMs: 5_600_000 };
const time = (ms: number) => `t${ms / 1000}`;

const incident = (over: Partial<Incident> = {}): Incident => ({
  id: 'i',
  severity: 'poor',
  cause: 'network',
  direction: 'uplink',
  window: W,
  headline: 'Poor network on their side: what they sent',
  figures: ['audio loss up to 12 % (sent)'],
  explanation: '',
  thresholds: [],
  focus: null,
  peerIds: ['me-peer'],
  merged: 1,
  ...over,
});

const symptom = (over: Partial<Symptom> = {}): Symptom => ({
  severity: 'poor',
  cause: 'network',
  direction: 'uplink',
  window: W,
  figure: { key: 'audio loss (sent)', text: 'audio loss up to 9 % (sent)', badness: 9 },
  threshold: '',
  peerId: 'p',
  focus: null,
  ...over,
});

const member = (i: number, over: Partial<Member> = {}): Member => ({
  participantId: `m${i}`,
  name: `Member ${i}`,
  spans: [{ startMs: 0, endMs: 10_000_000 }],
  peerIds: [`peer-${i}`],
  rejoins: [],
  network: { country: `C${i}`, owner: `AS${i}` },
  client: null,
  symptoms: [],
  ...over,
});

const comparison = (members: Member[], others = members.length): Comparison => ({
  others,
  presence: members.flatMap((m) => m.spans),
  members,
  failures: 0,
});

const subject = { peerIds: new Set(['me-peer']), network: { country: 'PT', owner: 'AS-me' } };
const degraded = (i: number, over: Partial<Member> = {}) =>
  member(i, { symptoms: [symptom()], ...over });
const fine = (i: number) => member(i);
/** `bad` of `n` others degraded, each on a network of their own. */
const crowd = (bad: number, n: number) =>
  Array.from({ length: n }, (_, i) => (i < bad ? degraded(i) : fine(i)));

const judge = (members: Member[], over: Partial<Incident> = {}) =>
  classify(incident(over), subject, comparison(members), time);

describe('classify: the network rules', () => {
  it('names their network when every other compared was fine, with the counts behind it', () => {
    const v = judge(crowd(0, 4));
    expect(v.label).toBe('Their network');
    expect(v.evidence).toBe(
      "4 of 4 others were in the call at t1000–t1600; all 4 compared were fine; only this participant's uplink (what they sent) suffered (audio loss up to 12 % (sent)).",
    );
  });

  it(`keeps their network at exactly ${VERDICT_RULES.aloneShare * 100} % of others degraded, and not above`, () => {
    expect(judge(crowd(1, 4)).label).toBe('Their network');
    const mixed = judge(crowd(2, 7));
    expect(mixed.label).toBe('Not enough data');
    expect(mixed.evidence).toContain('2 of 7 others compared degraded');
  });

  it(`names the service from ${VERDICT_RULES.serviceShare * 100} % of others degraded across networks, not below`, () => {
    const service = judge(crowd(2, 4));
    expect(service.label).toBe('The service');
    expect(service.evidence).toBe(
      '2 of 4 others compared degraded at t1000–t1600 too, across 3 networks in 3 countries.',
    );
    const browsers = judge([
      degraded(1, { client: 'Chrome 142 · web-core 1.35.2' }),
      degraded(2, { client: 'Firefox 145 · web-core 1.35.2' }),
    ]);
    expect(browsers.evidence).toMatch(/in 3 countries and 2 browsers\.$/);
    expect(judge(crowd(3, 7)).label).toBe('Not enough data');
  });

  it(`needs at least ${VERDICT_RULES.serviceMin} others degraded for the service`, () => {
    // Half of two is one: not enough people to call it the service, too many to call it theirs.
    const few = judge(crowd(1, 2));
    expect(few.label).toBe('Not enough data');
    expect(few.evidence).toContain('too few people to call it the service');
    expect(judge(crowd(2, 2)).label).toBe('The service');
  });

  it('calls many degraded on the participant’s own network a shared network, not the service', () => {
    const same = { country: 'PT', owner: 'AS-me' };
    const v = judge([degraded(1, { network: same }), degraded(2, { network: same }), fine(3)]);
    expect(v.label).toBe('Their network');
    expect(v.evidence).toContain('all on this participant’s network'.replace('’', "'"));
  });

  it('does not call it the service when the networks of those degraded are unknown', () => {
    const v = classify(
      incident(),
      { ...subject, network: null },
      comparison([degraded(1, { network: null }), degraded(2, { network: null })]),
      time,
    );
    expect(v.label).toBe('Not enough data');
    expect(v.evidence).toContain('networks are not known');
  });

  it('does not count what others received from this participant as their trouble', () => {
    const hearingMe = symptom({
      direction: 'downlink',
      remote: { peerId: 'me-peer', senders: 1 },
    });
    const v = judge([member(1, { symptoms: [hearingMe] }), member(2, { symptoms: [hearingMe] })]);
    expect(v.label).toBe('Their network');
    expect(v.evidence).toContain('2 of them received this participant badly');
  });

  it('does not count trouble with one other sender, nor trouble at another time', () => {
    const oneSender = symptom({ direction: 'remote', remote: { peerId: 'x', senders: 4 } });
    const later = symptom({ window: LATER });
    expect(
      judge([member(1, { symptoms: [oneSender] }), member(2, { symptoms: [later] })]).label,
    ).toBe('Their network');
  });

  it('leaves out others not in the call then, and says so when nobody was', () => {
    const gone = member(1, { spans: [LATER] });
    const v = judge([gone]);
    expect(v.label).toBe('Not enough data');
    expect(v.evidence).toContain('None of the 1 other in the session was in the call');
  });

  it('falls back to not enough data when no one in the call has call statistics', () => {
    const v = judge([member(1, { symptoms: null }), member(2, { symptoms: null })]);
    expect(v.label).toBe('Not enough data');
    expect(v.evidence).toBe(
      '2 of 2 others were in the call at t1000–t1600, but none of them has call statistics to compare with.',
    );
  });

  it('falls back to not enough data alone in the session, or when the session could not be read', () => {
    expect(judge([]).evidence).toContain('Nobody else was in this session');
    expect(judge([]).label).toBe('Not enough data');
    expect(classify(incident(), subject, null, time).label).toBe('Not enough data');
  });

  it('says reads failed when that is why there is not enough data', () => {
    const v = classify(
      incident(),
      subject,
      { ...comparison([member(1, { symptoms: null })]), failures: 2 },
      time,
    );
    expect(v.label).toBe('Not enough data');
    expect(v.evidence).toMatch(/2 reads of the session failed .*try again later\.$/);
  });
});

describe('comparedWindow', () => {
  it('widens a single moment to two minutes and leaves longer windows alone', () => {
    expect(comparedWindow({ startMs: 600_000, endMs: 600_000 })).toEqual({
      startMs: 600_000 - COMPARE_PAD_MS,
      endMs: 600_000 + COMPARE_PAD_MS,
    });
    expect(comparedWindow(W)).toBe(W);
  });
});

describe('classify: another participant', () => {
  const kwame = (sentBad: boolean) =>
    member(9, {
      name: 'Kwame Mensah',
      peerIds: ['kwame-peer'],
      symptoms: sentBad
        ? [symptom({ figure: { key: 'k', text: 'audio loss up to 14 % (sent)', badness: 14 } })]
        : [],
    });
  const hearsKwame = (i: number) =>
    member(i, {
      symptoms: [symptom({ direction: 'remote', remote: { peerId: 'kwame-peer', senders: 4 } })],
    });
  const remote = { direction: 'remote' as const, sender: 'kwame-peer' };

  it('names the sender whose uplink was bad then', () => {
    const v = judge([kwame(true), hearsKwame(1), hearsKwame(2), fine(3)], remote);
    expect(v.label).toBe('Another participant');
    expect(v.sender?.participantId).toBe('m9');
    expect(v.evidence).toBe(
      'Only media from Kwame Mensah was bad at t1000–t1600: their uplink suffered then (audio loss up to 14 % (sent)), and 2 of 3 others received them badly too; what this participant received from everyone else was fine.',
    );
  });

  it('names their network when the sender was fine and the others received them well', () => {
    expect(judge([kwame(false), fine(1), fine(2)], remote).label).toBe('Their network');
  });

  it('falls back to not enough data without the sender’s statistics, or with a contradiction', () => {
    expect(judge([member(9, { peerIds: ['kwame-peer'], symptoms: null })], remote).label).toBe(
      'Not enough data',
    );
    expect(judge([fine(1)], remote).label).toBe('Not enough data');
    expect(judge([kwame(false), hearsKwame(1)], remote).label).toBe('Not enough data');
  });
});

describe('classify: reconnects and the device', () => {
  const reconnects = {
    cause: 'connection' as const,
    direction: 'unknown' as const,
    headline: 'Reconnected 7 times',
  };
  it('names their network when the others stayed connected', () => {
    const v = judge(crowd(0, 3), reconnects);
    expect(v.label).toBe('Their network');
    expect(v.evidence).toContain('none of the 3 others compared dropped out then');
  });

  it('compares a single drop with who else dropped within a minute of it', () => {
    const once = { ...reconnects, window: { startMs: 1_000_000, endMs: 1_000_000 } };
    const near = (i: number) =>
      member(i, { rejoins: [1_030_000], spans: [{ startMs: 990_000, endMs: 2_000_000 }] });
    expect(judge([near(1), near(2)], once).label).toBe('The service');
    const v = judge([fine(1), fine(2), fine(3), fine(4)], once);
    expect(v).toMatchObject({ label: 'Their network', incident: { window: once.window } });
  });

  it('names the service when most others dropped then too, across networks', () => {
    const dropped = (i: number) => member(i, { rejoins: [W.startMs + 60_000] });
    expect(judge([dropped(1), dropped(2), fine(3)], reconnects).label).toBe('The service');
    expect(judge([dropped(1), fine(2), fine(3)], reconnects).label).toBe('Not enough data');
  });

  it('names the device without needing the session, and counts the others when it has them', () => {
    const cpu = incident({
      cause: 'device',
      direction: 'device',
      figures: ['video CPU-limited 64 % of the time'],
    });
    expect(classify(cpu, subject, null, time)).toMatchObject({
      label: 'Their device',
      evidence:
        'At t1000–t1600 their device held their video back (video CPU-limited 64 % of the time) while their network was clean.',
    });
    expect(classify(cpu, subject, comparison(crowd(0, 2)), time).evidence).toContain(
      '2 of 2 others compared were fine then',
    );
  });
});

describe('verdictOf', () => {
  const diagnosis = (over: Partial<Diagnosis> = {}): Diagnosis => ({
    incidents: [],
    wholeCall: [],
    reconnects: { total: 0, densest10Min: { count: 0, startMs: 0, endMs: 0 } },
    complete: true,
    covered: [],
    known: true,
    ...over,
  });
  const read = { status: 'read' as const, comparison: comparison(crowd(0, 3)) };

  it('waits for the participant’s own findings, then for the session when an incident needs it', () => {
    expect(verdictOf(diagnosis({ complete: false }), subject, read, time).status).toBe('pending');
    expect(
      verdictOf(diagnosis({ incidents: [incident()] }), subject, { status: 'loading' }, time)
        .status,
    ).toBe('pending');
    const cpu = incident({ cause: 'device', direction: 'device' });
    expect(
      verdictOf(diagnosis({ incidents: [cpu] }), subject, { status: 'loading' }, time),
    ).toMatchObject({
      label: 'Their device',
    });
  });

  it('says no problem found only when the call statistics were read', () => {
    expect(verdictOf(diagnosis(), subject, read, time)).toMatchObject({
      label: 'No problem found',
    });
    expect(verdictOf(diagnosis({ known: false }), subject, read, time)).toMatchObject({
      label: 'Not enough data',
    });
  });

  it('leads with the worst incident and lists the others; the ticket and the customer read it', () => {
    const cpu = incident({
      id: 'cpu',
      cause: 'device',
      direction: 'device',
      window: LATER,
      severity: 'degraded',
    });
    const v = verdictOf(diagnosis({ incidents: [incident(), cpu] }), subject, read, time);
    expect(v).toMatchObject({ status: 'known', label: 'Their network', when: 't1000–t1600' });
    if (v.status !== 'known') throw new Error('known');
    expect(v.incidents.map((i) => i.label)).toEqual(['Their network', 'Their device']);
    const lines = verdictLines(v, 'UTC', (s) => s);
    expect(lines[0]).toMatch(/^\*\*Verdict: Their network\*\* \(t1000–t1600, UTC\): 3 of 3 others/);
    expect(lines[1]).toMatch(/^- Also their device: At t5000–t5600/);
    expect(customerParagraph(v, 'UTC')).toMatch(
      /^Between t1000–t1600 \(UTC\), your own connection was the problem \(what you sent/,
    );
    expect(
      verdictOf(diagnosis({ incidents: [incident()] }), subject, { status: 'failed' }, time),
    ).toMatchObject({
      label: 'Not enough data',
    });
  });
});
