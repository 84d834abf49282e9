import type { Filter } from '../../api/participant-schema';
import { AppLink } from '../../components/ui/app-link';
import type { FiltersGap, ReportGap } from './lib/auto-reports';

const linkClass = 'font-medium text-brand-700 underline dark:text-brand-500';

function reportWords(gap: ReportGap, loaded: number): string {
  switch (gap) {
    case 'no_peers':
      return 'the peer events name no connection whose peer report could be asked for';
    case 'loading':
      return 'the peer reports are still loading';
    case 'not_in_reports':
      return `none of the ${loaded} loaded peer report${loaded === 1 ? '' : 's'} holds it`;
    case 'failed':
      return 'the peer reports could not be loaded (see Peer quality reports)';
    case 'not_loaded':
      return 'no peer report is loaded yet (load one under Peer quality reports)';
  }
}

export type FiltersWordsProps = {
  filter: Filter;
  gap: FiltersGap;
  what: string;
  requestHref: string;
};

/** What the older `filters` answer gave: refused, not asked for (one click asks), or nothing. */
function FiltersWords({ filter, gap, what, requestHref }: FiltersWordsProps) {
  if (gap === 'refused') return <>RealtimeKit refused filters={filter}.</>;
  if (gap === 'absent') {
    return (
      <>
        filters={filter} was requested, but the API returned no {what} for this participant.
      </>
    );
  }
  return (
    <>
      Not requested with filters={filter} (older deployments send it).{' '}
      <AppLink href={requestHref} className={linkClass}>
        Request {what}
      </AppLink>
    </>
  );
}

export type MissingFromBothProps = FiltersWordsProps & { report: ReportGap; loaded: number };

/** A panel with a peer-report source and nothing from either source: what is missing, and why. */
export function MissingFromBoth({ report, loaded, ...filters }: MissingFromBothProps) {
  return (
    <p>
      No {filters.what} yet: {reportWords(report, loaded)}. <FiltersWords {...filters} />
    </p>
  );
}

const PRECALL_SOURCE =
  'only older deployments send the pre-call test (filters=precall_network_information); the peer reports hold none';

/** The pre-call test has no peer-report source: only the `filters` answer can hold it. */
export function MissingPrecall({ gap, what, requestHref }: FiltersWordsProps) {
  if (gap === 'refused') return <p>RealtimeKit refused the filters, and {PRECALL_SOURCE}.</p>;
  if (gap === 'absent') {
    return (
      <p>
        Requested, but the API returned no {what} for this participant: {PRECALL_SOURCE}.
      </p>
    );
  }
  return (
    <p>
      Not requested: {PRECALL_SOURCE}.{' '}
      <AppLink href={requestHref} className={linkClass}>
        Request {what}
      </AppLink>
    </p>
  );
}
