import { describe, expect, it } from 'vitest';
import type { Question } from '../content/types';
import { gradeAttempt, gradeQuestion, isAnswerCorrect, questionCredit } from './grading';

const option = (id: string, correct = false) => ({
	id,
	text: `tekst ${id}`,
	feedback: `fordi ${id}`,
	correct
});
const single: Question = {
	id: 's',
	type: 'single',
	prompt: 'p',
	explanation: 'e',
	options: [option('a', true), option('b'), option('c')]
};
const multiple: Question = {
	id: 'm',
	type: 'multiple',
	prompt: 'p',
	explanation: 'e',
	options: [option('a', true), option('b', true), option('c')]
};
const truefalse: Question = {
	id: 't',
	type: 'truefalse',
	prompt: 'p',
	explanation: 'e',
	options: [option('true'), option('false', true)]
};
const order: Question = {
	id: 'o',
	type: 'order',
	prompt: 'p',
	explanation: 'e',
	options: [option('x', true), option('y', true), option('z', true)]
};

describe('isAnswerCorrect', () => {
	it('single choice and true/false: only the one right option', () => {
		expect(isAnswerCorrect(single, ['a'])).toBe(true);
		expect(isAnswerCorrect(single, ['b'])).toBe(false);
		expect(isAnswerCorrect(single, ['a', 'b'])).toBe(false);
		expect(isAnswerCorrect(truefalse, ['false'])).toBe(true);
		expect(isAnswerCorrect(truefalse, ['true'])).toBe(false);
	});
	it('multiple choice: exactly the right set; a partial or padded answer is wrong', () => {
		expect(isAnswerCorrect(multiple, ['b', 'a'])).toBe(true);
		expect(isAnswerCorrect(multiple, ['a'])).toBe(false);
		expect(isAnswerCorrect(multiple, ['a', 'b', 'c'])).toBe(false);
		expect(isAnswerCorrect(multiple, ['a', 'a'])).toBe(false);
	});
	it('ordering: only the exact order', () => {
		expect(isAnswerCorrect(order, ['x', 'y', 'z'])).toBe(true);
		expect(isAnswerCorrect(order, ['y', 'x', 'z'])).toBe(false);
		expect(isAnswerCorrect(order, ['x', 'y'])).toBe(false);
	});
});

describe('gradeQuestion feedback', () => {
	it('single choice shows the chosen option and the right one, each with its feedback', () => {
		const result = gradeQuestion(single, ['b']);
		expect(result.options.map((o) => [o.id, o.chosen, o.correct, o.feedback])).toEqual([
			['a', false, true, 'fordi a'],
			['b', true, false, 'fordi b']
		]);
	});
	it('multiple choice explains every option', () => {
		expect(gradeQuestion(multiple, ['a']).options).toHaveLength(3);
	});
});

describe('partial credit', () => {
	const five: Question = {
		...multiple,
		options: [option('a', true), option('b', true), option('c', true), option('d'), option('e')]
	};
	it('multiple choice earns the share of options judged rightly', () => {
		expect(questionCredit(five, ['a', 'b', 'c'])).toEqual({ right: 5, of: 5 });
		// one missed: 4 of 5
		expect(questionCredit(five, ['a', 'b'])).toEqual({ right: 4, of: 5 });
		// one missed and one wrongly chosen: 3 of 5
		expect(questionCredit(five, ['a', 'b', 'd'])).toEqual({ right: 3, of: 5 });
		// everything chosen: the three right ones count, the two wrong ones do not
		expect(questionCredit(five, ['a', 'b', 'c', 'd', 'e'])).toEqual({ right: 3, of: 5 });
		expect(questionCredit(five, ['d', 'e'])).toEqual({ right: 0, of: 5 });
	});
	it('a malformed multiple-choice answer earns nothing', () => {
		expect(questionCredit(five, ['a', 'a', 'b', 'c'])).toEqual({ right: 0, of: 5 });
		expect(questionCredit(five, ['a', 'b', 'c', 'zz'])).toEqual({ right: 0, of: 5 });
	});
	it('single choice, true/false and ordering are all or nothing', () => {
		expect(questionCredit(single, ['a'])).toEqual({ right: 1, of: 1 });
		expect(questionCredit(single, ['b'])).toEqual({ right: 0, of: 1 });
		expect(questionCredit(truefalse, ['true'])).toEqual({ right: 0, of: 1 });
		expect(questionCredit(order, ['y', 'x', 'z'])).toEqual({ right: 0, of: 1 });
	});
	it('the result carries the credit, while "correct" stays all or nothing', () => {
		const result = gradeQuestion(five, ['a', 'b']);
		expect(result.correct).toBe(false);
		expect(result.credit).toEqual({ right: 4, of: 5 });
	});
	it('the score counts partial credit; the count of right answers does not', () => {
		const unanswered = { ...single, id: 's2' };
		const grade = gradeAttempt(
			{ questions: [single, five, truefalse, order, unanswered], passMark: 80 },
			{
				s: ['a'],
				m: ['a', 'b'],
				t: ['false'],
				o: ['x', 'y', 'z']
			}
		);
		// 1 + 0.8 + 1 + 1 + 0 of 5 = 76 %
		expect(grade).toMatchObject({
			correctCount: 3,
			partialCount: 1,
			questionCount: 5,
			score: 76,
			passed: false
		});
	});
	it('a partly right answer can lift the score over the pass mark', () => {
		const grade = gradeAttempt(
			{ questions: [single, five, truefalse, order], passMark: 80 },
			{
				s: ['a'],
				m: ['a', 'b', 'd'],
				t: ['false'],
				o: ['x', 'y', 'z']
			}
		);
		// 3 + 0.6 of 4 = 90 %
		expect(grade).toMatchObject({ correctCount: 3, partialCount: 1, score: 90, passed: true });
	});
});

describe('gradeAttempt', () => {
	const module = {
		questions: [single, multiple, truefalse, order, { ...single, id: 's2' }],
		passMark: 80
	};
	it('scores the share right and passes at the pass mark', () => {
		const grade = gradeAttempt(module, {
			s: ['a'],
			m: ['a', 'b'],
			t: ['false'],
			o: ['x', 'y', 'z'],
			s2: ['b']
		});
		expect(grade).toMatchObject({ correctCount: 4, questionCount: 5, score: 80, passed: true });
	});
	it('fails below the pass mark and counts a missing answer as wrong', () => {
		const grade = gradeAttempt(module, { s: ['a'], m: ['a'], t: ['false'], o: ['x', 'y', 'z'] });
		// 3 right, 2 of 3 options judged rightly in `m`, nothing for the missing `s2`: 3.67 of 5
		expect(grade).toMatchObject({ correctCount: 3, partialCount: 1, score: 73, passed: false });
		expect(grade.results.find((r) => r.questionId === 's2')!.correct).toBe(false);
	});
});

describe('ordering with groups of steps whose order does not matter', () => {
	const step = (id: string, group?: string) => ({
		...option(id, true),
		...(group ? { group } : {})
	});
	const grouped: Question = {
		id: 'g',
		type: 'order',
		prompt: 'p',
		explanation: 'e',
		// a, then b and c in any order, then d
		options: [step('a'), step('b', 'beviser'), step('c', 'beviser'), step('d')]
	};

	it('accepts any order inside a group', () => {
		expect(isAnswerCorrect(grouped, ['a', 'b', 'c', 'd'])).toBe(true);
		expect(isAnswerCorrect(grouped, ['a', 'c', 'b', 'd'])).toBe(true);
	});
	it('still requires the order around the group', () => {
		expect(isAnswerCorrect(grouped, ['b', 'a', 'c', 'd'])).toBe(false);
		expect(isAnswerCorrect(grouped, ['a', 'b', 'd', 'c'])).toBe(false);
		expect(isAnswerCorrect(grouped, ['d', 'b', 'c', 'a'])).toBe(false);
	});
	it('refuses repeated, missing or unknown steps', () => {
		expect(isAnswerCorrect(grouped, ['a', 'b', 'b', 'd'])).toBe(false);
		expect(isAnswerCorrect(grouped, ['a', 'b', 'c'])).toBe(false);
		expect(isAnswerCorrect(grouped, ['a', 'b', 'x', 'd'])).toBe(false);
	});
	it('a group name that equals a step id does not let that step into the group', () => {
		const tricky: Question = {
			...grouped,
			options: [step('a'), step('x', 'a'), step('y', 'a')]
		};
		expect(isAnswerCorrect(tricky, ['x', 'a', 'y'])).toBe(false);
		expect(isAnswerCorrect(tricky, ['a', 'y', 'x'])).toBe(true);
	});
	it('the feedback carries each step its group', () => {
		const result = gradeQuestion(grouped, ['a', 'c', 'b', 'd']);
		expect(result.correct).toBe(true);
		expect(result.options.map((o) => o.group)).toEqual([
			undefined,
			'beviser',
			'beviser',
			undefined
		]);
	});
});
