import { useContext } from 'react';
import { isInvalid, valid } from '../../api/lenient';
import type { ReportMetadata } from '../../api/peer-report-schema';
import { ClockContext } from '../../components/ui/clock';
import { InvalidValue } from '../../components/ui/invalid-value';

export type PcMetadataListProps = { list: ReportMetadata['pc_metadata'] };

const yesNo = (value: boolean | undefined) =>
  value === undefined ? 'not sent' : value ? 'yes' : 'no';

/** What each peer connection found when it started: network type and which paths worked. */
export function PcMetadataList({ list }: PcMetadataListProps) {
  const clock = useContext(ClockContext);
  if (list === undefined) return null;
  if (isInvalid(list)) return <InvalidValue raw={list.raw} reason={list.reason} />;
  return (
    <ul
      className="mt-2 text-xs text-slate-700 dark:text-slate-200"
      aria-label="Peer connection metadata"
    >
      {list.map((item, i) => {
        if (isInvalid(item)) {
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: items have no id; the order is the API's
            <li key={i}>
              <InvalidValue raw={item.raw} reason={item.reason} />
            </li>
          );
        }
        const at = valid(item.timestamp);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: items have no id; the order is the API's
          <li key={i}>
            Peer connection{at ? ` at ${clock.format(at.ms)}` : ''}: network{' '}
            {valid(item.effective_network_type) ?? 'not sent'}; direct (reflexive){' '}
            {yesNo(valid(item.reflexive_connectivity))}, relay{' '}
            {yesNo(valid(item.relay_connectivity))}, TURN {yesNo(valid(item.turn_connectivity))}
          </li>
        );
      })}
    </ul>
  );
}
