/** What other features use of the lookup: they import from here only (README, Layout). */
export { everythingHref } from './remembered-request';
