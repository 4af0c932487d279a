import { createHmac, randomBytes } from 'node:crypto';
import type { Module, Question } from '../content/types';
import type { Answer } from './grading';
import { serverKey } from './server-key';
import type { AnswerProblem, QuestionView, QuizOptionView, QuizView } from '../../quiz/types';

/*
 * The quiz as the browser sees it ($lib/quiz/types): option ids are replaced by tokens derived
 * from a per-page nonce with a server key, and options are shuffled from the same nonce. The
 * page says nothing about which option is right, and a re-render with the nonce is identical.
 */
export type { AnswerProblem, QuestionView, QuizOptionView, QuizView };

export function newNonce(): string {
	return randomBytes(12).toString('base64url');
}

export function isNonce(value: string): boolean {
	return /^[A-Za-z0-9_-]{16}$/.test(value);
}

export function optionToken(nonce: string, questionId: string, optionId: string): string {
	return createHmac('sha256', serverKey('quiz-token'))
		.update(`${nonce}|${questionId}|${optionId}`)
		.digest('base64url')
		.slice(0, 12);
}

/** A small deterministic PRNG (mulberry32) seeded from the nonce and question. */
function seededRandom(seed: string): () => number {
	let h = 1779033703 ^ seed.length;
	for (let i = 0; i < seed.length; i++) {
		h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
		h = (h << 13) | (h >>> 19);
	}
	return () => {
		h = (h + 0x6d2b79f5) | 0;
		let t = Math.imul(h ^ (h >>> 15), 1 | h);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function shuffled<T>(items: readonly T[], seed: string): T[] {
	const random = seededRandom(seed);
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/**
 * The shuffle is seeded with a server secret: the nonce is on the page, and authors tend to
 * write the right option first, so a seed anyone can recompute would give the answer away.
 */
export function shuffleSeed(nonce: string, questionId: string): string {
	return createHmac('sha256', serverKey('quiz-shuffle'))
		.update(`${nonce}|${questionId}`)
		.digest('base64url');
}

export function quizView(module: Pick<Module, 'questions'>, nonce: string): QuizView {
	return {
		nonce,
		questions: module.questions.map((q) => {
			// True/false keeps its natural order: "Sandt" before "Falsk".
			const options =
				q.type === 'truefalse' ? q.options : shuffled(q.options, shuffleSeed(nonce, q.id));
			return {
				id: q.id,
				type: q.type,
				prompt: q.prompt,
				options: options.map((o) => ({ token: optionToken(nonce, q.id, o.id), text: o.text }))
			};
		})
	};
}

/** Turns the posted form back into option ids for one question. */
export function readQuestionAnswer(
	question: Question,
	form: FormData,
	nonce: string
): Answer | 'unanswered' | 'order' {
	const byToken = new Map(
		question.options.map((o) => [optionToken(nonce, question.id, o.id), o.id])
	);
	if (question.type === 'order') {
		const positions = question.options.map((o) =>
			Number(form.get(`q-${question.id}-${optionToken(nonce, question.id, o.id)}`))
		);
		if (positions.every((p) => !p)) return 'unanswered';
		const n = question.options.length;
		const valid =
			positions.every((p) => Number.isInteger(p) && p >= 1 && p <= n) &&
			new Set(positions).size === n;
		if (!valid) return 'order';
		return question.options
			.map((o, i) => ({ id: o.id, p: positions[i] }))
			.sort((a, b) => a.p - b.p)
			.map((x) => x.id);
	}
	const chosen = form
		.getAll(`q-${question.id}`)
		.map((v) => byToken.get(String(v)))
		.filter((id): id is string => id !== undefined);
	if (chosen.length === 0) return 'unanswered';
	return question.type === 'multiple' ? [...new Set(chosen)] : chosen.slice(0, 1);
}

/** Reads every question; lists the ones that are missing or invalid. */
export function readAttemptAnswers(
	module: Pick<Module, 'questions'>,
	form: FormData,
	nonce: string
): { answers: Record<string, Answer>; problems: AnswerProblem[] } {
	const answers: Record<string, Answer> = {};
	const problems: AnswerProblem[] = [];
	module.questions.forEach((q, questionIndex) => {
		const answer = readQuestionAnswer(q, form, nonce);
		if (answer === 'unanswered' || answer === 'order') {
			problems.push({ questionIndex, kind: answer, count: q.options.length });
		} else {
			answers[q.id] = answer;
		}
	});
	return { answers, problems };
}

/** The form's own values, to show the same choices again after a validation error. */
export function postedSelections(form: FormData): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const [name, value] of form.entries()) {
		if (name.startsWith('q-') && typeof value === 'string') (out[name] ??= []).push(value);
	}
	return out;
}
