import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guards';
import { deleteUser, getUser } from '$lib/server/auth/user';
import { verifyPassword } from '$lib/server/auth/password';
import { invalidateUserSessions } from '$lib/server/auth/session';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { rawField } from '$lib/server/http/form';
import { content } from '$lib/server/content/library';
import { progressByModule, trackProgress } from '$lib/server/learning/progress';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const progress = progressByModule(user.id);
	const tracks = Object.values(content(getLocale()).tracks).map((track) => {
		const summary = trackProgress(track.modules, progress);
		return {
			id: track.id,
			title: track.title,
			done: summary.done,
			total: summary.total,
			complete: summary.complete,
			resume: summary.resume && { slug: summary.resume.slug, title: summary.resume.title }
		};
	});
	return { account: { username: user.username, role: user.role, pending: user.pending }, tracks };
};

export const actions: Actions = {
	logUdAlle: (event) => {
		const user = requireUser(event);
		invalidateUserSessions(user.id);
		deleteSessionCookie(event.cookies, event.url);
		redirect(303, '/log-ind?logget-ud');
	},
	slet: async (event) => {
		const user = requireUser(event);
		const password = rawField(await event.request.formData(), 'deletePassword');
		const row = getUser(user.id);
		if (!row || !(await verifyPassword(row.passwordHash, password))) {
			return fail(400, { errors: { deletePassword: 'error_wrong_password' } });
		}
		deleteUser(user.id);
		deleteSessionCookie(event.cookies, event.url);
		redirect(303, '/?konto-slettet');
	}
};
