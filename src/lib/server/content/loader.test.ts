import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadContent } from './loader';
import { materialsOf } from './materials';
import { moduleSourceHash, sourceHash } from './translation';
import { formatProblem } from './types';
import { CHECK_LABELS } from './check-labels';

let root: string;

function write(path: string, text: string) {
	mkdirSync(dirname(join(root, path)), { recursive: true });
	writeFileSync(join(root, path), text);
}

/** Three ## sections, the fewest a lesson may be read in (lesson-steps.ts). */
const SECTIONS = '\n\n## Først\n\nTekst.\n\n## Så\n\nTekst.\n\n## Til sidst\n\nTekst.';
const lesson = (
	title: string,
	body = 'Det her er en kort tekst. Den er let at læse.',
	{ front = '', sections = SECTIONS } = {}
) =>
	`---\ntitle: ${title}\nsummary: Kort om emnet.\nminutes: 5\nages: [10, 18]\ntopics: [test]\nsources:\n  - title: Kilde\n    url: https://example.org/kilde\nlastReviewed: 2026-11-25\n${front}---\n${body}${sections}\n`;

const question = (id: string) => ({
	id,
	type: 'single',
	prompt: 'Hvad gør du?',
	options: [
		{ id: 'a', text: 'Det rigtige', correct: true, feedback: 'Godt.' },
		{ id: 'b', text: 'Det forkerte', feedback: 'Ikke godt.' }
	],
	explanation: 'Derfor.'
});
const quiz = (n: number) =>
	stringify({ questions: Array.from({ length: n }, (_, i) => question(`q${i}`)) });
const teacher = [
	'Formål',
	'Lektionsplan (45 minutter)',
	'Spørgsmål til samtale',
	'Hvis en elev fortæller om noget',
	'Kilder'
]
	.map((h) => `## ${h}\n\nTekst.\n`)
	.join('\n');
const cards = stringify({
	summary: 'Dit barn lærte noget.',
	questions: ['Et?', 'To?', 'Tre?'],
	tip: 'Lyt.'
});

function validTree() {
	write('da/unge/track.yaml', stringify({ title: 'Unge', intro: 'Hej.', modules: ['et-modul'] }));
	write(
		'da/unge/et-modul/lesson.md',
		lesson('Et modul', 'Det her er en kort tekst. Se også [den her side](/foraeldre/for-voksne).')
	);
	write('da/unge/et-modul/quiz.yaml', quiz(6));
	write('da/unge/et-modul/teacher.md', teacher);
	write('da/unge/et-modul/cards.yaml', cards);
	write(
		'da/foraeldre/track.yaml',
		stringify({ title: 'Forældre', intro: 'Hej.', modules: ['for-voksne'] })
	);
	write('da/foraeldre/for-voksne/lesson.md', lesson('For voksne'));
	write('da/foraeldre/for-voksne/quiz.yaml', quiz(5));
	write('da/foraeldre/for-voksne/teacher.md', teacher);
	write(
		'da/hjaelp/help.yaml',
		stringify({
			title: 'Få hjælp',
			intro: 'Hjælp.',
			lastChecked: '2026-11-25',
			emergency: [{ name: 'Alarm 112', text: 'Fare.', href: 'tel:112', label: 'Ring 112' }],
			services: [
				{
					id: 'politi',
					name: 'Politiet',
					helpsWith: 'Anmeldelser.',
					forWhom: 'Alle',
					anonymous: false,
					contact: [{ kind: 'phone', label: '114', href: 'tel:114' }],
					source: { title: 'politi.dk', url: 'https://politi.dk' }
				}
			],
			situations: [{ id: 'trusler', title: 'Trusler', advice: 'Ring.', services: ['politi'] }]
		})
	);
}

/** An English translation of "et-modul", made from the current Danish version. */
function writeTranslation(locale: string, quizYaml = quiz(6)) {
	write(
		`${locale}/unge/et-modul/lesson.md`,
		`---\ntitle: A module\nsummary: Briefly.\ntranslatedFrom: ${moduleSourceHash(join(root, 'da/unge/et-modul'))}\ntranslationReview: back-translation, 2026-12-02\n---\nA short text.\n\n## First\n\nText.\n\n## Then\n\nText.\n\n## Last\n\nText.\n`
	);
	write(`${locale}/unge/et-modul/quiz.yaml`, quizYaml);
	write(
		`${locale}/unge/et-modul/cards.yaml`,
		stringify({
			summary: 'Your child learned.',
			questions: ['One?', 'Two?', 'Three?'],
			tip: 'Listen.'
		})
	);
}

const load = () => loadContent(root, { ...CHECK_LABELS, staticDir: join(root, 'static') });
const messages = () => load().problems.map(formatProblem);

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'content-'));
	validTree();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('loadContent', () => {
	it('loads a valid tree with tracks, modules, questions and help', () => {
		const { locales, problems } = load();
		expect(problems).toEqual([]);
		expect(locales.da.tracks.unge.modules.map((m) => m.slug)).toEqual(['et-modul']);
		expect(locales.da.modules.get('et-modul')!.questions).toHaveLength(6);
		expect(locales.da.help!.situations[0].services[0].name).toBe('Politiet');
	});

	it('falls back to Danish per module when a translation is missing, and says so', () => {
		writeTranslation('en');
		const { locales, problems } = load();
		expect(problems).toEqual([]);
		expect(locales.en.modules.get('et-modul')).toMatchObject({
			title: 'A module',
			locale: 'en',
			translated: true,
			// Facts and teacher notes come from the Danish module.
			ages: [10, 18],
			sources: [{ title: 'Kilde', url: 'https://example.org/kilde' }]
		});
		expect(locales.en.modules.get('et-modul')!.lessonSteps.map((step) => step.title)).toEqual([
			'First',
			'Then',
			'Last'
		]);
		expect(locales.en.modules.get('et-modul')!.lessonSteps[0].html).toContain('A short text.');
		expect(locales.en.modules.get('et-modul')!.cards!.summary).toBe('Your child learned.');
		expect(locales.en.modules.get('for-voksne')).toMatchObject({
			title: 'For voksne',
			translated: false
		});
	});

	it('names file, line and field for a front-matter error', () => {
		write('da/unge/et-modul/lesson.md', lesson('Et modul').replace('minutes: 5', 'minutes: fem'));
		expect(messages()).toContainEqual(
			expect.stringMatching(/content-.*et-modul\/lesson\.md:4 \[minutes\]: /)
		);
	});

	it('names the question and option of a quiz error', () => {
		const broken = {
			questions: [
				...Array.from({ length: 5 }, (_, i) => question(`q${i}`)),
				{
					...question('q5'),
					options: [
						{ id: 'a', text: 'x', correct: true },
						{ id: 'b', text: 'y', feedback: 'z' }
					]
				}
			]
		};
		write('da/unge/et-modul/quiz.yaml', stringify(broken));
		expect(messages()).toContainEqual(
			expect.stringMatching(/quiz\.yaml:\d+ \[questions\.5\.options\.0\.feedback\]/)
		);
	});

	it('checks quiz consistency: one correct answer, unique ids, enough ordering items and questions', () => {
		const q = question('q0');
		const noCorrect = { ...q, options: q.options.map((o) => ({ ...o, correct: false })) };
		const order = {
			id: 'raekke',
			type: 'order',
			prompt: 'Ordn',
			items: [
				{ id: 'a', text: 'A', feedback: 'A' },
				{ id: 'b', text: 'B', feedback: 'B' }
			],
			explanation: 'E'
		};
		write('da/unge/et-modul/quiz.yaml', stringify({ questions: [noCorrect, q, order] }));
		const found = messages().join('\n');
		expect(found).toContain('præcis én svarmulighed skal have correct: true');
		expect(found).toContain('mindst 3 punkter at ordne');
	});

	it('refuses links to modules that do not exist and images without alt text', () => {
		write(
			'da/unge/et-modul/lesson.md',
			lesson('Et modul', 'Se [her](/unge/findes-ikke).\n\n![](billede.svg)')
		);
		const found = messages().join('\n');
		expect(found).toContain('linket /unge/findes-ikke peger på et modul, der ikke findes');
		expect(found).toContain('billedet billede.svg mangler alt-tekst');
		expect(found).toContain('billedet billede.svg findes ikke');
	});

	it('requires teacher notes sections and conversation cards for youth modules', () => {
		rmSync(join(root, 'da/unge/et-modul/cards.yaml'));
		write('da/unge/et-modul/teacher.md', '## Formål\n\nTekst.');
		const found = messages().join('\n');
		expect(found).toContain('samtalekortene mangler');
		expect(found).toContain('mangler afsnit: ## Lektionsplan (45 minutter)');
	});

	it('fails a lesson that is too hard to read for its track', () => {
		const hard =
			'Kommunikationsplatformenes algoritmebaserede anbefalingssystemer prioriterer engagementsmaksimerende indholdstyper uforholdsmæssigt, hvilket medfører eksponeringsrisici.';
		write('da/unge/et-modul/lesson.md', lesson('Et modul', hard));
		expect(messages().join('\n')).toMatch(/LIX \d+(\.\d)? er over grænsen 35/);
	});

	it('reads a lesson in steps at its ## headings, the intro in the first', () => {
		const module = load().locales.da.modules.get('et-modul')!;
		expect(module.lessonSteps.map((st) => st.title)).toEqual(['Først', 'Så', 'Til sidst']);
		expect(module.lessonSteps[0].html).toMatch(/^<p>Det her er en kort tekst.*<h2>Først<\/h2>/s);
	});

	it('refuses a lesson with fewer than three sections', () => {
		write(
			'da/unge/et-modul/lesson.md',
			lesson('Et modul', 'Intro.', { sections: '\n\n## Et\n\nTekst.\n\n## To\n\nTekst.' })
		);
		expect(messages().join('\n')).toContain(
			'lesson.md: teksten kan ikke deles i 3–5 trin: den har 2 afsnit med ##-overskrift'
		);
	});

	it('places quiz questions between steps and checks the step and the question', () => {
		write(
			'da/unge/et-modul/lesson.md',
			lesson('Et modul', 'Intro.', { front: 'stepQuestions:\n  1: q2\n  2: q0\n' })
		);
		expect(load().locales.da.modules.get('et-modul')!.stepQuestions).toEqual([
			{ afterStep: 1, questionId: 'q2' },
			{ afterStep: 2, questionId: 'q0' }
		]);
		write(
			'da/unge/et-modul/lesson.md',
			lesson('Et modul', 'Intro.', { front: 'stepQuestions:\n  3: q1\n  2: findes-ikke\n' })
		);
		const found = messages().join('\n');
		expect(found).toContain(
			'[stepQuestions.3]: teksten har 3 trin; et spørgsmål står mellem to trin'
		);
		expect(found).toContain('[stepQuestions.2]: spørgsmålet "findes-ikke" findes ikke i quiz.yaml');
	});

	it('warns while takeaways are missing and wants exactly three when given', () => {
		const { warnings } = load();
		expect(warnings.map(formatProblem)).toContainEqual(
			expect.stringMatching(/et-modul\/lesson\.md \[takeaways\]: mangler/)
		);
		write(
			'da/unge/et-modul/lesson.md',
			lesson('Et modul', 'Intro.', { front: 'takeaways:\n  - Et.\n  - To.\n' })
		);
		expect(messages().join('\n')).toMatch(/\[takeaways\]: præcis 3 korte linjer/);
		write(
			'da/unge/et-modul/lesson.md',
			lesson('Et modul', 'Intro.', { front: 'takeaways:\n  - Et.\n  - To.\n  - Tre.\n' })
		);
		const loaded = load();
		expect(loaded.problems).toEqual([]);
		expect(loaded.locales.da.modules.get('et-modul')!.takeaways).toEqual(['Et.', 'To.', 'Tre.']);
		expect(loaded.warnings.filter((w) => w.file.includes('et-modul'))).toEqual([]);
	});

	it('counts mock messages and names the line of a broken one', () => {
		const body = [
			'Intro.',
			'',
			':::besked sms fra="Ukendt nummer"',
			'Din pakke venter.',
			':::',
			'',
			':::besked brev fra="Posten"',
			'Hej.',
			':::'
		].join('\n');
		write('da/unge/et-modul/lesson.md', lesson('Et modul', body));
		const found = messages().join('\n');
		// The front matter takes lines 1–11; the body starts on line 12.
		expect(found).toMatch(/et-modul\/lesson\.md:18: :::besked: ukendt slags besked "brev"/);
		write(
			'da/unge/et-modul/lesson.md',
			lesson('Et modul', body.split('\n').slice(0, 5).join('\n'))
		);
		expect(load().locales.da.modules.get('et-modul')!.mockMessages).toBe(1);
		write('da/unge/et-modul/lesson.md', lesson('Et modul', ':::besked sms fra="X"\nHej.'));
		expect(messages().join('\n')).toContain(':::besked mangler en afsluttende :::');
	});

	it('finds modules missing from the track list and duplicate slugs', () => {
		write('da/unge/glemt/lesson.md', lesson('Glemt'));
		write(
			'da/foraeldre/track.yaml',
			stringify({ title: 'Forældre', intro: 'Hej.', modules: ['for-voksne', 'et-modul'] })
		);
		const found = messages().join('\n');
		expect(found).toContain('modulet "glemt" står ikke på listen');
		expect(found).toContain('filen mangler');
	});
});

describe('local help (content/<locale>/kommuner)', () => {
	const service = (id: string) => ({
		id,
		name: 'SSP Herlev',
		helpsWith: 'Forebyggelse.',
		forWhom: 'Unge og forældre',
		anonymous: false,
		contact: [{ kind: 'web', label: 'herlev.dk', href: 'https://herlev.dk' }],
		source: { title: 'Herlev Kommune', url: 'https://herlev.dk' },
		lastChecked: '2026-12-02'
	});
	const kommune = (municipality: string, ids: string[]) =>
		stringify({ name: `${municipality} Kommune`, municipality, services: ids.map(service) });

	it('loads each municipality with its services, sorted by name; national services get the page date', () => {
		write('da/kommuner/herlev.yaml', kommune('Herlev', ['herlev-ssp']));
		write('da/kommuner/ballerup.yaml', kommune('Ballerup', ['ballerup-ssp']));
		const { locales, problems } = load();
		expect(problems).toEqual([]);
		expect(locales.da.localHelp.map((l) => [l.slug, l.municipality])).toEqual([
			['ballerup', 'Ballerup'],
			['herlev', 'Herlev']
		]);
		expect(locales.da.localHelp[1].services[0].lastChecked).toBe('2026-12-02');
		expect(locales.da.help!.services[0].lastChecked).toBe('2026-11-25');
		// English falls back to the Danish municipalities.
		expect(locales.en.localHelp).toHaveLength(2);
	});

	it('refuses an unknown municipality, a service without a check date, and a repeated id', () => {
		write('da/kommuner/gotham.yaml', kommune('Gotham', ['gotham-ssp']));
		const undated = { ...service('herlev-ssp'), lastChecked: undefined };
		write(
			'da/kommuner/herlev.yaml',
			stringify({ name: 'Herlev Kommune', municipality: 'Herlev', services: [undated] })
		);
		write('da/kommuner/gladsaxe.yaml', kommune('Gladsaxe', ['politi']));
		const found = messages().join('\n');
		expect(found).toMatch(/gotham\.yaml:\d+ \[municipality\]: skal være en kommunes navn/);
		expect(found).toMatch(/herlev\.yaml:\d+ \[services\.0\.lastChecked\]/);
		expect(found).toMatch(/gladsaxe\.yaml \[services\]: tjeneste-id "politi" er allerede brugt/);
	});
});

describe('materials for the lesson plans (content/<locale>/materialer)', () => {
	const material = (overrides: Record<string, unknown> = {}) =>
		stringify({
			title: 'Svindel-detektiv',
			module: 'et-modul',
			summary: 'Opdigtede beskeder.',
			instructions: 'Print **ét sæt** pr. gruppe.',
			cards: [
				{
					kind: 'besked',
					channel: 'sms',
					from: 'PostNord',
					text: 'Betal 19 kr.',
					link: 'pakke-dk.example/betal',
					answer: 'Fup.'
				},
				{ kind: 'tekst', text: 'At købe et skin i butikken.' }
			],
			...overrides
		});

	it("loads each material with its module's slug and rendered instructions", () => {
		write('da/materialer/svindel-detektiv.yaml', material());
		write('da/materialer/andet.yaml', material({ title: 'Andet kort' }));
		const { locales, problems } = load();
		expect(problems).toEqual([]);
		const found = locales.da.materials.get('svindel-detektiv')!;
		expect(found.module).toBe('et-modul');
		expect(found.instructionsHtml).toContain('<strong>ét sæt</strong>');
		expect(found.cards[0]).toMatchObject({ kind: 'besked', channel: 'sms', answer: 'Fup.' });
		expect(materialsOf(locales.da.materials, 'et-modul').map((m) => m.title)).toEqual([
			'Andet kort',
			'Svindel-detektiv'
		]);
		// English falls back to the Danish materials.
		expect(locales.en.materials.size).toBe(2);
	});

	it('names file, line and field for an unknown module, a real link, a bad card and a bad name', () => {
		write('da/materialer/ukendt.yaml', material({ module: 'findes-ikke' }));
		write(
			'da/materialer/rigtigt-link.yaml',
			material({
				cards: [
					{ kind: 'besked', channel: 'sms', from: 'X', text: 'Y', link: 'https://postnord.dk' },
					{ kind: 'billede', text: 'Z' }
				]
			})
		);
		write('da/materialer/et-kort.yaml', material({ cards: [{ kind: 'tekst', text: 'Kun ét' }] }));
		write('da/materialer/Store_Bogstaver.yaml', material());
		const found = messages().join('\n');
		expect(found).toMatch(/ukendt\.yaml:\d+ \[module\]: modulet "findes-ikke" findes ikke/);
		expect(found).toMatch(
			/rigtigt-link\.yaml:\d+ \[cards\.0\.link\]: skal være en opdigtet adresse/
		);
		expect(found).toMatch(
			/rigtigt-link\.yaml:\d+ \[cards\.1\.kind\]: kind skal være besked eller tekst/
		);
		expect(found).toMatch(/et-kort\.yaml:\d+ \[cards\]: mindst 2 kort/);
		expect(found).toMatch(/Store_Bogstaver\.yaml: filnavnet skal være små bogstaver/);
	});
});

describe('practice scenarios (content/<locale>/scenarier)', () => {
	const scenario = (overrides: Record<string, unknown> = {}) => ({
		title: 'Sofie vil have penge',
		summary: 'Øv dig i at sige fra.',
		track: 'unge',
		ages: [13, 18],
		minutes: 5,
		module: 'et-modul',
		sources: [{ title: 'Kilde', url: 'https://example.org/kilde' }],
		lastReviewed: '2026-12-02',
		counterpart: { name: 'Sofie, 16', app: 'snapchat' },
		intro: 'Du chatter med Sofie.',
		start: 'start',
		steps: {
			start: {
				messages: [{ text: 'Betal nu.' }],
				choices: [
					{ text: 'Okay.', next: 'betalt', risky: true, feedback: 'Det stopper ikke.' },
					{ text: 'Nej.', next: 'godt', feedback: 'Godt.' }
				]
			},
			betalt: {
				messages: [{ card: { kind: 'betaling', title: 'Betaling', lines: ['500 kr.'] } }],
				choices: [
					{ text: 'Jeg siger det til en voksen.', next: 'godt', feedback: 'Godt.' },
					{ text: 'Jeg betaler igen.', next: 'godt', risky: true, feedback: 'Nej.' }
				]
			},
			godt: {
				ending: {
					title: 'Du fik hjælp',
					outcome: 'godt',
					wentWell: 'Du sagde nej.',
					nowWhat: 'Fortæl det til en voksen.',
					notYourFault: 'Det er ikke din skyld.',
					help: ['politi']
				}
			}
		},
		...overrides
	});
	const scenarioTeacher = [
		'Formål',
		'Sådan bruger du scenariet (20 minutter)',
		'Spørgsmål til samtale',
		'Hvis en elev står i situationen nu',
		'Kilder'
	]
		.map((h) => `## ${h}\n\nTekst.\n`)
		.join('\n');
	const withScenario = (data: Record<string, unknown>) => {
		write(
			'da/unge/track.yaml',
			stringify({ title: 'Unge', intro: 'Hej.', modules: ['et-modul'], scenarios: ['oev-sofie'] })
		);
		write('da/scenarier/oev-sofie/scenario.yaml', stringify(data));
		write('da/scenarier/oev-sofie/teacher.md', scenarioTeacher);
	};

	it('loads a scenario into its track, links it from its module and resolves its help', () => {
		withScenario(scenario());
		const { locales, problems } = load();
		expect(problems).toEqual([]);
		const loaded = locales.da.scenarios.get('oev-sofie')!;
		expect(locales.da.tracks.unge.scenarios.map((s) => s.slug)).toEqual(['oev-sofie']);
		expect(loaded.steps.start.choices[1]).toMatchObject({ next: 'godt', risky: false });
		expect(loaded.steps.godt.ending!.help[0].name).toBe('Politiet');
		expect(locales.da.modules.get('et-modul')!.practice).toEqual([
			{ slug: 'oev-sofie', track: 'unge', title: 'Sofie vil have penge' }
		]);
		expect(locales.en.scenarios.get('oev-sofie')!.translated).toBe(false);
	});

	it('names file, line and field for graph, help and module problems', () => {
		const broken = scenario({ module: 'findes-ikke' }) as ReturnType<typeof scenario>;
		broken.steps.godt.ending!.help = ['ukendt'];
		broken.steps.betalt.choices![0].risky = true;
		withScenario(broken);
		const found = messages().join('\n');
		expect(found).toMatch(
			/oev-sofie\/scenario\.yaml:\d+ \[steps\.betalt\]: efter et risikabelt svar/
		);
		expect(found).toMatch(/\[steps\.godt\.ending\.help\.0\]: "ukendt" findes ikke på hjælpesiden/);
		expect(found).toMatch(/\[module\]: modulet "findes-ikke" findes ikke/);
	});

	it('finds an unlisted scenario folder and missing teacher sections', () => {
		withScenario(scenario());
		write('da/scenarier/glemt/scenario.yaml', stringify(scenario()));
		write('da/scenarier/oev-sofie/teacher.md', '## Formål\n\nTekst.');
		const found = messages().join('\n');
		expect(found).toContain('scenariet "glemt" står ikke under scenarios:');
		expect(found).toContain('mangler afsnit: ## Sådan bruger du scenariet (20 minutter)');
	});
});

describe('translations of modules', () => {
	it('shows the Danish module, with a warning, when the Danish one changed after translating', () => {
		writeTranslation('ar');
		write('da/unge/et-modul/quiz.yaml', quiz(6).replace('Det forkerte', 'Noget forkert'));
		const { locales, problems, warnings } = load();
		expect(problems).toEqual([]);
		expect(locales.ar.modules.get('et-modul')).toMatchObject({
			title: 'Et modul',
			translated: false
		});
		expect(warnings.map(formatProblem).join('\n')).toMatch(
			/ar\/unge\/et-modul\/lesson\.md.*translatedFrom.*ældre dansk version/
		);
	});

	it('stays current when only the Danish sources or review date change', () => {
		writeTranslation('ar');
		write(
			'da/unge/et-modul/lesson.md',
			lesson(
				'Et modul',
				'Det her er en kort tekst. Se også [den her side](/foraeldre/for-voksne).'
			).replace('2026-11-25', '2026-12-02')
		);
		expect(load().locales.ar.modules.get('et-modul')!.translated).toBe(true);
	});

	it('refuses a translated quiz with other questions or right answers than the Danish one', () => {
		writeTranslation(
			'ar',
			quiz(6)
				.replace('correct: true', 'correct: false')
				.replace(
					/- id: b\n(\s+)text: Det forkerte/,
					'- id: b\n$1text: Det forkerte\n$1correct: true'
				)
		);
		const { locales, problems } = load();
		expect(problems.map(formatProblem).join('\n')).toMatch(
			/ar\/unge\/et-modul\/quiz\.yaml.*correct skal være som på dansk/
		);
		expect(locales.ar.modules.get('et-modul')!.translated).toBe(false);

		writeTranslation('ar', quiz(5));
		expect(messages().join('\n')).toMatch(/spørgsmålene skal være de samme som på dansk/);
	});

	it('refuses a translated lesson read in another number of steps than the Danish one', () => {
		writeTranslation('ar');
		const file = join(root, 'ar/unge/et-modul/lesson.md');
		writeFileSync(
			file,
			readFileSync(file, 'utf8').replace('## Last', '## Last\n\nText.\n\n## More')
		);
		const { locales, problems } = load();
		expect(problems.map(formatProblem).join('\n')).toMatch(
			/ar\/unge\/et-modul\/lesson\.md.*3 trin som på dansk \(har 4\)/
		);
		expect(locales.ar.modules.get('et-modul')!.translated).toBe(false);
	});

	it('shows conversation cards translated alone, with the module in Danish', () => {
		const danishCards = readFileSync(join(root, 'da/unge/et-modul/cards.yaml'), 'utf8');
		const translated = (over: Record<string, unknown> = {}) =>
			stringify({
				summary: 'طفلك تعلّم.',
				questions: ['١؟', '٢؟', '٣؟'],
				tip: 'استمع.',
				translatedFrom: sourceHash([danishCards]),
				translationReview: 'back-translation, 2026-12-02',
				...over
			});
		write('ar/unge/et-modul/cards.yaml', translated());
		let { locales, problems } = load();
		expect(problems).toEqual([]);
		expect(locales.ar.modules.get('et-modul')).toMatchObject({
			title: 'Et modul',
			translated: false,
			cardsLocale: 'ar',
			cards: { summary: 'طفلك تعلّم.' }
		});

		write('ar/unge/et-modul/cards.yaml', translated({ questions: ['١؟', '٢؟', '٣؟', '٤؟'] }));
		({ locales, problems } = load());
		expect(problems.map(formatProblem).join('\n')).toMatch(/samtalekortene skal have 3 spørgsmål/);
		expect(locales.ar.modules.get('et-modul')).toMatchObject({ cardsLocale: 'da' });

		write('ar/unge/et-modul/cards.yaml', translated());
		write('da/unge/et-modul/cards.yaml', danishCards.replace('Lyt.', 'Lyt og spørg.'));
		({ locales, problems } = load());
		expect(problems).toEqual([]);
		expect(locales.ar.modules.get('et-modul')).toMatchObject({
			cardsLocale: 'da',
			cards: { tip: 'Lyt og spørg.' }
		});
	});

	it('refuses facts in a translation: they come from the Danish module', () => {
		writeTranslation('ar');
		const file = join(root, 'ar/unge/et-modul/lesson.md');
		writeFileSync(file, readFileSync(file, 'utf8').replace('summary:', 'minutes: 5\nsummary:'));
		expect(messages().join('\n')).toMatch(/ar\/unge\/et-modul\/lesson\.md/);
	});
});

describe('translations of the help page and plain pages', () => {
	const danishHelp = () => readFileSync(join(root, 'da/hjaelp/help.yaml'), 'utf8');
	const translatedHelp = (over: Record<string, unknown> = {}) => {
		const help = parse(danishHelp());
		help.title = 'Get help';
		help.services[0].helpsWith = 'Reports.';
		return stringify({
			...help,
			translatedFrom: sourceHash([danishHelp()]),
			translationReview: 'back-translated 2026-12-02',
			...over
		});
	};

	it('shows a translated help page made from the current Danish one', () => {
		write('ar/hjaelp/help.yaml', translatedHelp());
		const { locales, problems, warnings } = load();
		expect(problems).toEqual([]);
		// The tree's modules are still without takeaways (a warning of their own).
		expect(warnings.filter((w) => w.file.includes('hjaelp'))).toEqual([]);
		expect(locales.ar.help).toMatchObject({ locale: 'ar', title: 'Get help' });
		expect(locales.ar.help!.services[0].contact[0].href).toBe('tel:114');
		// Languages without a translation show the Danish page.
		expect(locales.tr.help).toMatchObject({ locale: 'da', title: 'Få hjælp' });
	});

	it('shows the Danish help page when the Danish one changed after translating, with a warning', () => {
		write('ar/hjaelp/help.yaml', translatedHelp());
		write('da/hjaelp/help.yaml', danishHelp().replace('Anmeldelser.', 'Anmeldelser og råd.'));
		const { locales, problems, warnings } = load();
		expect(problems).toEqual([]);
		expect(locales.ar.help).toMatchObject({ locale: 'da', title: 'Få hjælp' });
		expect(warnings.map(formatProblem).join('\n')).toMatch(
			/ar\/hjaelp\/help\.yaml.*ældre dansk version/
		);
	});

	it('refuses a translated help page with another number than the Danish one', () => {
		const help = parse(translatedHelp());
		help.services[0].contact[0].href = 'tel:1144';
		write('ar/hjaelp/help.yaml', stringify(help));
		const { locales, problems } = load();
		expect(problems.map(formatProblem).join('\n')).toMatch(/services .* skal være som på dansk/);
		expect(locales.ar.help).toMatchObject({ locale: 'da' });
	});

	it('shows a translated page while current, the Danish page when stale or missing', () => {
		const danish = '---\ntitle: Privatliv\nupdated: 2026-11-25\n---\nVi gemmer lidt.\n';
		write('da/sider/privatliv.md', danish);
		write(
			'uk/sider/privatliv.md',
			`---\ntitle: Приватність\ntranslatedFrom: ${sourceHash([danish])}\ntranslationReview: back-translated 2026-12-02\n---\nМи зберігаємо мало.\n`
		);
		let { locales, problems } = load();
		expect(problems).toEqual([]);
		expect(locales.uk.pages.get('privatliv')).toMatchObject({
			locale: 'uk',
			title: 'Приватність',
			updated: '2026-11-25'
		});
		expect(locales.so.pages.get('privatliv')).toMatchObject({ locale: 'da', title: 'Privatliv' });

		write('da/sider/privatliv.md', danish.replace('lidt', 'meget lidt'));
		({ locales, problems } = load());
		expect(problems).toEqual([]);
		expect(locales.uk.pages.get('privatliv')).toMatchObject({ locale: 'da' });
	});
});
