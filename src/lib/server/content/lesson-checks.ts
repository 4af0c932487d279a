import { lessonSteps, stepsProblem, type LessonStep } from './lesson-steps';
import type { RenderedSections } from './markdown';
import type { LessonFrontMatter, QuestionSource } from './schema';
import type { ContentProblem } from './types';

export interface LessonParts {
	steps: LessonStep[];
	stepQuestions: { afterStep: number; questionId: string }[];
	mockMessages: number;
}

/**
 * The lesson's steps, the quiz questions between them and its mock messages, with a problem
 * for each that is wrong. `bodyLine` is the file's line number of the body's first line.
 */
export function lessonParts(
	rendered: RenderedSections,
	body: string,
	bodyLine: number,
	front: Pick<LessonFrontMatter, 'stepQuestions'> | null,
	questions: Pick<QuestionSource, 'id'>[] | null,
	file: string,
	problems: ContentProblem[]
): LessonParts {
	const steps = lessonSteps(rendered.sections);
	const stepProblem = stepsProblem(rendered.sections);
	if (stepProblem) problems.push({ file, message: stepProblem });

	const lineOf = (text: string) => {
		const at = body.indexOf(text);
		return at < 0 ? undefined : bodyLine + body.slice(0, at).split('\n').length - 1;
	};
	for (const found of rendered.mockMessages)
		if (!found.ok)
			for (const message of found.problems)
				problems.push({ file, line: lineOf(found.opening), message: `:::besked: ${message}` });
	const opened = body.match(/^:::besked\b/gm)?.length ?? 0;
	if (opened > rendered.mockMessages.length)
		problems.push({ file, message: ':::besked mangler en afsluttende ::: på sin egen linje' });

	const stepQuestions = Object.entries(front?.stepQuestions ?? {})
		.map(([step, questionId]) => ({ afterStep: Number(step), questionId }))
		.sort((a, b) => a.afterStep - b.afterStep);
	const seen = new Set<string>();
	for (const { afterStep, questionId } of stepQuestions) {
		const field = `stepQuestions.${afterStep}`;
		if (!stepProblem && afterStep >= steps.length)
			problems.push({
				file,
				field,
				message: `teksten har ${steps.length} trin; et spørgsmål står mellem to trin, efter trin 1–${steps.length - 1}`
			});
		if (questions && !questions.some((q) => q.id === questionId))
			problems.push({
				file,
				field,
				message: `spørgsmålet "${questionId}" findes ikke i quiz.yaml`
			});
		if (seen.has(questionId))
			problems.push({ file, field, message: `spørgsmålet "${questionId}" står to gange` });
		seen.add(questionId);
	}
	return {
		steps,
		stepQuestions,
		mockMessages: rendered.mockMessages.filter((found) => found.ok).length
	};
}

/** Takeaways become required once every module has them; until then a missing one is a warning. */
export function takeawaysWarning(
	front: Pick<LessonFrontMatter, 'takeaways'> | null,
	file: string
): ContentProblem | null {
	return front && !front.takeaways
		? {
				file,
				field: 'takeaways',
				message: 'mangler: tre korte linjer om, hvad man har lært (vises, når modulet er bestået)'
			}
		: null;
}
