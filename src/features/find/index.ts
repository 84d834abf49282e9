/**
 * What app/ uses of the finding pages. app/ loads them (and the idle page, which shows the
 * person search first) in chunks of their own: a deep link to a participant never needs them.
 */
export { default as FindPage } from './find-page';
export { default as LivePage } from './live-page';
export { PersonSearchForm } from './person-search-form';
export { default as SessionsPage } from './sessions-page';
