/**
 * The Health strip with every finding: the answer's own (computed up front), the call's
 * quality and the peer reports loaded so far. Loaded in a chunk of its own with the quality
 * reader and rules, while the summary is already on screen.
 */
import { type ReactNode, useMemo } from 'react';
import type { Participant } from '../../api/participant-schema';
import { HealthStrip, type HealthStripProps } from './health-strip';
import { allFindings } from './lib/all-findings';
import type { Precall } from './lib/precall';
import { hasSamples, qualityContext, readQuality, type Series } from './lib/quality';
import { qualityVerdicts } from './lib/quality-verdicts';
import type { Verdict } from './lib/verdicts';
import { useLoadedPeerReportVerdicts } from './use-peer-report-verdicts';

export type DiagnosisProps = {
  participant: Participant;
  peerIds: readonly string[];
  /** The findings known without the quality data (events, pre-call test, duration). */
  base: readonly Verdict[];
  precall: Precall;
  strip: Omit<HealthStripProps, 'verdicts' | 'pending'>;
  /** What else needs the whole list and the measured series (the reported moment). */
  children: (findings: readonly Verdict[], series: readonly Series[]) => ReactNode;
};

export function Diagnosis({
  participant,
  peerIds,
  base,
  precall,
  strip,
  children,
}: DiagnosisProps) {
  const inCall = useMemo(() => {
    const quality = readQuality(participant);
    return {
      findings: qualityVerdicts(quality, qualityContext(participant)),
      known: quality.kind === 'peers' && quality.peers.some(hasSamples),
      series: quality.kind === 'peers' ? quality.peers.flatMap((p) => p.series) : [],
    };
  }, [participant]);
  const reports = useLoadedPeerReportVerdicts(peerIds);
  const findings = allFindings({
    base: [...base, ...inCall.findings],
    reports,
    precall,
    inCall: inCall.findings,
    inCallKnown: inCall.known,
  });
  return (
    <>
      <HealthStrip verdicts={findings} {...strip} />
      {children(findings, inCall.series)}
    </>
  );
}

export default Diagnosis;
