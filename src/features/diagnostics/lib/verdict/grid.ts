/**
 * Everyone compared, over time: one row per participant (this one first), one cell per slice
 * of the call holding the worst of their own uplink and downlink then. What others received
 * from this participant is left out: that is this participant's trouble, shown in their row.
 */

import { overlaps, type TimeWindow } from '../../../../lib/time-window';
import { type Incident, SEVERITY_RANK } from '../finding';
import { inCallDuring, type Member } from './member';
import { ownTrouble, type Subject } from './rules';

export type GridCell = 'absent' | 'good' | 'degraded' | 'poor' | 'unknown';

export type GridRow = {
  readonly participantId: string;
  readonly name: string | null;
  readonly self: boolean;
  readonly cells: readonly GridCell[];
  /** The worst cell, in words. */
  readonly worst: 'poor' | 'degraded' | 'fine' | 'no statistics' | 'not in the call';
  readonly network: string | null;
  readonly client: string | null;
};

export type Grid = {
  readonly columns: readonly TimeWindow[];
  readonly rows: readonly GridRow[];
  /** Which columns an incident's window touches. */
  readonly marked: readonly boolean[];
};

const worse = (a: GridCell, b: GridCell): GridCell => {
  const rank: Record<GridCell, number> = { absent: 0, unknown: 1, good: 2, degraded: 3, poor: 4 };
  return rank[b] > rank[a] ? b : a;
};

function worstOf(cells: readonly GridCell[]): GridRow['worst'] {
  const worst = cells.reduce(worse, 'absent');
  if (worst === 'good') return 'fine';
  if (worst === 'unknown') return 'no statistics';
  if (worst === 'absent') return 'not in the call';
  return worst;
}

export type GridInput = {
  readonly subject: Subject & {
    readonly participantId: string;
    readonly name: string | null;
    readonly spans: readonly TimeWindow[];
    readonly client: string | null;
  };
  readonly incidents: readonly Incident[];
  readonly members: readonly Member[];
  readonly columns?: number;
};

const place = (n: Member['network']) =>
  n ? [n.country, n.owner].filter(Boolean).join(' · ') || null : null;

export function sessionGrid({ subject, incidents, members, columns = 40 }: GridInput): Grid {
  const spans = [...subject.spans, ...members.flatMap((m) => m.spans)];
  if (spans.length === 0) return { columns: [], rows: [], marked: [] };
  const start = Math.min(...spans.map((s) => s.startMs));
  const end = Math.max(start + 1, ...spans.map((s) => s.endMs));
  const step = (end - start) / columns;
  const cols = Array.from({ length: columns }, (_, i) => ({
    startMs: start + i * step,
    endMs: start + (i + 1) * step,
  }));
  const self: GridRow = (() => {
    const cells = cols.map((c): GridCell => {
      if (!inCallDuring(subject, c)) return 'absent';
      const hit = incidents.filter((i) => overlaps(i.window, c));
      if (hit.length === 0) return 'good';
      return hit.some((i) => SEVERITY_RANK[i.severity] === 0) ? 'poor' : 'degraded';
    });
    return {
      participantId: subject.participantId,
      name: subject.name,
      self: true,
      cells,
      worst: worstOf(cells),
      network: place(subject.network),
      client: subject.client,
    };
  })();
  const rows = members.map((m): GridRow => {
    const cells = cols.map((c): GridCell => {
      if (!inCallDuring(m, c)) return 'absent';
      if (m.symptoms === null) return 'unknown';
      const trouble = ownTrouble(m, c, subject);
      if (trouble.length === 0) return 'good';
      return trouble.some((s) => s.severity === 'poor') ? 'poor' : 'degraded';
    });
    return {
      participantId: m.participantId,
      name: m.name,
      self: false,
      cells,
      worst: worstOf(cells),
      network: place(m.network),
      client: m.client,
    };
  });
  return {
    columns: cols,
    rows: [self, ...rows],
    marked: cols.map((c) => incidents.some((i) => overlaps(i.window, c))),
  };
}
