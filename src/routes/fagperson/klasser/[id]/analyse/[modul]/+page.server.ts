import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { content } from '$lib/server/content/library';
import { requireClassOwner } from '$lib/server/classes/guard';
import { assignmentsOf, firstAttemptAnswers, membersOf } from '$lib/server/classes/classes';
import { analyseQuestions } from '$lib/server/classes/question-analysis';

export const load: PageServerLoad = (event) => {
	const classRow = requireClassOwner(event, event.params.id);
	const module = content(getLocale()).modules.get(event.params.modul);
	if (!module || !assignmentsOf(classRow.id).some((a) => a.moduleSlug === module.slug))
		error(404, 'Not found');
	const members = membersOf(classRow.id);
	const answers = firstAttemptAnswers(
		members.map((mem) => mem.userId),
		module.slug
	);
	return {
		classInfo: { id: classRow.id, name: classRow.name },
		module: { title: module.title, slug: module.slug, track: module.track },
		pupils: members.length,
		tookQuiz: new Set(answers.map((a) => a.userId)).size,
		questions: analyseQuestions(module.questions, answers, {
			true: m.quiz_true(),
			false: m.quiz_false()
		})
	};
};
