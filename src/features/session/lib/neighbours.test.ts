import { describe, expect, it } from 'vitest';
import { findNeighbours, type NeighbourPage } from './neighbours';
import type { PickerRow } from './picker-rows';

const row = (id: string, ms: number | null): PickerRow => ({
  key: id,
  id,
  name: `Name ${id}`,
  customId: null,
  joined: ms === null ? null : { ms, raw: ms },
  left: null,
  inSession: true,
  minutes: null,
  problem: null,
});

/** 25 participants joining a minute apart: p0 … p24, served in pages sorted by join time. */
function session(count = 25, perPage = 10) {
  const rows = Array.from({ length: count }, (_, i) => row(`p${i}`, i * 60_000));
  const asked: number[] = [];
  const fetchPage = async (n: number): Promise<NeighbourPage> => {
    asked.push(n);
    return { rows: rows.slice(n * perPage, (n + 1) * perPage), total: count };
  };
  return { fetchPage, asked, perPage };
}

describe('findNeighbours', () => {
  it('finds both neighbours inside one page', async () => {
    const s = session();
    const found = await findNeighbours(
      { id: 'p14', joinedMs: 14 * 60_000 },
      s.fetchPage,
      s.perPage,
    );
    expect(found.previous?.id).toBe('p13');
    expect(found.next?.id).toBe('p15');
    expect(found.position).toBe(15);
    expect(found.total).toBe(25);
  });

  it('crosses page edges, fetching only the page needed', async () => {
    const s = session();
    const atStart = await findNeighbours({ id: 'p10', joinedMs: 10 * 60_000 }, s.fetchPage, 10);
    expect([atStart.previous?.id, atStart.next?.id]).toEqual(['p9', 'p11']);
    const atEnd = await findNeighbours({ id: 'p19', joinedMs: 19 * 60_000 }, s.fetchPage, 10);
    expect([atEnd.previous?.id, atEnd.next?.id]).toEqual(['p18', 'p20']);
  });

  it('has no previous for the first and no next for the last', async () => {
    const s = session();
    const first = await findNeighbours({ id: 'p0', joinedMs: 0 }, s.fetchPage, 10);
    expect([first.previous, first.next?.id]).toEqual([null, 'p1']);
    const last = await findNeighbours({ id: 'p24', joinedMs: 24 * 60_000 }, s.fetchPage, 10);
    expect([last.previous?.id, last.next]).toEqual(['p23', null]);
  });

  it('bisects a big session instead of reading every page', async () => {
    const s = session(312, 20);
    const found = await findNeighbours({ id: 'p250', joinedMs: 250 * 60_000 }, s.fetchPage, 20);
    expect([found.previous?.id, found.next?.id]).toEqual(['p249', 'p251']);
    expect(s.asked.length).toBeLessThanOrEqual(6);
  });

  it('places a participant missing from the list by its join time', async () => {
    const s = session();
    const found = await findNeighbours({ id: 'ghost', joinedMs: 12.5 * 60_000 }, s.fetchPage, 10);
    expect([found.previous?.id, found.next?.id, found.position]).toEqual(['p12', 'p13', null]);
    const late = await findNeighbours({ id: 'ghost', joinedMs: 99 * 60_000 }, s.fetchPage, 10);
    expect([late.previous?.id, late.next]).toEqual(['p24', null]);
  });

  it('says nothing useful, but does not fail, without a join time', async () => {
    const s = session();
    const found = await findNeighbours({ id: 'ghost', joinedMs: null }, s.fetchPage, 10);
    expect(found.position).toBeNull();
    expect(found.next).toBeNull();
  });
});
