/**
 * "Copy ticket summary": a short Markdown block an agent pastes into a ticket, readable as plain
 * text too, and the health findings it lists. Every value the API or the URL supplied goes
 * through markdown.ts; only this module's own words are written as they are.
 */

import type { Participant } from '../../../api/participant-schema';
import type { PeerEventRecord } from '../../../api/peer-events';
import {
  formatCount,
  formatDurationMinutes,
  formatDurationMs,
  formatMinutes,
  formatRaw,
  formatUtc,
} from '../../../lib/format';
import { markdownCode, markdownText } from '../../../lib/markdown';
import { redactJson, redactText } from '../../../lib/redact';
import type { Timestamp } from '../../../lib/timestamp';
import { type Shown, type Summary, summarize } from '../../participant/lib/summary';
import type { TimelineFacts } from '../../timeline/lib/facts';

/** Findings and deep links are longer than names; they get their own limits. */
const FINDING_MAX_CHARS = 300;
const LINK_MAX_CHARS = 2_000;

/** "1 peer", "2 peers", "1,204 values". */
const count = (n: number, one: string, many = `${one}s`) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

export type HealthInput = {
  readonly summary: Summary;
  readonly facts: TimelineFacts | null;
  /** null when the peer events were not sent (not asked for, or not a list). */
  readonly records: readonly PeerEventRecord[] | null;
  /** Spans closed at left_at because no LEAVING came: one per peer at most. */
  readonly unterminatedSpans: number;
};

/** Plain sentences, in a fixed order, for whatever stands out; empty when nothing does. */
export function healthFindings({
  summary,
  facts,
  records,
  unterminatedSpans,
}: HealthInput): string[] {
  const findings: string[] = [];
  const { disagreement, fromMinutesMs, fromTimesMs } = summary.durationCheck;
  if (disagreement !== null && fromMinutesMs !== null && fromTimesMs !== null) {
    findings.push(
      `Duration sent is ${formatDurationMs(fromMinutesMs)} but the join and leave times are ${formatDurationMs(fromTimesMs)} apart`,
    );
  }
  const fields = [
    summary.displayName,
    summary.id,
    summary.userId,
    summary.customId,
    summary.preset,
    summary.joined,
    summary.left,
    summary.created,
    summary.updated,
    summary.duration,
  ];
  const unreadable =
    fields.filter((field) => field.kind === 'invalid').length +
    (records ?? []).reduce((sum, r) => sum + r.problems.length, 0);
  if (unreadable > 0) findings.push(`${count(unreadable, 'value')} could not be read`);
  const repeated = records
    ? records.filter((r) => r.duplicateOf !== null).length
    : (facts?.duplicates ?? 0);
  if (repeated > 0) findings.push(count(repeated, 'repeated event id'));
  if (unterminatedSpans > 0) {
    findings.push(`${count(unterminatedSpans, 'peer')} with no LEAVING event`);
  }
  if (facts && facts.reconnects >= 3)
    findings.push(`Reconnected ${formatCount(facts.reconnects)} times`);
  if ((records?.length ?? facts?.events) === 0) findings.push('No peer events');
  return findings;
}

export type TicketInput = {
  readonly participant: Participant;
  readonly facts: TimelineFacts | null;
  /** An absolute http(s) URL becomes a link; anything else is shown as inert text. */
  readonly deepLink: string;
  readonly sessionId: string;
  readonly findings: readonly string[];
  readonly redact: boolean;
};

function link(deepLink: string): string {
  // URL serialisation percent-encodes spaces, `<`, `>` and controls, so `href` cannot end the
  // autolink early; other schemes (javascript:, data:) are never made clickable.
  const url = URL.canParse(deepLink) ? new URL(deepLink) : null;
  if (url && (url.protocol === 'https:' || url.protocol === 'http:')) return `<${url.href}>`;
  return markdownCode(deepLink, LINK_MAX_CHARS) || 'not available';
}

const time = (t: Timestamp) => (t.note ? `${formatUtc(t.ms)} (${t.note})` : formatUtc(t.ms));

/**
 * The summary, one fact a line, ending without a newline. With `redact` the custom id reads
 * "hidden", and IP addresses in any value and personal keys in raw values are masked; the
 * display name stays (issue 4 hides IP, location, user agent and custom id only).
 */
export function ticketSummary(input: TicketInput): string {
  const s = summarize(input.participant);
  const user = input.redact ? redactText : (text: string) => text;
  const text = (value: string) => markdownText(user(value)) || 'empty';
  const code = (value: string) => markdownCode(user(value)) || 'empty';
  const show = <T>(field: Shown<T>, render: (value: T) => string) => {
    if (field.kind === 'value') return render(field.value);
    if (field.kind === 'missing') return 'not sent';
    return `invalid (raw: ${markdownCode(formatRaw(input.redact ? redactJson(field.raw) : field.raw))})`;
  };
  const { facts } = input;
  return [
    `**Participant Inspector** — ${show(s.displayName, text)}`,
    `- Participant: ${show(s.id, code)} · Session: ${code(input.sessionId)}`,
    `- Custom id: ${input.redact ? 'hidden' : show(s.customId, code)}`,
    `- Joined ${show(s.joined, time)} · ${s.inSession ? 'still in the session' : `Left ${show(s.left, time)}`}`,
    `- Duration ${show(s.duration, (m) => `${formatDurationMinutes(m)} (${formatMinutes(m)})`)}`,
    facts
      ? `- ${count(facts.peers, 'peer')}, ${count(facts.reconnects, 'reconnect')}, ${formatMinutes(facts.totalMinutes)} consumed`
      : '- Peer events not available',
    ...(input.findings.length === 0
      ? ['- Findings: none']
      : [
          '- Findings:',
          ...input.findings.map(
            (finding) => `  - ${markdownText(user(finding), FINDING_MAX_CHARS) || 'empty'}`,
          ),
        ]),
    `- Link: ${link(input.deepLink)}`,
  ].join('\n');
}
