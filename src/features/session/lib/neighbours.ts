/**
 * The participants just before and after one participant of a session, by join time, found
 * without fetching the whole list: the pages are sorted by join time (ascending), so a
 * bisection on page numbers finds the page around the participant, and at most one page on
 * each side is added when the participant sits at a page's edge.
 */
import type { PickerRow } from './picker-rows';

export type NeighbourPage = {
  readonly rows: readonly PickerRow[];
  readonly total: number | undefined;
};

export type Neighbours = {
  readonly previous: PickerRow | null;
  readonly next: PickerRow | null;
  /** 1-based place in join order when the participant is in the list, else null. */
  readonly position: number | null;
  readonly total: number;
};

export type Target = { readonly id: string; readonly joinedMs: number | null };

const time = (row: PickerRow) => row.joined?.ms ?? null;

/** How many rows of a page come before the target (by join time, or its own place). */
function insertionIndex(rows: readonly PickerRow[], target: Target): number {
  const own = rows.findIndex((r) => r.id === target.id);
  if (own >= 0) return own;
  if (target.joinedMs === null) return rows.length;
  const joined = target.joinedMs;
  return rows.filter((r) => {
    const t = time(r);
    return t !== null && t <= joined;
  }).length;
}

export async function findNeighbours(
  target: Target,
  fetchPage: (pageNo: number) => Promise<NeighbourPage>,
  perPage: number,
): Promise<Neighbours> {
  const first = await fetchPage(0);
  const total = first.total ?? first.rows.length;
  const pages = Math.max(1, Math.ceil(total / perPage));
  let pageNo = 0;
  let page = first;
  if (target.joinedMs !== null && pages > 1 && !first.rows.some((r) => r.id === target.id)) {
    const joined = target.joinedMs;
    let lo = 0;
    let hi = pages - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const current = mid === 0 ? first : await fetchPage(mid);
      const times = current.rows.map(time).filter((t) => t !== null);
      pageNo = mid;
      page = current;
      if (current.rows.some((r) => r.id === target.id) || times.length === 0) break;
      if (joined < Math.min(...times)) hi = mid - 1;
      else if (joined > Math.max(...times)) lo = mid + 1;
      else break;
    }
  }
  const index = insertionIndex(page.rows, target);
  const found = page.rows[index]?.id === target.id;
  // Neither listed nor placeable in time: no neighbour can be named honestly.
  if (!found && target.joinedMs === null)
    return { previous: null, next: null, position: null, total };
  const before =
    index === 0 && pageNo > 0 ? (await fetchPage(pageNo - 1)).rows : ([] as PickerRow[]);
  const afterIndex = found ? index + 1 : index;
  const after =
    afterIndex >= page.rows.length && pageNo < pages - 1 ? (await fetchPage(pageNo + 1)).rows : [];
  const merged = [...before, ...page.rows, ...after];
  const at = before.length + index;
  return {
    previous: merged[at - 1] ?? null,
    next: merged[found ? at + 1 : at] ?? null,
    position: found ? pageNo * perPage + index + 1 : null,
    total,
  };
}
