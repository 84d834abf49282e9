import { type ApiSubject, explainApiError } from '../../api/explain-error';
import { ApiProblem } from '../../components/ui/api-problem';

export type SessionProblemProps = {
  error: Error;
  /** What failed to load: the session's details, its participant list, the neighbours. */
  subject: Extract<ApiSubject, 'session_details' | 'session_participants' | 'neighbours'>;
  onRetry: () => void;
  retrying: boolean;
};

/** Why a session section is empty, in a line or two, with a retry that respects Retry-After. */
export function SessionProblem({ error, subject, onRetry, retrying }: SessionProblemProps) {
  return (
    <ApiProblem
      problem={explainApiError(error, subject)}
      onRetry={onRetry}
      retrying={retrying}
      size="compact"
      tone="warning"
    />
  );
}
