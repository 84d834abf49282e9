import type { FindParams } from '../../lib/route/find-schema';
import { PersonResults } from './person-results';
import { PersonSearchForm } from './person-search-form';
import { RouteNotes } from './route-notes';

export type FindPageProps = {
  params: FindParams | null;
  draft: FindParams;
  problems: readonly string[];
};

/** `/find`: the search as the link says it, then what it found (keyed by the link: a new search starts afresh). */
export default function FindPage({ params, draft, problems }: FindPageProps) {
  return (
    <>
      <PersonSearchForm initial={draft} autoFocus={params === null} />
      <RouteNotes problems={problems} />
      {params ? <PersonResults params={params} /> : null}
    </>
  );
}
