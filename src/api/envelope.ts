/**
 * The answer every RealtimeKit read shares: `{ success, data }`. Read here once for all the
 * fetchers: a body that is not that envelope, a 200 with `success: false` (seen in the wild)
 * and a missing `data` each become an ApiError the pages already explain.
 */
import * as z from 'zod/mini';
import { ApiError, errorFromResponse } from './errors';
import { getJson, type JsonAnswer } from './http';
import { type Invalid, isInvalid } from './lenient';

type Envelope<D> = {
  readonly success?: boolean | Invalid | undefined;
  readonly data?: D | Invalid | undefined;
};

type EnvelopeData<D> = { readonly data: D; readonly text: string; readonly status: number };

/** GET `url`, read it with `schema`, and return its `data` (`what` names it in errors). */
export async function getEnvelopeData<D>(
  url: string,
  schema: z.ZodMiniType<Envelope<D>>,
  what: string,
  signal?: AbortSignal,
): Promise<EnvelopeData<D>> {
  return readEnvelopeData(await getJson(url, signal), schema, what);
}

/** An answer already read as JSON, read with `schema`: its `data`, or an ApiError. */
export function readEnvelopeData<D>(
  answer: JsonAnswer,
  schema: z.ZodMiniType<Envelope<D>>,
  what: string,
): EnvelopeData<D> {
  const { body, text, status, headers } = answer;
  const parsed = z.safeParse(schema, body);
  if (!parsed.success) {
    throw new ApiError('malformed', 'The answer was JSON but not an object the API sends.', {
      status,
    });
  }
  const { success, data } = parsed.data;
  if (success === false) throw errorFromResponse(status, body, headers);
  if (data === undefined || isInvalid(data)) {
    throw new ApiError('malformed', `The answer holds no ${what} (data is missing).`, { status });
  }
  return { data, text, status };
}

/** A field the answer must hold, read as sent: missing or unreadable is a malformed answer. */
export function required<T>(value: T | Invalid | undefined, path: string, status: number): T {
  if (value === undefined) {
    throw new ApiError('malformed', `The answer holds no ${path}.`, { status });
  }
  if (isInvalid(value)) {
    throw new ApiError('malformed', `${path} could not be read: ${value.reason}.`, { status });
  }
  return value;
}
