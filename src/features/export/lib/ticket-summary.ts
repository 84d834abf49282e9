/**
 * "Copy ticket summary": a short Markdown block an agent pastes into a ticket, readable as plain
 * text too, listing what the Health strip lists. Every value the API or the URL supplied goes
 * through markdown.ts; only this module's own words are written as they are.
 */

import type { Participant } from '../../../api/participant-schema';
import {
  formatCount,
  formatDurationMinutes,
  formatMinutes,
  formatRaw,
  formatUtc,
} from '../../../lib/format';
import { markdownCode, markdownText } from '../../../lib/markdown';
import { redactJson, redactText } from '../../../lib/redact';
import type { Timestamp } from '../../../lib/timestamp';
import { type Diagnosis, incidentText, type Verdict, verdictLines } from '../../diagnostics';
import { type Shown, summarize } from '../../participant';
import type { TimelineFacts } from '../../timeline';

/** Findings and deep links are longer than names; they get their own limits. */
const FINDING_MAX_CHARS = 300;
const LINK_MAX_CHARS = 2_000;

/** "1 peer", "2 peers", "1,204 values". */
const count = (n: number, one: string, many = `${one}s`) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** The clock the page shows times on: the ticket says the same times, and on which clock. */
export type TicketClock = { readonly time: (ms: number) => string; readonly label: string };

export type TicketInput = {
  readonly participant: Participant;
  readonly facts: TimelineFacts | null;
  /** What the Health strip shows: the findings engine's (features/diagnostics/lib/diagnose.ts). */
  readonly diagnosis: Diagnosis;
  /** The Verdict's result, which the ticket starts with; null before it has run. */
  readonly verdict: Verdict | null;
  readonly clock: TicketClock;
  /** An absolute http(s) URL becomes a link; anything else is shown as inert text. */
  readonly deepLink: string;
  readonly sessionId: string;
  readonly redact: boolean;
};

/** The Health strip's lists as Markdown lines: incidents, cause first, then the whole call. */
export function findingLines(
  diagnosis: Diagnosis,
  clock: TicketClock,
  text: (value: string) => string,
): string[] {
  const { incidents, wholeCall, complete } = diagnosis;
  const item = (severity: string, line: string) => `  - ${severity}: ${text(line)}`;
  const lines =
    incidents.length + wholeCall.length === 0
      ? [complete ? '- Findings: none' : '- Findings: none so far']
      : [
          ...(incidents.length > 0 ? [`- Incidents (${clock.label}):`] : []),
          ...incidents.map((i) => item(i.severity, incidentText(i, clock.time))),
          ...(wholeCall.length > 0 ? ['- Whole call:'] : []),
          ...wholeCall.map((f) => item(f.severity, f.title)),
        ];
  if (!complete) lines.push('- Still being checked when copied: the call’s quality');
  return lines;
}

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
  const finding = (line: string) => markdownText(user(line), FINDING_MAX_CHARS) || 'empty';
  return [
    ...verdictLines(input.verdict ?? { status: 'pending' }, input.clock.label, finding),
    `**Participant Inspector** — ${show(s.displayName, text)}`,
    `- Participant: ${show(s.id, code)} · Session: ${code(input.sessionId)}`,
    `- Custom id: ${input.redact ? 'hidden' : show(s.customId, code)}`,
    `- Joined ${show(s.joined, time)} · ${s.inSession ? 'still in the session' : `Left ${show(s.left, time)}`}`,
    `- Duration ${show(s.duration, (m) => `${formatDurationMinutes(m)} (${formatMinutes(m)})`)}`,
    facts
      ? `- ${count(facts.peers, 'peer')}, ${count(input.diagnosis.reconnects.total, 'reconnect')}, ${formatMinutes(facts.totalMinutes)} consumed`
      : '- Peer events not available',
    ...findingLines(input.diagnosis, input.clock, finding),
    `- Link: ${link(input.deepLink)}`,
  ].join('\n');
}
