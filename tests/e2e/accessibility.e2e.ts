import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { routeInventory } from './support/route-inventory';
import { axeViolations, loadAxe } from './support/axe';
import { undersizedTargets } from './support/touch-targets';
import { apiClient, postForm } from './support/security-fixtures';
import {
	answerQuiz,
	blockAppScripts,
	createAdmin,
	measureAnswers,
	readMeasure,
	readQuiz,
	signIn,
	signUp,
	trackModules,
	uniqueName
} from './support/helpers';

/**
 * WCAG 2.2 AA, measured: every page of the app (read from src/routes) as every role, at 320 and
 * 1280 px, checked with axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa) and, at 320 px,
 * for 24 × 24 px pointer targets (WCAG 2.5.8, see support/touch-targets.ts) and reflow (1.4.10).
 * Also the quiz in each of its states, form errors, error pages and the reduced-motion preference.
 */

type RoleName = 'visitor' | 'youth' | 'parent' | 'professional' | 'coordinator' | 'admin';
const ROLES: RoleName[] = ['visitor', 'youth', 'parent', 'professional', 'coordinator', 'admin'];
const WIDTHS = [320, 1280] as const;
type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** What the set-up made: accounts of every role and the objects the pages show. */
interface World {
	states: Record<RoleName, StorageState>;
	/** The professional's class, with a pupil (the youth) who answered an assigned module. */
	classPath: string;
	/** The parent's page for the linked youth. */
	familyPath: string;
	/** A live session of the professional, waiting for participants; the visitor and youth joined. */
	liveCode: string;
	liveControlPath: string;
	/** A published theme day of the professional: its organiser page and public slug. */
	themeDayPath: string;
	themeDaySlug: string;
	/** The theme day's youth poll and the class's agreements (voting open), with their links. */
	pollPath: string;
	pollLink: string;
	agreementsPath: string;
	agreementsLink: string;
	/** The professional's measures: one closed with 10 pairs (figures shown), one open. */
	closedMeasurePath: string;
	openMeasurePath: string;
	openMeasureCode: string;
}

/** A state of a page to check. Without `roles`, every role visits it. */
interface Visit {
	name: string;
	path: (world: World) => string;
	roles?: RoleName[];
	/** Checked with the app's JavaScript blocked: what a browser without JavaScript shows. */
	noJs?: boolean;
	/** Brings the page into the state to check (answers, a submitted form). */
	act?: (page: Page) => Promise<void>;
}

const QUIZ_TRACK = 'unge';
const QUIZ_MODULE = 'grooming';
const QUIZ_PATH = `/${QUIZ_TRACK}/${QUIZ_MODULE}`;
/**
 * The quiz states look the same for every role but for the header and whether the result was
 * saved, so each is checked for a visitor (nothing saved) or a young person (saved).
 */
const VISITOR: RoleName[] = ['visitor'];
const VISITOR_AND_YOUTH: RoleName[] = ['visitor', 'youth'];
const PROFESSIONAL: RoleName[] = ['professional'];
/** The coordinator visits only the pages that name the role: everything else is as a parent's. */
const COORDINATOR: RoleName[] = ['coordinator'];

/** Answers question 0 of the quiz wrongly and asks for feedback (the JavaScript step mode). */
async function wrongFirstAnswer(page: Page) {
	const q = readQuiz(QUIZ_TRACK, QUIZ_MODULE)[0];
	const fieldset = page.locator('fieldset.question').first();
	await fieldset.getByRole('button', { name: 'Tjek mit svar' }).waitFor();
	if (q.type === 'truefalse')
		await fieldset.getByLabel(q.answer ? 'Falsk' : 'Sandt', { exact: true }).check();
	else if (q.type === 'order') throw new Error('the first question is expected to be a choice');
	else await fieldset.getByLabel(q.options!.find((o) => !o.correct)!.text, { exact: true }).check();
	await fieldset.getByRole('button', { name: 'Tjek mit svar' }).click();
	await expect(fieldset.getByText('Ikke helt', { exact: true })).toBeVisible();
}

/** Submits the page's main form empty and waits for the error summary. */
function submitEmpty(button: string) {
	return async (page: Page) => {
		await page.getByRole('main').getByRole('button', { name: button, exact: true }).click();
		await expect(page.getByRole('main').getByRole('alert').first()).toBeVisible();
	};
}

/**
 * Every page route and how to reach it. A page route missing here fails the coverage test;
 * endpoints (+server.ts) are not HTML pages and are left out by their kind.
 */
const VISITS: Record<string, Visit[]> = {
	'/': [{ name: 'start', path: () => '/' }],
	'/[track=track]/oev/[scenario]': [
		{ name: 'practice scenario, start', path: () => '/unge/oev/oev-sofie' },
		{
			name: 'practice scenario: feedback and write your own reply',
			path: () => '/unge/oev/oev-sofie',
			roles: VISITOR_AND_YOUTH,
			act: async (page) => {
				await page.getByRole('button', { name: 'Okay, jeg betaler. Bare slet det.' }).click();
				await page.getByRole('button', { name: 'Sammenlign med eksemplerne' }).click();
				await expect(page.getByRole('heading', { name: 'Eksempler på gode svar' })).toBeVisible();
				// The new messages fade in; contrast is measured once they are there.
				await page.waitForFunction(() =>
					document.getAnimations().every((a) => a.playState !== 'running')
				);
			}
		},
		{
			name: 'practice scenario: an ending without JavaScript',
			path: () => '/unge/oev/oev-sofie',
			roles: VISITOR,
			noJs: true,
			act: async (page) => {
				await page
					.getByRole('button', { name: '(Du svarer ikke og tager skærmbilleder af chatten)' })
					.click();
				await page
					.getByRole('button', { name: '(Du blokerer hende og fortæller det til din far)' })
					.click();
				await expect(page.getByRole('heading', { name: 'Du fik hjælp' })).toBeVisible();
			}
		}
	],
	'/[track=track]': [
		{ name: 'youth track', path: () => '/unge' },
		{ name: 'parent track', path: () => '/foraeldre' }
	],
	'/[track=track]/[modul]': [
		{ name: 'module, quiz not answered', path: () => QUIZ_PATH },
		{ name: 'parent module', path: () => '/foraeldre/tal-med-dit-barn' },
		{
			name: "parent module inside a theme day's programme",
			path: (w) => `/foraeldre/tal-med-dit-barn?temadag=${w.themeDaySlug}`
		},
		{ name: 'unknown module (404)', path: () => `/${QUIZ_TRACK}/findes-ikke` },
		{
			name: 'quiz: feedback after a wrong answer',
			path: () => QUIZ_PATH,
			roles: VISITOR_AND_YOUTH,
			act: wrongFirstAnswer
		},
		{
			name: 'quiz: "check" without an answer',
			path: () => QUIZ_PATH,
			roles: VISITOR,
			act: async (page) => {
				const fieldset = page.locator('fieldset.question').first();
				await fieldset.getByRole('button', { name: 'Tjek mit svar' }).click();
				await expect(fieldset.getByRole('alert')).toBeVisible();
			}
		},
		{
			name: 'quiz: result',
			path: () => QUIZ_PATH,
			roles: ['youth'],
			act: async (page) => {
				await page.getByRole('button', { name: 'Tjek mit svar' }).first().waitFor();
				await answerQuiz(page, QUIZ_TRACK, QUIZ_MODULE, { stepwise: true, wrong: [0] });
			}
		},
		{
			name: 'quiz without JavaScript: unanswered questions',
			path: () => QUIZ_PATH,
			roles: VISITOR,
			noJs: true,
			act: submitEmpty('Se mit resultat')
		},
		{
			name: 'quiz without JavaScript: result',
			path: () => QUIZ_PATH,
			roles: VISITOR,
			noJs: true,
			act: async (page) => {
				await answerQuiz(page, QUIZ_TRACK, QUIZ_MODULE, { wrong: [0] });
			}
		}
	],
	'/[track=track]/[modul]/trin/[trin=step]': [
		{
			name: 'a step of a lesson, with a mock message and a question between steps',
			path: () => '/unge/digitalt-fodspor/trin/2',
			roles: VISITOR_AND_YOUTH
		},
		{
			name: 'the whole lesson on one page',
			path: () => '/unge/digitalt-fodspor/trin/alle',
			roles: VISITOR
		}
	],
	'/[track=track]/bevis': [
		// The parent has completed the parent track: the certificate. Others: not yet.
		{ name: 'parent track certificate', path: () => '/foraeldre/bevis' },
		{ name: 'youth track certificate', path: () => '/unge/bevis' }
	],
	'/admin': [
		{ name: 'administration', path: () => '/admin' },
		{
			name: 'administration: declining without a reason',
			path: () => '/admin',
			roles: ['admin'],
			act: async (page) => {
				await page
					.getByRole('button', { name: /^Afvis / })
					.first()
					.click();
				await expect(page.getByRole('alert').first()).toBeVisible();
			}
		}
	],
	'/fagperson': [
		{ name: 'professional start', path: () => '/fagperson' },
		{
			name: 'new class form with errors',
			path: () => '/fagperson',
			roles: ['professional'],
			act: submitEmpty('Opret en klasse')
		}
	],
	'/fagperson/klasser/[id]': [{ name: 'class with pupils', path: (w) => w.classPath }],
	'/fagperson/materialer': [{ name: 'materials', path: () => '/fagperson/materialer' }],
	'/fagperson/materialer/kort/[slug]': [
		{ name: 'printable cards', path: () => '/fagperson/materialer/kort/beskeden-til-lukas' }
	],
	'/fagperson/materialer/underretning': [
		{ name: 'when a pupil tells you something', path: () => '/fagperson/materialer/underretning' }
	],
	'/fagperson/materialer/vejledning/[slug]': [
		{ name: 'teacher guide to print', path: () => '/fagperson/materialer/vejledning/grooming' }
	],
	'/fagperson/klasser/[id]/analyse/[modul]': [
		{ name: 'question analysis', path: (w) => `${w.classPath}/analyse/${QUIZ_MODULE}` }
	],
	'/fagperson/live': [{ name: 'live sessions', path: () => '/fagperson/live' }],
	'/fagperson/maalinger': [
		{ name: 'measures', path: () => '/fagperson/maalinger', roles: PROFESSIONAL },
		{
			name: 'new measure: form errors',
			path: () => '/fagperson/maalinger',
			roles: PROFESSIONAL,
			act: submitEmpty('Opret målingen')
		}
	],
	'/fagperson/maalinger/[id]': [
		{
			name: 'closed measure: before and after',
			path: (w) => w.closedMeasurePath,
			roles: PROFESSIONAL
		},
		{ name: 'open measure: code and QR code', path: (w) => w.openMeasurePath, roles: PROFESSIONAL }
	],
	'/koordinator': [
		{ name: "coordinator's report", path: () => '/koordinator', roles: COORDINATOR },
		{
			name: "coordinator's report: a wrong date",
			path: () => '/koordinator?fra=1.+maj',
			roles: COORDINATOR
		}
	],
	'/koordinator/udskrift': [
		{
			name: 'summary for the steering group',
			path: () => '/koordinator/udskrift',
			roles: COORDINATOR
		}
	],
	'/maaling': [{ name: 'enter a measure code', path: () => '/maaling', roles: VISITOR }],
	'/maaling/[kode]': [
		{ name: 'measure questions', path: (w) => `/maaling/${w.openMeasureCode}`, roles: VISITOR },
		{
			name: 'measure questions: form errors',
			path: (w) => `/maaling/${w.openMeasureCode}`,
			roles: VISITOR,
			act: submitEmpty('Send mine svar')
		}
	],
	'/fagperson/live/[id]': [{ name: 'live session control', path: (w) => w.liveControlPath }],
	'/fagperson/live/[id]/skaerm': [
		{ name: 'live session projector', path: (w) => `${w.liveControlPath}/skaerm` }
	],
	'/fagperson/temadage': [{ name: 'own theme days', path: () => '/fagperson/temadage' }],
	'/fagperson/temadage/ny': [
		{ name: 'new theme day', path: () => '/fagperson/temadage/ny' },
		{
			name: 'new theme day with errors',
			path: () => '/fagperson/temadage/ny',
			roles: ['professional'],
			act: submitEmpty('Gem som udkast')
		}
	],
	'/fagperson/temadage/[id]': [{ name: 'theme day, organiser', path: (w) => w.themeDayPath }],
	'/fagperson/temadage/[id]/drejebog': [
		{ name: 'run sheet', path: (w) => `${w.themeDayPath}/drejebog` }
	],
	'/fagperson/stemmer': [
		{ name: 'youth polls', path: () => '/fagperson/stemmer' },
		{
			name: 'new youth poll with errors',
			path: () => '/fagperson/stemmer',
			roles: ['professional'],
			act: submitEmpty('Åbn afstemningen')
		}
	],
	'/fagperson/stemmer/[id]': [{ name: 'youth poll, organiser', path: (w) => w.pollPath }],
	'/stemmer/[kode]': [
		{ name: 'answer a youth poll', path: (w) => w.pollLink },
		{
			name: 'answer a youth poll, with errors',
			path: (w) => w.pollLink,
			roles: VISITOR,
			noJs: true,
			act: async (page) => {
				await page.getByRole('button', { name: 'Send mine svar' }).click();
				await expect(page.getByRole('alert')).toBeVisible();
			}
		}
	],
	'/dilemmaer': [{ name: 'dilemma cards', path: () => '/dilemmaer' }],
	'/fagperson/aftaler': [
		{ name: 'agreements', path: () => '/fagperson/aftaler' },
		{
			name: 'new agreements with errors',
			path: () => '/fagperson/aftaler',
			roles: ['professional'],
			act: submitEmpty('Lav aftalerne')
		}
	],
	'/fagperson/aftaler/[id]': [{ name: 'agreements, organiser', path: (w) => w.agreementsPath }],
	'/aftaler/[kode]': [{ name: 'vote on agreements', path: (w) => w.agreementsLink }],
	'/temadage': [
		{ name: 'theme days', path: () => '/temadage' },
		{ name: 'theme days in one municipality', path: () => '/temadage?kommune=Herlev' }
	],
	'/temadage/[slug]': [{ name: 'theme day', path: (w) => `/temadage/${w.themeDaySlug}` }],
	'/live': [
		{ name: 'join a live session', path: () => '/live' },
		{
			name: 'join a live session, with errors',
			path: () => '/live',
			roles: VISITOR,
			act: submitEmpty('Deltag')
		}
	],
	'/live/[kode]': [{ name: 'live session participant', path: (w) => `/live/${w.liveCode}` }],
	'/foraeldre/samtalekort': [{ name: 'conversation cards', path: () => '/foraeldre/samtalekort' }],
	'/foraeldre/samtalekort/[modul]': [
		{ name: 'one conversation card', path: () => '/foraeldre/samtalekort/grooming' }
	],
	'/hjaelp': [{ name: 'help', path: () => '/hjaelp' }],
	'/klasse': [
		{ name: 'join a class', path: () => '/klasse' },
		{
			name: 'join a class, with errors',
			path: () => '/klasse',
			roles: ['visitor', 'youth'],
			act: submitEmpty('Deltag')
		}
	],
	'/log-ind': [
		{ name: 'sign in', path: () => '/log-ind' },
		{
			name: 'sign in, with errors',
			path: () => '/log-ind',
			roles: ['visitor'],
			act: submitEmpty('Log ind')
		}
	],
	'/log-ud': [{ name: 'sign out', path: () => '/log-ud' }],
	'/mig': [
		{ name: 'my page', path: () => '/mig' },
		{
			name: 'family code form with errors',
			path: () => '/mig',
			roles: ['parent'],
			act: submitEmpty('Send anmodning')
		}
	],
	'/mig/familie/[link]': [{ name: 'family page of a linked child', path: (w) => w.familyPath }],
	'/nulstil': [
		{ name: 'new password with a code', path: () => '/nulstil' },
		{
			name: 'new password, with errors',
			path: () => '/nulstil',
			roles: ['visitor'],
			act: submitEmpty('Skift adgangskode')
		}
	],
	'/opret-konto': [
		{ name: 'create an account', path: () => '/opret-konto' },
		{
			name: 'create an account, with errors',
			path: () => '/opret-konto',
			roles: ['visitor'],
			act: submitEmpty('Opret konto')
		},
		{
			name: 'create an account as a professional, with errors',
			path: () => '/opret-konto',
			roles: ['visitor'],
			act: async (page) => {
				await page.getByLabel('Fagperson', { exact: true }).check();
				await submitEmpty('Opret konto')(page);
				await expect(page.getByLabel('Arbejdsplads')).toBeVisible();
			}
		}
	],
	'/privatliv': [{ name: 'privacy', path: () => '/privatliv' }],
	'/tilgaengelighed': [{ name: 'accessibility statement', path: () => '/tilgaengelighed' }]
};
/** Pages that are no route of their own: the error page for an unknown address. */
const EXTRA_VISITS: Visit[] = [{ name: 'unknown address (404)', path: () => '/findes-ikke' }];

async function createWorld(browser: Browser): Promise<World> {
	const contexts: BrowserContext[] = [];
	const open = async (options = {}) => {
		const context = await browser.newContext(options);
		contexts.push(context);
		return context.newPage();
	};
	const youth = await open();
	await signUp(youth, 'youth');
	const parent = await open();
	const parentName = await signUp(parent, 'parent');
	const pro = await open();
	const proName = await signUp(pro, 'professional');
	const admin = await open();
	const adminName = uniqueName('adm');
	createAdmin(adminName);
	await signIn(admin, adminName);
	await admin.goto('/admin');
	await admin.getByRole('button', { name: `Godkend ${proName}` }).click();
	await expect(admin.getByRole('status')).toBeVisible();
	await signIn(pro, proName); // approval ended the professional's sessions
	// Someone still waiting, so the administrator's page shows an application to decide on.
	await signUp(await open(), 'professional');

	await pro.goto('/fagperson');
	await pro.getByLabel('Klassens navn').fill('7.A');
	await pro.getByLabel('Skole, klub eller sted').fill('Herlev Skole');
	await pro.getByLabel('Klassetrin eller alder').fill('7. klasse');
	await pro.getByRole('button', { name: 'Opret en klasse' }).click();
	await expect(pro.getByRole('heading', { level: 1, name: '7.A' })).toBeVisible();
	const classPath = new URL(pro.url()).pathname;
	const code = (await pro.locator('p.code span[aria-hidden]').textContent())!.trim();
	await pro.getByLabel('Modul').selectOption(QUIZ_MODULE);
	await pro.getByLabel('Afleveringsdato (valgfri)').fill('2099-06-01');
	await pro.getByRole('button', { name: 'Giv som opgave' }).click();
	await expect(pro.getByRole('status')).toContainText('Modulet er givet som opgave.');

	await pro.goto('/fagperson/temadage/ny');
	await pro.getByLabel('Titel').fill('Sikker på nettet i Herlev');
	await pro.getByLabel('Dato', { exact: true }).fill('2030-06-12');
	await pro.getByLabel('Starttidspunkt').fill('17:00');
	await pro.getByLabel('Sluttidspunkt').fill('20:00');
	await pro.getByLabel('Sted').fill('Herlev Bibliotek, Bygaden 70, 2730 Herlev');
	await pro.getByLabel('Kommune').selectOption('Herlev');
	await pro.getByLabel('Unge og forældre').check();
	await pro.getByLabel('Beskrivelse').fill('Kom og lær om **livet på nettet**.\n\n- Quiz\n- Kaffe');
	await pro.locator('#unge-grooming').selectOption('1');
	await pro.locator('#foraeldre-tal-med-dit-barn').selectOption('1');
	await pro.getByLabel('Kontakt (offentlig)').fill('SSP Herlev, tlf. 44 52 00 00');
	await pro.getByRole('button', { name: 'Gem som udkast' }).click();
	await pro.getByRole('button', { name: 'Offentliggør temadagen' }).click();
	await expect(pro.getByRole('status')).toContainText('Temadagen er offentliggjort.');
	const themeDayPath = new URL(pro.url()).pathname;
	const themeDaySlug = (await pro
		.getByRole('link', { name: 'Se temadagens side' })
		.getAttribute('href'))!.replace('/temadage/', '');

	// The evening: a youth poll for the theme day, agreements for the class.
	await pro.goto('/fagperson/stemmer');
	await pro.getByLabel('Hvem er det til?').selectOption({ label: 'Sikker på nettet i Herlev' });
	for (const id of ['utryg-besked', 'fremmede-skriver', 'delt-uden-lov', 'snydt', 'fortael-foerst'])
		await pro.locator(`#q-${id}`).check();
	await pro.getByRole('button', { name: 'Åbn afstemningen' }).click();
	const pollLink = new URL((await pro.getByTestId('poll-link').textContent())!.trim()).pathname;
	const pollPath = new URL(pro.url()).pathname;
	await pro.goto('/fagperson/aftaler');
	await pro.getByLabel('Hvem er det til?').selectOption({ label: '7.A, Herlev Skole' });
	await pro.getByRole('button', { name: 'Lav aftalerne' }).click();
	await pro.locator('#s-spoerg-foer-deling').check();
	await pro.getByRole('button', { name: 'Tilføj de valgte' }).click();
	await expect(pro.getByRole('status')).toContainText('Aftalen er tilføjet.');
	const agreementsPath = new URL(pro.url()).pathname;
	const agreementsLink = new URL((await pro.getByTestId('agreements-link').textContent())!.trim())
		.pathname;

	await pro.goto(QUIZ_PATH);
	await pro.getByRole('button', { name: 'Start en live-quiz med dette modul' }).click();
	await expect(pro.getByRole('heading', { level: 1, name: /^Live-quiz:/ })).toBeVisible();
	const liveControlPath = new URL(pro.url()).pathname;
	const liveCode = (await pro.getByTestId('live-code').textContent())!.trim();
	const visitor = await open();
	for (const [participant, nickname] of [
		[visitor, 'Bo'],
		[youth, 'Ida']
	] as const) {
		await participant.goto(`/live?kode=${liveCode}`);
		await participant.getByLabel('Kaldenavn').fill(nickname);
		await participant.getByRole('button', { name: 'Deltag' }).click();
		await expect(participant.getByText(`Du er med som ${nickname}.`)).toBeVisible();
	}

	await youth.goto(`/klasse?kode=${code}`);
	await youth.getByRole('button', { name: 'Deltag' }).click();
	await expect(youth.getByRole('status')).toContainText('Du er nu med i 7.A.');
	await youth.goto(QUIZ_PATH);
	await answerQuiz(youth, QUIZ_TRACK, QUIZ_MODULE, { stepwise: true, wrong: [0] });

	await youth.goto('/mig');
	await youth.getByRole('button', { name: 'Lav en familiekode' }).click();
	const familyCode = (await youth.locator('strong.code').textContent())!.trim();
	await parent.getByLabel('Familiekode').fill(familyCode);
	await parent.getByRole('button', { name: 'Send anmodning' }).click();
	await expect(parent.getByRole('status')).toContainText('Anmodningen er sendt.');
	await youth.goto('/mig');
	await youth.getByRole('button', { name: `Ja, ${parentName} må følge med` }).click();
	await parent.goto('/mig');
	const familyPath = (await parent
		.getByRole('link', { name: /Moduler og samtalekort for/ })
		.getAttribute('href'))!;

	// The parent completes the parent track (plain form posts are quickest) for the certificate.
	const parentNoJs = await open({ javaScriptEnabled: false });
	await parentNoJs.context().addCookies(await parent.context().cookies());
	for (const slug of trackModules('foraeldre')) {
		await parentNoJs.goto(`/foraeldre/${slug}`);
		await answerQuiz(parentNoJs, 'foraeldre', slug);
	}

	// Measures: one closed after 10 pupils answered before and after (as plain form posts), one open.
	const measure = async () => {
		await pro.goto('/fagperson/maalinger');
		await pro.getByLabel(readMeasure('temadag-unge').title).check();
		await pro.getByLabel('Hvad hører målingen til?').selectOption({ index: 1 });
		await pro.getByRole('button', { name: 'Opret målingen' }).click();
		await expect(pro.getByTestId('measure-code')).toBeVisible();
		return {
			path: new URL(pro.url()).pathname,
			code: (await pro.getByTestId('measure-code').textContent())!.trim()
		};
	};
	const closedMeasure = await measure();
	const pupils = await Promise.all(Array.from({ length: 10 }, () => apiClient()));
	for (const right of [false, true]) {
		for (const pupil of pupils)
			await postForm(
				pupil,
				`/maaling/${closedMeasure.code}`,
				'svar',
				measureAnswers('temadag-unge', right, right ? 4 : 2)
			);
		if (!right) await pro.getByRole('button', { name: 'Start eftermålingen' }).click();
		await expect(pro.getByRole('status')).toBeVisible();
	}
	for (const pupil of pupils) await pupil.dispose();
	await pro.getByLabel('Jeg ved, at ingen kan svare, når målingen er lukket').check();
	await pro.getByRole('button', { name: 'Luk målingen' }).click();
	await expect(pro.locator('svg.before-after-chart').first()).toBeAttached();
	const openMeasure = await measure();

	// A coordinator, approved, sees the report with that measure in it.
	const coordinator = await open();
	const coordinatorName = await signUp(coordinator, 'coordinator');
	await admin.goto('/admin');
	await admin.getByRole('button', { name: `Godkend ${coordinatorName}` }).click();
	await expect(admin.getByRole('status')).toBeVisible();
	await signIn(coordinator, coordinatorName);

	const world: World = {
		states: {
			visitor: await visitor.context().storageState(),
			youth: await youth.context().storageState(),
			parent: await parent.context().storageState(),
			professional: await pro.context().storageState(),
			coordinator: await coordinator.context().storageState(),
			admin: await admin.context().storageState()
		},
		classPath,
		familyPath,
		liveCode,
		liveControlPath,
		themeDayPath,
		themeDaySlug,
		pollPath,
		pollLink,
		agreementsPath,
		agreementsLink,
		closedMeasurePath: closedMeasure.path,
		openMeasurePath: openMeasure.path,
		openMeasureCode: openMeasure.code
	};
	for (const context of contexts) await context.close();
	return world;
}

/** The rendered page, for skipping a check whose DOM was already checked at this width. */
function renderedPage(page: Page): Promise<string> {
	return page.evaluate(() => {
		const body = document.body.cloneNode(true) as HTMLElement;
		for (const script of body.querySelectorAll('script')) script.remove();
		return `${document.documentElement.lang}\n${document.title}\n${body.innerHTML}`;
	});
}

/** Elements that animate or transition for longer than 0.01 s, and smooth scrolling. */
function findMotion(): string[] {
	const seconds = (value: string) =>
		Math.max(...value.split(',').map((d) => (d.trim().endsWith('ms') ? 0.001 : 1) * parseFloat(d)));
	const found: string[] = [];
	// A probe with a transition and an animation of its own: the preference must win.
	const probe = document.createElement('div');
	probe.id = 'motion-probe';
	probe.style.transition = 'opacity 1s';
	probe.style.animation = 'probe 1s infinite';
	document.body.append(probe);
	for (const el of document.querySelectorAll('*'))
		for (const pseudo of [null, '::before', '::after']) {
			const s = getComputedStyle(el, pseudo);
			const name = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${pseudo ?? ''}`;
			if (s.transitionProperty !== 'none' && seconds(s.transitionDuration) > 0.01)
				found.push(`${location.pathname} ${name}: transition ${s.transitionDuration}`);
			if (s.animationName !== 'none' && seconds(s.animationDuration) > 0.01)
				found.push(`${location.pathname} ${name}: animation ${s.animationDuration}`);
		}
	probe.remove();
	for (const el of [document.documentElement, document.body])
		if (getComputedStyle(el).scrollBehavior === 'smooth')
			found.push(`${location.pathname} ${el.tagName}: smooth scrolling`);
	return found;
}

test.describe('accessibility', () => {
	test.describe.configure({ mode: 'serial' });
	let world: World;

	test('every page route of src/routes has a way to reach it in this suite', () => {
		const pages = routeInventory().filter((r) => r.kind === 'page');
		expect(pages.length).toBeGreaterThan(10);
		const missing = pages.map((r) => r.id).filter((id) => !(id in VISITS));
		expect(
			missing,
			'page routes without an entry in VISITS of tests/e2e/accessibility.e2e.ts: add how to reach them'
		).toEqual([]);
		const stale = Object.keys(VISITS).filter((id) => !pages.some((r) => r.id === id));
		expect(stale, 'entries in VISITS for routes that no longer exist').toEqual([]);
	});

	test.beforeAll(async ({ browser }, testInfo) => {
		testInfo.setTimeout(120_000);
		world = await createWorld(browser);
	});

	/** DOM already checked, per width: identical DOM and CSS at the same width give the same result. */
	const checked = new Map<number, Set<string>>(WIDTHS.map((w) => [w, new Set()]));

	for (const role of ROLES) {
		const motion = role === 'youth' ? ', no motion with reduced motion' : '';
		test(`${role}: axe at 320 and 1280 px, 24 × 24 px targets and reflow at 320 px${motion}, on every page`, async ({
			browser
		}) => {
			// The professional sees the most pages (classes, theme days, live, the evening).
			test.setTimeout(240_000);
			const options = {
				storageState: world.states[role],
				viewport: { width: WIDTHS[0], height: 800 },
				// The young person's pages are also checked for motion under the preference.
				reducedMotion: role === 'youth' ? ('reduce' as const) : ('no-preference' as const)
			};
			const context = await browser.newContext(options);
			await loadAxe(context);
			const page = await context.newPage();
			let noJsPage: Page | undefined;
			const problems: string[] = [];
			// A clean console on every page: no CSP report, no script error. A refused page's own
			// 4xx ("Failed to load resource") is what it should be.
			let visiting = '';
			let visitStatus = 0;
			page.on('pageerror', (e) => problems.push(`${visiting}: script error ${e.message}`));
			page.on('response', (r) => {
				if (r.request().isNavigationRequest() && r.frame() === page.mainFrame())
					visitStatus = r.status();
			});
			page.on('console', (msg) => {
				if (msg.type() !== 'error') return;
				if (visitStatus >= 400 && msg.text().startsWith('Failed to load resource')) return;
				problems.push(`${visiting}: console error ${msg.text()}`);
			});
			let checks = 0;
			const visits = [
				...Object.entries(VISITS).flatMap(([id, list]) => list.map((v) => ({ id, v }))),
				...EXTRA_VISITS.map((v) => ({ id: '(error page)', v }))
			];
			for (const { id, v } of visits) {
				if (v.roles ? !v.roles.includes(role) : role === 'coordinator') continue;
				if (v.noJs && !noJsPage) {
					const noJsContext = await browser.newContext(options);
					await loadAxe(noJsContext);
					await blockAppScripts(noJsContext);
					noJsPage = await noJsContext.newPage();
				}
				const p = v.noJs ? noJsPage! : page;
				await p.setViewportSize({ width: WIDTHS[0], height: 800 });
				const path = v.path(world);
				visiting = `${id} – ${v.name} (${path})`;
				const response = await p.goto(path);
				const status = response?.status() ?? 0;
				if (v.act) await v.act(p);
				const landed = new URL(p.url()).pathname;
				const where = `${id} – ${v.name} (${path} → ${status} ${landed})`;
				if (options.reducedMotion === 'reduce')
					for (const moving of await p.evaluate(findMotion)) problems.push(`${where}: ${moving}`);
				for (const width of WIDTHS) {
					await p.setViewportSize({ width, height: 800 });
					// Sent elsewhere (sign-in) or refused (404): that page is what this role sees.
					const key =
						!v.act && (status >= 400 || landed !== path.split('?')[0])
							? `${role} ${status} ${landed}`
							: await renderedPage(p);
					if (checked.get(width)!.has(key)) continue;
					checked.get(width)!.add(key);
					checks++;
					for (const violation of await axeViolations(p))
						problems.push(`${where} at ${width} px: ${violation}`);
					if (width === 320) {
						for (const target of await undersizedTargets(p))
							problems.push(`${where} at ${width} px: ${target}`);
						// Reflow (WCAG 1.4.10): nothing wider than the screen, so no sideways scrolling.
						const overflow = await p.evaluate(
							() => document.documentElement.scrollWidth - window.innerWidth
						);
						if (overflow > 0)
							problems.push(`${where} at ${width} px: ${overflow} px wider than the screen`);
					}
				}
			}
			await noJsPage?.context().close();
			await context.close();
			console.log(`${role}: ${checks} pages checked`);
			expect(checks, 'pages not already checked for another role').toBeGreaterThan(
				role === 'coordinator' ? 2 : 5
			);
			expect(problems, role).toEqual([]);
		});
	}

	test('app.css honours reduced motion; the motion check finds motion when it is allowed', async ({
		browser
	}) => {
		const css = readFileSync('src/app.css', 'utf8');
		const block = css.slice(css.indexOf('@media (prefers-reduced-motion: reduce)'));
		expect(block, 'app.css has a prefers-reduced-motion block').not.toBe('');
		for (const rule of [
			/animation[^;]*:\s*none !important/,
			/transition[^;]*:\s*none !important/,
			/scroll-behavior:\s*auto !important/
		])
			expect(block.slice(0, block.indexOf('}\n}'))).toMatch(rule);

		// The pages themselves are checked under the preference in the young person's test above.
		const reduced = await browser.newPage({ reducedMotion: 'reduce' });
		await reduced.goto('/');
		expect(await reduced.evaluate(findMotion)).toEqual([]);
		await reduced.close();
		// Without the preference, the probe's own transition and animation are found.
		const plain = await browser.newPage();
		await plain.goto('/');
		expect(await plain.evaluate(findMotion)).toEqual([
			'/ div#motion-probe: transition 1s',
			'/ div#motion-probe: animation 1s'
		]);
		await plain.close();
	});
});
