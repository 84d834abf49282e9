import { shortId } from '../../lib/format';

export type LookupLineProps = {
  sessionId: string;
  participantId: string;
  expanded: boolean;
  /** The form Change opens (none while its code is on its way). */
  formId?: string;
  onToggle: () => void;
};

/** The open lookup in one line ("Session … › Participant … · Change"), the form behind Change. */
export function LookupLine({
  sessionId,
  participantId,
  expanded,
  formId,
  onToggle,
}: LookupLineProps) {
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700 dark:text-slate-300">
      <span className="min-w-0 truncate">
        Session{' '}
        <code className="font-mono text-xs" title={sessionId}>
          {shortId(sessionId)}
        </code>{' '}
        › Participant{' '}
        <code className="font-mono text-xs" title={participantId}>
          {shortId(participantId)}
        </code>
      </span>
      <span aria-hidden="true">·</span>
      <button
        type="button"
        aria-expanded={expanded}
        aria-controls={formId}
        onClick={onToggle}
        className="rounded-md border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        {expanded ? 'Close the lookup' : 'Change'}
      </button>
    </div>
  );
}
