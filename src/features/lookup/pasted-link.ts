/**
 * What an agent pastes into the form: one of our deep links or a RealtimeKit API URL.
 */
import type { Filter } from '../../api/participant-schema';
import { parseFilters, parseIncludePeerEvents } from '../../api/request-params';

/** What a pasted link says: the ids, and the request's diagnostics when it names them. */
export type PastedLookup = {
  readonly sessionId: string;
  readonly participantId: string;
  readonly filters?: readonly Filter[];
  readonly includePeerEvents?: boolean;
};

/**
 * Finds a session and participant id pair in pasted text: one of our deep links or a
 * RealtimeKit API URL (…/sessions/{id}/participants/{id}…), with its `filters` and
 * `include_peer_events` when it has them. Null when the text holds no pair.
 */
export function idsFromPastedText(text: string): PastedLookup | null {
  const trimmed = text.trim();
  const match =
    /\/sessions\/([A-Za-z0-9_-]{1,64})\/participants\/([A-Za-z0-9_-]{1,64})(?=$|[/?#\s])/.exec(
      trimmed,
    );
  if (!match?.[1] || !match[2]) return null;
  const after = trimmed.slice(match.index + match[0].length);
  const query = new URLSearchParams(/^[^?#\s]*\?([^#\s]*)/.exec(after)?.[1] ?? '');
  const filters = parseFilters(query.get('filters'));
  const include = parseIncludePeerEvents(query.get('include_peer_events'));
  return {
    sessionId: match[1],
    participantId: match[2],
    ...(query.has('filters') && filters.ok ? { filters: filters.value } : {}),
    ...(include.ok && include.value !== undefined ? { includePeerEvents: include.value } : {}),
  };
}
