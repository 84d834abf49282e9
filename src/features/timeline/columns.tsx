/** The peer-event table's features and columns: module-level constants, as TanStack Table asks. */
import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  type Row,
  rowSortingFeature,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
} from '@tanstack/react-table';
import { InvalidValue } from '../../components/ui/invalid-value';
import { ShortId } from '../../components/ui/short-id';
import {
  formatDurationMs,
  formatLocal,
  formatMinutes,
  formatOffset,
  formatUtc,
} from '../../lib/format';
import { EventBadge } from './event-badge';
import { eventCategory } from './lib/event-category';
import { searchTextOf, type TimelineRow } from './lib/timeline-rows';

export const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { basic: sortFn_basic, text: sortFn_text },
});

type Features = typeof features;
const column = createColumnHelper<Features, TimelineRow>();

/** Event-type filter: the filter value is the list of categories to keep. */
function inCategories(row: Row<Features, TimelineRow>, _id: string, value: unknown): boolean {
  return !Array.isArray(value) || value.includes(eventCategory(row.original));
}
inCategories.autoRemove = (value: unknown) => !Array.isArray(value);

/** Text search over every field of the event, raw values of invalid fields included. */
export function matchesSearch(
  row: Row<Features, TimelineRow>,
  _id: string,
  value: unknown,
): boolean {
  return (
    typeof value !== 'string' || searchTextOf(row.original).includes(value.trim().toLowerCase())
  );
}

const problemOf = (row: TimelineRow, field: string) => row.problems.find((p) => p.field === field);

const muted = 'text-slate-500 dark:text-slate-400';

export const columns = column.columns([
  column.accessor((row) => row.atMs ?? undefined, {
    id: 'time',
    header: 'Time',
    sortFn: 'basic',
    sortUndefined: 'last',
    cell: ({ row }) => {
      const r = row.original;
      const bad = problemOf(r, 'created_at') ?? problemOf(r, 'event');
      if (r.atMs === null)
        return bad ? (
          <InvalidValue raw={bad.raw} reason={bad.reason} nowrap />
        ) : (
          <span className={muted}>no time</span>
        );
      return (
        <span className="whitespace-nowrap" title={formatUtc(r.atMs)}>
          {formatLocal(r.atMs)}
          {r.offsetMs !== null ? (
            <span className={`ml-2 font-mono text-xs ${muted}`}>{formatOffset(r.offsetMs)}</span>
          ) : null}
        </span>
      );
    },
  }),
  column.accessor((row) => eventCategory(row), {
    id: 'event',
    header: 'Event',
    sortFn: 'text',
    filterFn: inCategories,
    cell: ({ row }) => (
      <span className="flex items-center gap-1">
        <EventBadge name={row.original.name} known={row.original.knownName} />
        {row.original.duplicateOf !== null ? (
          <span
            className="text-xs text-amber-800 dark:text-amber-300"
            title={`Same event id as row ${row.original.duplicateOf + 1}`}
          >
            duplicate
          </span>
        ) : null}
      </span>
    ),
  }),
  column.accessor((row) => row.peerId ?? undefined, {
    id: 'peer',
    header: 'Peer id',
    sortFn: 'text',
    sortUndefined: 'last',
    cell: ({ row }) => (
      <ShortId
        value={row.original.peerId}
        label="peer id"
        problem={problemOf(row.original, 'peer_id')}
      />
    ),
  }),
  column.accessor((row) => row.socketId ?? undefined, {
    id: 'socket',
    header: 'Socket session',
    sortFn: 'text',
    sortUndefined: 'last',
    cell: ({ row }) => (
      <ShortId
        value={row.original.socketId}
        label="socket session id"
        problem={problemOf(row.original, 'socket_session_id')}
      />
    ),
  }),
  column.accessor((row) => row.view ?? undefined, {
    id: 'view',
    header: 'View type',
    sortFn: 'text',
    sortUndefined: 'last',
    cell: ({ row }) => {
      const bad = problemOf(row.original, 'preset_view_type');
      if (bad) return <InvalidValue raw={bad.raw} reason={bad.reason} nowrap />;
      return row.original.view ?? <span className={muted}>—</span>;
    },
  }),
  column.accessor((row) => row.minutes ?? undefined, {
    id: 'minutes',
    header: 'Minutes',
    sortFn: 'basic',
    sortUndefined: 'last',
    cell: ({ row }) => {
      const bad = problemOf(row.original, 'minutes_consumed');
      if (bad) return <InvalidValue raw={bad.raw} reason={bad.reason} nowrap />;
      const minutes = row.original.minutes;
      return minutes === null ? (
        <span className={muted}>—</span>
      ) : (
        <span className="tabular-nums">{formatMinutes(minutes)}</span>
      );
    },
  }),
  column.accessor((row) => row.gapMs ?? undefined, {
    id: 'gap',
    header: 'Gap',
    sortFn: 'basic',
    sortUndefined: 'last',
    cell: ({ row }) =>
      row.original.gapMs === null ? (
        <span className={muted}>—</span>
      ) : (
        <span className="tabular-nums">{formatDurationMs(row.original.gapMs)}</span>
      ),
  }),
]);
