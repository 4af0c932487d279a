import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { requireRole, requireUser } from '$lib/server/auth/guards';
import { effectiveRole } from '$lib/server/auth/user';
import { content } from '$lib/server/content/library';
import { MUNICIPALITIES } from '$lib/municipalities';
import { readThemeDayForm } from '$lib/server/themedays/theme-day-form';
import { createThemeDay, themeDaysCreatedToday } from '$lib/server/themedays/theme-days';
import { QUOTAS } from '$lib/server/security/quotas';
import type { FieldErrors } from '$lib/i18n';
import { trackModules } from '$lib/server/themedays/view';
import { moduleChoices } from '$lib/server/themedays/module-choices';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const role = effectiveRole(user);
	if (role !== 'professional' && role !== 'admin') {
		if (user.pending && user.role === 'professional') return { pending: true as const };
		error(404, 'Not found');
	}
	return {
		pending: false as const,
		modules: moduleChoices(content(getLocale())),
		municipalities: MUNICIPALITIES
	};
};

export const actions: Actions = {
	opret: async (event) => {
		const user = requireRole(event, 'professional', 'admin');
		const { values, errors, input } = readThemeDayForm(
			await event.request.formData(),
			trackModules(content('da'))
		);
		if (!input) return fail(400, { values, errors });
		if (themeDaysCreatedToday(user.id) >= QUOTAS.themeDaysPerDay)
			return fail(429, {
				values,
				errors: {
					title: { key: 'error_quota_theme_days', params: { max: QUOTAS.themeDaysPerDay } }
				} satisfies FieldErrors
			});
		const day = createThemeDay(user.id, input);
		redirect(303, `/fagperson/temadage/${day.id}?oprettet`);
	}
};
