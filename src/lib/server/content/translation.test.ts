import { describe, expect, it } from 'vitest';
import {
	cardsStructureDifferences,
	quizStructureDifferences,
	sourceHash,
	translatedLessonFrontMatterSchema,
	translationState
} from './translation';
import type { Question } from './types';

const question = (over: Partial<Question> = {}): Question => ({
	id: 'hvem',
	type: 'single',
	prompt: 'Hvem kan du fortælle det til?',
	explanation: 'En voksen du stoler på.',
	options: [
		{ id: 'ven', text: 'En ven', feedback: 'Godt', correct: false },
		{ id: 'voksen', text: 'En voksen', feedback: 'Ja', correct: true }
	],
	...over
});

describe('which Danish version a translation came from', () => {
	it('changes when the Danish text changes, not when only line endings do', () => {
		const before = sourceHash(['Hej\nverden', 'quiz']);
		expect(before).toMatch(/^[0-9a-f]{12}$/);
		expect(sourceHash(['Hej\r\nverden', 'quiz'])).toBe(before);
		expect(sourceHash(['Hej\nverden!', 'quiz'])).not.toBe(before);
		// Parts are kept apart: moving text from one file to the next is a change.
		expect(sourceHash(['Hej', 'verdenquiz'])).not.toBe(sourceHash(['Hejverden', 'quiz']));
	});

	it('is stale once the Danish original has changed', () => {
		const recorded = sourceHash(['Ring 116 111']);
		expect(translationState(recorded, sourceHash(['Ring 116 111']))).toBe('current');
		expect(translationState(recorded, sourceHash(['Ring 116 111 eller 114']))).toBe('stale');
	});

	it('takes the facts of a module from Danish: a translation may not set sources or age', () => {
		const base = {
			title: 'Title',
			summary: 'Summary',
			translatedFrom: 'abcdef012345',
			translationReview: 'back-translated 2026-12-02'
		};
		expect(translatedLessonFrontMatterSchema.safeParse(base).success).toBe(true);
		expect(translatedLessonFrontMatterSchema.safeParse({ ...base, ages: [10, 12] }).success).toBe(
			false
		);
		expect(
			translatedLessonFrontMatterSchema.safeParse({ ...base, translatedFrom: 'old' }).success
		).toBe(false);
		const { translationReview: _, ...unreviewed } = base;
		expect(translatedLessonFrontMatterSchema.safeParse(unreviewed).success).toBe(false);
	});
});

describe('a translated quiz grades as the Danish one', () => {
	it('accepts other words with the same structure', () => {
		const translated = question({
			prompt: 'Who can you tell?',
			options: question().options.map((o) => ({ ...o, text: 'x', feedback: 'y' }))
		});
		expect(quizStructureDifferences([question()], [translated])).toEqual([]);
	});

	it('names questions that are missing, reordered or of another type', () => {
		const other = question({ id: 'hvornaar' });
		expect(quizStructureDifferences([question(), other], [other, question()])[0]).toContain(
			'hvem, hvornaar'
		);
		expect(quizStructureDifferences([question()], [question({ type: 'multiple' })])).toEqual([
			'spørgsmål "hvem" skal have type single som på dansk'
		]);
	});

	it('names options in another order and a moved right answer', () => {
		const [ven, voksen] = question().options;
		expect(
			quizStructureDifferences([question()], [question({ options: [voksen, ven] })])[0]
		).toContain('ven, voksen');
		expect(
			quizStructureDifferences(
				[question()],
				[
					question({
						options: [
							{ ...ven, correct: true },
							{ ...voksen, correct: false }
						]
					})
				]
			)
		).toHaveLength(2);
	});

	it('names a changed group in an ordering question', () => {
		const order = question({
			type: 'order',
			options: [
				{ id: 'a', text: 'A', feedback: 'f', correct: true, group: 'g' },
				{ id: 'b', text: 'B', feedback: 'f', correct: true, group: 'g' },
				{ id: 'c', text: 'C', feedback: 'f', correct: true }
			]
		});
		const ungrouped = { ...order, options: order.options.map(({ group: _, ...o }) => o) };
		expect(quizStructureDifferences([order], [ungrouped])).toHaveLength(2);
	});

	it('keeps the number of conversation-card questions', () => {
		const cards = { summary: 's', questions: ['a', 'b', 'c'], tip: 't' };
		expect(cardsStructureDifferences(cards, null)).toEqual([]);
		expect(cardsStructureDifferences(cards, { ...cards, questions: ['a', 'b', 'c'] })).toEqual([]);
		expect(cardsStructureDifferences(cards, { ...cards, questions: ['a', 'b'] })).toHaveLength(1);
		expect(cardsStructureDifferences(null, cards)).toHaveLength(1);
	});
});
