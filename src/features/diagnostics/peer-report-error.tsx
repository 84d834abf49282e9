import { explainApiError } from '../../api/explain-error';
import { ApiProblem } from '../../components/ui/api-problem';

export type PeerReportErrorProps = {
  error: Error;
  onRetry: () => void;
  /** True while a retry is on its way. */
  retrying: boolean;
};

/** One peer's report failed: said in words an agent can act on, the rest of the page stays. */
export function PeerReportError({ error, onRetry, retrying }: PeerReportErrorProps) {
  return (
    <div className="mt-2">
      <ApiProblem
        problem={explainApiError(error, 'peer_report')}
        onRetry={onRetry}
        retrying={retrying}
        size="compact"
      />
    </div>
  );
}
