import type { ReactNode } from 'react';
import { Badge } from '../../components/ui/badge';
import { InvalidValue } from '../../components/ui/invalid-value';
import { EventBadge } from './event-badge';
import { cut } from './lib/metadata';
import type { TableRow } from './lib/timeline-rows';

function Duplicate({ title }: { title: string }) {
  return (
    <span className="text-xs text-amber-800 dark:text-amber-300" title={title}>
      duplicate
    </span>
  );
}

/** A peer event's name, or an SDK event's type, as a badge; a repeat is marked. */
export function EventCell({ row }: { row: TableRow }) {
  let badge: ReactNode;
  if (row.source === 'peer') badge = <EventBadge name={row.name} known={row.knownName} />;
  else {
    const bad = row.problems.find((p) => p.field === 'type');
    badge = bad ? (
      <InvalidValue raw={bad.raw} reason={bad.reason} />
    ) : row.type === null ? (
      <span className="italic text-slate-600 dark:text-slate-400">no type</span>
    ) : (
      <Badge tone="neutral" title={`SDK event type, as sent: ${cut(row.type, 1_000)}`}>
        {cut(row.type, 60)}
      </Badge>
    );
  }
  return (
    // A long type is cut at the cell's edge (its title holds it whole).
    <span className="flex min-w-0 flex-wrap items-center gap-1 overflow-hidden">
      {badge}
      {row.duplicateOf !== null ? (
        <Duplicate
          title={
            row.source === 'peer'
              ? `Same event id as row ${row.duplicateOf + 1}`
              : `Same type, time and metadata as SDK event ${row.duplicateOf + 1}`
          }
        />
      ) : null}
    </span>
  );
}
