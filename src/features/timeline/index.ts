/** What other features use of the timeline: they import from here only (README, Layout). */
export { type TimelineFacts, timelineFacts } from './lib/facts';
export { type TimelineRow, timelineRows } from './lib/timeline-rows';
