import type { ReactNode } from 'react';
import type { Participant } from '../../api/participant-schema';
import { Badge } from '../../components/ui/badge';
import { Card } from '../../components/ui/card';
import { CopyButton } from '../../components/ui/copy-button';
import { TimeValue } from '../../components/ui/time-value';
import { formatDurationMs, formatMinutes } from '../../lib/format';
import { redactText } from '../../lib/redact';
import type { Timestamp } from '../../lib/timestamp';
import { DisplayName } from './display-name';
import { DurationWarning } from './duration-warning';
import { type Shown, summarize } from './lib/summary';
import { ShownValue } from './shown-value';

export type SummaryCardProps = {
  participant: Participant;
  /** When the answer arrived: "now" for relative times and a participant still connected. */
  receivedAt: number;
  /** Hide personal data: the custom participant id is often an email or a CRM key. */
  redact: boolean;
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-2 border-t border-slate-100 py-1.5 first:border-0 dark:border-slate-800">
      <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

function IdValue({ shown, label }: { shown: Shown<string>; label: string }) {
  return (
    <ShownValue shown={shown}>
      {(id) => (
        <span className="flex items-start gap-2">
          <code className="min-w-0 break-all font-mono text-xs leading-5">{id}</code>
          <CopyButton value={id} label={label} />
        </span>
      )}
    </ShownValue>
  );
}

function TimeRow({ label, shown, now }: { label: string; shown: Shown<Timestamp>; now: number }) {
  return (
    <Row label={label}>
      <ShownValue shown={shown}>{(t) => <TimeValue value={t} now={now} />}</ShownValue>
    </Row>
  );
}

/** Who the participant is, when they were connected, and for how long (region "Participant summary"). */
export function SummaryCard({ participant, receivedAt, redact }: SummaryCardProps) {
  const s = summarize(participant);
  const title = (
    <span className="flex flex-wrap items-center gap-2">
      <ShownValue shown={s.displayName} missing="No display name">
        {(name) => <DisplayName name={redact ? redactText(name) : name} />}
      </ShownValue>
      {s.inSession ? <Badge tone="success">In session</Badge> : null}
    </span>
  );
  return (
    <Card title={title} label="Participant summary">
      <dl>
        <Row label="Participant ID">
          <IdValue shown={s.id} label="participant ID" />
        </Row>
        <Row label="User ID">
          <IdValue shown={s.userId} label="user ID" />
        </Row>
        <Row label="Custom participant ID">
          {redact && s.customId.kind !== 'missing' ? (
            <span className="italic text-slate-600 dark:text-slate-400">
              hidden (personal data)
            </span>
          ) : (
            <IdValue shown={s.customId} label="custom participant ID" />
          )}
        </Row>
        <Row label="Preset">
          <ShownValue shown={s.preset}>
            {(preset) => <code className="text-xs">{preset}</code>}
          </ShownValue>
        </Row>
        <TimeRow label="Joined" shown={s.joined} now={receivedAt} />
        <Row label="Left">
          {s.inSession ? (
            <span>Still in the session (no left_at)</span>
          ) : (
            <ShownValue shown={s.left}>
              {(t) => <TimeValue value={t} now={receivedAt} />}
            </ShownValue>
          )}
        </Row>
        <Row label="Duration">
          <ShownValue
            shown={s.duration}
            missing={s.inSession ? 'not final while in the session' : 'not sent'}
          >
            {(minutes) => (
              <span>
                {formatDurationMs(minutes * 60_000)}{' '}
                <span className="text-slate-500 dark:text-slate-400">
                  ({formatMinutes(minutes)})
                </span>
              </span>
            )}
          </ShownValue>
          <DurationWarning check={s.durationCheck} />
        </Row>
        <TimeRow label="Created" shown={s.created} now={receivedAt} />
        <TimeRow label="Updated" shown={s.updated} now={receivedAt} />
      </dl>
    </Card>
  );
}
