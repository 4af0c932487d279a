import type { QuestionSource, TrackId } from './schema';
import type { ContentProblem } from './types';

/** The rules for the curriculum, per track. */
export const TRACK_RULES: Record<
	TrackId,
	{ minQuestions: number; maxLix: number; cards: boolean }
> = {
	unge: { minQuestions: 6, maxLix: 35, cards: true },
	foraeldre: { minQuestions: 5, maxLix: 40, cards: false }
};

/** The teacher notes' section of questions to discuss (shown in the live control view). */
export const DISCUSSION_SECTION = 'Spørgsmål til samtale';

export const TEACHER_SECTIONS = [
	'Formål',
	'Lektionsplan (45 minutter)',
	DISCUSSION_SECTION,
	'Hvis en elev fortæller om noget',
	'Kilder'
];

/** Paths that a module slug may not take, because routes own them. */
export const RESERVED_SLUGS = new Set(['bevis', 'track', 'samtalekort', 'oev']);

/** Ids unique in the quiz and in each question; order groups well-formed. */
export function checkQuizConsistency(
	questions: QuestionSource[],
	file: string,
	problems: ContentProblem[]
) {
	const seen = new Set<string>();
	questions.forEach((q, i) => {
		if (seen.has(q.id))
			problems.push({
				file,
				field: `questions.${i}.id`,
				message: `spørgsmåls-id "${q.id}" findes to gange`
			});
		seen.add(q.id);
		const options = q.type === 'order' ? q.items : q.type === 'truefalse' ? [] : q.options;
		const ids = new Set<string>();
		options.forEach((o, j) => {
			const field = `questions.${i}.${q.type === 'order' ? 'items' : 'options'}.${j}.id`;
			if (ids.has(o.id))
				problems.push({ file, field, message: `id "${o.id}" findes to gange i spørgsmålet` });
			ids.add(o.id);
		});
		if (q.type === 'order') {
			const problem = orderGroupProblem(q.items.map((item) => item.group));
			if (problem) problems.push({ file, field: `questions.${i}.items`, message: problem });
		}
	});
}

/**
 * An order group is a run of neighbouring steps whose order among themselves does not matter.
 * A group stands together, has at least two steps, and cannot be the whole question.
 */
export function orderGroupProblem(groups: (string | undefined)[]): string | null {
	const sizes = new Map<string, number>();
	for (const [i, group] of groups.entries()) {
		if (group === undefined) continue;
		if (sizes.has(group) && groups[i - 1] !== group)
			return `gruppen "${group}" skal stå samlet: trin i samme gruppe skal stå lige efter hinanden`;
		sizes.set(group, (sizes.get(group) ?? 0) + 1);
	}
	for (const [group, size] of sizes) {
		if (size < 2) return `gruppen "${group}" har kun ét trin; en gruppe skal have mindst to`;
		if (size === groups.length)
			return `alle trin er i gruppen "${group}"; så er der ingen rækkefølge at øve`;
	}
	return null;
}

/**
 * Authors tend to make the right option the fullest one, so readers learn to pick the longest.
 * Warns when the right option is strictly the longest in more than half of a quiz's
 * single-choice questions.
 */
export function longestAnswerWarning(
	questions: QuestionSource[],
	file: string
): ContentProblem | null {
	const singles = questions.filter((q) => q.type === 'single');
	const giveaways = singles.filter((q) => {
		const right = q.options.find((o) => o.correct)!;
		return q.options.every((o) => o === right || o.text.length < right.text.length);
	});
	if (giveaways.length * 2 <= singles.length) return null;
	return {
		file,
		field: 'questions',
		message: `det rigtige svar er det længste i ${giveaways.length} af ${singles.length} spørgsmål med ét svar (${giveaways.map((q) => q.id).join(', ')}); højst halvdelen må være det`
	};
}
