import type { Module, Question, QuizOption } from '../content/types';
import type { OptionFeedback, QuestionResult } from '../../quiz/types';

export type { OptionFeedback, QuestionResult };
/** Chosen option ids; for ordering questions, the item ids in the order the person gave. */
export type Answer = QuestionResult['answer'];

export interface AttemptGrade {
	correctCount: number;
	questionCount: number;
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
		options: shown.map((o) => optionFeedback(o, answer))
	};
}

export function scorePercent(correctCount: number, questionCount: number): number {
	return questionCount === 0 ? 0 : Math.round((100 * correctCount) / questionCount);
}

/** Grades a whole attempt; a question without an answer counts as wrong. */
export function gradeAttempt(
	module: Pick<Module, 'questions' | 'passMark'>,
	answers: Record<string, Answer>
): AttemptGrade {
	const results = module.questions.map((q) => gradeQuestion(q, answers[q.id] ?? []));
	const correctCount = results.filter((r) => r.correct).length;
	const score = scorePercent(correctCount, results.length);
	return {
		correctCount,
		questionCount: results.length,
		score,
		passed: score >= module.passMark,
		results
	};
}
