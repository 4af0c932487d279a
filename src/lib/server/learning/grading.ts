import type { Module, Question, QuizOption } from '../content/types';
import type { OptionFeedback, QuestionResult } from '../../quiz/types';

export type { OptionFeedback, QuestionResult };
/** Chosen option ids; for ordering questions, the item ids in the order the person gave. */
export type Answer = QuestionResult['answer'];

export interface AttemptGrade {
	/** Questions answered fully right. */
	correctCount: number;
	/** Multiple-choice questions answered partly right (some credit, not all). */
	partialCount: number;
	questionCount: number;
	/** Percent, with partial credit (see questionCredit). */
	score: number;
	passed: boolean;
	results: QuestionResult[];
}

const sameSet = (a: string[], b: string[]) =>
	a.length === b.length && a.every((x) => b.includes(x));

export function isAnswerCorrect(question: Question, answer: Answer): boolean {
	const correct = question.options.filter((o) => o.correct).map((o) => o.id);
	switch (question.type) {
		case 'single':
		case 'truefalse':
			return answer.length === 1 && correct[0] === answer[0];
		case 'multiple':
			return new Set(answer).size === answer.length && sameSet(answer, correct);
		case 'order':
			return isOrderCorrect(question.options, answer);
	}
}

/** A step's place: its own, or its group's when the order inside the group does not matter. */
const place = (o: QuizOption) => (o.group === undefined ? `step:${o.id}` : `group:${o.group}`);

/** Right when every step stands at a place of its own kind; inside a group any order goes. */
function isOrderCorrect(steps: QuizOption[], answer: Answer): boolean {
	const byId = new Map(steps.map((o) => [o.id, o]));
	return (
		answer.length === steps.length &&
		new Set(answer).size === answer.length &&
		answer.every((id, i) => {
			const step = byId.get(id);
			return step !== undefined && place(step) === place(steps[i]);
		})
	);
}

function optionFeedback(o: QuizOption, answer: Answer): OptionFeedback {
	return {
		id: o.id,
		text: o.text,
		feedback: o.feedback,
		correct: o.correct,
		chosen: answer.includes(o.id),
		...(o.group === undefined ? {} : { group: o.group })
	};
}

/**
 * Partial credit: a multiple-choice answer earns the share of its options it judged rightly
 * (each option chosen when it is right, or left out when it is wrong), so one missed option of
 * five gives 4 of 5. A malformed answer (an unknown or repeated option) earns nothing. Every other
 * type is all or nothing. The class analysis still counts an answer as right only when it is
 * fully right (QuestionResult.correct).
 */
export function questionCredit(question: Question, answer: Answer): QuestionResult['credit'] {
	if (question.type !== 'multiple')
		return { right: isAnswerCorrect(question, answer) ? 1 : 0, of: 1 };
	const of = question.options.length;
	const ids = new Set(question.options.map((o) => o.id));
	if (new Set(answer).size !== answer.length || answer.some((id) => !ids.has(id)))
		return { right: 0, of };
	return { right: question.options.filter((o) => o.correct === answer.includes(o.id)).length, of };
}

export function gradeQuestion(question: Question, answer: Answer): QuestionResult {
	const correct = isAnswerCorrect(question, answer);
	const shown =
		question.type === 'multiple' || question.type === 'order'
			? question.options
			: question.options.filter((o) => o.correct || answer.includes(o.id));
	return {
		questionId: question.id,
		type: question.type,
		prompt: question.prompt,
		correct,
		answer,
		explanation: question.explanation,
		options: shown.map((o) => optionFeedback(o, answer)),
		credit: questionCredit(question, answer)
	};
}

/** `points` may be fractional (partial credit); the percent is rounded to a whole number. */
export function scorePercent(points: number, questionCount: number): number {
	return questionCount === 0 ? 0 : Math.round((100 * points) / questionCount);
}

/**
 * Grades a whole attempt; a question without an answer counts as wrong. The score is the
 * average credit of the questions, in percent.
 */
export function gradeAttempt(
	module: Pick<Module, 'questions' | 'passMark'>,
	answers: Record<string, Answer>
): AttemptGrade {
	const results = module.questions.map((q) => gradeQuestion(q, answers[q.id] ?? []));
	const correctCount = results.filter((r) => r.correct).length;
	const points = results.reduce((sum, r) => sum + r.credit.right / r.credit.of, 0);
	const score = scorePercent(points, results.length);
	return {
		correctCount,
		partialCount: results.filter((r) => !r.correct && r.credit.right > 0 && r.credit.of > 1).length,
		questionCount: results.length,
		score,
		passed: score >= module.passMark,
		results
	};
}
