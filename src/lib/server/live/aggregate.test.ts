import { describe, expect, it } from 'vitest';
import type { Question } from '../content/types';
import { quizView, optionToken } from '../learning/quiz-form';
import { countKeys, distribution } from './aggregate';

const single: Question = {
	id: 'q1',
	type: 'single',
	prompt: 'Hvad gør du?',
	explanation: 'Fordi.',
	options: [
		{ id: 'a', text: 'Svar A', feedback: 'A', correct: true },
		{ id: 'b', text: 'Svar B', feedback: 'B', correct: false },
		{ id: 'c', text: 'Svar C', feedback: 'C', correct: false }
	]
};
const order: Question = { ...single, id: 'q2', type: 'order' };
const nonce = 'abcdefghijklmnop';

describe('live answer aggregation', () => {
	it('counts chosen options, and ordering answers as right or wrong', () => {
		expect(countKeys(single, ['b'], false)).toEqual(['b']);
		expect(countKeys({ ...single, type: 'multiple' }, ['a', 'c', 'a'], false)).toEqual(['a', 'c']);
		expect(countKeys(order, ['a', 'b', 'c'], true)).toEqual(['correct']);
		expect(countKeys(order, ['b', 'a', 'c'], false)).toEqual(['incorrect']);
	});

	it('lists bars in the order shown, by token, and tells the right one only after reveal', () => {
		const view = quizView({ questions: [single] }, nonce).questions[0];
		const tokenToId = new Map(single.options.map((o) => [optionToken(nonce, 'q1', o.id), o.id]));
		const counts = new Map([
			['a', 5],
			['c', 2]
		]);
		const hidden = distribution(single, view, counts, false, tokenToId);
		expect(hidden.map((b) => b.key)).toEqual(view.options.map((o) => o.token));
		expect(hidden.every((b) => b.correct === null)).toBe(true);
		expect(hidden.map((b) => b.count).sort()).toEqual([0, 2, 5]);
		expect(JSON.stringify(hidden)).not.toMatch(/"(a|b|c)"/);
		const shown = distribution(single, view, counts, true, tokenToId);
		const right = shown.find((b) => b.correct);
		expect(right?.count).toBe(5);
		expect(tokenToId.get(right!.key)).toBe('a');
	});

	it('shows ordering questions as right order / other order', () => {
		const view = quizView({ questions: [order] }, nonce).questions[0];
		const bars = distribution(order, view, new Map([['incorrect', 3]]), true, new Map());
		expect(bars).toEqual([
			{ key: 'correct', count: 0, correct: true },
			{ key: 'incorrect', count: 3, correct: false }
		]);
	});
});
