import { Card } from '../../components/ui/card';
import { SessionFacts } from './session-facts';
import { SessionNeighbours, type SessionNeighboursProps } from './session-neighbours';

export type SessionCardProps = SessionNeighboursProps & {
  /** The session's participant list (the lookup form, opened on this session). */
  listHref: string;
};

/**
 * The session around a participant: its details and the participants before and after. Each
 * part loads on its own, and neither failing ever hides the participant.
 */
export function SessionCard(props: SessionCardProps) {
  return (
    <Card title="Session" label="Session">
      <SessionFacts sessionId={props.sessionId} listHref={props.listHref} />
      <SessionNeighbours {...props} />
    </Card>
  );
}
