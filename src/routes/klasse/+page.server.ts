import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { field, rawField } from '$lib/server/http/form';
import { signUp } from '$lib/server/account/signup';
import { checkClassCode, joinAsUser } from '$lib/server/classes/join-page';
import { classJoins } from '$lib/server/security/quotas';
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

		// Joining many classes is limited per person; wrong codes have their own limit in
		// checkClassCode, and a class of 30 behind one school address all join at once.
		if (locals.user && classJoins.retryAfter(locals.user.id, Date.now()) > 0)
			return fail(429, {
				values,
				errors: { code: 'error_quota_class_joins' } satisfies FieldErrors
			});
		const check = checkClassCode(typed, address, locals.user?.id ?? null);
		if (!check.ok)
			return fail(check.status, { values, errors: { code: check.error } satisfies FieldErrors });

		let user = locals.user;
		if (!user) {
			// A pupil without an account gets a pseudonymous youth account on the spot.
			const created = await signUp({
				username,
				password: rawField(form, 'password'),
				role: 'youth',
				address,
				cookies,
				url
			});
			if (!created.ok) return fail(created.status, { values, errors: created.errors });
			user = created.user;
		}
		const joined = joinAsUser(user, check.code);
		if (!joined.ok)
			return fail(400, { values, errors: { code: joined.error } satisfies FieldErrors });
		classJoins.hit(user.id, Date.now());
		redirect(303, `/mig?klasse=${encodeURIComponent(joined.className)}`);
	}
};
