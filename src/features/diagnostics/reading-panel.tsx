import type { ReactNode } from 'react';
import { Badge, type BadgeTone } from '../../components/ui/badge';
import { Card } from '../../components/ui/card';
import { InvalidValue } from '../../components/ui/invalid-value';
import { shortId } from '../../lib/format';
import type { PanelSource } from './lib/auto-reports';
import type { Reading, Unread } from './lib/section';
import { type Level, THRESHOLDS } from './lib/thresholds';

const TONE: Record<Level, BadgeTone> = { good: 'success', degraded: 'warning', poor: 'danger' };

export function Readings({ readings }: { readings: readonly Reading[] }) {
  return (
    <dl>
      {readings.map((r) => (
        <div
          key={r.label}
          className="grid grid-cols-[7rem_minmax(0,1fr)] gap-2 border-t border-slate-100 py-1.5 first:border-0 sm:grid-cols-[12rem_minmax(0,1fr)] dark:border-slate-800"
        >
          <dt className="text-sm text-slate-600 dark:text-slate-400">{r.label}</dt>
          <dd className="flex flex-wrap items-center gap-2 text-sm wrap-anywhere">
            {r.invalid ? (
              <InvalidValue raw={r.invalid.raw} reason={r.invalid.reason} />
            ) : (
              <span className="tabular-nums">{r.value}</span>
            )}
            {r.level ? (
              <Badge
                tone={TONE[r.level]}
                title={r.metric ? THRESHOLDS[r.metric].source : undefined}
              >
                {r.level}
              </Badge>
            ) : null}
            {r.note ? (
              <span className="text-xs text-slate-600 dark:text-slate-400">({r.note})</span>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Which answer the panel's readings come from, and whether other connections differ. */
function SourceLine({ source }: { source: PanelSource }) {
  const className = 'mt-3 text-xs text-slate-600 dark:text-slate-400';
  if (source.kind === 'filters') return <p className={className}>from filters={source.filter}</p>;
  const { peerId, loaded, differ } = source;
  let others = '';
  if (differ > 0) others = ` (the latest connection; ${differ} of ${loaded} loaded reports differ)`;
  else if (loaded > 1) others = ` (the latest connection; all ${loaded} loaded reports agree)`;
  return (
    <p className={className}>
      from the peer report of peer <span title={peerId}>{shortId(peerId)}</span>
      {others}
    </p>
  );
}

export type ReadingPanelProps = {
  title: string;
  /** What the panel shows, in words: "device information". */
  what: string;
  result: Unread | { readonly kind: 'readings'; readonly source: PanelSource };
  /** Why there is nothing to show, when the result is missing. */
  empty: ReactNode;
  /** The readings, when there are some. */
  children: ReactNode;
};

/** A diagnostics panel: its readings and their source, or why it has none. */
export function ReadingPanel({ title, what, result, empty, children }: ReadingPanelProps) {
  let body: ReactNode;
  if (result.kind === 'missing') {
    body = <div className="text-sm text-slate-700 dark:text-slate-300">{empty}</div>;
  } else if (result.kind === 'invalid') {
    body = (
      <p className="text-sm text-slate-700 dark:text-slate-300">
        The {what} could not be read: <InvalidValue raw={result.raw} reason={result.reason} />
      </p>
    );
  } else {
    body = (
      <>
        {children}
        <SourceLine source={result.source} />
      </>
    );
  }
  return <Card title={title}>{body}</Card>;
}
