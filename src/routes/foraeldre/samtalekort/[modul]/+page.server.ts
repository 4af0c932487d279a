import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { findModule } from '$lib/server/content/library';

/** One youth module's conversation card on a page of its own, to print alone. */
export const load: PageServerLoad = ({ params }) => {
	const module = findModule(getLocale(), 'unge', params.modul);
	if (!module?.cards) error(404, 'Not found');
	return { card: { slug: module.slug, title: module.title, cards: module.cards } };
};
