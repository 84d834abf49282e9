import type { ErrorEnvelope, ProxyErrorKind } from '../../src/api/participant-schema';

/** Headers of every JSON answer of the API routes: never cached, never sniffed. */
export const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

/** An error found by this server, in RealtimeKit's envelope with a machine-readable kind. */
export function errorBody(status: number, kind: ProxyErrorKind, message: string): ErrorEnvelope {
  return { success: false, error: { code: status, message, kind } };
}

export function errorResponse(
  status: number,
  kind: ProxyErrorKind,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(errorBody(status, kind, message)), {
    status,
    headers: { ...JSON_HEADERS, ...headers },
  });
}
