/** What other features use of the recent lists: they import from here only (README, Layout). */
export { rememberSearch } from './use-recent';
