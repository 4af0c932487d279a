import type { Question } from '../content/types';

/** One pupil's first attempt at a question. */
export interface FirstAnswer {
	userId: string;
	questionId: string;
	answer: string[];
	correct: boolean;
}

export interface QuestionAnalysis {
	questionId: string;
	prompt: string;
	answered: number;
	rightFirstTime: number;
	/** Share of the pupils who answered that got it right at the first attempt, 0–100. */
	rightShare: number;
	/** The wrong answer chosen most often, with how many chose it. */
	commonWrong: { text: string; count: number } | null;
}

function answerText(
	question: Question,
	answer: string[],
	labels: { true: string; false: string }
): string {
	const byId = new Map(question.options.map((o) => [o.id, o]));
	if (question.type === 'truefalse') return answer[0] === 'true' ? labels.true : labels.false;
	return answer
		.map((id) => byId.get(id)?.text ?? '?')
		.join(question.type === 'order' ? ' → ' : ' + ');
}

/** What the class gets wrong: per question, the share right first time and the most common wrong answer. */
export function analyseQuestions(
	questions: Question[],
	firstAnswers: FirstAnswer[],
	labels: { true: string; false: string }
): QuestionAnalysis[] {
	return questions.map((q) => {
		const answers = firstAnswers.filter((a) => a.questionId === q.id);
		const right = answers.filter((a) => a.correct).length;
		const wrongCounts = new Map<string, number>();
		for (const a of answers.filter((x) => !x.correct)) {
			const key = JSON.stringify(q.type === 'multiple' ? [...a.answer].sort() : a.answer);
			wrongCounts.set(key, (wrongCounts.get(key) ?? 0) + 1);
		}
		const [topKey, topCount] =
			[...wrongCounts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0] ?? [];
		return {
			questionId: q.id,
			prompt: q.prompt,
			answered: answers.length,
			rightFirstTime: right,
			rightShare: answers.length ? Math.round((100 * right) / answers.length) : 0,
			commonWrong: topKey
				? { text: answerText(q, JSON.parse(topKey), labels), count: topCount! }
				: null
		};
	});
}
