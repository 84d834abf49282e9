import { describe, expect, it } from 'vitest';
import type { Participant } from '../../../api/participant-schema';
import { peerEventRecords, spanInputs } from '../../../api/peer-events';
import { peerTotals } from '../../../lib/peer-spans';
import {
  leftParticipant,
  leftParticipantWithout,
  MIN,
  type Overrides,
  PARTICIPANT_ID,
  PEER_A,
  PEER_B,
  parseParticipant,
  SESSION_ID,
  T0,
  type WireEventName,
  wireEvent,
} from '../../../test/peer-event-fixtures';
import { type Diagnosis, type Finding, NO_RECONNECTS, upFrontDiagnosis } from '../../diagnostics';
import { timelineFacts } from '../../timeline';
import { ticketSummary } from './ticket-summary';

const DEEP_LINK = `https://support.example/tools/rtk-inspector/sessions/${SESSION_ID}/participants/${PARTICIPANT_ID}?include_peer_events=true`;

let nextId = 0;
const event = (
  name: WireEventName,
  atMs: number,
  peerId = PEER_A,
  minutes = 0,
  overrides: Overrides = {},
) => {
  nextId += 1;
  return wireEvent(`ev-${nextId}`, name, atMs, peerId, `socket-${peerId}`, minutes, overrides);
};

/** One connection of a peer from `join` to `leave`, in minutes from T0. */
const connection = (peerId: string, join: number, leave: number) => [
  event('PEER_CREATED', T0 + join * MIN - 1_500, peerId),
  event('PEER_JOINING', T0 + join * MIN, peerId),
  event('PEER_LEAVING', T0 + leave * MIN, peerId, leave - join),
];

/** What the page derives from a body: the participant, its records and facts. */
function page(fields: Record<string, unknown>) {
  const participant = parseParticipant(fields);
  const records = peerEventRecords(participant);
  const end = { at: T0 + 10 * MIN, stillConnected: false };
  const facts = records ? timelineFacts(records, peerTotals(spanInputs(records), end)) : null;
  return { participant, records, facts };
}

/** The page's clock, on UTC. */
const UTC = { time: (ms: number) => new Date(ms).toISOString().slice(11, 19), label: 'UTC' };

/** A whole-call finding as the engine words one. */
const finding = (title: string, severity: Finding['severity'] = 'info'): Finding => ({
  id: title,
  severity,
  title,
  explanation: `${title}.`,
});

/** What the Health strip shows once the engine is done: the reconnects and these findings. */
function diagnosisOf(
  facts: ReturnType<typeof page>['facts'],
  wholeCall: Finding[] = [],
): Diagnosis {
  return { ...upFrontDiagnosis(facts?.reconnects ?? NO_RECONNECTS), wholeCall, complete: true };
}

const summaryOf = (
  participant: Participant,
  facts: ReturnType<typeof page>['facts'],
  overrides: {
    diagnosis?: Diagnosis;
    redact?: boolean;
    deepLink?: string;
    sessionId?: string;
  } = {},
) => {
  const ticket = ticketSummary({
    participant,
    facts,
    diagnosis: diagnosisOf(facts),
    verdict: null,
    clock: UTC,
    deepLink: DEEP_LINK,
    sessionId: SESSION_ID,
    redact: false,
    ...overrides,
  });
  // The ticket starts with the verdict (its own tests below); the facts follow.
  const [first, ...rest] = ticket.split('\n');
  expect(first).toBe('**Verdict:** still comparing with the session');
  return rest.join('\n');
};

/** The line of the summary that starts with `start`. */
const lineOf = (summary: string, start: string) =>
  summary.split('\n').find((line) => line.startsWith(start));

describe('ticketSummary', () => {
  it('writes the facts of a participant who left, one a line', () => {
    const { participant, facts } = page({
      ...leftParticipant,
      peer_events: connection(PEER_A, 0, 10),
    });
    expect(summaryOf(participant, facts)).toBe(
      [
        '**Participant Inspector** — Ada Lovelace',
        `- Participant: \`${PARTICIPANT_ID}\` · Session: \`${SESSION_ID}\``,
        '- Custom id: `crm-4411`',
        '- Joined 2026-11-21 14:01:35 UTC · Left 2026-11-21 14:11:35 UTC',
        '- Duration 10 min 00 s (10.00 min)',
        '- 1 peer, 0 reconnects, 10.00 min consumed',
        '- Findings: none',
        `- Link: <${DEEP_LINK}>`,
      ].join('\n'),
    );
  });

  it('lists what the Health strip lists: incidents on the page’s clock, then the whole call', () => {
    const { participant, facts } = page({
      ...leftParticipant,
      peer_events: [...connection(PEER_A, 0, 4), ...connection(PEER_B, 5, 10)],
    });
    const summary = summaryOf(participant, facts, {
      diagnosis: diagnosisOf(facts, [
        finding('TURN over TCP on 2 peers', 'degraded'),
        finding('2 values could not be read'),
      ]),
    });
    expect(summary.split('\n').slice(5, 11)).toEqual([
      '- 2 peers, 1 reconnect, 9.00 min consumed',
      '- Incidents (UTC):',
      '  - degraded: Reconnected once \\(14\\:06\\:35\\)',
      '- Whole call:',
      '  - degraded: TURN over TCP on 2 peers',
      '  - info: 2 values could not be read',
    ]);
  });

  it('says when the check was not done yet', () => {
    const { participant, facts } = page({
      ...leftParticipant,
      peer_events: connection(PEER_A, 0, 10),
    });
    const summary = summaryOf(participant, facts, {
      diagnosis: { ...diagnosisOf(facts), complete: false },
    });
    expect(summary.split('\n').slice(6, 8)).toEqual([
      '- Findings: none so far',
      '- Still being checked when copied: the call’s quality',
    ]);
  });

  it('says when the participant is still in the session and when facts are missing', () => {
    const { participant } = page(leftParticipantWithout('left_at'));
    const summary = summaryOf(participant, null);
    expect(lineOf(summary, '- Joined')).toBe(
      '- Joined 2026-11-21 14:01:35 UTC · still in the session',
    );
    expect(lineOf(summary, '- Peer')).toBe('- Peer events not available');
  });

  it('says "not sent" for missing fields', () => {
    const fields: Record<string, unknown> = { ...leftParticipant };
    for (const key of ['id', 'display_name', 'custom_participant_id', 'joined_at', 'duration']) {
      delete fields[key];
    }
    const summary = summaryOf(parseParticipant(fields), null);
    expect(summary.split('\n').slice(0, 5)).toEqual([
      '**Participant Inspector** — not sent',
      `- Participant: not sent · Session: \`${SESSION_ID}\``,
      '- Custom id: not sent',
      '- Joined not sent · Left 2026-11-21 14:11:35 UTC',
      '- Duration not sent',
    ]);
  });

  it('shows invalid fields with their raw value, inert', () => {
    const summary = summaryOf(
      parseParticipant({
        ...leftParticipant,
        display_name: { html: '<img src=x onerror=alert(1)>' },
        id: 42,
        joined_at: 'yesterday `at` noon',
        left_at: 1,
        duration: '10',
      }),
      null,
    );
    expect(summary.split('\n').slice(0, 5)).toEqual([
      '**Participant Inspector** — invalid (raw: `{"html":"<img src=x onerror=alert(1)>"}`)',
      `- Participant: invalid (raw: \`42\`) · Session: \`${SESSION_ID}\``,
      '- Custom id: `crm-4411`',
      '- Joined invalid (raw: ``"yesterday `at` noon"``) · Left invalid (raw: `1`)',
      '- Duration invalid (raw: `"10"`)',
    ]);
  });

  it('notes a time read only after an assumption', () => {
    const summary = summaryOf(
      parseParticipant({ ...leftParticipant, joined_at: '2026-11-21 14:01:35' }),
      null,
    );
    expect(lineOf(summary, '- Joined')).toBe(
      '- Joined 2026-11-21 14:01:35 UTC (no time zone, UTC assumed) · Left 2026-11-21 14:11:35 UTC',
    );
  });

  it.each([
    [
      '**[click](http://evil.example)**\n# Heading',
      '\\*\\*\\[click\\]\\(http\\://evil\\.example\\)\\*\\* \\# Heading',
    ],
    ['`x` <script>alert(1)</script>', '\\`x\\` \\<script\\>alert\\(1\\)\\</script\\>'],
    ['\u202Eevil\u202C\u200B', '⟦U+202E⟧evil⟦U+202C⟧⟦U+200B⟧'],
    [
      'Ada\r\n- Custom id: `fake`\n- Link: <http://evil>',
      'Ada \\- Custom id\\: \\`fake\\` \\- Link\\: \\<http\\://evil\\>',
    ],
    ['=HYPERLINK("http://evil","x")', '\\=HYPERLINK\\("http\\://evil","x"\\)'],
    ['&#x202E;@here', '\\&\\#x202E;\\@here'],
    ['', 'empty'],
    ['N'.repeat(500), `${'N'.repeat(120)} … (500 characters)`],
  ])('neutralises the display name %#', (name, shown) => {
    const { participant, facts } = page({ ...leftParticipant, display_name: name });
    const summary = summaryOf(participant, facts);
    expect(summary.split('\n')).toHaveLength(8);
    expect(summary.split('\n')[0]).toBe(`**Participant Inspector** — ${shown}`);
  });

  it('shows hostile ids exactly, in code spans nothing can close', () => {
    const { participant, facts } = page({
      ...leftParticipant,
      id: 'a`b``c\n# x',
      custom_participant_id: '`crm`<b>',
    });
    const summary = summaryOf(participant, facts, { sessionId: '` [x](http://evil) `' });
    expect(summary.split('\n').slice(1, 3)).toEqual([
      '- Participant: ```a`b``c # x``` · Session: `` ` [x](http://evil) ` ``',
      '- Custom id: `` `crm`<b> ``',
    ]);
  });

  it('hides the custom id and masks IPs in every value with redact', () => {
    const { participant, facts } = page({
      ...leftParticipant,
      display_name: 'Ada from 203.0.113.77',
      joined_at: { ip: '10.0.0.1', city: 'Pune' },
    });
    const summary = summaryOf(participant, facts, {
      redact: true,
      diagnosis: diagnosisOf(facts, [finding('Peer seen at 10.1.2.3')]),
    });
    expect(summary).toContain('**Participant Inspector** — Ada from \\[hidden\\]');
    expect(lineOf(summary, '- Custom id')).toBe('- Custom id: hidden');
    expect(lineOf(summary, '- Joined')).toBe(
      '- Joined invalid (raw: `{"ip":"[hidden]","city":"[hidden]"}`) · Left 2026-11-21 14:11:35 UTC',
    );
    expect(summary).toContain('  - info: Peer seen at \\[hidden\\]');
    expect(summary).not.toMatch(/crm-4411|203\.0|10\.0\.0\.1|10\.1\.2\.3|Pune/);
  });

  it('says "hidden" for the custom id with redact even when none was sent', () => {
    const { participant } = page(leftParticipantWithout('custom_participant_id'));
    expect(lineOf(summaryOf(participant, null, { redact: true }), '- Custom id')).toBe(
      '- Custom id: hidden',
    );
  });

  it.each([
    [DEEP_LINK, `<${DEEP_LINK}>`],
    ['https://support.example/p?x=<b> c"d`e', '<https://support.example/p?x=%3Cb%3E%20c%22d`e>'],
    ['javascript:alert(1)//https://ok', '`javascript:alert(1)//https://ok`'],
    [
      '/tools/rtk-inspector/sessions/s/participants/p',
      '`/tools/rtk-inspector/sessions/s/participants/p`',
    ],
    ['', 'not available'],
  ])('writes the deep link %j as %j', (deepLink, shown) => {
    const { participant, facts } = page(leftParticipant);
    expect(lineOf(summaryOf(participant, facts, { deepLink }), '- Link')).toBe(`- Link: ${shown}`);
  });

  it('starts with the verdict, the API’s words in it escaped', () => {
    const { participant, facts } = page(leftParticipant);
    const incident = {
      id: 'remote',
      severity: 'poor' as const,
      cause: 'network' as const,
      direction: 'remote' as const,
      window: { startMs: 0, endMs: 60_000 },
      headline: 'Poor media from one other participant',
      figures: [],
      explanation: '',
      thresholds: [],
      focus: null,
      peerIds: [],
      merged: 1,
    };
    const ticket = ticketSummary({
      participant,
      facts,
      diagnosis: diagnosisOf(facts),
      verdict: {
        status: 'known',
        label: 'Another participant',
        when: '00:00:00–00:01:00',
        evidence: 'Only media from <b>Kwame</b> was bad.',
        incidents: [
          { incident, label: 'Another participant', evidence: 'x', sender: null },
          {
            incident,
            label: 'Their device',
            evidence: 'At 00:00 *their* video stalled.',
            sender: null,
          },
        ],
      },
      clock: UTC,
      deepLink: DEEP_LINK,
      sessionId: SESSION_ID,
      redact: false,
    });
    expect(ticket.split('\n').slice(0, 3)).toEqual([
      '**Verdict: Another participant** (00:00:00–00:01:00, UTC): Only media from \\<b\\>Kwame\\</b\\> was bad\\.',
      '- Also their device: At 00\\:00 \\*their\\* video stalled\\.',
      '**Participant Inspector** — Ada Lovelace',
    ]);
  });
});
