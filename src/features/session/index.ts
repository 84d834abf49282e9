/** What other features use of the session: they import from here only (README, Layout). */
import { lazy } from 'react';

// The picker is needed only once a session id is typed: it stays out of the first load.
export const ParticipantPicker = lazy(() =>
  import('./participant-picker').then((m) => ({ default: m.ParticipantPicker })),
);
