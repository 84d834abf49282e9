/**
 * What the form asks for by default: every diagnostic and the peer events, unless the agent
 * unticked some on their last lookup in this browser (kept in localStorage).
 */
import { FILTERS, type Filter } from '../../api/participant-schema';
import { parseFilters } from '../../api/request-params';
import { toDeepLink } from '../../lib/route';
import type { ViewParams } from '../../lib/view-params';

export const REQUEST_KEY = 'participant-inspector:request';

export type RequestChoice = {
  readonly filters: readonly Filter[];
  readonly includePeerEvents: boolean;
};

export const EVERYTHING: RequestChoice = { filters: FILTERS, includePeerEvents: true };

/**
 * A participant's page showing everything there is (every diagnostic and the peer events): the
 * links of the demo samples, the search results and the recent lookups.
 */
export const everythingHref = (sessionId: string, participantId: string, view: ViewParams) =>
  toDeepLink({ sessionId, participantId, ...EVERYTHING }, view);

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The last choice made here, or everything; anything unreadable counts as no choice. */
export function rememberedRequest(): RequestChoice {
  try {
    const raw = storage()?.getItem(REQUEST_KEY);
    if (!raw) return EVERYTHING;
    const stored: unknown = JSON.parse(raw);
    if (typeof stored !== 'object' || stored === null) return EVERYTHING;
    const filters = 'filters' in stored ? stored.filters : undefined;
    const includePeerEvents = 'includePeerEvents' in stored ? stored.includePeerEvents : undefined;
    const read = parseFilters(typeof filters === 'string' ? filters : null);
    if (!read.ok || typeof includePeerEvents !== 'boolean') return EVERYTHING;
    return { filters: read.value, includePeerEvents };
  } catch {
    return EVERYTHING;
  }
}

export function rememberRequest(choice: RequestChoice): void {
  try {
    storage()?.setItem(
      REQUEST_KEY,
      JSON.stringify({
        filters: choice.filters.join(','),
        includePeerEvents: choice.includePeerEvents,
      }),
    );
  } catch {
    // Private windows may refuse storage: the next lookup starts from everything again.
  }
}
