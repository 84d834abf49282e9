/**
 * The person search (this server's `GET /api/person-search`, README): its URL, the reader of
 * its stream of JSON lines, and its queryOptions. The lines are folded into one state in the
 * query cache as they arrive (TanStack Query's streamedQuery), so the page shows matches and
 * progress while the server is still searching; a new search (or leaving the page) aborts the
 * request, and the server stops its upstream calls with it.
 */
import { queryOptions, experimental_streamedQuery as streamedQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPath } from '../lib/base-path';
import { ApiError, errorFromResponse } from './errors';
import { type PersonMatch, type PersonSearchLine, personSearchLine } from './person-search-schema';
import { type PersonSearchParams, personSearchSearch } from './sessions-list-params';

export type PersonSearchRequest = PersonSearchParams;

type Line<T extends PersonSearchLine['type']> = Extract<PersonSearchLine, { type: T }>;

export type PersonSearchState = {
  readonly range: Line<'range'> | null;
  readonly progress: Line<'progress'> | null;
  readonly matches: readonly PersonMatch[];
  readonly done: Line<'done'> | null;
  readonly error: Line<'error'> | null;
};

export const NO_RESULTS: PersonSearchState = {
  range: null,
  progress: null,
  matches: [],
  done: null,
  error: null,
};

export const personSearchUrl = (request: PersonSearchRequest) =>
  apiPath('person-search') + personSearchSearch(request);

/** One line of the stream folded into the state. */
export function foldLine(state: PersonSearchState, line: PersonSearchLine): PersonSearchState {
  switch (line.type) {
    case 'range':
      return { ...state, range: line };
    case 'progress':
      return { ...state, progress: line };
    case 'match':
      return { ...state, matches: [...state.matches, line] };
    case 'done':
      return { ...state, done: line };
    case 'error':
      return { ...state, error: line };
  }
}

/** The body's lines as they arrive; a line that is not one of the protocol's is skipped. */
export async function* readLines(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<PersonSearchLine> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const parts = pending.split('\n');
      pending = done ? '' : (parts.pop() ?? '');
      for (const part of parts) {
        if (part.trim() === '') continue;
        let json: unknown;
        try {
          json = JSON.parse(part);
        } catch {
          continue;
        }
        const parsed = z.safeParse(personSearchLine, json);
        if (parsed.success) yield parsed.data;
      }
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}

async function* search(request: PersonSearchRequest, signal: AbortSignal) {
  let response: Response;
  try {
    response = await fetch(personSearchUrl(request), {
      headers: { accept: 'application/x-ndjson, application/json' },
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError(
      'network',
      'Could not reach the Participant Inspector server. Check your connection.',
    );
  }
  if (!response.ok || !response.body) {
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    throw errorFromResponse(response.status, body, response.headers);
  }
  yield* readLines(response.body);
}

export const personSearchQueryOptions = (request: PersonSearchRequest) =>
  queryOptions({
    queryKey: ['person-search', request] as const,
    queryFn: streamedQuery({
      streamFn: ({ signal }) => search(request, signal),
      reducer: foldLine,
      initialValue: NO_RESULTS,
    }),
    // A search is a snapshot: kept for a minute, never re-run behind the agent's back.
    staleTime: 60_000,
    refetchOnWindowFocus: false,
    retry: false,
  });
