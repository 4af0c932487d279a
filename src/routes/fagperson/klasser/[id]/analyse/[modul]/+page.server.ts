import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { content, findAssignable } from '$lib/server/content/library';
import { requireClassOwner } from '$lib/server/classes/guard';
import { assignmentsOf, firstAttemptAnswers, membersOf } from '$lib/server/classes/classes';
import { analyseQuestions } from '$lib/server/classes/question-analysis';
import { analyseScenario } from '$lib/server/classes/scenario-analysis';
import { firstScenarioRuns } from '$lib/server/scenarios/runs';

/** What a class answered in an assigned module's quiz, or chose in an assigned scenario. */
export const load: PageServerLoad = (event) => {
	const classRow = requireClassOwner(event, event.params.id);
	const locale = getLocale();
	const assigned = findAssignable(locale, event.params.modul);
	if (!assigned || !assignmentsOf(classRow.id).some((a) => a.moduleSlug === assigned.slug))
		error(404, 'Not found');
	const userIds = membersOf(classRow.id).map((mem) => mem.userId);
	const base = {
		classInfo: { id: classRow.id, name: classRow.name },
		assigned: { title: assigned.title, href: assigned.href },
		pupils: userIds.length
	};
	if (assigned.kind === 'scenario') {
		const runs = firstScenarioRuns(userIds, assigned.slug);
		return {
			...base,
			kind: 'scenario' as const,
			took: runs.length,
			scenario: analyseScenario(content(locale).scenarios.get(assigned.slug)!, runs)
		};
	}
	const answers = firstAttemptAnswers(userIds, assigned.slug);
	return {
		...base,
		kind: 'module' as const,
		took: new Set(answers.map((a) => a.userId)).size,
		questions: analyseQuestions(content(locale).modules.get(assigned.slug)!.questions, answers, {
			true: m.quiz_true(),
			false: m.quiz_false()
		})
	};
};
