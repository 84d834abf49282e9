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
};

/**
 * Who this is, in two lines that stay in view while the page scrolls: name, in the session or
 * left, joined–left on the page's clock, duration, reconnects, device and network, and the
 * verdict's label.
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
    props.client,
    props.network,
    `fetched ${clock.time(props.receivedAt)}`,
  ].filter((f): f is string => f !== null);
  return (
    <section
      aria-label="Participant at a glance"
      className="sticky top-0 z-20 rounded-xl border border-slate-200 bg-white/95 px-4 py-2 shadow-sm backdrop-blur dark:border-slate-700 dark:bg-slate-900/95"
    >
      <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
        <h2 className="min-w-0 max-w-full truncate text-lg font-semibold">
          <bdi>{name ?? 'Name not sent'}</bdi>
        </h2>
        {s.inSession ? (
          <Badge tone="success">In session</Badge>
        ) : (
          <Badge tone="neutral">Left</Badge>
        )}
        {props.verdict}
      </div>
      <p className="mt-0.5 min-w-0 text-sm text-slate-700 dark:text-slate-300">
        {facts.join(' · ')}
      </p>
    </section>
  );
}
