import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { pageHtml } from '$lib/server-html';
import { requireRole } from '$lib/server/auth/guards';
import { content } from '$lib/server/content/library';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'professional', 'admin');
	const library = content(getLocale());
	const material = library.materials.get(event.params.slug);
	if (!material) error(404, 'Not found');
	return {
		material: {
			slug: material.slug,
			title: material.title,
			summary: material.summary,
			instructionsHtml: pageHtml(material.instructionsHtml, event.isDataRequest),
			cards: material.cards
		},
		module: { slug: material.module, title: library.modules.get(material.module)?.title ?? '' }
	};
};
