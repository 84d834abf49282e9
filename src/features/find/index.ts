/**
 * What app/ uses of the finding pages. Each page is a chunk of its own (lazy): the idle page's
 * search form and the pages come only when they are needed.
 */
export const loadFindPage = () => import('./find-page');
export const loadSessionsPage = () => import('./sessions-page');
export const loadLivePage = () => import('./live-page');
export const loadPersonSearchForm = () =>
  import('./person-search-form').then((m) => ({ default: m.PersonSearchForm }));
