/**
 * Findings that weigh one source against another: the pre-call test against the call, and
 * the whole list the Health strip shows. Loaded with the quality rules, not up front.
 */
import type { Precall } from './precall';
import { type Verdict, worstFirst } from './verdicts';

/**
 * The pre-call test against the call itself: a clean test followed by a degraded call means
 * conditions changed during the call; a bad test followed by a clean call means the test was
 * the worse moment. Null when either side is unknown or they agree.
 */
export function precallVersusCall(
  precall: Precall,
  inCall: { readonly known: boolean; readonly findings: readonly Verdict[] },
): Verdict | null {
  if (precall.kind !== 'readings' || !inCall.known) return null;
  const graded = precall.readings.filter((r) => r.metric && r.level);
  if (graded.length === 0) return null;
  const precallBad = graded.some((r) => r.level !== 'good');
  // A peer that sent nothing says nothing about the network's quality.
  const callBad = inCall.findings.some(
    (f) => f.severity !== 'info' && f.id !== 'quality-never-sent-media',
  );
  if (!precallBad && callBad) {
    return {
      id: 'precall-passed-call-degraded',
      severity: 'degraded',
      title: 'Pre-call test passed, but the call degraded',
      explanation:
        "The participant's network tested fine before joining, but quality dropped during the call, so conditions changed mid-call (for example another device using the connection, or a switch between Wi-Fi and mobile data).",
      metric: 'pre-call test vs in-call quality',
      threshold: 'every pre-call reading good; an in-call finding degraded or poor',
    };
  }
  if (precallBad && !callBad) {
    return {
      id: 'precall-failed-call-fine',
      severity: 'info',
      title: 'Pre-call test flagged the network, but the call was fine',
      explanation:
        "The network test before joining looked weak, but the call's own quality measurements stayed within normal limits, so the weak test was a passing moment.",
      metric: 'pre-call test vs in-call quality',
      threshold: 'a pre-call reading degraded or poor; no in-call finding degraded or poor',
    };
  }
  return null;
}

/**
 * Every finding of the page: the answer's own, those of the peer reports loaded so far, and
 * the pre-call test weighed against whatever is known of the call. Worst first.
 */
export function allFindings(input: {
  readonly base: readonly Verdict[];
  readonly reports: readonly Verdict[];
  readonly precall: Precall;
  readonly inCall: readonly Verdict[];
  readonly inCallKnown: boolean;
}): Verdict[] {
  const inCall = [...input.inCall, ...input.reports];
  const versus = precallVersusCall(input.precall, {
    known: input.inCallKnown || input.reports.length > 0,
    findings: inCall,
  });
  return worstFirst([...input.base, ...input.reports, ...(versus ? [versus] : [])]);
}
