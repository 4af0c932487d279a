import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { field } from '$lib/server/http/form';
import { suggestNickname } from '$lib/server/live/nickname';
import { joinLiveSession, nicknameChoices, TEAM_SIZE } from '$lib/server/live/join-page';
import type { FieldErrors } from '$lib/i18n';

export const load: PageServerLoad = ({ url, getClientAddress }) => {
	const code = url.searchParams.get('kode') ?? '';
	return {
		code,
		suggestion: suggestNickname(),
		choices: code ? nicknameChoices(code, getClientAddress()) : null,
		teamSize: TEAM_SIZE
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const values = {
			code: field(form, 'code'),
			nickname: field(form, 'nickname'),
			teamSize: field(form, 'teamSize')
		};
		const address = getClientAddress();
		const joined = joinLiveSession(values, address, cookies, url);
		if (!joined.ok) {
			const error = joined.params ? { key: joined.error, params: joined.params } : joined.error;
			const needsChoices = joined.error === 'live_nickname_pick' || joined.field === 'teamSize';
			return fail(joined.status, {
				values,
				errors: { [joined.field]: error } satisfies FieldErrors,
				choices: needsChoices ? nicknameChoices(values.code, address) : null
			});
		}
		redirect(303, `/live/${joined.code}`);
	}
};
