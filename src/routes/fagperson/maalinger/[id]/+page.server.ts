import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { measureView } from '$lib/server/content/measures';
import { parseForm } from '$lib/server/http/parse-form';
import { qrDataUrl } from '$lib/server/classes/qr';
import { pageHtml } from '$lib/server-html';
import { requireMeasureOwner } from '$lib/server/measures/guard';
import { closeMeasure, openAfter } from '$lib/server/measures/measures';
import { closeFormSchema } from '$lib/server/measures/measure-form';
import { measureTallies, participantFigures, questionResults } from '$lib/server/measures/results';
import { measureContext, measureDefinition } from '$lib/server/measures/view';
import { chartsFor } from '$lib/server/measures/result-charts';
import { peopleIn } from '$lib/server/measures/minimum-group';

export const load: PageServerLoad = async (event) => {
	const measure = requireMeasureOwner(event, event.params.id);
	const locale = getLocale();
	const definition = measureDefinition(measure, locale);
	if (!definition) error(404, 'Not found');
	const tallies = measureTallies([measure.id]).get(measure.id)!;
	const counts = participantFigures([tallies]);
	// The figures come only once the measure is closed: a count that moves while people answer
	// would tell the professional what the last one answered.
	const results = measure.phase === 'closed' ? questionResults(definition, [tallies]) : null;
	const url = `${event.url.origin}/maaling/${measure.code}`;
	return {
		measure: {
			id: measure.id,
			title: definition.title,
			code: measure.code,
			phase: measure.phase,
			closedAt: measure.closedAt?.toISOString() ?? null
		},
		context: measureContext(measure, locale),
		share: { url, label: `${event.url.host}/maaling/${measure.code}`, qr: await qrDataUrl(url) },
		counts: {
			before: peopleIn(counts.before),
			after: peopleIn(counts.after),
			paired: peopleIn(counts.paired)
		},
		results: results && {
			shown: results.paired.shown,
			people: peopleIn(results.paired),
			questions: chartsFor(results.questions, locale).map((q) => ({
				...q,
				chart: q.chart && pageHtml(q.chart, event.isDataRequest)
			}))
		},
		questions: measureView(definition).questions,
		contentLocale: definition.locale
	};
};

export const actions: Actions = {
	efter: (event) => {
		const measure = requireMeasureOwner(event, event.params.id);
		if (!openAfter(measure.id)) return fail(409, { phaseError: 'error_measure_phase' });
		return { phaseChanged: 'after' };
	},
	luk: async (event) => {
		const measure = requireMeasureOwner(event, event.params.id);
		const parsed = parseForm(closeFormSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { closeErrors: parsed.errors });
		if (!closeMeasure(measure.id)) return fail(409, { phaseError: 'error_measure_phase' });
		return { phaseChanged: 'closed' };
	}
};
