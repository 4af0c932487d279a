import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { content } from '$lib/server/content/library';
import { field } from '$lib/server/http/form';
import { chosenLocalHelp, rememberLocalHelp } from '$lib/server/help/municipality-choice';

export const load: PageServerLoad = ({ url, cookies }) => {
	const library = content(getLocale());
	if (!library.help) error(404, 'Not found');
	return {
		help: library.help,
		municipalities: library.localHelp.map((l) => ({ slug: l.slug, name: l.name })),
		local: chosenLocalHelp(library.localHelp, url, cookies)
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
