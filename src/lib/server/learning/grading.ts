import type { Module, Question, QuizOption } from '../content/types';

/** Chosen option ids; for ordering questions, the item ids in the order the person gave. */
export type Answer = string[];

export interface OptionFeedback {
	id: string;
	text: string;
	feedback: string;
	correct: boolean;
	chosen: boolean;
}

export interface QuestionResult {
	questionId: string;
	type: Question['type'];
	prompt: string;
	correct: boolean;
	answer: Answer;
	explanation: string;
	/** single/truefalse: the chosen option and the correct one; multiple: every option; order: items in the right order. */
	options: OptionFeedback[];
}

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
			return (
				answer.length === question.options.length &&
				answer.every((id, i) => question.options[i].id === id)
			);
	}
}

function optionFeedback(o: QuizOption, answer: Answer): OptionFeedback {
	return {
		id: o.id,
		text: o.text,
		feedback: o.feedback,
		correct: o.correct,
		chosen: answer.includes(o.id)
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
