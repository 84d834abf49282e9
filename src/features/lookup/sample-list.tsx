import { useQuery } from '@tanstack/react-query';
import type { Sample } from '../../api/app-config-schema';
import { appConfigQueryOptions } from '../../api/config-query';
import { AppLink } from '../../components/ui/app-link';
import { useRoute } from '../../lib/route';
import type { ViewParams } from '../../lib/view-params';
import { everythingHref } from './remembered-request';

type SampleGroupProps = { title: string; samples: readonly Sample[]; view: ViewParams };

function SampleGroup({ title, samples, view }: SampleGroupProps) {
  if (samples.length === 0) return null;
  return (
    <div>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">
        {title}
      </h3>
      <ul className="mt-2 grid gap-1 sm:grid-cols-2">
        {samples.map((sample) => (
          <li key={`${sample.session_id}/${sample.participant_id}`}>
            <AppLink
              className="block rounded-md px-2 py-1.5 text-sm text-brand-700 underline-offset-2 hover:bg-brand-50 hover:underline dark:text-brand-500 dark:hover:bg-slate-800"
              href={everythingHref(sample.session_id, sample.participant_id, view)}
            >
              {sample.label}
            </AppLink>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The demo participants, offered on the idle page so a fresh clone shows something at once. */
export function SampleList() {
  const { data } = useQuery(appConfigQueryOptions());
  const { view } = useRoute();
  const samples = data?.samples ?? [];
  if (samples.length === 0) return null;
  return (
    <section
      aria-labelledby="samples-heading"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="samples-heading" className="text-base font-semibold">
        Demo participants
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        The server runs without an API token, so it answers from its embedded mock. Open one of
        these:
      </p>
      <div className="mt-4 grid gap-4">
        <SampleGroup
          title="Participants"
          samples={samples.filter((s) => s.group !== 'errors')}
          view={view}
        />
        <SampleGroup
          title="Error cases"
          samples={samples.filter((s) => s.group === 'errors')}
          view={view}
        />
      </div>
    </section>
  );
}
