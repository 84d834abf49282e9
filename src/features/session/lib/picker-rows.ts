/** The participant list as the picker and the neighbours show it: one row per entry. */
import { type Invalid, isInvalid, valid } from '../../../api/lenient';
import type { Participant } from '../../../api/participant-schema';
import { revealHidden } from '../../../lib/hidden-characters';
import type { Timestamp } from '../../../lib/timestamp';

export type PickerRow = {
  /** Unique on the page, also when ids are missing or repeated. */
  readonly key: string;
  /** Null when the entry has no readable id (it cannot be opened). */
  readonly id: string | null;
  readonly name: string | null;
  readonly customId: string | null;
  readonly joined: Timestamp | null;
  readonly left: Timestamp | null;
  /** `left_at` absent: still in the session. */
  readonly inSession: boolean;
  readonly minutes: number | null;
  /** Why the entry could not be read, when it could not. */
  readonly problem: Invalid | null;
};

export function pickerRows(list: ReadonlyArray<Participant | Invalid>): PickerRow[] {
  return list.map((entry, index) => {
    if (isInvalid(entry)) {
      return {
        key: `entry-${index}`,
        id: null,
        name: null,
        customId: null,
        joined: null,
        left: null,
        inSession: false,
        minutes: null,
        problem: entry,
      };
    }
    const id = valid(entry.id) ?? null;
    return {
      key: `${index}-${id ?? 'no-id'}`,
      id: id !== null && id.length > 0 ? id : null,
      name: valid(entry.display_name) ?? null,
      customId: valid(entry.custom_participant_id) ?? null,
      joined: valid(entry.joined_at) ?? null,
      left: valid(entry.left_at) ?? null,
      inSession: entry.left_at === undefined,
      minutes: valid(entry.duration) ?? null,
      problem: null,
    };
  });
}

/** "21–40 of 312": the rows shown and the total, 1-based; "0 of 0" for an empty list. */
export function rangeText(
  pageNo: number,
  perPage: number,
  shown: number,
  total: number | undefined,
) {
  const first = pageNo * perPage + 1;
  const of = total === undefined ? '' : ` of ${total.toLocaleString('en')}`;
  if (shown === 0) return `0${of}`;
  return `${first.toLocaleString('en')}–${(first + shown - 1).toLocaleString('en')}${of}`;
}

/** Whether a page after this one can hold anyone. */
export function hasNextPage(
  pageNo: number,
  perPage: number,
  shown: number,
  total: number | undefined,
) {
  // Without a total, a full page may have a successor.
  if (total === undefined) return shown === perPage;
  return (pageNo + 1) * perPage < total;
}

/**
 * The name to show for a row: the display name (hidden direction or zero-width characters
 * written out, so "Next participant: …" cannot be made to read as something else), else its id.
 */
export const rowLabel = (row: PickerRow) =>
  row.name !== null && row.name.trim() !== ''
    ? revealHidden(row.name)
    : (row.id ?? 'unreadable entry');
