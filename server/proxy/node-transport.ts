/**
 * Node's way to the upstream: undici's fetch over an Agent of our own whose header and body
 * timeouts end a stalled socket even if an abort were ever lost on the way (undici
 * follows a Request's signal weakly: nodejs/undici#4068, nodejs/node#55428). The proxy also
 * races every step against its own deadline, so this is the backstop, not the mechanism.
 */
import { Agent, fetch as undiciFetch } from 'undici';
import type { UpstreamConfig } from '../config';
import type { UpstreamFetch } from './upstream';

export function nodeTransport(config: Pick<UpstreamConfig, 'timeoutMs'>): UpstreamFetch {
  const agent = new Agent({
    connectTimeout: config.timeoutMs,
    headersTimeout: config.timeoutMs,
    // Between two chunks of the body; the proxy bounds the whole read by its deadline.
    bodyTimeout: config.timeoutMs,
    keepAliveTimeout: 10_000,
  });
  return async (url, init) => {
    const response = await undiciFetch(url, { ...init, dispatcher: agent });
    // The same stream class at run time; only the type declarations (undici's and the global
    // lib's) differ. Cancelling this Response's body cancels undici's, and with it the socket.
    const body = response.body as ReadableStream<Uint8Array> | null;
    return new Response(body, { status: response.status, headers: response.headers });
  };
}
