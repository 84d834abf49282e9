import { explainApiError } from '../../api/explain-error';
import { ApiProblem } from '../../components/ui/api-problem';

export type ParticipantErrorProps = {
  error: Error;
  onRetry: () => void;
  /** True while a retry is on its way. */
  retrying: boolean;
};

/** Every way a lookup can fail, each explained in words an agent can act on. */
export function ParticipantError({ error, onRetry, retrying }: ParticipantErrorProps) {
  return (
    <ApiProblem
      problem={explainApiError(error, 'participant')}
      onRetry={onRetry}
      retrying={retrying}
    />
  );
}
