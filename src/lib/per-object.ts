/**
 * `compute`, kept per object: what it makes of an object is worked out once, for every reader
 * of that object, and let go with the object.
 */
export function perObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const kept = new WeakMap<K, V>();
  return (key) => {
    if (kept.has(key)) return kept.get(key) as V;
    const value = compute(key);
    kept.set(key, value);
    return value;
  };
}
