/**
 * The deployment's upstream on Workers: one Durable Object holds the team upstream (budget,
 * circuit breaker, coalescing, cache), and every isolate forwards its RealtimeKit calls to it,
 * so they all spend one budget and share one breaker instead of one each.
 *
 * Typed structurally, as worker.ts types its bindings: the Workers types package is not a
 * dependency, and a plain class with fetch() is a Durable Object without `cloudflare:workers`,
 * which keeps this module importable (and testable) on Node.
 */
import { loadBindingsConfig } from './config';
import { errorResponse } from './proxy/errors';
import type { SharedUpstream } from './proxy/shared-upstream';
import { createTeamUpstream } from './proxy/team-upstream';
import type { Upstream } from './proxy/upstream';

/** The stub of one Durable Object, as far as this app uses it. */
export type UpstreamStub = {
  fetch(input: string, init?: { signal?: AbortSignal }): Promise<Response>;
};

/** A Durable Object namespace binding (wrangler.jsonc's `durable_objects.bindings`). */
export type UpstreamNamespace = {
  idFromName(name: string): unknown;
  get(id: unknown): UpstreamStub;
};

type CircuitState = ReturnType<Upstream['breaker']['state']>;

/** The one instance every isolate of a deployment talks to. */
const OBJECT_NAME = 'upstream';
/** How the object tells the Worker its circuit's state along with each answer. */
const CIRCUIT_HEADER = 'x-upstream-circuit';
/** The object's address is internal: only path and query are read, from the search params. */
const OBJECT_URL = 'https://upstream-object.internal/get';

const STATES: ReadonlySet<string> = new Set<CircuitState>(['closed', 'open', 'half-open']);
const isState = (value: string | null): value is CircuitState =>
  value !== null && STATES.has(value);

export function isUpstreamNamespace(binding: unknown): binding is UpstreamNamespace {
  return (
    typeof binding === 'object' &&
    binding !== null &&
    'idFromName' in binding &&
    typeof binding.idFromName === 'function' &&
    'get' in binding &&
    typeof binding.get === 'function'
  );
}

/**
 * The Durable Object: the team upstream built once per instance from the Worker's vars and
 * secrets, answering the path and query each Worker forwards. The answer is the upstream's
 * own (status, Retry-After, body), with the circuit's state in a header for /readyz. Its
 * state lives in memory: an instance evicted after idling starts a fresh budget window.
 */
export class UpstreamObject {
  readonly #upstream: SharedUpstream;

  constructor(_state: unknown, env: Readonly<Record<string, unknown>>) {
    this.#upstream = createTeamUpstream(loadBindingsConfig(env), (url, init) => fetch(url, init));
  }

  async fetch(request: Request): Promise<Response> {
    const params = new URL(request.url).searchParams;
    const path = params.get('path');
    if (!path?.startsWith('/')) {
      return errorResponse(400, 'invalid_request', 'The upstream object was asked for no path.');
    }
    // The Worker's signal: with enable_request_signal it aborts when the Worker's caller leaves.
    const answer = await this.#upstream.get(path, params.get('query') ?? '', request.signal);
    const headers = new Headers(answer.headers);
    headers.set(CIRCUIT_HEADER, this.#upstream.breaker.state());
    return new Response(answer.body, { status: answer.status, headers });
  }
}

/**
 * The Worker's side: an Upstream that forwards every call to the deployment's object, passing
 * the browser's signal on. The circuit's state is the one the object reported last; once an
 * open circuit's cool-down has passed without news it reads as half-open, as the object's own
 * would, so /readyz never stays failed on an isolate that stopped calling.
 */
export function forwardToObject(
  namespace: UpstreamNamespace,
  coolDownMs: number,
  now: () => number = Date.now,
): Upstream {
  let seen: { state: CircuitState; at: number } = { state: 'closed', at: 0 };
  const id = namespace.idFromName(OBJECT_NAME);
  return {
    breaker: {
      state: () =>
        seen.state === 'open' && now() - seen.at >= coolDownMs ? 'half-open' : seen.state,
    },
    async get(path, query, signal) {
      const url = new URL(OBJECT_URL);
      url.searchParams.set('path', path);
      url.searchParams.set('query', query);
      let answer: Response;
      try {
        answer = await namespace.get(id).fetch(url.href, { signal });
      } catch {
        // As upstream.ts answers a browser that left: nobody reads it.
        if (signal.aborted) return new Response(null, { status: 499 });
        return errorResponse(
          503,
          'upstream_unavailable',
          'This server could not reach its RealtimeKit coordinator; try again in a moment.',
          { 'retry-after': '1' },
        );
      }
      const state = answer.headers.get(CIRCUIT_HEADER);
      if (isState(state)) seen = { state, at: now() };
      // A copy: the header is between the Worker and its object, never for the browser.
      const headers = new Headers(answer.headers);
      headers.delete(CIRCUIT_HEADER);
      return new Response(answer.body, { status: answer.status, headers });
    },
  };
}
