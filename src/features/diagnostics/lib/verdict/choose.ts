/**
 * Which others of a session are compared: those in the call longest during the incidents, at
 * most VERDICT_RULES.maxCompared, so a 312-person session costs the same as a small one.
 */
import type { TimeWindow } from '../../../../lib/time-window';
import { VERDICT_RULES } from './rules';

export type Presence = { readonly participantId: string; readonly window: TimeWindow | null };

const overlapMs = (a: TimeWindow, windows: readonly TimeWindow[]) =>
  windows.reduce(
    (ms, w) => ms + Math.max(0, Math.min(a.endMs, w.endMs) - Math.max(a.startMs, w.startMs)),
    0,
  );

/** The ids to compare, most overlap first (ties in id order); nobody who was not there then. */
export function chooseOthers(
  others: readonly Presence[],
  windows: readonly TimeWindow[],
  max: number = VERDICT_RULES.maxCompared,
): string[] {
  return others
    .flatMap((o) => {
      const ms = o.window ? overlapMs(o.window, windows) : 0;
      return ms > 0 ? [{ id: o.participantId, ms }] : [];
    })
    .sort((a, b) => b.ms - a.ms || a.id.localeCompare(b.id))
    .slice(0, max)
    .map((o) => o.id);
}
