import { type ReactNode, useContext } from 'react';
import type { Participant } from '../../api/participant-schema';
import { Badge } from '../../components/ui/badge';
import { ClockContext } from '../../components/ui/clock';
import { formatCount, formatDurationMinutes } from '../../lib/format';
import { summarize } from './lib/summary';

export type ParticipantHeaderProps = {
  participant: Participant;
  /** When this answer was fetched (ms since the epoch). */
  receivedAt: number;
  /** Counted once for the page (the Health strip's count). */
  reconnects: number;
  /** "Chrome 142 · web-core 1.35.2", from their peer report; null until known. */
  client: string | null;
  /** "PT · AS3243 MEO", from their peer report; null until known. */
  network: string | null;
  /** The verdict's label, where the page has it. */
  verdict: ReactNode;
  /** Whether the verdict (which reads the client and network) is still being worked out. */
  pending: boolean;
};

/**
 * Who this is, in three lines that stay in view while the page scrolls: name, in the session or
 * left, and the verdict's label; joined–left on the page's clock, duration, reconnects; their
 * client and network (one line, the whole in its title).
 */
export function ParticipantHeader(props: ParticipantHeaderProps) {
  const clock = useContext(ClockContext);
  const s = summarize(props.participant);
  const name =
    s.displayName.kind === 'value' && s.displayName.value !== '' ? s.displayName.value : null;
  const joined = s.joined.kind === 'value' ? clock.time(s.joined.value.ms) : null;
  const left = s.left.kind === 'value' ? clock.time(s.left.value.ms) : null;
  const facts = [
    joined ? `${joined}–${s.inSession ? 'now' : (left ?? '?')} (${clock.label})` : null,
    s.duration.kind === 'value' ? formatDurationMinutes(s.duration.value) : null,
    `${formatCount(props.reconnects)} ${props.reconnects === 1 ? 'reconnect' : 'reconnects'}`,
    `fetched ${clock.time(props.receivedAt)}`,
  ].filter((f): f is string => f !== null);
  const device = [props.client, props.network].filter((f): f is string => f !== null).join(' · ');
  return (
    <section
      aria-label="Participant at a glance"
      className="sticky top-0 z-20 rounded-xl border border-slate-200 bg-white/95 px-4 py-2 shadow-sm backdrop-blur dark:border-slate-700 dark:bg-slate-900/95"
    >
      {/* One row: the name gives way (truncated, whole in its title) as the verdict's label
          arrives, rather than the row wrapping and moving the page below. */}
      <div className="flex min-w-0 items-center gap-x-3">
        <h2 className="min-w-0 truncate text-lg font-semibold" title={name ?? undefined}>
          <bdi>{name ?? 'Name not sent'}</bdi>
        </h2>
        <span className="flex shrink-0 items-center gap-x-3">
          {s.inSession ? (
            <Badge tone="success">In session</Badge>
          ) : (
            <Badge tone="neutral">Left</Badge>
          )}
          {props.verdict}
        </span>
      </div>
      <p className="mt-0.5 min-w-0 text-sm text-slate-700 dark:text-slate-300">
        {facts.join(' · ')}
      </p>
      {/* One line, kept from the first paint: what arrives later moves nothing below. */}
      <p
        className="min-w-0 truncate text-sm text-slate-700 dark:text-slate-300"
        title={device || undefined}
      >
        {device || (
          <span className="text-slate-500 dark:text-slate-400">
            {props.pending
              ? 'Client and network: reading their peer report…'
              : 'Client and network not reported'}
          </span>
        )}
      </p>
    </section>
  );
}
