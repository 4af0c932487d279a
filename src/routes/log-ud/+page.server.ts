import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { invalidateSession } from '$lib/server/auth/session';
import { deleteSessionCookie } from '$lib/server/auth/cookies';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/log-ind');
};

export const actions: Actions = {
	default: ({ locals, cookies, url }) => {
		if (locals.session) invalidateSession(locals.session.id);
		deleteSessionCookie(cookies, url);
		redirect(303, '/log-ind?logget-ud');
	}
};
