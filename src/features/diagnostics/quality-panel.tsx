import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import type { Filter, Participant } from '../../api/participant-schema';
import { AppLink } from '../../components/ui/app-link';
import { Card } from '../../components/ui/card';
import { InvalidValue } from '../../components/ui/invalid-value';
import { Skeleton } from '../../components/ui/skeleton';
import { formatCount } from '../../lib/format';
import type { PeerTotal } from '../../lib/peer-spans';
import type { TimeWindow } from '../../lib/time-window';
import { type DiagnosisStore, useDiagnosis } from './diagnosis-store';
import type { Focus } from './lib/finding';
import { hasSamples, type QualityPeer, qualityContext, readQuality } from './lib/quality';
import { reportQualityPeer } from './lib/report-quality';
import { usePeerReportsInCache } from './use-auto-peer-reports';

// The tables and charts load with the data: a page without quality stats never fetches them.
const QualityPeerView = lazy(() => import('./quality-peer'));

export type QualityPanelProps = {
  participant: Participant;
  /** The filters the page asked for. */
  requested: readonly Filter[];
  /** The same page with one more filter requested. */
  requestHref: (filter: Filter) => string;
  /** A moment to mark on the charts (the agent's "reported moment"). */
  highlight?: TimeWindow | null;
  /** The participant's peers, whose loaded reports stand in when quality_stats are not sent. */
  totals: readonly PeerTotal[];
  /** The page's diagnosis: the panel opens on the peer and series of the worst incident. */
  store: DiagnosisStore;
  /** The peer an incident's link asked for, which wins over the worst incident's. */
  peer: string | null;
};

/** Why the panel is empty, in the words the other diagnostics panels use. */
function WhyEmpty({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-700 dark:text-slate-300">{children}</p>;
}

/** The peer and series to open on: the link's peer, else the worst incident's that has one. */
function useFocus(store: DiagnosisStore, peer: string | null): Focus | null {
  const { incidents } = useDiagnosis(store);
  const about = incidents.filter((i) => i.focus !== null);
  if (peer === null) return about[0]?.focus ?? null;
  return about.find((i) => i.focus?.peerId === peer)?.focus ?? { peerId: peer, series: '' };
}

/** The quality charts of loaded peer reports, for an answer without quality_stats. */
function useReportPeers(totals: readonly PeerTotal[]): readonly QualityPeer[] {
  const { loaded } = usePeerReportsInCache(totals);
  return useMemo(
    () => loaded.map((r) => reportQualityPeer(r.participant, r.peerId)).filter(hasSamples),
    [loaded],
  );
}

function PeersView(props: {
  peers: readonly QualityPeer[];
  highlight?: TimeWindow | null;
  focus: Focus | null;
}) {
  return (
    <Suspense fallback={<Skeleton className="h-64 w-full rounded-xl" />}>
      <QualityPeerView {...props} />
    </Suspense>
  );
}

/**
 * In-call quality per peer: figures, percentiles and charts, from quality_stats (older
 * deployments, `filters=quality_stats`) or else from the loaded peer reports.
 */
export function QualityPanel({
  participant,
  requested,
  requestHref,
  highlight,
  totals,
  store,
  peer,
}: QualityPanelProps) {
  const quality = useMemo(() => readQuality(participant), [participant]);
  const context = useMemo(() => qualityContext(participant), [participant]);
  const focus = useFocus(store, peer);
  const fromReports = useReportPeers(totals);
  let body: ReactNode;
  if (quality.kind !== 'peers' && fromReports.length > 0) {
    body = (
      <>
        <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">
          From the peer reports loaded ({formatCount(fromReports.length)}): this answer holds no
          quality_stats.
          {requested.includes('quality_stats') ? null : (
            <>
              {' '}
              Older deployments send them when asked:{' '}
              <AppLink
                href={requestHref('quality_stats')}
                className="font-medium text-brand-700 underline dark:text-brand-500"
              >
                Request quality stats
              </AppLink>
            </>
          )}
        </p>
        <PeersView peers={fromReports} highlight={highlight} focus={focus} />
      </>
    );
  } else if (!requested.includes('quality_stats')) {
    body = (
      <WhyEmpty>
        Not requested.{' '}
        <AppLink
          href={requestHref('quality_stats')}
          className="font-medium text-brand-700 underline dark:text-brand-500"
        >
          Request quality stats
        </AppLink>
      </WhyEmpty>
    );
  } else if (quality.kind === 'missing') {
    body = (
      <WhyEmpty>Requested, but the API returned no quality stats for this participant.</WhyEmpty>
    );
  } else if (quality.kind === 'invalid') {
    body = (
      <WhyEmpty>
        The quality stats could not be read:{' '}
        <InvalidValue raw={quality.raw} reason={quality.reason} />
      </WhyEmpty>
    );
  } else {
    const withMedia = quality.peers.filter(hasSamples);
    body = (
      <>
        {quality.shape === 'object' ? (
          <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">
            quality_stats came as one object, not a list: read as one peer.
          </p>
        ) : null}
        {quality.entryProblems.length > 0 ? (
          <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
            {formatCount(quality.entryProblems.length)} entr
            {quality.entryProblems.length === 1 ? 'y' : 'ies'} could not be read, e.g.{' '}
            <InvalidValue
              raw={quality.entryProblems[0]?.raw}
              reason={quality.entryProblems[0]?.reason ?? ''}
            />
          </p>
        ) : null}
        {withMedia.length === 0 ? (
          <WhyEmpty>
            Requested, but this participant never published media: quality_stats came with no audio
            or video samples.
            {context.viewer
              ? ` They joined as a viewer (${context.viewerReason}), and viewers do not publish audio or video, so this is expected.`
              : ''}
          </WhyEmpty>
        ) : (
          <>
            {withMedia.length < quality.peers.length ? (
              <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
                {formatCount(quality.peers.length - withMedia.length)} of{' '}
                {formatCount(quality.peers.length)} peers sent no samples (never published media).
              </p>
            ) : null}
            <PeersView peers={withMedia} highlight={highlight} focus={focus} />
          </>
        )}
      </>
    );
  }
  return <Card title="Quality">{body}</Card>;
}
