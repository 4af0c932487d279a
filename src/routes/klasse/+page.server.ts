import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { field, rawField } from '$lib/server/http/form';
import { createUser, usernameProblem } from '$lib/server/auth/user';
import { passwordProblem } from '$lib/server/auth/password';
import { signupsByAddress } from '$lib/server/auth/rate-limit';
import { startSession } from '$lib/server/auth/cookies';
import { checkClassCode, joinAsUser } from '$lib/server/classes/join-page';
import type { FieldErrors } from '$lib/i18n';

export const load: PageServerLoad = ({ url, locals }) => ({
	code: url.searchParams.get('kode') ?? '',
	joined: url.searchParams.get('klasse'),
	signedIn: locals.user !== null
});

export const actions: Actions = {
	default: async ({ request, locals, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const typed = field(form, 'code');
		const username = field(form, 'username');
		const values = { code: typed, username };
		const address = getClientAddress();

		const check = checkClassCode(typed, address, locals.user?.id ?? null);
		if (!check.ok)
			return fail(check.status, { values, errors: { code: check.error } as FieldErrors });

		let user = locals.user;
		if (!user) {
			const password = rawField(form, 'password');
			const errors: FieldErrors = {};
			const nameProblem = usernameProblem(username);
			if (nameProblem) errors.username = `error_${nameProblem}`;
			const pwProblem = passwordProblem(password, username);
			if (pwProblem) errors.password = `error_${pwProblem}`;
			if (Object.keys(errors).length) return fail(400, { values, errors });
			const wait = signupsByAddress.retryAfter(address);
			if (wait > 0)
				return fail(429, {
					values,
					errors: {
						username: { key: 'error_too_many_signups', params: { minutes: Math.ceil(wait / 60) } }
					} as FieldErrors
				});
			const created = await createUser({ username, password, role: 'youth' });
			if (!created.ok)
				return fail(400, { values, errors: { username: 'error_username_taken' } as FieldErrors });
			signupsByAddress.hit(address);
			startSession(cookies, url, created.user.id);
			user = created.user;
		}
		const joined = joinAsUser(user, check.code);
		if (!joined.ok) return fail(400, { values, errors: { code: joined.error } as FieldErrors });
		redirect(303, `/mig?klasse=${encodeURIComponent(joined.className)}`);
	}
};
