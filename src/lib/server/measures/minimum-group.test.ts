import { describe, expect, it } from 'vitest';
import { MINIMUM_GROUP_SIZE, figure, meanOf, type Figure, type Tally } from './minimum-group';

const group = (people: number, sum = people): Tally => ({ people, sum });
const numbers = (f: Figure) => (f.shown ? { people: f.people, sum: f.sum } : null);

describe('the minimum group size', () => {
	it('is 10: a group of 9 is hidden, a group of 10 is shown', () => {
		expect(MINIMUM_GROUP_SIZE).toBe(10);
		expect(figure([group(9, 6)])).toEqual({ shown: false });
		expect(figure([group(10, 6)])).toEqual({ shown: true, people: 10, sum: 6, groups: 1 });
		expect(meanOf(figure([group(10, 6)]))).toBeCloseTo(0.6);
		expect(meanOf(figure([group(9, 6)]))).toBeNull();
	});

	it('does not add small groups up to a figure: 9 + 9 people in two groups is still nothing', () => {
		expect(figure([group(9), group(9)])).toEqual({ shown: false });
		expect(figure([])).toEqual({ shown: false });
	});

	it("refuses the subtraction attack: a municipality's total minus all but one school", () => {
		// Three schools in one municipality; school C has 7 pupils.
		const schools = { a: [group(12, 9)], b: [group(15, 11)], c: [group(7, 2)] };
		const municipality = figure([...schools.a, ...schools.b, ...schools.c]);
		const a = figure(schools.a);
		const b = figure(schools.b);
		expect(figure(schools.c)).toEqual({ shown: false });
		// Everything allowed is shown; what the total minus A and B leaves is nothing at all.
		expect(numbers(municipality)).toEqual({ people: 27, sum: 20 });
		const rest = {
			people: numbers(municipality)!.people - numbers(a)!.people - numbers(b)!.people,
			sum: numbers(municipality)!.sum - numbers(a)!.sum - numbers(b)!.sum
		};
		expect(rest).toEqual({ people: 0, sum: 0 });
	});

	it('refuses the attack inside one school: the school minus its large class', () => {
		const large = group(14, 10);
		const small = group(3, 3);
		const school = figure([large, small]);
		expect(numbers(school)).toEqual(numbers(figure([large])));
	});

	it('refuses differencing two periods: a longer period minus a shorter one is whole groups', () => {
		// Groups by their one date: January (12), February (4), March (11).
		const january = group(12, 7);
		const february = group(4, 4);
		const march = group(11, 5);
		const toFebruary = numbers(figure([january, february]))!;
		const toMarch = numbers(figure([january, february, march]))!;
		// January–March minus January–February is exactly March's group: 11 people, never February's 4.
		expect({
			people: toMarch.people - toFebruary.people,
			sum: toMarch.sum - toFebruary.sum
		}).toEqual({ people: 11, sum: 5 });
		expect(numbers(figure([january]))).toEqual(toFebruary);
	});
});
