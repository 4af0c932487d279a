import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { content } from '$lib/server/content/library';
import { field } from '$lib/server/http/form';
import {
	chosenLocalHelp,
	defaultLocalHelp,
	rememberLocalHelp
} from '$lib/server/help/municipality-choice';
import { installation } from '$lib/server/installation/settings';

export const load: PageServerLoad = ({ url, cookies }) => {
	const library = content(getLocale());
	if (!library.help) error(404, 'Not found');
	const chosen = chosenLocalHelp(library.localHelp, url, cookies);
	return {
		help: library.help,
		municipalities: library.localHelp.map((l) => ({ slug: l.slug, name: l.name })),
		local: chosen ?? defaultLocalHelp(library.localHelp, installation().municipalities),
		/** Only a visitor's own choice can be forgotten; the installation's default stays. */
		localChosen: chosen !== null
	};
};

export const actions: Actions = {
	kommune: async ({ request, cookies, url }) => {
		const slug = field(await request.formData(), 'kommune');
		if (!rememberLocalHelp(content(getLocale()).localHelp, slug, cookies, url))
			return fail(400, { municipality: slug, error: 'error_municipality_unknown' as const });
		redirect(303, '/hjaelp#kommune');
	}
};
