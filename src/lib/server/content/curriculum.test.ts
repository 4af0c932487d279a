import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadContent } from './loader';
import { formatProblem } from './types';
import { CHECK_LABELS } from './check-labels';

// The browser tests run on fixture content; this is where the real curriculum is checked.
describe('the real curriculum in content/', () => {
	const loaded = loadContent(resolve('content'), {
		...CHECK_LABELS,
		staticDir: resolve('static')
	});

	it('loads without a problem', () => {
		expect(loaded.problems.map(formatProblem)).toEqual([]);
	});
	it('has no warnings: no quiz lets the longest answer give it away', () => {
		// A stale translation is allowed to wait for its translator: readers get the Danish
		// original meanwhile, and content:check and content:translation list it.
		const warnings = loaded.warnings.filter((w) => w.field !== 'translatedFrom');
		expect(warnings.map(formatProblem)).toEqual([]);
	});
	it('has the evening: at least 20 poll questions, 12 dilemmas and 15 agreement suggestions', () => {
		expect(loaded.evening.questions.size).toBeGreaterThanOrEqual(20);
		expect(loaded.evening.dilemmas.size).toBeGreaterThanOrEqual(12);
		expect(loaded.evening.agreements.size).toBeGreaterThanOrEqual(15);
	});
	it('has both tracks with modules', () => {
		expect(loaded.locales.da.tracks.unge.modules.length).toBeGreaterThanOrEqual(10);
		expect(loaded.locales.da.tracks.foraeldre.modules.length).toBeGreaterThanOrEqual(5);
	});
});
