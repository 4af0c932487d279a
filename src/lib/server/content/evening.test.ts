import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { stringify } from 'yaml';
import { loadEvening } from './evening';
import { EVENING_MINIMUMS } from './evening-schema';
import { formatProblem, type ContentProblem } from './types';

let root: string;
function write(path: string, text: string) {
	mkdirSync(dirname(join(root, path)), { recursive: true });
	writeFileSync(join(root, path), text);
}
const rel = (path: string) => relative(process.cwd(), join(root, path));

const question = (id: string) => ({
	id,
	prompt: 'Hvor er din telefon om natten?',
	options: [
		{ id: 'ja', text: 'Ja' },
		{ id: 'nej', text: 'Nej' }
	]
});
const dilemma = (id: string) => ({
	id,
	title: 'Billedet',
	audience: 'unge',
	situation: 'Emma tager et sjovt billede af Sara.',
	statement: 'Det er okay at dele det.',
	talkAbout: ['Hvordan har Sara det?', 'Hvad kan Emma gøre?']
});
const agreement = (id: string) => ({
	id,
	audience: 'begge',
	text: 'Vi spørger, før vi deler.',
	why: 'Så ingen bliver til grin.'
});
const many = <T>(n: number, make: (id: string) => T) =>
	Array.from({ length: n }, (_, i) => make(`id-${i}`));

function validTree() {
	write(
		'da/stemmer/a.yaml',
		stringify({ title: 'Vaner', questions: many(EVENING_MINIMUMS.questions, question) })
	);
	write(
		'da/dilemmaer/a.yaml',
		stringify({ title: 'Unge', dilemmas: many(EVENING_MINIMUMS.dilemmas, dilemma) })
	);
	write(
		'da/aftaler/a.yaml',
		stringify({ title: 'Forslag', agreements: many(EVENING_MINIMUMS.agreements, agreement) })
	);
}

function load() {
	const problems: ContentProblem[] = [];
	return { library: loadEvening(root, problems), problems: problems.map(formatProblem) };
}

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'evening-'));
	validTree();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the evening libraries in content/da/stemmer, dilemmaer and aftaler', () => {
	it('loads valid files', () => {
		const { library, problems } = load();
		expect(problems).toEqual([]);
		expect(library.questions.size).toBe(EVENING_MINIMUMS.questions);
		expect(library.pollGroups[0].questions[0]).toMatchObject({ id: 'id-0', group: 'Vaner' });
		expect(library.dilemmas.size).toBe(EVENING_MINIMUMS.dilemmas);
		expect(library.agreements.size).toBe(EVENING_MINIMUMS.agreements);
	});

	it('names file, line and field in Danish for a broken entry', () => {
		write(
			'da/dilemmaer/b.yaml',
			'title: Flere\ndilemmas:\n  - id: nyt\n    title: Et dilemma\n    audience: alle\n    situation: Noget sker.\n    statement: Det er fint.\n    talkAbout: [Hvorfor?]\n'
		);
		expect(load().problems).toEqual([
			`${rel('da/dilemmaer/b.yaml')}:5 [dilemmas.0.audience]: audience skal være unge, foraeldre eller begge`,
			`${rel('da/dilemmaer/b.yaml')}:8 [dilemmas.0.talkAbout]: mindst 2 spørgsmål`
		]);
	});

	it('refuses an id used twice, also across files, on the line where it comes again', () => {
		write('da/stemmer/b.yaml', stringify({ title: 'Mere', questions: [question('id-3')] }));
		expect(load().problems).toEqual([
			`${rel('da/stemmer/b.yaml')}:3 [questions.0.id]: id "id-3" er allerede brugt; vælg et andet`
		]);
	});

	it('refuses two options with the same id', () => {
		write(
			'da/stemmer/b.yaml',
			stringify({
				title: 'Mere',
				questions: [
					{
						...question('ny'),
						options: [
							{ id: 'ja', text: 'Ja' },
							{ id: 'ja', text: 'Nej' }
						]
					}
				]
			})
		);
		expect(load().problems).toEqual([
			`${rel('da/stemmer/b.yaml')}:6 [questions.0.options]: hver svarmulighed skal have sit eget id`
		]);
	});

	it('asks for at least 20 questions, 12 dilemmas and 15 agreements', () => {
		write('da/stemmer/a.yaml', stringify({ title: 'Vaner', questions: many(3, question) }));
		write('da/aftaler/a.yaml', stringify({ title: 'Forslag', agreements: many(14, agreement) }));
		expect(load().problems).toEqual([
			`${rel('da/stemmer')}: mindst 20 spørgsmål i alt (har 3)`,
			`${rel('da/aftaler')}: mindst 15 aftaleforslag i alt (har 14)`
		]);
	});

	it('keeps the text as easy to read as a youth lesson', () => {
		const long =
			'Sikkerhedsindstillingerne kontrolleres systematisk gennem applikationsadministrationen';
		write(
			'da/aftaler/b.yaml',
			stringify({ title: 'Svære', agreements: [{ ...agreement('svaer'), text: long, why: long }] })
		);
		expect(load().problems).toEqual([
			expect.stringMatching(/b\.yaml: LIX \d+(\.\d+)? er over grænsen 35$/)
		]);
	});
});
