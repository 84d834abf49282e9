/**
 * Fewer points for a long series, spikes kept: each bucket of consecutive samples keeps its
 * lowest and highest value (in time order), so a one-sample spike still shows. The first and
 * last samples are always kept, and a gap (NaN) inside a bucket is kept as a gap.
 */
export type Points = { readonly times: Float64Array; readonly values: Float64Array };

/** Indices of the samples to draw, ascending; every index when the series already fits. */
export function downsampleIndices(values: ArrayLike<number>, maxPoints: number): Uint32Array {
  const n = values.length;
  if (n <= maxPoints || maxPoints < 4) return Uint32Array.from({ length: n }, (_, i) => i);
  let hasGap = false;
  for (let i = 0; i < n && !hasGap; i++) hasGap = Number.isNaN(values[i]);
  // A bucket keeps its low, its high and, when it holds one, a gap: up to 3 points each.
  const perBucket = hasGap ? 3 : 2;
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / perBucket));
  const inner = n - 2;
  const out: number[] = [0];
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor((b * inner) / buckets);
    const to = 1 + Math.floor(((b + 1) * inner) / buckets);
    let lo = -1;
    let hi = -1;
    let gap = -1;
    for (let i = from; i < to; i++) {
      const v = values[i] ?? Number.NaN;
      if (Number.isNaN(v)) {
        if (gap < 0) gap = i;
        continue;
      }
      if (lo < 0 || v < (values[lo] ?? v)) lo = i;
      if (hi < 0 || v > (values[hi] ?? v)) hi = i;
    }
    const kept = [lo, hi, gap].filter((i, k, all) => i >= 0 && all.indexOf(i) === k);
    kept.sort((a, b2) => a - b2);
    out.push(...kept);
  }
  out.push(n - 1);
  return Uint32Array.from(out);
}

export function downsample(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  maxPoints: number,
): Points {
  const keep = downsampleIndices(values, maxPoints);
  return {
    times: Float64Array.from(keep, (i) => times[i] ?? Number.NaN),
    values: Float64Array.from(keep, (i) => values[i] ?? Number.NaN),
  };
}
