/*
 * One step of a module's lesson (`/unge/grooming/trin/2`) or the whole lesson on one page
 * (`/trin/alle`): the module page itself, at that step. A path of its own per step keeps each
 * step a page without JavaScript that the shared page cache can store under its own address.
 * The page's forms post to the module's own address, so this route has no actions.
 */
export { load } from '../../+page.server';
