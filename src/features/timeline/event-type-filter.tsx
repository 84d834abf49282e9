import type { Column } from '@tanstack/react-table';
import type { features } from './columns';
import { EVENT_CATEGORIES, type EventCategory } from './lib/event-category';
import type { TimelineRow } from './lib/timeline-rows';

const LABELS: Record<EventCategory, string> = {
  PEER_CREATED: 'Created',
  PEER_JOINING: 'Joining',
  PEER_LEAVING: 'Leaving',
  OTHER: 'Other / unknown',
};

export type EventTypeFilterProps = {
  column: Column<typeof features, TimelineRow, unknown> | undefined;
};

/** Which event types the table shows; all of them when nothing is filtered. */
export function EventTypeFilter({ column }: EventTypeFilterProps) {
  if (!column) return null;
  const value = column.getFilterValue();
  const shown: readonly EventCategory[] = Array.isArray(value)
    ? EVENT_CATEGORIES.filter((c) => value.includes(c))
    : EVENT_CATEGORIES;
  const toggle = (category: EventCategory) => {
    const next = shown.includes(category)
      ? shown.filter((c) => c !== category)
      : [...shown, category];
    column.setFilterValue(next.length === EVENT_CATEGORIES.length ? undefined : next);
  };
  return (
    <fieldset>
      <legend className="text-sm font-medium">Event types</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {EVENT_CATEGORIES.map((category) => (
          <label key={category} className="inline-flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={shown.includes(category)}
              onChange={() => toggle(category)}
              className="size-4 accent-brand-600"
            />
            {LABELS[category]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
