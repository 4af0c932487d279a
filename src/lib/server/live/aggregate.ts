import type { Question } from '../content/types';
import type { QuestionView } from '../learning/quiz-form';
import type { LiveBar } from '$lib/live/types';

/** The counters an answer adds to: each chosen option, or right/wrong for an ordering. */
export function countKeys(question: Question, answer: string[], correct: boolean): string[] {
	if (question.type === 'order') return [correct ? 'correct' : 'incorrect'];
	return [...new Set(answer)];
}

/**
 * The distribution in the order the options are shown, by token (option ids never leave the
 * server); which bars are right is only told once the question is revealed.
 */
export function distribution(
	question: Question,
	view: QuestionView,
	counts: ReadonlyMap<string, number> | undefined,
	revealed: boolean,
	tokenToId: ReadonlyMap<string, string>
): LiveBar[] {
	if (question.type === 'order') {
		return (['correct', 'incorrect'] as const).map((key) => ({
			key,
			count: counts?.get(key) ?? 0,
			correct: revealed ? key === 'correct' : null
		}));
	}
	const correctIds = new Set(question.options.filter((o) => o.correct).map((o) => o.id));
	return view.options.map((o) => {
		const id = tokenToId.get(o.token)!;
		return {
			key: o.token,
			count: counts?.get(id) ?? 0,
			correct: revealed ? correctIds.has(id) : null
		};
	});
}
