import { type ReactNode, useContext } from 'react';
import type { Filter, Participant } from '../../api/participant-schema';
import { AppLink } from '../../components/ui/app-link';
import { Badge, type BadgeTone } from '../../components/ui/badge';
import { Card } from '../../components/ui/card';
import { InvalidValue } from '../../components/ui/invalid-value';
import { MaskContext } from '../../components/ui/mask';
import { readDevice } from './lib/device';
import { readLocation, timeIn } from './lib/location';
import { readPrecall } from './lib/precall';
import type { Reading, Unread } from './lib/section';
import { type Level, THRESHOLDS } from './lib/thresholds';

export type DiagnosticsPanelsProps = {
  participant: Participant;
  /** "Now" for the participant's local time: when the answer arrived. */
  receivedAt: number;
  /** The filters the page asked for. */
  requested: readonly Filter[];
  /** The same page with one more filter requested. */
  requestHref: (filter: Filter) => string;
};

const TONE: Record<Level, BadgeTone> = { good: 'success', degraded: 'warning', poor: 'danger' };

function Readings({ readings }: { readings: readonly Reading[] }) {
  return (
    <dl>
      {readings.map((r) => (
        <div
          key={r.label}
          className="grid grid-cols-[12rem_1fr] gap-2 border-t border-slate-100 py-1.5 first:border-0 dark:border-slate-800"
        >
          <dt className="text-sm text-slate-600 dark:text-slate-400">{r.label}</dt>
          <dd className="flex flex-wrap items-center gap-2 text-sm">
            {r.invalid ? (
              <InvalidValue raw={r.invalid.raw} reason={r.invalid.reason} />
            ) : (
              <span className="tabular-nums">{r.value}</span>
            )}
            {r.level ? (
              <Badge
                tone={TONE[r.level]}
                title={r.metric ? THRESHOLDS[r.metric].source : undefined}
              >
                {r.level}
              </Badge>
            ) : null}
            {r.note ? (
              <span className="text-xs text-slate-600 dark:text-slate-400">({r.note})</span>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Why a panel is empty: not asked for (one click asks), not sent, or not readable. */
function WhyEmpty({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-700 dark:text-slate-300">{children}</p>;
}

function Panel(props: {
  title: string;
  what: string;
  requested: boolean;
  requestHref: string;
  result: Unread | { kind: 'readings' };
  children: ReactNode;
}) {
  let body: ReactNode;
  if (!props.requested) {
    body = (
      <WhyEmpty>
        Not requested.{' '}
        <AppLink
          href={props.requestHref}
          className="font-medium text-brand-700 underline dark:text-brand-500"
        >
          Request {props.what}
        </AppLink>
      </WhyEmpty>
    );
  } else if (props.result.kind === 'missing') {
    body = (
      <WhyEmpty>Requested, but the API returned no {props.what} for this participant.</WhyEmpty>
    );
  } else if (props.result.kind === 'invalid') {
    body = (
      <WhyEmpty>
        The {props.what} could not be read:{' '}
        <InvalidValue raw={props.result.raw} reason={props.result.reason} />
      </WhyEmpty>
    );
  } else {
    body = props.children;
  }
  return <Card title={props.title}>{body}</Card>;
}

/** The device and the pre-call network test, each graded against the thresholds in one module. */
export function DiagnosticsPanels({
  participant,
  receivedAt,
  requested,
  requestHref,
}: DiagnosticsPanelsProps) {
  const device = readDevice(participant);
  const location = readLocation(participant);
  const precall = readPrecall(participant);
  const mask = useContext(MaskContext);
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <Panel
        title="Device & client"
        what="device information"
        requested={requested.includes('device_info')}
        requestHref={requestHref('device_info')}
        result={device}
      >
        {device.kind === 'readings' ? (
          <>
            <Readings readings={device.readings} />
            {device.userAgent ? (
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer">Show the user agent</summary>
                <code className="mt-1 block break-all text-xs">
                  {mask.active ? 'hidden (personal data)' : device.userAgent}
                </code>
              </details>
            ) : null}
          </>
        ) : null}
      </Panel>
      <Panel
        title="Network & location"
        what="IP information"
        requested={requested.includes('ip_information')}
        requestHref={requestHref('ip_information')}
        result={location}
      >
        {location.kind === 'readings' ? (
          <>
            <Readings
              readings={location.readings.map((r) =>
                // Every value here locates the participant: all of it is hidden on request.
                mask.active ? { ...r, value: 'hidden (personal data)' } : r,
              )}
            />
            {location.timezone && !mask.active ? (
              <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
                Their time when this was fetched:{' '}
                {timeIn(location.timezone, receivedAt) ?? 'unknown time zone'}; yours:{' '}
                {new Intl.DateTimeFormat('en', {
                  hour: '2-digit',
                  minute: '2-digit',
                  timeZoneName: 'short',
                }).format(receivedAt)}
                .
              </p>
            ) : null}
          </>
        ) : null}
      </Panel>
      <Panel
        title="Pre-call network test"
        what="pre-call network test"
        requested={requested.includes('precall_network_information')}
        requestHref={requestHref('precall_network_information')}
        result={precall}
      >
        {precall.kind === 'readings' ? (
          <>
            {precall.relayOnly ? (
              <p role="note" className="mb-2 text-sm text-amber-800 dark:text-amber-300">
                ⚠ Relay only: no direct path was reachable, so every packet goes through a TURN
                relay (added latency; often a restrictive firewall or VPN on the participant's
                side).
              </p>
            ) : null}
            <Readings readings={precall.readings} />
          </>
        ) : null}
      </Panel>
    </div>
  );
}
