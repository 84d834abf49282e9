/** What other features use of the lookup: they import from here only (README, Layout). */
export { EVERYTHING } from './remembered-request';
