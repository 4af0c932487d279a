import { describe, expect, it } from 'vitest';
import { groupSections, lessonSteps, stepsProblem, type LessonSection } from './lesson-steps';

const section = (title: string | null, words: number): LessonSection => ({
	title,
	words,
	html: title === null ? `<p>intro</p>` : `<h2>${title}</h2>`
});

describe('groupSections', () => {
	it('keeps 3–5 sections as they are', () => {
		expect(groupSections([10, 20, 30])).toEqual([[0], [1], [2]]);
		expect(groupSections([10, 20, 30, 40, 50])).toEqual([[0], [1], [2], [3], [4]]);
	});
	it('joins the two neighbours with the fewest words until there are five', () => {
		// 6 sections: 20+15 is the lightest pair
		expect(groupSections([100, 20, 15, 90, 80, 70])).toEqual([[0], [1, 2], [3], [4], [5]]);
		// 8 sections: first 10+10, then 20+30 (the joined pair now weighs 20), then 40+50
		expect(groupSections([100, 10, 10, 30, 200, 40, 50, 300])).toEqual([
			[0],
			[1, 2, 3],
			[4],
			[5, 6],
			[7]
		]);
	});
	it('takes the earlier pair on a tie', () => {
		expect(groupSections([10, 10, 10, 10, 10, 10])).toEqual([[0, 1], [2], [3], [4], [5]]);
	});
});

describe('lessonSteps', () => {
	it('puts the text before the first heading into step 1, titled by that heading', () => {
		const steps = lessonSteps([
			section(null, 30),
			section('Hvad er det?', 50),
			section('Tegn', 40),
			section('Hvad gør du?', 60)
		]);
		expect(steps.map((s) => s.title)).toEqual(['Hvad er det?', 'Tegn', 'Hvad gør du?']);
		expect(steps[0].html).toBe('<p>intro</p><h2>Hvad er det?</h2>');
	});
	it('counts the intro with the first section when joining', () => {
		// intro 200 + first 10 weighs 210, so the light pair is "B"+"C"
		const steps = lessonSteps([
			section(null, 200),
			section('A', 10),
			section('B', 20),
			section('C', 20),
			section('D', 90),
			section('E', 90),
			section('F', 90)
		]);
		expect(steps.map((s) => s.title)).toEqual(['A', 'B', 'D', 'E', 'F']);
		expect(steps[1].html).toBe('<h2>B</h2><h2>C</h2>');
	});
});

describe('stepsProblem', () => {
	it('wants at least three ## sections', () => {
		expect(stepsProblem([section(null, 10), section('A', 1), section('B', 1)])).toMatch(
			/kan ikke deles i 3–5 trin: den har 2 afsnit/
		);
		expect(stepsProblem([section(null, 10)])).toMatch(/den har 0 afsnit/);
		expect(stepsProblem([section('A', 1), section('B', 1), section('C', 1)])).toBeNull();
		expect(stepsProblem(Array.from({ length: 9 }, (_, i) => section(`${i}`, 1)))).toBeNull();
	});
});
