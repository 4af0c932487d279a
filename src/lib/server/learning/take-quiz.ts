import type { Cookies } from '@sveltejs/kit';
import type { Module } from '../content/types';
import type { SessionUser } from '../auth/user';
import { gradeAttempt, gradeQuestion, type AttemptGrade, type QuestionResult } from './grading';
import {
	isNonce,
	postedSelections,
	readAttemptAnswers,
	readQuestionAnswer,
	type AnswerProblem
} from './quiz-form';
import { progressByModule, recordAttempt } from './progress';
import { addVisitResult } from './visit-results';
import { recordFirstCheck } from './question-checks';

export type SubmitOutcome =
	| {
			ok: true;
			grade: AttemptGrade;
			saved: boolean;
			/** How many of the track's modules the person has now passed (visitors: on this visit). */
			passedInTrack: number;
	  }
	| {
			ok: false;
			nonce: string | null;
			selections: Record<string, string[]>;
			problems: AnswerProblem[];
	  };

/**
 * Grades a posted quiz. A signed-in person's attempt is stored with its answers; a
 * visitor's result only goes into their own signed cookie.
 */
export function submitQuiz(
	module: Module,
	form: FormData,
	who: { user: SessionUser | null; cookies: Cookies; url: URL },
	trackModules: Pick<Module, 'slug' | 'passMark'>[]
): SubmitOutcome {
	const nonce = String(form.get('nonce') ?? '');
	if (!isNonce(nonce)) return { ok: false, nonce: null, selections: {}, problems: [] };
	const { answers, problems } = readAttemptAnswers(module, form, nonce);
	if (problems.length > 0)
		return { ok: false, nonce, selections: postedSelections(form), problems };
	const grade = gradeAttempt(module, answers);
	let passed: (mod: Pick<Module, 'slug' | 'passMark'>) => boolean;
	if (who.user) {
		recordAttempt(who.user.id, module.slug, grade);
		const progress = progressByModule(who.user.id);
		passed = (mod) => progress.get(mod.slug)?.completedAt != null;
	} else {
		const visit = addVisitResult(who.cookies, who.url, {
			slug: module.slug,
			correct: grade.correctCount,
			total: grade.questionCount,
			at: Date.now(),
			score: grade.score
		});
		passed = (mod) => visit.some((r) => r.slug === mod.slug && r.score >= mod.passMark);
	}
	return {
		ok: true,
		grade,
		saved: who.user !== null,
		passedInTrack: trackModules.filter(passed).length
	};
}

/**
 * Feedback on one question at a time (the step-by-step quiz with JavaScript). A signed-in
 * person's first check of a question is kept for the class analysis.
 */
export function checkQuestion(
	module: Module,
	form: FormData,
	user: SessionUser | null
): QuestionResult | 'unanswered' | 'order' | null {
	const nonce = String(form.get('nonce') ?? '');
	const question = module.questions.find((q) => q.id === form.get('question'));
	if (!question || !isNonce(nonce)) return null;
	const answer = readQuestionAnswer(question, form, nonce);
	if (typeof answer === 'string') return answer;
	const result = gradeQuestion(question, answer);
	if (user) recordFirstCheck(user.id, module.slug, result);
	return result;
}
