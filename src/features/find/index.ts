/**
 * What app/ uses of the finding pages: the idle page's search form comes as its loader, so it
 * stays out of the first load; app/ composes the pages (`/find`, `/sessions`, `/live`) in a
 * chunk of their own.
 */
export { default as FindPage } from './find-page';
export { default as LivePage } from './live-page';
export { default as SessionsPage } from './sessions-page';
export const loadPersonSearchForm = () =>
  import('./person-search-form').then((m) => ({ default: m.PersonSearchForm }));
