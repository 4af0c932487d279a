import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { field } from '$lib/server/http/form';
import { suggestNickname } from '$lib/server/live/nickname';
import { joinLiveSession, nicknameChoices } from '$lib/server/live/join-page';
import type { FieldErrors } from '$lib/i18n';

export const load: PageServerLoad = ({ url, getClientAddress }) => {
	const code = url.searchParams.get('kode') ?? '';
	return {
		code,
		suggestion: suggestNickname(),
		choices: code ? nicknameChoices(code, getClientAddress()) : null
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const values = { code: field(form, 'code'), nickname: field(form, 'nickname') };
		const address = getClientAddress();
		const joined = joinLiveSession(values, address, cookies, url);
		if (!joined.ok) {
			const error = joined.params ? { key: joined.error, params: joined.params } : joined.error;
			return fail(joined.status, {
				values,
				errors: { [joined.field]: error } satisfies FieldErrors,
				choices:
					joined.error === 'live_nickname_pick' ? nicknameChoices(values.code, address) : null
			});
		}
		redirect(303, `/live/${joined.code}`);
	}
};
