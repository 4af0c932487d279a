import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { content } from '$lib/server/content/library';
import { nextThemeDays } from '$lib/server/themedays/theme-days';
import { themeDaySummary } from '$lib/server/themedays/view';

export const load: PageServerLoad = ({ url }) => {
	const tracks = content(getLocale()).tracks;
	return {
		youthCount: tracks.unge.modules.length,
		parentCount: tracks.foraeldre.modules.length,
		accountDeleted: url.searchParams.has('konto-slettet'),
		themeDays: nextThemeDays(3).map(themeDaySummary)
	};
};
