import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { content } from '$lib/server/content/library';

export const load: PageServerLoad = ({ url }) => {
	const tracks = content(getLocale()).tracks;
	return {
		youthCount: tracks.unge.modules.length,
		parentCount: tracks.foraeldre.modules.length,
		accountDeleted: url.searchParams.has('konto-slettet')
	};
};
