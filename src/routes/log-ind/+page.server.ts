import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { field, rawField } from '$lib/server/http/form';
import { signIn } from '$lib/server/auth/login';
import { startSession } from '$lib/server/auth/cookies';
import { safeNextPath } from '$lib/server/auth/guards';
import { welcomeDue } from '$lib/server/professionals/applications';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNextPath(url.searchParams.get('naeste')));
	return {
		signedOut: url.searchParams.has('logget-ud'),
		passwordChanged: url.searchParams.has('ny-adgangskode')
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const username = field(form, 'username');
		const password = rawField(form, 'password');
		const values = { username };
		if (!username || !password)
			return fail(400, { values, errors: { username: 'error_fields_missing' } });

		const result = await signIn(username, password, getClientAddress());
		if (!result.ok && result.error === 'rate_limited') {
			const minutes = Math.ceil(result.retryAfterSeconds / 60);
			return fail(429, {
				values,
				errors: { username: { key: 'error_rate_limited', params: { minutes } } }
			});
		}
		if (!result.ok) return fail(400, { values, errors: { password: 'error_wrong_credentials' } });
		startSession(cookies, url, result.user.id);
		// A professional approved since the last visit is welcomed on /fagperson first; an approved
		// coordinator's work is the report.
		const home =
			result.user.role === 'coordinator' && !result.user.pending
				? '/koordinator'
				: welcomeDue(result.user.id)
					? '/fagperson'
					: '/mig';
		redirect(303, safeNextPath(url.searchParams.get('naeste'), home));
	}
};
