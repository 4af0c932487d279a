import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import type { FieldErrors } from '$lib/i18n';
import { requireRole, mayReadTeacherNotes } from '$lib/server/auth/guards';
import { eveningLibrary } from '$lib/server/content/library';
import { field } from '$lib/server/http/form';
import { MAX_DILEMMAS, startEveningLive } from '$lib/server/evening/live';

/** Cards for young people list those for them and for both; the same for parents. */
const AUDIENCES = ['unge', 'foraeldre'] as const;

export const load: PageServerLoad = ({ url, locals }) => {
	const wanted = url.searchParams.get('for');
	const audience = AUDIENCES.find((a) => a === wanted) ?? null;
	return {
		audience,
		dilemmas: [...eveningLibrary().dilemmas.values()].filter(
			(d) => !audience || d.audience === audience || d.audience === 'begge'
		),
		canStart: mayReadTeacherNotes(locals.user),
		maxDilemmas: MAX_DILEMMAS
	};
};

export const actions: Actions = {
	live: async (event) => {
		const user = requireRole(event, 'professional', 'admin');
		const form = await event.request.formData();
		const dilemmaIds = form.getAll('dilemmaer').filter((v): v is string => typeof v === 'string');
		const started = startEveningLive(
			user.id,
			{ poll: null, dilemmaIds, themeDayId: null },
			{ endOldest: field(form, 'afslutAeldste') === 'ja' }
		);
		if (started.ok) redirect(303, `/fagperson/live/${started.room.id}`);
		if (started.reason === 'quota')
			return fail(409, {
				liveError: { key: 'live_quota_running', params: { count: started.running } },
				retry: { action: 'live', dilemmaer: dilemmaIds }
			} satisfies { liveError: FieldErrors[string]; retry: unknown });
		return fail(400, {
			liveError: 'dilemma_choose_one' satisfies FieldErrors[string],
			retry: { action: 'live', dilemmaer: dilemmaIds }
		});
	}
};
