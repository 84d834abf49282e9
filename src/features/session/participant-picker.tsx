import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { checkId, checkSearch } from '../../api/request-params';
import type { SortBy, SortOrder } from '../../api/session-params';
import { sessionParticipantsQueryOptions } from '../../api/session-participants-query';
import { Skeleton } from '../../components/ui/skeleton';
import { hasNextPage, pickerRows, rangeText } from './lib/picker-rows';
import { PickerList } from './picker-list';
import { PickerPaging } from './picker-paging';
import { SessionProblem } from './session-problem';
import { useDebouncedValue } from './use-debounced-value';

const PER_PAGE = 20;
const DEBOUNCE_MS = 250;

const SORTS: ReadonlyArray<{ value: string; label: string; sortBy: SortBy; sortOrder: SortOrder }> =
  [
    {
      value: 'joinedAt-ASC',
      label: 'Joined, earliest first',
      sortBy: 'joinedAt',
      sortOrder: 'ASC',
    },
    {
      value: 'joinedAt-DESC',
      label: 'Joined, latest first',
      sortBy: 'joinedAt',
      sortOrder: 'DESC',
    },
    {
      value: 'duration-DESC',
      label: 'Duration, longest first',
      sortBy: 'duration',
      sortOrder: 'DESC',
    },
    {
      value: 'duration-ASC',
      label: 'Duration, shortest first',
      sortBy: 'duration',
      sortOrder: 'ASC',
    },
  ];

export type ParticipantPickerProps = {
  /** The Session ID field as typed; the picker waits until it settles and is valid. */
  sessionDraft: string;
  /** Opens a participant (the form adds its filters and peer-events choice). */
  onChoose: (choice: { sessionId: string; participantId: string }) => void;
};

/** The participants of the session being typed, to pick one instead of pasting its id. */
export function ParticipantPicker({ sessionDraft, onChoose }: ParticipantPickerProps) {
  // Nothing until the field settles: a half-typed id must not open a picker of its own.
  const sessionId = useDebouncedValue(sessionDraft.trim(), DEBOUNCE_MS, '');
  if (sessionId === '' || !checkId('Session ID', sessionId).ok) return null;
  // A new session starts with a fresh search, sort and page.
  return (
    <SessionPicker
      key={sessionId}
      sessionId={sessionId}
      onChoose={(participantId) => onChoose({ sessionId, participantId })}
    />
  );
}

function SessionPicker({
  sessionId,
  onChoose,
}: {
  sessionId: string;
  onChoose: (id: string) => void;
}) {
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState(SORTS[0]);
  const [pageNo, setPageNo] = useState(0);
  const [active, setActive] = useState(-1);
  const ids = { search: useId(), list: useId(), sort: useId(), problem: useId() };
  const settled = useDebouncedValue(search.trim(), DEBOUNCE_MS);
  const searchCheck = checkSearch(settled);
  const query = useQuery({
    ...sessionParticipantsQueryOptions({
      sessionId,
      search: settled,
      pageNo,
      perPage: PER_PAGE,
      sortBy: sort?.sortBy,
      sortOrder: sort?.sortOrder,
    }),
    enabled: searchCheck.ok,
    // Paging and searching keep the last page on screen until the next one arrives.
    placeholderData: keepPreviousData,
  });
  const rows = query.data ? pickerRows(query.data.participants) : [];
  const total = query.data?.totalCount;
  const optionId = (index: number) => `${ids.list}-${index}`;
  const current = active >= 0 && active < rows.length ? active : -1;

  useEffect(() => {
    if (current >= 0)
      document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(Math.min(rows.length - 1, Math.max(0, current + step)));
    } else if (event.key === 'Enter') {
      // Enter here picks a participant; it never submits the lookup form around it.
      event.preventDefault();
      const id = rows[current]?.id;
      if (id) onChoose(id);
    } else if (event.key === 'Escape') {
      setActive(-1);
    }
  };
  const reset = () => {
    setPageNo(0);
    setActive(-1);
  };

  const problem = query.isError ? query.error : null;
  return (
    <section
      aria-label="Participants of this session"
      className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-700"
    >
      <h2 className="text-sm font-semibold">Participants of this session</h2>
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor={ids.search} className="block text-sm font-medium">
            Search participants
          </label>
          <input
            id={ids.search}
            type="search"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={rows.length > 0}
            aria-controls={ids.list}
            aria-activedescendant={current >= 0 ? optionId(current) : undefined}
            aria-invalid={searchCheck.ok ? undefined : true}
            aria-describedby={searchCheck.ok ? undefined : ids.problem}
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              reset();
            }}
            onKeyDown={onKeyDown}
            autoComplete="off"
            spellCheck={false}
            placeholder="Name, custom id or participant id"
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-950"
          />
        </div>
        <div>
          <label htmlFor={ids.sort} className="block text-sm font-medium">
            Sort participants
          </label>
          <select
            id={ids.sort}
            value={sort?.value}
            onChange={(event) => {
              setSort(SORTS.find((s) => s.value === event.target.value) ?? SORTS[0]);
              reset();
            }}
            className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-2 text-sm dark:border-slate-600 dark:bg-slate-950"
          >
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!searchCheck.ok ? (
        <p id={ids.problem} className="mt-2 text-sm text-red-700 dark:text-red-300">
          {searchCheck.message}
        </p>
      ) : problem ? (
        <div className="mt-2">
          <SessionProblem
            error={problem}
            subject="session_participants"
            retrying={query.isFetching}
            onRetry={() => void query.refetch()}
          />
        </div>
      ) : query.isPending ? (
        <div role="status" className="mt-2 grid gap-2">
          <span className="sr-only">Loading participants…</span>
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-9 w-full" />
        </div>
      ) : rows.length === 0 ? (
        <p role="status" className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          {settled ? `No participant matches “${settled}”.` : 'Nobody has joined this session yet.'}
        </p>
      ) : (
        <>
          <PickerList
            id={ids.list}
            rows={rows}
            active={current}
            optionId={optionId}
            onChoose={onChoose}
          />
          <PickerPaging
            range={rangeText(pageNo, PER_PAGE, rows.length, total)}
            busy={query.isFetching}
            onPrevious={
              pageNo > 0
                ? () => {
                    setPageNo(pageNo - 1);
                    setActive(-1);
                  }
                : null
            }
            onNext={
              hasNextPage(pageNo, PER_PAGE, rows.length, total)
                ? () => {
                    setPageNo(pageNo + 1);
                    setActive(-1);
                  }
                : null
            }
          />
        </>
      )}
    </section>
  );
}
