import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { field, rawField } from '$lib/server/http/form';
import { SIGNUP_ROLES, type SignupRole } from '$lib/server/auth/user';
import { signUp } from '$lib/server/account/signup';
import type { FieldErrors } from '$lib/i18n';
import { safeNextPath } from '$lib/server/auth/guards';
import { readVisitResults } from '$lib/server/learning/visit-results';
import { MUNICIPALITIES } from '$lib/municipalities';

export const load: PageServerLoad = ({ locals, cookies, url }) => {
	if (locals.user) redirect(303, '/mig');
	const role = url.searchParams.get('rolle');
	return {
		visitResults: readVisitResults(cookies).length,
		role: SIGNUP_ROLES.includes(role as SignupRole) ? role : '',
		municipalities: MUNICIPALITIES
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const form = await request.formData();
		const username = field(form, 'username');
		const role = field(form, 'role');
		const keepVisit = form.get('keepVisit') === 'on';
		const application = {
			workplace: field(form, 'workplace'),
			municipality: field(form, 'municipality')
		};
		const values = { username, role, keepVisit, ...application };
		// One account at a time (a form left open in another tab): sign out first.
		if (locals.user)
			return fail(409, {
				values,
				errors: { username: 'error_signed_in_already' } satisfies FieldErrors
			});

		const result = await signUp({
			username,
			password: rawField(form, 'password'),
			role,
			address: getClientAddress(),
			cookies,
			url,
			application,
			keepVisitResults: keepVisit
		});
		if (!result.ok) return fail(result.status, { values, errors: result.errors });
		redirect(303, safeNextPath(url.searchParams.get('naeste')));
	}
};
