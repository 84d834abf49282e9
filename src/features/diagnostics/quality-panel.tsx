import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import type { Filter, Participant } from '../../api/participant-schema';
import { AppLink } from '../../components/ui/app-link';
import { Card } from '../../components/ui/card';
import { InvalidValue } from '../../components/ui/invalid-value';
import { Skeleton } from '../../components/ui/skeleton';
import { formatCount } from '../../lib/format';
import type { TimeWindow } from '../../lib/time-window';
import { hasSamples, qualityContext, readQuality } from './lib/quality';

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
};

/** Why the panel is empty, in the words the other diagnostics panels use. */
function WhyEmpty({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-700 dark:text-slate-300">{children}</p>;
}

/** In-call quality (`filters=quality_stats`): figures, percentiles and charts per peer. */
export function QualityPanel({
  participant,
  requested,
  requestHref,
  highlight,
}: QualityPanelProps) {
  const quality = useMemo(() => readQuality(participant), [participant]);
  const context = useMemo(() => qualityContext(participant), [participant]);
  let body: ReactNode;
  if (!requested.includes('quality_stats')) {
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
            <Suspense fallback={<Skeleton className="h-64 w-full rounded-xl" />}>
              <QualityPeerView peers={withMedia} highlight={highlight} />
            </Suspense>
          </>
        )}
      </>
    );
  }
  return <Card title="Quality">{body}</Card>;
}
