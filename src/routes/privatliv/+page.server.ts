import type { PageServerLoad } from './$types';
import { loadContentPage } from '$lib/server/content/page-load';

export const load: PageServerLoad = () => loadContentPage('privatliv');
