import { useContext, useMemo } from 'react';
import type { Filter, Participant } from '../../api/participant-schema';
import { MaskContext } from '../../components/ui/mask';
import type { PeerTotal } from '../../lib/peer-spans';
import { filtersGap, fromSources, reportGap } from './lib/auto-reports';
import { readDevice, readReportDevice } from './lib/device';
import { readLocation, timeIn } from './lib/location';
import { readReportNetwork } from './lib/network';
import { readPrecall } from './lib/precall';
import { ReadingPanel, Readings } from './reading-panel';
import { usePeerReportsInCache } from './use-auto-peer-reports';
import { MissingFromBoth, MissingPrecall } from './why-empty';

export type DiagnosticsPanelsProps = {
  participant: Participant;
  /** "Now" for the participant's local time: when the answer arrived. */
  receivedAt: number;
  /** The filters the page asked for. */
  requested: readonly Filter[];
  /** The same page with one more filter requested. */
  requestHref: (filter: Filter) => string;
  /** The participant's peers: the device and network also come from their reports. */
  totals: readonly PeerTotal[];
  /** RealtimeKit refused the filters with a 400: the answer was asked for without them. */
  filtersRefused?: boolean | undefined;
};

const HIDDEN = 'hidden (personal data)';

/**
 * The device, the network and the pre-call test, each read from whichever answer has it (the
 * older `filters` sections, or the latest loaded peer report) and saying which.
 */
export function DiagnosticsPanels({
  participant,
  receivedAt,
  requested,
  requestHref,
  totals,
  filtersRefused = false,
}: DiagnosticsPanelsProps) {
  const reports = usePeerReportsInCache(totals);
  const device = useMemo(
    () => fromSources(readDevice(participant), 'device_info', reports.loaded, readReportDevice),
    [participant, reports.loaded],
  );
  const location = useMemo(
    () =>
      fromSources(readLocation(participant), 'ip_information', reports.loaded, readReportNetwork),
    [participant, reports.loaded],
  );
  const precall = readPrecall(participant);
  const mask = useContext(MaskContext);
  const missing = (filter: Filter, what: string) => ({
    filter,
    what,
    gap: filtersGap(filter, requested, filtersRefused),
    requestHref: requestHref(filter),
    report: reportGap(reports),
    loaded: reports.loaded.length,
  });
  const deviceWords = missing('device_info', 'device information');
  const networkWords = missing('ip_information', 'IP information');
  return (
    <>
      {filtersRefused ? (
        <p role="note" className="text-sm text-amber-900 dark:text-amber-200">
          RealtimeKit refused filters={requested.join(',')}; diagnostics come from the peer reports.
        </p>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <ReadingPanel
          title="Device & client"
          what={deviceWords.what}
          result={device}
          empty={<MissingFromBoth {...deviceWords} />}
        >
          {device.kind === 'readings' ? (
            <>
              <Readings readings={device.readings} />
              {device.userAgent ? (
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer">Show the user agent</summary>
                  <code className="mt-1 block break-all text-xs">
                    {mask.active ? HIDDEN : device.userAgent}
                  </code>
                </details>
              ) : null}
            </>
          ) : null}
        </ReadingPanel>
        <ReadingPanel
          title="Network & location"
          what={networkWords.what}
          result={location}
          empty={<MissingFromBoth {...networkWords} />}
        >
          {location.kind === 'readings' ? (
            <>
              <Readings
                readings={location.readings.map((r) =>
                  // Every value here locates the participant: all of it is hidden on request.
                  mask.active ? { ...r, value: HIDDEN } : r,
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
        </ReadingPanel>
        <ReadingPanel
          title="Pre-call network test"
          what="pre-call network test"
          result={
            precall.kind === 'readings'
              ? {
                  kind: 'readings',
                  source: { kind: 'filters', filter: 'precall_network_information' },
                }
              : precall
          }
          empty={
            <MissingPrecall {...missing('precall_network_information', 'pre-call network test')} />
          }
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
        </ReadingPanel>
      </div>
    </>
  );
}
