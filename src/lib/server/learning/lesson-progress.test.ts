import { describe, expect, it } from 'vitest';
import { postedStep, stepToShow, WHOLE_LESSON } from './lesson-progress';

describe('stepToShow', () => {
	it('shows the step in the address, or the whole lesson', () => {
		expect(stepToShow('2', 4, null)).toBe(2);
		expect(stepToShow('4', 4, 1)).toBe(4);
		expect(stepToShow('alle', 4, 3)).toBe(WHOLE_LESSON);
	});
	it('refuses a step the lesson does not have', () => {
		expect(stepToShow('5', 4, null)).toBeNull();
		expect(stepToShow('0', 4, null)).toBeNull();
		expect(stepToShow('02', 4, null)).toBeNull();
	});
	it('opens the module at the furthest step reached, within the lesson', () => {
		expect(stepToShow(undefined, 4, null)).toBe(1);
		expect(stepToShow(undefined, 4, 3)).toBe(3);
		// The lesson was shortened since: the last step.
		expect(stepToShow(undefined, 4, 5)).toBe(4);
	});
});

describe('postedStep', () => {
	it('takes 1 to the number of steps only', () => {
		expect(postedStep('3', 5)).toBe(3);
		expect(postedStep('6', 5)).toBeNull();
		expect(postedStep('x', 5)).toBeNull();
		expect(postedStep(null, 5)).toBeNull();
	});
});
