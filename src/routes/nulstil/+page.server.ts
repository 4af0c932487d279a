import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { field, rawField } from '$lib/server/http/form';
import { passwordProblem } from '$lib/server/auth/password';
import { failedLoginsByAddress } from '$lib/server/auth/rate-limit';
import { normaliseCode } from '$lib/server/security/codes';
import { resetPasswordWithCode } from '$lib/server/classes/password-reset';
import type { FieldErrors } from '$lib/i18n';

export const actions: Actions = {
	default: async ({ request, getClientAddress }) => {
		const form = await request.formData();
		const username = field(form, 'username');
		const code = normaliseCode(field(form, 'code'));
		const password = rawField(form, 'password');
		const values = { username, code: field(form, 'code') };
		const address = getClientAddress();
		const wait = failedLoginsByAddress.retryAfter(address);
		if (wait > 0)
			return fail(429, {
				values,
				errors: {
					code: { key: 'error_rate_limited', params: { minutes: Math.ceil(wait / 60) } }
				} satisfies FieldErrors
			});
		const problem = passwordProblem(password, username);
		if (problem)
			return fail(400, { values, errors: { password: `error_${problem}` } satisfies FieldErrors });
		if (!(await resetPasswordWithCode(username, code, password))) {
			failedLoginsByAddress.hit(address);
			return fail(400, { values, errors: { code: 'error_reset_code' } satisfies FieldErrors });
		}
		redirect(303, '/log-ind?ny-adgangskode');
	}
};
