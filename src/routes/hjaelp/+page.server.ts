import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { content } from '$lib/server/content/library';

export const load: PageServerLoad = () => {
	const help = content(getLocale()).help;
	if (!help) error(404, 'Not found');
	return { help };
};
