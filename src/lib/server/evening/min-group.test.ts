import { describe, expect, it } from 'vitest';
import { MINIMUM_GROUP_SIZE } from '../measures/minimum-group';
import { enoughAnswers, youthFigures } from './min-group';

describe('the minimum group size', () => {
	it('is 10', () => {
		expect(MINIMUM_GROUP_SIZE).toBe(10);
	});
	it('hides a question that 9 answered', () => {
		expect(youthFigures([4, 3, 2])).toEqual({ shown: false });
		expect(enoughAnswers(9)).toBe(false);
	});
	it('shows a question that 10 answered, with its counts', () => {
		expect(youthFigures([4, 3, 3])).toEqual({ shown: true, answered: 10, counts: [4, 3, 3] });
		expect(enoughAnswers(10)).toBe(true);
	});
	it('counts answers, not options: nothing answered shows nothing', () => {
		expect(youthFigures([0, 0, 0, 0])).toEqual({ shown: false });
		expect(youthFigures([])).toEqual({ shown: false });
	});
});
