import { describe, expect, it } from 'vitest';
import { adopted, hasMajority, votable } from './majority';

const at = new Date('2026-05-01T18:00:00Z');

describe('the majority rule', () => {
	it('adopts an agreement when more than half of the votes say yes', () => {
		expect(hasMajority({ yes: 3, no: 2 })).toBe(true);
		expect(hasMajority({ yes: 1, no: 0 })).toBe(true);
	});
	it('does not adopt a tie, a minority or an agreement nobody voted on', () => {
		expect(hasMajority({ yes: 2, no: 2 })).toBe(false);
		expect(hasMajority({ yes: 2, no: 3 })).toBe(false);
		expect(hasMajority({ yes: 0, no: 0 })).toBe(false);
	});
	it('publishes the agreements with a majority, in their order', () => {
		const list = [
			{ id: 1, yes: 5, no: 1, approvedAt: at },
			{ id: 2, yes: 1, no: 5, approvedAt: at },
			{ id: 3, yes: 4, no: 3, approvedAt: at }
		];
		expect(adopted(list).map((a) => a.id)).toEqual([1, 3]);
	});
});

describe('approval before a proposed agreement is shown', () => {
	const proposal = { id: 9, yes: 0, no: 0, approvedAt: null };
	it('keeps a waiting proposal from the vote and from the published page', () => {
		expect(votable([proposal])).toEqual([]);
		expect(adopted([{ ...proposal, yes: 10 }])).toEqual([]);
	});
	it('shows it once approved', () => {
		expect(votable([{ ...proposal, approvedAt: at }])).toHaveLength(1);
	});
});
