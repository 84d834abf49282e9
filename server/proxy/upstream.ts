/**
 * The one way this server talks to RealtimeKit: a fixed path under the configured account and
 * app, a bearer token built here (no browser header is forwarded), a time limit, and an answer
 * reduced to status, JSON body and Retry-After. The token never appears in what goes back.
 */
import type { UpstreamConfig } from '../config';
import { errorResponse, JSON_HEADERS } from './errors';

export type UpstreamFetch = (request: Request) => Promise<Response>;

/** Larger bodies are refused rather than buffered: 64 MiB holds well over 100,000 events. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export type Upstream = {
  /** GET `{base}/accounts/{account}/realtime/kit/{app}{path}{query}`; path and query pre-validated. */
  get(path: string, query: string, signal: AbortSignal): Promise<Response>;
};

function retryAfter(value: string | null): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,6}$/.test(trimmed)) return trimmed;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return String(Math.max(0, Math.ceil((date - Date.now()) / 1000)));
}

export function createUpstream(config: UpstreamConfig, fetchImpl: UpstreamFetch): Upstream {
  const scrub = (text: string) =>
    text.includes(config.token) ? text.split(config.token).join('[redacted]') : text;

  return {
    async get(path, query, signal) {
      const url = `${config.base}/accounts/${config.accountId}/realtime/kit/${config.appId}${path}${query}`;
      const timeout = AbortSignal.timeout(config.timeoutMs);
      let response: Response;
      try {
        response = await fetchImpl(
          new Request(url, {
            method: 'GET',
            headers: {
              authorization: `Bearer ${config.token}`,
              accept: 'application/json',
              'user-agent': 'participant-inspector',
            },
            redirect: 'manual',
            signal: AbortSignal.any([signal, timeout]),
          }),
        );
      } catch {
        if (timeout.aborted) {
          return errorResponse(
            504,
            'upstream_timeout',
            `The RealtimeKit API did not answer within ${config.timeoutMs / 1000} s.`,
          );
        }
        if (signal.aborted) return new Response(null, { status: 499 });
        return errorResponse(502, 'upstream_unreachable', 'Could not reach the RealtimeKit API.');
      }

      let text: string;
      try {
        const length = Number(response.headers.get('content-length') ?? '0');
        if (length > MAX_BODY_BYTES) throw new Error('too large');
        text = await response.text();
        if (text.length > MAX_BODY_BYTES) throw new Error('too large');
      } catch {
        if (timeout.aborted) {
          return errorResponse(
            504,
            'upstream_timeout',
            'The RealtimeKit API stopped sending its answer.',
          );
        }
        return errorResponse(
          502,
          'upstream_bad_body',
          'The RealtimeKit API answer could not be read.',
        );
      }

      const type = response.headers.get('content-type') ?? 'no content type';
      try {
        JSON.parse(text);
      } catch {
        const what = text.trimStart().startsWith('<')
          ? 'an HTML page'
          : 'a body that is not valid JSON';
        return errorResponse(
          502,
          'upstream_bad_body',
          `The RealtimeKit API answered HTTP ${response.status} with ${what} (${type.split(';')[0]}).`,
          { 'x-upstream-status': String(response.status) },
        );
      }
      if (response.status < 200 || (response.status >= 300 && response.status < 400)) {
        return errorResponse(
          502,
          'upstream_bad_body',
          `Unexpected HTTP ${response.status} from the RealtimeKit API.`,
        );
      }

      const headers: Record<string, string> = { ...JSON_HEADERS };
      const wait = retryAfter(response.headers.get('retry-after'));
      if (response.status === 429 && wait !== undefined) headers['retry-after'] = wait;
      return new Response(scrub(text), { status: response.status, headers });
    },
  };
}
