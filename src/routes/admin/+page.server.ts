import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getUser } from '$lib/server/auth/user';
import { usageFigures } from '$lib/server/admin/usage';
import { field } from '$lib/server/http/form';
import { parseForm } from '$lib/server/http/parse-form';
import { declineSchema } from '$lib/server/professionals/application-form';
import {
	approveApplicant,
	declineApplicant,
	pendingApplicants
} from '$lib/server/professionals/applications';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	return {
		pending: pendingApplicants().map((p) => ({
			id: p.id,
			username: p.username,
			role: p.role,
			workplace: p.workplace,
			municipality: p.municipality,
			createdAt: (p.submittedAt ?? p.createdAt).toISOString()
		})),
		usage: usageFigures()
	};
};

export const actions: Actions = {
	godkend: async (event) => {
		requireRole(event, 'admin');
		const id = field(await event.request.formData(), 'userId');
		const user = getUser(id);
		if (!user || !approveApplicant(id)) return fail(404, { approved: null });
		return { approved: user.username, approvedRole: user.role };
	},
	afvis: async (event) => {
		requireRole(event, 'admin');
		const parsed = parseForm(declineSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { decline: { values: parsed.values, errors: parsed.errors } });
		const user = getUser(parsed.data.userId);
		if (!user || !declineApplicant(user.id, parsed.data.reason))
			return fail(404, { declined: null });
		return { declined: user.username };
	}
};
