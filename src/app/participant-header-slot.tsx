import type { Participant } from '../api/participant-schema';
import type { VerdictStore } from '../features/diagnostics/verdict';
import { useVerdictFacts, VerdictChip } from '../features/diagnostics/verdict-facts';
import { ParticipantHeader } from '../features/participant/participant-header';

export type ParticipantHeaderSlotProps = {
  participant: Participant;
  receivedAt: number;
  reconnects: number;
  verdictStore: VerdictStore;
};

/** The participant's header, with what the Verdict found out (label, client, network). */
export function ParticipantHeaderSlot({
  participant,
  receivedAt,
  reconnects,
  verdictStore,
}: ParticipantHeaderSlotProps) {
  const facts = useVerdictFacts(verdictStore);
  return (
    <ParticipantHeader
      participant={participant}
      receivedAt={receivedAt}
      reconnects={reconnects}
      client={facts.client}
      network={facts.place}
      verdict={<VerdictChip label={facts.label} />}
      pending={facts.label === null}
    />
  );
}
