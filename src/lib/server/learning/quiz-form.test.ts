import { beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '$testing/test-db';
import { forgetServerKeys } from './server-key';
import type { Question } from '../content/types';
import {
	newNonce,
	optionToken,
	quizView,
	readAttemptAnswers,
	shuffleSeed,
	shuffled
} from './quiz-form';

const option = (id: string, correct = false) => ({
	id,
	text: `tekst ${id}`,
	feedback: `fordi ${id}`,
	correct
});
const questions: Question[] = [
	{
		id: 'enkelt',
		type: 'single',
		prompt: 'p',
		explanation: 'e',
		options: ['a', 'b', 'c', 'd'].map((id) => option(id, id === 'a'))
	},
	{
		id: 'flere',
		type: 'multiple',
		prompt: 'p',
		explanation: 'e',
		options: ['a', 'b', 'c'].map((id) => option(id, id !== 'c'))
	},
	{
		id: 'raekke',
		type: 'order',
		prompt: 'p',
		explanation: 'e',
		options: ['x', 'y', 'z'].map((id) => option(id, true))
	}
];

beforeEach(() => {
	useTestDatabase();
	forgetServerKeys();
});

describe('shuffled', () => {
	it('keeps every item, is repeatable for a seed and varies between seeds', () => {
		const items = [1, 2, 3, 4, 5, 6];
		expect(shuffled(items, 'seed').sort()).toEqual(items);
		expect(shuffled(items, 'seed')).toEqual(shuffled(items, 'seed'));
		const orders = new Set(Array.from({ length: 50 }, (_, i) => shuffled(items, `s${i}`).join()));
		expect(orders.size).toBeGreaterThan(20);
	});
});

describe('shuffleSeed', () => {
	it('depends on the server key, so the page cannot be un-shuffled', () => {
		const seed = shuffleSeed('nonce-on-the-page', 'q');
		useTestDatabase();
		forgetServerKeys();
		expect(shuffleSeed('nonce-on-the-page', 'q')).not.toBe(seed);
		expect(seed).not.toContain('nonce-on-the-page');
	});
});

describe('quizView', () => {
	it('holds neither option ids nor which option is right, and keeps option identity through the shuffle', () => {
		const nonce = newNonce();
		const view = quizView({ questions }, nonce);
		const json = JSON.stringify(view);
		expect(json).not.toMatch(/correct|feedback|fordi/);
		for (const [i, q] of view.questions.entries()) {
			expect(q.options.map((o) => o.text).sort()).toEqual(
				questions[i].options.map((o) => o.text).sort()
			);
			for (const o of q.options) {
				const original = questions[i].options.find((x) => x.text === o.text)!;
				expect(o.token).toBe(optionToken(nonce, q.id, original.id));
				expect(o.token).not.toBe(original.id);
			}
		}
	});
	it('gives different tokens for another page view', () => {
		expect(optionToken('n1', 'enkelt', 'a')).not.toBe(optionToken('n2', 'enkelt', 'a'));
	});
});

describe('readAttemptAnswers', () => {
	it('maps posted tokens back to option ids and positions to an order', () => {
		const nonce = newNonce();
		const form = new FormData();
		form.append('q-enkelt', optionToken(nonce, 'enkelt', 'b'));
		form.append('q-flere', optionToken(nonce, 'flere', 'a'));
		form.append('q-flere', optionToken(nonce, 'flere', 'c'));
		form.append(`q-raekke-${optionToken(nonce, 'raekke', 'x')}`, '3');
		form.append(`q-raekke-${optionToken(nonce, 'raekke', 'y')}`, '1');
		form.append(`q-raekke-${optionToken(nonce, 'raekke', 'z')}`, '2');
		expect(readAttemptAnswers({ questions }, form, nonce)).toEqual({
			answers: { enkelt: ['b'], flere: ['a', 'c'], raekke: ['y', 'z', 'x'] },
			problems: []
		});
	});
	it('reports unanswered questions, unknown tokens and duplicate positions', () => {
		const nonce = newNonce();
		const form = new FormData();
		form.append('q-enkelt', 'forfalsket');
		form.append(`q-raekke-${optionToken(nonce, 'raekke', 'x')}`, '1');
		form.append(`q-raekke-${optionToken(nonce, 'raekke', 'y')}`, '1');
		form.append(`q-raekke-${optionToken(nonce, 'raekke', 'z')}`, '2');
		expect(readAttemptAnswers({ questions }, form, nonce).problems).toEqual([
			{ questionIndex: 0, kind: 'unanswered', count: 4 },
			{ questionIndex: 1, kind: 'unanswered', count: 3 },
			{ questionIndex: 2, kind: 'order', count: 3 }
		]);
	});
});
