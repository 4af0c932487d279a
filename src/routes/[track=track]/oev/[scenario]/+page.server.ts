import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { findScenario } from '$lib/server/content/library';
import { playView } from '$lib/server/scenarios/play';
import { takeScenarioTurn } from '$lib/server/scenarios/take-turn';
import { mayReadTeacherNotes } from '$lib/server/auth/guards';
import type { TrackId } from '$lib/tracks';

function scenarioOr404(track: string, slug: string) {
	const scenario = findScenario(getLocale(), track as TrackId, slug);
	if (!scenario) error(404, 'Not found');
	return scenario;
}

export const load: PageServerLoad = ({ params, locals }) => {
	const scenario = scenarioOr404(params.track, params.scenario);
	return {
		scenario: {
			slug: scenario.slug,
			track: scenario.track,
			title: scenario.title,
			summary: scenario.summary,
			minutes: scenario.minutes,
			module: scenario.module,
			counterpart: scenario.counterpart,
			introHtml: scenario.introHtml,
			sources: scenario.sources,
			lastReviewed: scenario.lastReviewed,
			translated: scenario.translated
		},
		teacherHtml: mayReadTeacherNotes(locals.user) ? scenario.teacherHtml : null,
		start: playView(scenario, [])!,
		signedIn: locals.user !== null
	};
};

export const actions: Actions = {
	svar: ({ params, request, locals }) =>
		request.formData().then((form) => {
			const scenario = scenarioOr404(params.track, params.scenario);
			const turn = takeScenarioTurn(scenario, form, locals.user);
			if (!turn.ok)
				return fail(400, { problem: turn.problem, play: playView(scenario, [])! });
			return { play: turn.view };
		})
};
