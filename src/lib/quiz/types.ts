/** What the browser gets of a quiz: never which option is right. */
export interface QuizOptionView {
	token: string;
	text: string;
}
export interface QuestionView {
	id: string;
	type: 'single' | 'multiple' | 'truefalse' | 'order';
	prompt: string;
	options: QuizOptionView[];
}
export interface QuizView {
	nonce: string;
	questions: QuestionView[];
}
export interface OptionFeedback {
	id: string;
	text: string;
	feedback: string;
	correct: boolean;
	chosen: boolean;
	/** Ordering only: steps that share a group may come in any order among themselves. */
	group?: string;
}
export interface QuestionResult {
	questionId: string;
	type: QuestionView['type'];
	prompt: string;
	correct: boolean;
	/** Chosen option ids; for ordering questions, the item ids in the order the person gave. */
	answer: string[];
	explanation: string;
	/** single/truefalse: the chosen option and the correct one; multiple: every option; order: items in the right order. */
	options: OptionFeedback[];
	/**
	 * How much of the question the answer got right. Multiple choice: the options judged rightly
	 * (chosen and right, or rightly left out) of all its options; other types: 1 of 1 or 0 of 1.
	 */
	credit: { right: number; of: number };
}
export interface AnswerProblem {
	questionIndex: number;
	kind: 'unanswered' | 'order';
	count: number;
}
