import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { requireRole } from '$lib/server/auth/guards';
import { content } from '$lib/server/content/library';
import { materialsCatalogue } from '$lib/server/materials/catalogue';
import { themeDaysOf } from '$lib/server/themedays/theme-days';
import { themeDaySummary } from '$lib/server/themedays/view';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'professional', 'admin');
	return {
		...materialsCatalogue(content(getLocale())),
		// Posters: each of the professional's theme days prints its own.
		themeDays: themeDaysOf(user.id).map(themeDaySummary)
	};
};
