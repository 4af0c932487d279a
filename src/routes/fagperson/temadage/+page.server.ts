import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { effectiveRole } from '$lib/server/auth/user';
import { themeDaysOf } from '$lib/server/themedays/theme-days';
import { themeDaySummary } from '$lib/server/themedays/view';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const role = effectiveRole(user);
	if (role !== 'professional' && role !== 'admin') {
		if (user.pending && user.role === 'professional') return { pending: true, themeDays: [] };
		error(404, 'Not found');
	}
	return { pending: false, themeDays: themeDaysOf(user.id).map(themeDaySummary) };
};
