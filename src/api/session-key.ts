/**
 * The session-details query's key, apart from its fetcher and schema: the participant page
 * watches whether the session has ENDED without loading the session code up front.
 */
export const sessionQueryKey = (sessionId: string) => ['session', sessionId] as const;

/** True when the session's details (as cached by the session query) say it has ended. */
export function sessionEnded(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || !('session' in data)) return false;
  const session: unknown = data.session;
  return (
    typeof session === 'object' &&
    session !== null &&
    'status' in session &&
    session.status === 'ENDED'
  );
}
