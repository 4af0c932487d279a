import type { PageServerLoad } from './$types';
import { loadContentPage } from '$lib/server/content/page-load';
import { installation } from '$lib/server/installation/settings';

export const load: PageServerLoad = () => ({
	...loadContentPage('privatliv'),
	installation: installation()
});
