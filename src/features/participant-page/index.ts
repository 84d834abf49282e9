/** The participant page's model and policies, which app/ composes into the page (README, Layout). */
export { type ParticipantModel, participantModel, spanEnd } from './lib/participant-model';
export { useFreshEvents } from './use-fresh-events';
export { type LiveRefresh, useParticipantQuery } from './use-participant-query';
