import type { EventName } from '../../api/participant-schema';
import { Badge, type BadgeTone } from '../../components/ui/badge';

const TONES: Record<EventName, BadgeTone> = {
  PEER_CREATED: 'info',
  PEER_JOINING: 'success',
  PEER_LEAVING: 'warning',
};

export type EventBadgeProps = { name: string | null; known: EventName | null };

/** The event name as a coloured badge; an unknown name is still shown, as sent. */
export function EventBadge({ name, known }: EventBadgeProps) {
  if (name === null)
    return <span className="italic text-slate-600 dark:text-slate-400">no name</span>;
  if (known === null) {
    // "(unknown)" beside the badge, so a narrow cell can put it on a line of its own.
    return (
      <>
        <Badge tone="violet" title="Not a documented event name">
          {name}
        </Badge>{' '}
        <span className="text-xs font-semibold text-violet-900 dark:text-violet-200">
          (unknown)
        </span>
      </>
    );
  }
  return <Badge tone={TONES[known]}>{known.replace('PEER_', '')}</Badge>;
}
