/**
 * The session beside the participant: everyone compared for the verdict, over the call, this
 * participant first. Each row opens that participant's page. It reads what the Verdict worked
 * out (its store) and draws nothing of its own.
 */
import { useContext, useMemo } from 'react';
import { AppLink } from '../../components/ui/app-link';
import { ClockContext } from '../../components/ui/clock';
import { useExternalStore } from '../../lib/external-store';
import { formatCount } from '../../lib/format';
import type { PeerTotal } from '../../lib/peer-spans';
import { type DiagnosisStore, useDiagnosis } from './diagnosis-store';
import { type GridCell, sessionGrid } from './lib/verdict/grid';
import { clientOf } from './lib/verdict/member';
import { VERDICT_RULES } from './lib/verdict/rules';
import { usePeerReportsInCache } from './use-auto-peer-reports';
import type { VerdictStore } from './verdict';

const CELL: Record<GridCell, string> = {
  absent: 'bg-transparent',
  unknown: 'bg-slate-200 dark:bg-slate-700',
  good: 'bg-emerald-500/70',
  degraded: 'bg-amber-400',
  poor: 'bg-red-600',
};

export type SessionComparisonProps = {
  store: DiagnosisStore;
  verdictStore: VerdictStore;
  participantId: string;
  name: string | null;
  totals: readonly PeerTotal[];
  hrefFor: (participantId: string) => string;
};

export function SessionComparison(props: SessionComparisonProps) {
  const result = useExternalStore(props.verdictStore);
  const diagnosis = useDiagnosis(props.store);
  const clock = useContext(ClockContext);
  const own = usePeerReportsInCache(props.totals);
  const comparison = result?.state.status === 'read' ? result.state.comparison : null;
  const grid = useMemo(() => {
    if (!result || !comparison) return null;
    return sessionGrid({
      subject: {
        ...result.subject,
        participantId: props.participantId,
        name: props.name,
        spans: props.totals.flatMap((t) =>
          t.spans.map((s) => ({ startMs: s.start, endMs: s.end })),
        ),
        client: own.loaded.map((r) => clientOf(r.participant)).find((c) => c !== null) ?? null,
      },
      incidents: diagnosis.incidents,
      members: comparison.members,
    });
  }, [
    result,
    comparison,
    diagnosis.incidents,
    props.participantId,
    props.name,
    props.totals,
    own.loaded,
  ]);
  if (!result || result.state.status === 'loading') return null;
  if (!comparison || !grid || grid.rows.length === 0) return null;
  const first = grid.columns[0];
  const last = grid.columns[grid.columns.length - 1];
  const compared = comparison.members.length;
  return (
    <section
      aria-label="Session comparison"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 className="text-base font-semibold">Session comparison</h2>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        Each cell: the worst of that person’s own uplink and downlink then (what they received from
        this participant is left out). Marked columns hold an incident.
      </p>
      <div className="relative mt-3 overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">Everyone compared, over the call</caption>
          <thead>
            <tr className="text-left text-xs text-slate-600 dark:text-slate-400">
              <th scope="col" className="py-1 pr-3 font-medium">
                Participant
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Network and client
              </th>
              <th scope="col" className="min-w-48 py-1 font-medium">
                <span className="flex justify-between">
                  <span>{first ? clock.time(first.startMs) : ''}</span>
                  <span>{last ? clock.time(last.endMs) : ''}</span>
                </span>
                <span aria-hidden="true" className="mt-0.5 flex h-1">
                  {grid.columns.map((c, i) => (
                    <span
                      key={c.startMs}
                      className={`flex-1 ${grid.marked[i] ? 'bg-slate-800 dark:bg-slate-200' : ''}`}
                    />
                  ))}
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row) => (
              <tr
                key={row.participantId}
                className={
                  row.self
                    ? 'bg-brand-50 font-medium dark:bg-slate-800'
                    : 'border-t border-slate-100 dark:border-slate-800'
                }
              >
                <th scope="row" className="max-w-48 truncate py-1 pr-3 text-left font-normal">
                  {row.self ? (
                    <span>
                      {row.name || 'This participant'}{' '}
                      <span className="text-xs text-slate-600 dark:text-slate-400">
                        (this page)
                      </span>
                    </span>
                  ) : (
                    <AppLink
                      href={props.hrefFor(row.participantId)}
                      className="text-brand-700 underline dark:text-brand-500"
                    >
                      {row.name || row.participantId}
                    </AppLink>
                  )}
                </th>
                <td className="max-w-56 truncate py-1 pr-3 text-xs text-slate-600 dark:text-slate-400">
                  {[row.network, row.client].filter(Boolean).join(' · ') || 'not known'}
                </td>
                <td className="py-1">
                  <span className="sr-only">{row.worst}</span>
                  <span aria-hidden="true" className="flex h-4 gap-px">
                    {grid.columns.map((c, i) => (
                      <span
                        key={c.startMs}
                        className={`flex-1 rounded-[1px] ${CELL[row.cells[i] ?? 'absent']}`}
                      />
                    ))}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        Compared with {formatCount(compared)} of {formatCount(comparison.others)}{' '}
        {comparison.others === 1 ? 'other' : 'others'} (those most in the call during the incidents,{' '}
        {VERDICT_RULES.maxCompared} at most)
        {comparison.others > compared
          ? `; ${formatCount(comparison.others - compared)} not compared`
          : ''}
        . Read with {formatCount(result.calls)} API {result.calls === 1 ? 'call' : 'calls'}. Green
        fine, amber degraded, red poor, grey no statistics.
      </p>
    </section>
  );
}

export default SessionComparison;
