/** The timeline table's features and columns: module-level constants, as TanStack Table asks. */
import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  type Row,
  rowExpandingFeature,
  rowSortingFeature,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
} from '@tanstack/react-table';
import { InvalidValue } from '../../components/ui/invalid-value';
import { ShortId } from '../../components/ui/short-id';
import { formatDurationMs, formatMinutes } from '../../lib/format';
import { EventCell } from './event-cell';
import { eventCategory } from './lib/event-category';
import { SOURCE_LABELS, searchTextOf, type TableRow } from './lib/timeline-rows';
import { MetadataCell } from './metadata-cell';
import { TimeCell, TimeHeader } from './time-cell';

export const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  // A row's details (the columns its first line leaves out) open and close.
  rowExpandingFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { basic: sortFn_basic, text: sortFn_text },
});

type Features = typeof features;
const column = createColumnHelper<Features, TableRow>();

/** Event-type filter: the categories of peer events to keep; SDK events have their own filter. */
function inCategories(row: Row<Features, TableRow>, _id: string, value: unknown): boolean {
  const r = row.original;
  return r.source !== 'peer' || !Array.isArray(value) || value.includes(eventCategory(r));
}
inCategories.autoRemove = (value: unknown) => !Array.isArray(value);

/** Source filter: the sources to keep. */
function inSources(row: Row<Features, TableRow>, _id: string, value: unknown): boolean {
  return !Array.isArray(value) || value.includes(row.original.source);
}
inSources.autoRemove = (value: unknown) => !Array.isArray(value);

/** Text search over every field of the event, raw values of invalid fields included. */
export function matchesSearch(row: Row<Features, TableRow>, _id: string, value: unknown): boolean {
  return (
    typeof value !== 'string' || searchTextOf(row.original).includes(value.trim().toLowerCase())
  );
}

const problemOf = (row: TableRow, field: string) => row.problems.find((p) => p.field === field);

const muted = 'text-slate-500 dark:text-slate-400';

/** A peer-event value; SDK events have none, so their cell stays empty. */
const peerOnly = <T,>(row: TableRow, value: (peer: Extract<TableRow, { source: 'peer' }>) => T) =>
  row.source === 'peer' ? value(row) : undefined;

/** Every column; the source and metadata ones only matter once SDK events are among the rows. */
export const columns = column.columns([
  column.accessor((row) => row.atMs ?? undefined, {
    id: 'time',
    header: TimeHeader,
    sortFn: 'basic',
    sortUndefined: 'last',
    cell: ({ row }) => <TimeCell row={row.original} />,
  }),
  column.accessor((row) => SOURCE_LABELS[row.source], {
    id: 'source',
    header: 'Source',
    sortFn: 'text',
    filterFn: inSources,
    cell: ({ row }) => SOURCE_LABELS[row.original.source],
  }),
  column.accessor((row) => (row.source === 'peer' ? eventCategory(row) : (row.type ?? undefined)), {
    id: 'event',
    header: 'Event',
    sortFn: 'text',
    sortUndefined: 'last',
    filterFn: inCategories,
    cell: ({ row }) => <EventCell row={row.original} />,
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
        problem={problemOf(row.original, 'peer_id') ?? problemOf(row.original, 'metadata.peer_id')}
      />
    ),
  }),
  column.display({
    id: 'metadata',
    header: 'Metadata',
    cell: ({ row }) => {
      const r = row.original;
      if (r.source !== 'sdk') return null;
      const bad = problemOf(r, 'metadata');
      if (bad) return <InvalidValue raw={bad.raw} reason={bad.reason} />;
      return r.metadata === null ? (
        <span className={muted}>—</span>
      ) : (
        <MetadataCell
          metadata={r.metadata}
          label={r.type ?? 'an SDK event'}
          expanded={row.getIsExpanded()}
        />
      );
    },
  }),
  column.accessor((row) => peerOnly(row, (r) => r.socketId ?? undefined), {
    id: 'socket',
    header: 'Socket session',
    sortFn: 'text',
    sortUndefined: 'last',
    cell: ({ row }) =>
      row.original.source === 'peer' ? (
        <ShortId
          value={row.original.socketId}
          label="socket session id"
          problem={problemOf(row.original, 'socket_session_id')}
        />
      ) : null,
  }),
  column.accessor((row) => peerOnly(row, (r) => r.view ?? undefined), {
    id: 'view',
    header: 'View type',
    sortFn: 'text',
    sortUndefined: 'last',
    cell: ({ row }) => {
      const r = row.original;
      if (r.source !== 'peer') return null;
      const bad = problemOf(r, 'preset_view_type');
      if (bad) return <InvalidValue raw={bad.raw} reason={bad.reason} />;
      return r.view ?? <span className={muted}>—</span>;
    },
  }),
  column.accessor((row) => peerOnly(row, (r) => r.minutes ?? undefined), {
    id: 'minutes',
    header: 'Minutes',
    sortFn: 'basic',
    sortUndefined: 'last',
    cell: ({ row }) => {
      const r = row.original;
      if (r.source !== 'peer') return null;
      const bad = problemOf(r, 'minutes_consumed');
      if (bad) return <InvalidValue raw={bad.raw} reason={bad.reason} />;
      return r.minutes === null ? (
        <span className={muted}>—</span>
      ) : (
        <span className="tabular-nums">{formatMinutes(r.minutes)}</span>
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

/** The columns for peer events alone: the table as it was before SDK events were merged in. */
export const peerColumns = columns.filter((c) => c.id !== 'source' && c.id !== 'metadata');
