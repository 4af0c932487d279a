import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { requireRole } from '$lib/server/auth/guards';
import { content } from '$lib/server/content/library';
import { loadContentPage } from '$lib/server/content/page-load';
import { disclosureHelp } from '$lib/server/materials/disclosure';
import { applicationOf } from '$lib/server/professionals/applications';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'professional', 'admin');
	const library = content(getLocale());
	const help = disclosureHelp(
		library.localHelp,
		event.url.searchParams.get('kommune'),
		applicationOf(user.id)?.municipality || null
	);
	return {
		...loadContentPage('underretning'),
		municipalities: library.localHelp.map((l) => ({ slug: l.slug, name: l.name })),
		...help,
		emergency: library.help?.emergency ?? []
	};
};
