import type { FieldErrors } from '$lib/i18n';
import type { PollQuestion, YouthFigures } from '$lib/evening/types';
import { eveningLibrary } from '../content/library';
import { field } from '../http/form';
import { youthFigures } from './min-group';
import { createPoll, pollCounts, type PollRow } from './poll-store';
import { readScope, type Scope } from './scope';

/** A poll asks 5–10 questions: enough to talk about, short enough for a lesson. */
export const POLL_QUESTIONS = { min: 5, max: 10 } as const;

/** The poll's questions that are still in the library, in the order asked. */
export function pollQuestions(poll: Pick<PollRow, 'questionIds'>): PollQuestion[] {
	const library = eveningLibrary();
	return poll.questionIds.flatMap((id) => library.questions.get(id) ?? []);
}

/** Each question with the young people's answers, hidden below the minimum group size. */
export function pollResults(
	questions: PollQuestion[],
	counts: ReadonlyMap<string, ReadonlyMap<string, number>>
): { question: PollQuestion; figures: YouthFigures }[] {
	return questions.map((question) => ({
		question,
		figures: youthFigures(question.options.map((o) => counts.get(question.id)?.get(o.id) ?? 0))
	}));
}

/** The figures of one poll question (for the parent evening's comparison). */
export function questionFigures(pollId: string, question: PollQuestion): YouthFigures {
	return pollResults([question], pollCounts(pollId))[0].figures;
}

/**
 * The new-poll form: what it is for (one of the professional's theme days or classes) and its
 * questions, chosen from the library.
 */
export function readPollForm(
	form: FormData,
	ownerId: string
):
	| { ok: true; scope: Scope; questionIds: string[] }
	| { ok: false; values: { for: string; questions: string[] }; errors: FieldErrors } {
	const library = eveningLibrary();
	const values = {
		for: field(form, 'for'),
		questions: form.getAll('questions').filter((v): v is string => typeof v === 'string')
	};
	const errors: FieldErrors = {};
	const scope = readScope(values.for, ownerId, false);
	if (!scope) errors.for = 'evening_scope_required';
	const questionIds = [...new Set(values.questions)].filter((id) => library.questions.has(id));
	if (questionIds.length < POLL_QUESTIONS.min || questionIds.length > POLL_QUESTIONS.max)
		errors.questions = { key: 'poll_questions_count', params: POLL_QUESTIONS };
	if (!scope || Object.keys(errors).length) return { ok: false, values, errors };
	return { ok: true, scope, questionIds };
}

export function openPoll(ownerId: string, scope: Scope, questionIds: string[]): PollRow {
	return createPoll({
		ownerId,
		themeDayId: scope.themeDayId,
		classId: scope.classId,
		questionIds
	});
}

/**
 * The answers in a posted poll form: `q-<question id>` → an option of that question. Unknown
 * questions and options are left out; a question may be skipped.
 */
export function readPollAnswers(questions: PollQuestion[], form: FormData): Map<string, string> {
	const answers = new Map<string, string>();
	for (const q of questions) {
		const chosen = field(form, `q-${q.id}`);
		if (q.options.some((o) => o.id === chosen)) answers.set(q.id, chosen);
	}
	return answers;
}
