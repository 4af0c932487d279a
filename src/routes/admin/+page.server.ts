import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { approveProfessional, getUser, listPendingProfessionals } from '$lib/server/auth/user';
import { invalidateUserSessions } from '$lib/server/auth/session';
import { usageFigures } from '$lib/server/admin/usage';
import { field } from '$lib/server/http/form';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	return {
		pending: listPendingProfessionals().map((u) => ({
			id: u.id,
			username: u.username,
			createdAt: u.createdAt.toISOString()
		})),
		usage: usageFigures()
	};
};

export const actions: Actions = {
	godkend: async (event) => {
		requireRole(event, 'admin');
		const id = field(await event.request.formData(), 'userId');
		const user = getUser(id);
		if (!user || !approveProfessional(id)) return fail(404, { approved: null });
		// A new role: the person signs in again and gets the professional's pages.
		invalidateUserSessions(id);
		return { approved: user.username };
	}
};
