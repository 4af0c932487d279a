import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { measureView } from '$lib/server/content/measures';
import { normaliseCode } from '$lib/server/security/codes';
import { QUOTAS, TokenBucket } from '$lib/server/security/quotas';
import { measureByCode } from '$lib/server/measures/measures';
import { parseAnswers } from '$lib/server/measures/answer-form';
import {
	answeredPhases,
	existingToken,
	saveAnswers,
	tokenForAnswering
} from '$lib/server/measures/participation';
import { measureContext, measureDefinition } from '$lib/server/measures/view';
import type { FieldErrors } from '$lib/i18n';

const answersByAddress = new TokenBucket(QUOTAS.measureAnswerBurst, QUOTAS.measureAnswersPerSecond);

function openMeasure(event: RequestEvent) {
	const measure = measureByCode(normaliseCode(event.params.kode));
	const definition = measure && measureDefinition(measure, getLocale());
	if (!measure || !definition) error(404, 'Not found');
	return { measure, definition };
}

const closed: FieldErrors = { form: 'error_measure_closed' };

const who = (event: RequestEvent) => ({
	userId: event.locals.user?.id ?? null,
	cookies: event.cookies,
	url: event.url
});

export const load: PageServerLoad = (event) => {
	const { measure, definition } = openMeasure(event);
	const answered = answeredPhases(measure.id, existingToken(measure, who(event)));
	return {
		code: measure.code,
		phase: measure.phase,
		answered: measure.phase !== 'closed' && answered[measure.phase],
		measure: measureView(definition),
		context: measureContext(measure, getLocale())
	};
};

export const actions: Actions = {
	svar: async (event) => {
		const { measure, definition } = openMeasure(event);
		if (measure.phase === 'closed') return fail(409, { values: {}, errors: closed });
		const parsed = parseAnswers(definition, await event.request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		if (!answersByAddress.take(`${measure.id} ${event.getClientAddress()}`))
			return fail(429, {
				values: {},
				errors: { form: 'error_measure_too_many' } satisfies FieldErrors
			});
		const outcome = saveAnswers(measure, tokenForAnswering(measure, who(event)), parsed.answers);
		if (outcome === 'closed') return fail(409, { values: {}, errors: closed });
		return { outcome };
	}
};
