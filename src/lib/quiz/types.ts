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
}
export interface QuestionResult {
	questionId: string;
	type: QuestionView['type'];
	prompt: string;
	correct: boolean;
	answer: string[];
	explanation: string;
	options: OptionFeedback[];
}
export interface AnswerProblem {
	questionIndex: number;
	kind: 'unanswered' | 'order';
	count: number;
}
