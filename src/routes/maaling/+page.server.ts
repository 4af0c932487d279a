import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { field } from '$lib/server/http/form';
import { isCodeShape, normaliseCode } from '$lib/server/security/codes';
import { MEASURE_CODE_LENGTH, measureByCode } from '$lib/server/measures/measures';
import type { FieldErrors } from '$lib/i18n';

export const load: PageServerLoad = ({ url }) => ({ code: url.searchParams.get('kode') ?? '' });

export const actions: Actions = {
	default: async ({ request }) => {
		const typed = field(await request.formData(), 'code');
		const code = normaliseCode(typed);
		if (!isCodeShape(code, MEASURE_CODE_LENGTH) || !measureByCode(code))
			return fail(400, {
				values: { code: typed },
				errors: {
					code: typed ? 'error_measure_code_unknown' : 'error_measure_code_missing'
				} satisfies FieldErrors
			});
		redirect(303, `/maaling/${code}`);
	}
};
