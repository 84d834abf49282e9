import { useId, useState } from 'react';
import { RANGE_LABELS, RANGE_PRESETS, type RangeChoice } from '../../lib/time-range';
import { CUSTOM, customDefaults, toFieldValue } from './lib/range-fields';
import { useFindClock } from './use-find-clock';
import { useSearchNow } from './use-search-now';

export type RangeSelectProps = {
  /** What the link says (the fields start with it). */
  initial: RangeChoice;
};

const FIELD =
  'mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-950';

/**
 * The time range of a search: a preset or a custom interval on the page's clock. Its fields are
 * named `range`, `from` and `to`; the form reads them (lib/range-fields.ts).
 */
export function RangeSelect({ initial }: RangeSelectProps) {
  const id = useId();
  const clock = useFindClock();
  const now = useSearchNow();
  const [choice, setChoice] = useState(typeof initial === 'string' ? initial : CUSTOM);
  const utc = clock.zone === 'utc';
  const custom = customDefaults(initial, now);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor={`${id}-range`} className="block text-sm font-medium">
          When
        </label>
        <select
          id={`${id}-range`}
          name="range"
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          className={FIELD}
        >
          {RANGE_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {RANGE_LABELS[preset]}
            </option>
          ))}
          <option value={CUSTOM}>Custom range…</option>
        </select>
      </div>
      {choice === CUSTOM ? (
        <>
          <div>
            <label htmlFor={`${id}-from`} className="block text-sm font-medium">
              From ({clock.label})
            </label>
            <input
              id={`${id}-from`}
              name="from"
              type="datetime-local"
              defaultValue={toFieldValue(custom.startMs, utc)}
              className={FIELD}
            />
          </div>
          <div>
            <label htmlFor={`${id}-to`} className="block text-sm font-medium">
              To ({clock.label})
            </label>
            <input
              id={`${id}-to`}
              name="to"
              type="datetime-local"
              defaultValue={toFieldValue(custom.endMs, utc)}
              className={FIELD}
            />
          </div>
        </>
      ) : null}
    </div>
  );
}
