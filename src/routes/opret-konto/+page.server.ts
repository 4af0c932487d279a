import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { field, rawField } from '$lib/server/http/form';
import { SIGNUP_ROLES, createUser, usernameProblem, type SignupRole } from '$lib/server/auth/user';
import { passwordProblem } from '$lib/server/auth/password';
import { signupsByAddress } from '$lib/server/auth/rate-limit';
import { startSession } from '$lib/server/auth/cookies';
import { safeNextPath } from '$lib/server/auth/guards';
import {
	readVisitResults,
	clearVisitResults,
	importVisitResults
} from '$lib/server/learning/visit-results';
import type { FieldErrors } from '$lib/i18n';

export const load: PageServerLoad = ({ locals, cookies, url }) => {
	if (locals.user) redirect(303, '/mig');
	const role = url.searchParams.get('rolle');
	return {
		visitResults: readVisitResults(cookies).length,
		role: SIGNUP_ROLES.includes(role as SignupRole) ? role : ''
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const username = field(form, 'username');
		const password = rawField(form, 'password');
		const role = field(form, 'role');
		const keepVisit = form.get('keepVisit') === 'on';
		const values = { username, role, keepVisit };

		const errors: FieldErrors = {};
		const nameProblem = usernameProblem(username);
		if (nameProblem) errors.username = `error_${nameProblem}`;
		const pwProblem = passwordProblem(password, username);
		if (pwProblem) errors.password = `error_${pwProblem}`;
		if (!SIGNUP_ROLES.includes(role as SignupRole)) errors.role = 'error_role_missing';
		if (Object.keys(errors).length) return fail(400, { values, errors });

		const address = getClientAddress();
		const wait = signupsByAddress.retryAfter(address);
		if (wait > 0) {
			return fail(429, {
				values,
				errors: {
					username: { key: 'error_too_many_signups', params: { minutes: Math.ceil(wait / 60) } }
				}
			});
		}
		const created = await createUser({ username, password, role: role as SignupRole });
		if (!created.ok) return fail(400, { values, errors: { username: 'error_username_taken' } });
		signupsByAddress.hit(address);

		if (keepVisit) importVisitResults(created.user.id, readVisitResults(cookies));
		clearVisitResults(cookies, url);
		startSession(cookies, url, created.user.id);
		redirect(303, safeNextPath(url.searchParams.get('naeste')));
	}
};
