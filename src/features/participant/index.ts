/** What other features use of the participant: they import from here only (README, Layout). */
export { type Shown, type Summary, summarize } from './lib/summary';
