import { describe, expect, it } from 'vitest';
import type { QuestionSource } from './schema';
import { longestAnswerWarning, orderGroupProblem } from './curriculum-rules';

describe('order groups', () => {
	it('accepts steps without groups and groups that stand together', () => {
		expect(orderGroupProblem([undefined, undefined, undefined])).toBeNull();
		expect(orderGroupProblem([undefined, 'a', 'a', undefined, 'b', 'b'])).toBeNull();
	});
	it('refuses a group split by another step', () => {
		expect(orderGroupProblem(['a', undefined, 'a'])).toMatch(/skal stå samlet/);
		expect(orderGroupProblem(['a', 'b', 'b', 'a'])).toMatch(/skal stå samlet/);
	});
	it('refuses a group of one and a group of everything', () => {
		expect(orderGroupProblem(['a', undefined, undefined])).toMatch(/kun ét trin/);
		expect(orderGroupProblem(['a', 'a', 'a'])).toMatch(/ingen rækkefølge/);
	});
});

const single = (id: string, right: string, ...wrong: string[]): QuestionSource => ({
	id,
	type: 'single',
	prompt: 'Hvad gør du?',
	explanation: 'Derfor.',
	options: [
		{ id: 'r', text: right, correct: true, feedback: 'Ja.' },
		...wrong.map((text, i) => ({ id: `w${i}`, text, feedback: 'Nej.' }))
	]
});

describe('the longest answer gives the answer away', () => {
	it('warns when the right option is strictly the longest in more than half of the questions', () => {
		const warning = longestAnswerWarning(
			[single('a', 'langt rigtigt svar', 'kort'), single('b', 'ja', 'et langt forkert svar')],
			'quiz.yaml'
		);
		expect(warning).toBeNull();
		const two = longestAnswerWarning(
			[
				single('a', 'langt rigtigt svar', 'kort'),
				single('b', 'langt rigtigt svar', 'kort'),
				single('c', 'ja', 'et langt forkert svar')
			],
			'quiz.yaml'
		);
		expect(two?.message).toMatch(/2 af 3 spørgsmål med ét svar \(a, b\)/);
	});
	it('a tie for the longest is not a give-away', () => {
		expect(longestAnswerWarning([single('a', 'abc', 'xyz')], 'quiz.yaml')).toBeNull();
	});
});
