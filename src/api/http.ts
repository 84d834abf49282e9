import { ApiError, errorFromResponse } from './errors';

export type JsonAnswer = {
  readonly status: number;
  readonly body: unknown;
  /** The body exactly as received, for "Download JSON". */
  readonly text: string;
  readonly headers: Headers;
};

/**
 * GET a JSON route of this app's server. Network failures, non-JSON bodies and non-2xx
 * answers become typed ApiErrors; the caller's AbortSignal reaches fetch.
 */
export async function getJson(url: string, signal?: AbortSignal): Promise<JsonAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(
      'network',
      'Could not reach the Participant Inspector server. Check your connection.',
    );
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('network', 'The connection dropped while the answer was arriving.');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    if (!response.ok) throw errorFromResponse(response.status, undefined, response.headers);
    throw new ApiError(
      'malformed',
      `The answer was not valid JSON (${text.length.toLocaleString('en')} characters received).`,
      {
        status: response.status,
      },
    );
  }
  if (!response.ok) throw errorFromResponse(response.status, body, response.headers);
  return { status: response.status, body, text, headers: response.headers };
}
