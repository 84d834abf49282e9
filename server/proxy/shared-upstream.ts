/**
 * Spends the team's RealtimeKit budget carefully: identical requests in flight share one
 * upstream call, and what will not change (a participant who has left, an ended session and
 * its participants list) is served from a short cache. Every real upstream call, retries included, is counted against the global
 * budget in upstream.ts.
 */

import type { Upstream } from './upstream';

/**
 * An answer as it came: its bytes are handed on as they are, never decoded and encoded again.
 * A Worker's Response may keep a reference to them rather than a copy: never changed in place.
 */
type Snapshot = { status: number; headers: [string, string][]; body: Uint8Array<ArrayBuffer> };

export type SharedUpstreamOptions = {
  readonly cacheTtlMs: number;
  /** The most the cache holds (bodies' bytes); the least recently used entries go first. */
  readonly cacheMaxBytes: number;
  readonly now?: () => number;
};

export type SharedUpstream = Upstream & {
  /** Calls that really went upstream (for tests and the load report). */
  readonly calls: () => number;
  /** Bytes of answers the cache holds now. */
  readonly cachedBytes: () => number;
};

const toResponse = (s: Snapshot) =>
  new Response(s.status === 499 ? null : s.body, { status: s.status, headers: s.headers });

async function snapshot(response: Response): Promise<Snapshot> {
  return {
    status: response.status,
    headers: [...response.headers],
    body: new Uint8Array(await response.arrayBuffer()),
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The upstream path's session id, and whether it asks for the session's participants list. */
const SESSION_PATH = /\/sessions\/([^/]+)(\/participants)?$/;

/** Sessions whose details said ENDED, newest last; a list of theirs no longer changes. */
const ENDED_REMEMBERED = 10_000;

/**
 * Whether a 200 is final, so it may be cached: a participant (or a peer report's participant)
 * who has left; a session whose details say ENDED; the participants list of such a session.
 */
function finished(path: string, s: Snapshot, ended: Set<string>): boolean {
  if (s.status !== 200) return false;
  const session = SESSION_PATH.exec(path);
  if (session?.[2] && session[1] !== undefined) return ended.has(session[1]);
  try {
    const body: unknown = JSON.parse(new TextDecoder().decode(s.body));
    if (!isObject(body) || !isObject(body.data)) return false;
    const data = body.data;
    // The session's details, wrapped (`data.session`) or flat.
    const details = isObject(data.session) ? data.session : data;
    if (session?.[1] !== undefined && details.status === 'ENDED') {
      if (ended.size >= ENDED_REMEMBERED) ended.delete(ended.values().next().value ?? '');
      ended.add(session[1]);
      return true;
    }
    // A participant, or a peer report's participant in either documented shape.
    const participant = isObject(data.participant) ? data.participant : data;
    return typeof participant.left_at === 'string';
  } catch {
    return false;
  }
}

type InFlight = {
  promise: Promise<Snapshot>;
  waiting: Set<AbortSignal>;
  controller: AbortController;
};

/**
 * Adds a browser to those waiting, until the call settles. When every one has gone (also one
 * that had gone before it joined), the upstream call is aborted and forgotten, so a later
 * request starts its own instead of joining one that is ending.
 */
async function wait(entry: InFlight, signal: AbortSignal, forget: () => void): Promise<Snapshot> {
  const leave = () => {
    if ([...entry.waiting].every((s) => s.aborted)) {
      forget();
      entry.controller.abort();
    }
  };
  entry.waiting.add(signal);
  if (signal.aborted) leave();
  else signal.addEventListener('abort', leave, { once: true });
  try {
    return await entry.promise;
  } finally {
    signal.removeEventListener('abort', leave);
    entry.waiting.delete(signal);
  }
}

/**
 * Finished answers for `ttlMs`, at most `maxBytes` of them: a Map kept in least-recently-used
 * order, expired entries dropped when read, on every insert and once per TTL on a timer (which
 * never keeps the process alive), so an idle server does not hold stale answers.
 */
function answerCache(ttlMs: number, maxBytes: number, now: () => number) {
  const entries = new Map<string, { until: number; value: Snapshot }>();
  let bytes = 0;
  let sweeper: ReturnType<typeof setInterval> | undefined;

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.value.body.byteLength;
  };
  const sweep = () => {
    const at = now();
    for (const [key, entry] of entries) if (entry.until <= at) drop(key);
    if (entries.size === 0 && sweeper !== undefined) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  };

  return {
    bytes: () => bytes,
    get(key: string): Snapshot | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.until <= now()) {
        drop(key);
        return undefined;
      }
      // Most recently used last.
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key: string, value: Snapshot) {
      const size = value.body.byteLength;
      if (ttlMs <= 0 || size > maxBytes) return;
      drop(key);
      sweep();
      for (const oldest of entries.keys()) {
        if (bytes + size <= maxBytes) break;
        drop(oldest);
      }
      entries.set(key, { until: now() + ttlMs, value });
      bytes += size;
      if (sweeper === undefined) {
        sweeper = setInterval(sweep, Math.max(1_000, ttlMs));
        // Node: the timer must not hold the process open (a Worker's has no unref).
        if (typeof sweeper === 'object' && 'unref' in sweeper) sweeper.unref();
      }
    },
  };
}

export function shareUpstream(upstream: Upstream, options: SharedUpstreamOptions): SharedUpstream {
  const now = options.now ?? Date.now;
  const cache = answerCache(options.cacheTtlMs, options.cacheMaxBytes, now);
  const inflight = new Map<string, InFlight>();
  const ended = new Set<string>();
  let calls = 0;
  const forget = (key: string, promise: Promise<Snapshot>) => {
    if (inflight.get(key)?.promise === promise) inflight.delete(key);
  };

  function remember(path: string, key: string, value: Snapshot) {
    // The TTL first: with the cache off, the body is not parsed again.
    if (options.cacheTtlMs <= 0 || !finished(path, value, ended)) return;
    cache.set(key, value);
  }

  return {
    breaker: upstream.breaker,
    calls: () => calls,
    cachedBytes: cache.bytes,
    async get(path, query, signal) {
      const key = path + query;
      const cached = cache.get(key);
      if (cached) return toResponse(cached);

      let entry = inflight.get(key);
      if (!entry) {
        calls += 1;
        const controller = new AbortController();
        const promise = upstream
          .get(path, query, controller.signal)
          .then(snapshot)
          .then((value) => {
            remember(path, key, value);
            return value;
          })
          // Only this call's own entry: a later one under the same key is left alone.
          .finally(() => forget(key, promise));
        entry = { promise, waiting: new Set(), controller };
        inflight.set(key, entry);
      }
      const { promise } = entry;
      return toResponse(await wait(entry, signal, () => forget(key, promise)));
    },
  };
}
