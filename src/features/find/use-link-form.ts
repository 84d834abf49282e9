import { type FormEvent, useState } from 'react';
import { navigate } from '../../lib/route';
import { useFindClock } from './use-find-clock';

/** What a finding form's fields say: the link to open, or why it cannot be opened. */
export type FormOutcome = { readonly href: string } | { readonly problem: string };

/**
 * A finding form: its fields are read on submit (uncontrolled; the link owns the state) into a
 * link to open, or a problem shown beside the fields until the next submit. `utc` says how the
 * custom range's date-time fields are read (the page's clock).
 */
export function useLinkForm(read: (data: FormData, utc: boolean) => FormOutcome) {
  const clock = useFindClock();
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const outcome = read(new FormData(event.currentTarget), clock.zone === 'utc');
    if ('problem' in outcome) {
      setError(outcome.problem);
      return;
    }
    setError(null);
    navigate(outcome.href);
  };
  return { clock, error, onSubmit };
}
