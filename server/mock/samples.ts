import type { AppConfig } from '../../src/api/app-config-schema';
import { SCENARIOS } from './scenarios';
import { SESSION_SAMPLES } from './sessions';

/** The demo's participants and sessions, as /api/config offers them to the lookup form. */
export function demoSamples(): NonNullable<AppConfig['samples']> {
  return SCENARIOS.map((s) => ({
    label: s.label,
    session_id: s.sessionId,
    participant_id: s.participantId,
    group: s.kind === 'fault' ? ('errors' as const) : ('participants' as const),
  })).concat(SESSION_SAMPLES.map((s) => ({ ...s, group: 'participants' as const })));
}
