import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { loadMeasures, measureView } from './measures';
import { formatProblem, type ContentProblem, type Module } from './types';

let root: string;
const modules = new Map([['sextortion', {} as Module]]);

const knowledge = (id: string, extra: Record<string, unknown> = {}) => ({
	id,
	kind: 'viden',
	label: 'Afpresning',
	module: 'sextortion',
	text: 'Hvad gør du, hvis nogen vil have penge for et billede?',
	options: [
		{ id: 'betal', text: 'Jeg betaler.' },
		{ id: 'hjaelp', text: 'Jeg siger det til en voksen.', correct: true },
		{ id: 'slet', text: 'Jeg sletter alt.' }
	],
	...extra
});
const scale = (id: string, kind: 'tryghed' | 'handling') => ({
	id,
	kind,
	label: 'Ved, hvor der er hjælp',
	text: 'Jeg ved, hvor jeg kan få hjælp.'
});
const measure = (questions: unknown[], extra: Record<string, unknown> = {}) =>
	stringify({
		title: 'Før og efter',
		audience: 'unge',
		summary: 'Kort.',
		intro: 'Svar på et par spørgsmål.',
		sources: [{ title: 'Kilde', url: 'https://example.org/kilde' }],
		questions,
		...extra
	});
const valid = [
	knowledge('a'),
	knowledge('b'),
	knowledge('c'),
	scale('d', 'tryghed'),
	scale('e', 'tryghed'),
	scale('f', 'handling')
];

function load(files: Record<string, string>) {
	mkdirSync(join(root, 'da', 'maalinger'), { recursive: true });
	for (const [name, text] of Object.entries(files))
		writeFileSync(join(root, 'da', 'maalinger', name), text);
	const problems: ContentProblem[] = [];
	return { measures: loadMeasures(root, 'da', modules, problems), problems };
}

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'maalinger-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('measures in content (content/<locale>/maalinger)', () => {
	it('loads a valid measure and never gives a page the right answers', () => {
		const { measures, problems } = load({ 'foer-efter.yaml': measure(valid) });
		expect(problems).toEqual([]);
		const view = measureView(measures.get('foer-efter')!);
		expect(view.questions).toHaveLength(6);
		expect(JSON.stringify(view)).not.toContain('correct');
		expect(view.questions[0].options.map((o) => o.id)).toEqual(['betal', 'hjaelp', 'slet']);
	});

	it('names file, line and field in Danish for every problem', () => {
		const file = relative(process.cwd(), join(root, 'da', 'maalinger', 'fejl.yaml'));
		const { measures, problems } = load({
			'fejl.yaml': measure([
				knowledge('a', { module: 'findes-ikke' }),
				knowledge('b', {
					options: [
						{ id: 'x', text: 'En', correct: true },
						{ id: 'y', text: 'To', correct: true },
						{ id: 'z', text: 'Tre' }
					]
				}),
				scale('c', 'tryghed'),
				scale('d', 'tryghed'),
				scale('e', 'tryghed'),
				scale('e', 'tryghed')
			])
		});
		expect(measures.size).toBe(0);
		expect(problems.map(formatProblem)).toEqual([
			`${file}:28 [questions.1.options]: præcis én svarmulighed skal have correct: true`,
			`${file}:48 [questions.5.id]: id bruges allerede`,
			`${file}:9 [questions]: mindst ét spørgsmål med kind: handling`
		]);
	});

	it('refuses an unknown module, too few questions and text that is hard to read', () => {
		const { problems } = load({
			'modul.yaml': measure([knowledge('a', { module: 'findes-ikke' }), ...valid.slice(1)]),
			'kort.yaml': measure(valid.slice(0, 5)),
			'svaer.yaml': measure(
				valid.map((q) => ({
					...q,
					text: 'Undersøgelsesresultaterne dokumenterer kommunikationsudfordringer og forebyggelsesindsatser'
				}))
			)
		});
		expect(problems.map((p) => `${p.file.split('/').pop()} ${p.field ?? ''} ${p.message}`)).toEqual(
			[
				'kort.yaml questions mindst 6 spørgsmål',
				'kort.yaml questions mindst ét spørgsmål med kind: handling',
				'modul.yaml questions.0.module modulet "findes-ikke" findes ikke',
				expect.stringMatching(/^svaer\.yaml {2}LIX [\d.]+ er over grænsen 35 for unge$/)
			]
		);
	});
});
