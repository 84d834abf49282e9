/**
 * The page's one verdict: every incident classified (rules.ts), the worst leading, or why there
 * is none. The Verdict region, the ticket and the customer's paragraph all read this result.
 */
import { formatCount } from '../../../../lib/format';
import { type Diagnosis, windowText } from '../finding';
import {
  type Comparison,
  classify,
  type IncidentVerdict,
  type Subject,
  type VerdictLabel,
} from './rules';

export type Verdict =
  /** The participant's own findings, or the session, are still on their way. */
  | { readonly status: 'pending' }
  | {
      readonly status: 'known';
      readonly label: VerdictLabel;
      /** The lead incident's window on the page's clock; null without one. */
      readonly when: string | null;
      readonly evidence: string;
      /** Worst first: the first is the lead. */
      readonly incidents: readonly IncidentVerdict[];
    };

/** The comparison as the page holds it: on its way, not needed, failed, or read. */
export type ComparisonState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed' }
  | { readonly status: 'read'; readonly comparison: Comparison };

/** Whether the incidents need the rest of the session: a device's own trouble does not. */
export const needsComparison = (diagnosis: Diagnosis) =>
  diagnosis.complete && diagnosis.incidents.some((i) => i.cause !== 'device');

export function verdictOf(
  diagnosis: Diagnosis,
  subject: Subject,
  state: ComparisonState,
  time: (ms: number) => string,
): Verdict {
  if (!diagnosis.complete) return { status: 'pending' };
  const { incidents, wholeCall } = diagnosis;
  if (incidents.length === 0) {
    if (!diagnosis.known) {
      return {
        status: 'known',
        label: 'Not enough data',
        when: null,
        evidence:
          'No call statistics could be read for this participant (no peer report and no quality stats), so there is nothing to judge the call by.',
        incidents: [],
      };
    }
    const findings =
      wholeCall.length > 0
        ? ` ${formatCount(wholeCall.length)} whole-call ${wholeCall.length === 1 ? 'finding is' : 'findings are'} listed under Health.`
        : '';
    return {
      status: 'known',
      label: 'No problem found',
      when: null,
      evidence: `Nothing in this participant's call statistics held beyond a threshold.${findings}`,
      incidents: [],
    };
  }
  if (needsComparison(diagnosis) && state.status === 'loading') return { status: 'pending' };
  const comparison = state.status === 'read' ? state.comparison : null;
  const judged = incidents.map((i) => classify(i, subject, comparison, time));
  const lead = judged[0] as IncidentVerdict;
  return {
    status: 'known',
    label: lead.label,
    when: windowText(lead.incident.window, time),
    evidence: lead.evidence,
    incidents: judged,
  };
}

const ADVICE: Record<VerdictLabel, (v: IncidentVerdict | undefined) => string> = {
  'Their network': (v) =>
    `your own connection was the problem (${v?.incident.direction === 'downlink' ? 'what reached you' : v?.incident.direction === 'uplink' ? 'what you sent' : 'your connection'} was damaged) while the other people in the call were fine at the same time. A wired connection, or moving closer to the Wi-Fi router, should help.`,
  'Their device': () =>
    'your computer or phone could not keep up with the video while your network was fine. Closing other applications or using a lower camera resolution should help.',
  'Another participant': (v) =>
    `the trouble came from ${v?.sender?.name || 'another participant'}'s connection: what they sent was damaged on its way out, and others in the call had the same trouble. Your own connection was fine.`,
  'The service': () =>
    'most people in the call had trouble at the same time, across different networks. That points to a problem on our side, not yours; we are sorry for the disruption.',
  'Not enough data': () =>
    'the data available does not show whose side the trouble was on, so we cannot name a cause with confidence.',
  'No problem found': () =>
    'we found no problem in your call’s statistics: nothing crossed the levels at which sound or video suffer.',
};

/** The paragraph for the customer: the same result, in their words. */
export function customerParagraph(verdict: Verdict, clockLabel: string): string {
  if (verdict.status === 'pending') return '';
  const lead = verdict.incidents[0];
  const when = verdict.when
    ? `Between ${verdict.when} (${clockLabel}), `
    : 'We looked at your call: ';
  return `${when}${ADVICE[verdict.label](lead)}`;
}

/**
 * The ticket's first lines: the verdict, then the other incidents' causes. `text` escapes what
 * the API supplied (names) for Markdown.
 */
export function verdictLines(
  verdict: Verdict,
  clockLabel: string,
  text: (value: string) => string,
): string[] {
  if (verdict.status === 'pending') return ['**Verdict:** still comparing with the session'];
  const when = verdict.when ? ` (${verdict.when}, ${clockLabel})` : '';
  return [
    `**Verdict: ${verdict.label}**${when}: ${text(verdict.evidence)}`,
    ...verdict.incidents
      .slice(1)
      .map((v) => `- Also ${v.label.toLowerCase()}: ${text(v.evidence)}`),
  ];
}
