/**
 * The arithmetic behind a hand-written SVG line chart: linear scales, nice value ticks, one
 * path per line with gaps kept, and the nearest drawn sample to a pointer. Pure.
 */

/** Maps a data value to a viewBox coordinate. */
export type Scale = (value: number) => number;

/** A linear scale from [d0, d1] onto [r0, r1]; a zero-width domain maps to the range's middle. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  if (span === 0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / span;
  return (value: number) => r0 + (value - d0) * k;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The `d` of one line: `M` starts a stretch, `L` continues it, a NaN value ends it (the next
 * value starts a new stretch with `M`). A lone sample between gaps is drawn as a dot (a
 * zero-length segment with round caps). `step` holds each value until the next sample.
 */
export function linePath(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  x: Scale,
  y: Scale,
  step = false,
): string {
  const parts: string[] = [];
  let open = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? Number.NaN;
    const t = times[i] ?? Number.NaN;
    if (Number.isNaN(v) || Number.isNaN(t)) {
      open = false;
      continue;
    }
    const px = round1(x(t));
    const py = round1(y(v));
    if (!open) {
      const next = values[i + 1];
      const alone = next === undefined || Number.isNaN(next);
      parts.push(alone ? `M${px},${py}h0` : `M${px},${py}`);
      open = true;
    } else if (step) {
      parts.push(`H${px}V${py}`);
    } else {
      parts.push(`L${px},${py}`);
    }
  }
  return parts.join('');
}

/** Index of the time nearest `at` in an ascending list (binary search); -1 when empty. */
export function nearestIndex(times: ArrayLike<number>, at: number): number {
  const n = times.length;
  if (n === 0) return -1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] ?? Number.NaN) < at) lo = mid + 1;
    else hi = mid;
  }
  // lo is the first time at or after `at`; its left neighbour may be nearer.
  const before = times[lo - 1];
  const after = times[lo] ?? Number.NaN;
  return before !== undefined && at - before <= after - at ? lo - 1 : lo;
}

/** The time nearest `at` among several lines' sample times; null when every line is empty. */
export function nearestTime(lines: readonly ArrayLike<number>[], at: number): number | null {
  let best: number | null = null;
  for (const times of lines) {
    const t = times[nearestIndex(times, at)];
    if (t !== undefined && (best === null || Math.abs(t - at) < Math.abs(best - at))) best = t;
  }
  return best;
}

/** Round steps around a span's fifth: 1, 2, 2.5 and 5 times a power of ten. */
function stepsFor(span: number): number[] {
  const power = 10 ** Math.floor(Math.log10(span / 5));
  return [1, 2, 2.5, 5, 10, 20, 25, 50].map((s) => s * power);
}

export type AxisOptions = {
  /** Keep [min, max] as given instead of widening it to round steps. */
  readonly fixed?: boolean;
  /** Whole steps only (counts, pixels): no "0.25 packets". */
  readonly integer?: boolean;
};

/**
 * The value axis: 3 to 5 ticks on round steps. An open domain is widened to the nearest steps
 * around [min, max]; a fixed one keeps its ends and prefers a step that lands on both.
 */
export function niceAxis(
  min: number,
  max: number,
  { fixed = false, integer = false }: AxisOptions = {},
): { domain: [number, number]; ticks: number[] } {
  let lo = min;
  let hi = max;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [0, 1];
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) / 10;
    [lo, hi] = [lo - (lo === 0 ? 0 : pad), hi + pad];
  }
  const count = (a: number, b: number, s: number) => Math.round((b - a) / s) + 1;
  // Steps on a float grid: 0.1 * 3 is not 0.3, so ticks are rounded to the step's decimals.
  const tidy = (v: number, s: number) => {
    const decimals = Math.max(0, -Math.floor(Math.log10(s)) + 1);
    return Number(v.toFixed(decimals));
  };
  const ticksOf = (a: number, b: number, s: number) =>
    Array.from({ length: Math.max(0, count(a, b, s)) }, (_, i) => tidy(a + i * s, s));
  const steps = stepsFor(hi - lo).filter((step) => !integer || Number.isInteger(step));
  if (fixed) {
    const inside = steps.map((s) => {
      const a = Math.ceil(lo / s - 1e-9) * s;
      const b = Math.floor(hi / s + 1e-9) * s;
      return { s, a, b, n: count(a, b, s) };
    });
    const fits = inside.filter((c) => c.n >= 3 && c.n <= 5);
    const onEnds = fits.find(
      (c) => Math.abs(c.a - lo) < c.s * 1e-6 && Math.abs(c.b - hi) < c.s * 1e-6,
    );
    const pick = onEnds ?? fits[0] ?? inside.find((c) => c.n <= 5) ?? inside[inside.length - 1];
    if (!pick) return { domain: [lo, hi], ticks: [lo, hi] };
    return { domain: [lo, hi], ticks: ticksOf(pick.a, pick.b, pick.s) };
  }
  // The tightest widened domain with 3 to 5 ticks; the most ticks among equals.
  let best: { a: number; b: number; s: number } | null = null;
  for (const s of steps) {
    const a = Math.floor(lo / s + 1e-9) * s;
    const b = Math.ceil(hi / s - 1e-9) * s;
    const n = count(a, b, s);
    if (n < 3 || n > 5) continue;
    if (!best || b - a < best.b - best.a - 1e-9) best = { a, b, s };
  }
  if (!best) return { domain: [lo, hi], ticks: [lo, hi] };
  const ticks = ticksOf(best.a, best.b, best.s);
  return { domain: [ticks[0] ?? best.a, ticks[ticks.length - 1] ?? best.b], ticks };
}

/**
 * The axis labels that fit side by side, each centred on its position: a label is kept when it
 * starts `gap` past the end of the last one kept. Widths are estimated from the text (an 11 px
 * digit is under 7 px wide), so a narrow chart leaves labels out rather than overlap them.
 */
export function labelsThatFit<T>(
  items: readonly T[],
  at: (item: T) => number,
  text: (item: T) => string,
  gap = 8,
  charWidth = 7,
): T[] {
  const kept: T[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const half = (text(item).length * charWidth) / 2;
    if (at(item) - half < end + gap) continue;
    kept.push(item);
    end = at(item) + half;
  }
  return kept;
}
