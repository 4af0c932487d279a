import type { PageServerLoad } from './$types';
import { isMunicipality, MUNICIPALITIES } from '$lib/municipalities';
import { publishedThemeDays } from '$lib/server/themedays/theme-days';
import { themeDaySummary } from '$lib/server/themedays/view';

export const load: PageServerLoad = ({ url }) => {
	const asked = url.searchParams.get('kommune')?.trim() ?? '';
	const municipality = isMunicipality(asked) ? asked : null;
	const { upcoming, past } = publishedThemeDays({ municipality });
	return {
		municipality,
		unknownMunicipality: asked !== '' && !municipality,
		municipalities: MUNICIPALITIES,
		upcoming: upcoming.map(themeDaySummary),
		past: past.map(themeDaySummary)
	};
};
