import {
	expect,
	test,
	type APIResponse,
	type Browser,
	type BrowserContext,
	type Page
} from '@playwright/test';
import { PASSWORD, uniqueName } from './support/helpers';
import {
	BASE_URL,
	actionUrl,
	adminApi,
	apiClient,
	approve,
	assignApi,
	createClassApi,
	createThemeDayApi,
	joinClassApi,
	postAction,
	postForm,
	signUpApi,
	startLiveApi,
	validThemeDayForm,
	type Account
} from './support/security-fixtures';

/**
 * Text people type is shown to others as text: never as markup, never as a formula. Each payload
 * goes into every field that is shown again, then every page that shows it is rendered in
 * Chromium with the Content-Security-Policy switched off (so only escaping stands between the
 * payload and a running script) and a dialog listener that fails the test.
 */
const SCRIPT_PAYLOADS = [
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	"'><svg onload=alert(1)>",
	'<svg onload=alert(1)>',
	'javascript:alert(1)',
	"{{constructor.constructor('alert(1)')()}}",
	'</title><script>alert(1)</script>',
	'</textarea><script>alert(1)</script>',
	'<iframe srcdoc="<script>alert(1)</script>">',
	'${alert(1)}<a href="javascript:alert(1)">x</a>'
];
/** What a spreadsheet would run if a CSV cell started with it. */
const FORMULA_PAYLOADS = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-1+2', '@SUM(1+1)'];
const PAYLOADS = [...SCRIPT_PAYLOADS, ...FORMULA_PAYLOADS];
/**
 * Fields that refuse every payload for the same reason, and addresses, put what was typed back
 * into an attribute or a text node; these cover breaking out of each (keeps the suite fast).
 */
const ECHO_PAYLOADS = [
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	"'><svg onload=alert(1)>",
	'</textarea><script>alert(1)</script>'
];

/** Markdown that would make a script link or a handler if the description were not sanitised. */
const MARKDOWN_PAYLOADS = [
	'[klik](javascript:alert(1))',
	'<img src=x onerror=alert(1)>',
	'<a href="javascript:alert(1)">x</a>',
	'[link](JaVaScRiPt:alert(1) "titel")',
	'<details open ontoggle=alert(1)>x</details>'
];

const tooLong = (max: number) => (p: string) => ([...p].length > max ? `Højst ${max} tegn.` : null);
const USERNAME_RULE = (p: string) =>
	[...p].length < 3 || [...p].length > 32
		? 'Brugernavnet skal være mellem 3 og 32 tegn.'
		: /^[\p{L}\p{N}._-]+$/u.test(p)
			? null
			: 'Brugernavnet må kun have bogstaver, tal, punktum, bindestreg og bundstreg – ingen mellemrum.';

type World = {
	pro: Account;
	/** Theme days are limited per professional and day: a second one organises the rest. */
	pro2: Account;
	pupil: Account;
	parent: Account;
	openClass: { id: string; code: string; path: string };
	live: { id: string; code: string; path: string };
};
/**
 * One class per payload: its fields, its pupil's name and its assignment note hold the payload.
 * One published theme day per payload too: its title, place, contact and description hold it.
 */
type Slot = {
	payload: string;
	classId: string;
	classPath: string;
	className: string;
	themeDay: { id: string; slug: string; path: string };
	organiser: 'pro' | 'pro2';
};
type ThemeDayText = 'title' | 'place' | 'contact' | 'description';
type Who = 'pro' | 'pro2' | 'pupil' | 'parent' | 'visitor';
type Shown = { who: Who | ((slot: Slot) => Who); path: (slot: Slot) => string };
type Echo = {
	who: Who;
	path: string;
	action: string;
	form: (w: World, payload: string) => Record<string, string>;
	/** The label of the input that must keep what was typed. */
	label: string;
};

type Field = {
	field: string;
	/** The Danish error for a payload the rules refuse; null when it is stored. */
	rule: (p: string) => string | null;
	/** How an accepted payload is stored (class form fields are set when the slot's class is made). */
	store?: (w: World, slot: Slot) => Promise<void>;
	classFormKey?: 'name' | 'school' | 'ageGroup';
	themeDayKey?: ThemeDayText;
	/** Markdown: rendered (and sanitised), so the payload is not shown verbatim. */
	markdown?: boolean;
	/** Where an accepted payload is shown again. */
	shownOn: Shown[];
	/** How a refused payload comes back in the form, with the error. */
	echo: Echo;
};

const byField = (name: string) => FIELDS.find((f) => f.field === name)!;

const classPage: Shown = { who: 'pro', path: (s) => s.classPath };
const organiserPage: Shown = { who: (s) => s.organiser, path: (s) => s.themeDay.path };
const publicThemeDayPage: Shown = { who: 'visitor', path: (s) => `/temadage/${s.themeDay.slug}` };
const publicThemeDays: Shown = { who: 'visitor', path: () => '/temadage' };

// One row per field a person types that the app shows again.
const FIELDS: Field[] = [
	{
		field: 'username at sign-up',
		rule: USERNAME_RULE,
		shownOn: [],
		echo: {
			who: 'visitor',
			path: '/opret-konto',
			action: 'default',
			form: (_, p) => ({ username: p, password: PASSWORD, role: 'youth' }),
			label: 'Brugernavn'
		}
	},
	{
		field: 'username when joining a class',
		rule: USERNAME_RULE,
		shownOn: [],
		echo: {
			who: 'visitor',
			path: '/klasse',
			action: 'default',
			form: (w, p) => ({ code: w.openClass.code, username: p, password: PASSWORD }),
			label: 'Brugernavn'
		}
	},
	{
		field: 'username at sign-in',
		rule: () => 'Brugernavn eller adgangskode er forkert.',
		shownOn: [],
		echo: {
			who: 'visitor',
			path: '/log-ind',
			action: 'default',
			form: (_, p) => ({ username: p, password: 'ikke den rigtige adgangskode' }),
			label: 'Brugernavn'
		}
	},
	{
		field: 'class code',
		rule: () => 'Vi kan ikke finde en klasse med den kode.',
		shownOn: [],
		echo: {
			who: 'visitor',
			path: '/klasse',
			action: 'default',
			form: (_, p) => ({ code: p, username: 'ingen', password: PASSWORD }),
			label: 'Klassekode'
		}
	},
	{
		field: 'family code',
		rule: () => 'En familiekode har 8 tegn: bogstaver og tal.',
		shownOn: [],
		echo: {
			who: 'parent',
			path: '/mig',
			action: 'familieTilknyt',
			form: (_, p) => ({ familyCode: p }),
			label: 'Familiekode'
		}
	},
	{
		field: 'one-time code and username at password reset',
		rule: () => 'Koden virker ikke.',
		shownOn: [],
		echo: {
			who: 'visitor',
			path: '/nulstil',
			action: 'default',
			form: (_, p) => ({ username: p, code: p, password: PASSWORD }),
			label: 'Engangskode'
		}
	},
	{
		// Nicknames are shown to the professional running the quiz; the rules refuse markup.
		field: 'live quiz nickname',
		rule: (p) =>
			[...p].length > 20
				? 'Kaldenavnet skal være 2–20 tegn.'
				: 'Brug kun bogstaver, tal, mellemrum og bindestreg i kaldenavnet.',
		shownOn: [],
		echo: {
			who: 'visitor',
			path: '/live',
			action: 'default',
			form: (w, p) => ({ code: w.live.code, nickname: p }),
			label: 'Kaldenavn'
		}
	},
	{
		field: 'class name',
		rule: tooLong(60),
		classFormKey: 'name',
		shownOn: [
			classPage,
			{ who: 'pro', path: () => '/fagperson' },
			{ who: 'pro', path: (s) => `${s.classPath}/analyse/grooming` },
			{ who: 'pupil', path: () => '/mig' },
			{ who: 'pupil', path: () => '/unge' }
		],
		echo: classFormEcho('name', 'Klassens navn')
	},
	{
		field: 'school',
		rule: tooLong(80),
		classFormKey: 'school',
		shownOn: [
			classPage,
			{ who: 'pro', path: () => '/fagperson' },
			{ who: 'pupil', path: () => '/mig' }
		],
		echo: classFormEcho('school', 'Skole, klub eller sted')
	},
	{
		field: 'age group',
		rule: tooLong(40),
		classFormKey: 'ageGroup',
		shownOn: [classPage, { who: 'pro', path: () => '/fagperson' }],
		echo: classFormEcho('ageGroup', 'Klassetrin eller alder')
	},
	{
		field: 'pupil name given by the teacher',
		rule: (p) => ([...p].length > 40 ? 'Navnet må højst være 40 tegn.' : null),
		store: async (w, slot) => {
			const outcome = await postAction(w.pro.client, slot.classPath, 'omdoeb', {
				userId: w.pupil.id,
				displayName: slot.payload
			});
			expect(outcome.type, slot.payload).toBe('success');
		},
		shownOn: [classPage],
		echo: {
			who: 'pro',
			path: 'SLOT',
			action: 'omdoeb',
			form: (w, p) => ({ userId: w.pupil.id, displayName: p }),
			label: 'Nyt navn til'
		}
	},
	{
		field: 'assignment note',
		rule: tooLong(300),
		store: async (w, slot) => {
			await assignApi(w.pro, slot.classId, 'grooming', slot.payload);
		},
		shownOn: [classPage, { who: 'pupil', path: () => '/mig' }],
		echo: {
			who: 'pro',
			path: 'SLOT',
			action: 'tildel',
			form: (_, p) => ({ moduleSlug: 'grooming', dueDate: '', note: p }),
			label: 'Besked til eleverne (valgfri)'
		}
	},
	{
		field: 'theme-day title',
		rule: tooLong(120),
		themeDayKey: 'title',
		shownOn: [
			organiserPage,
			{ who: (s) => s.organiser, path: () => '/fagperson/temadage' },
			publicThemeDays,
			publicThemeDayPage
		],
		echo: themeDayEcho('title', 'Titel')
	},
	{
		field: 'theme-day place',
		rule: tooLong(200),
		themeDayKey: 'place',
		shownOn: [organiserPage, publicThemeDays, publicThemeDayPage],
		echo: themeDayEcho('place', 'Sted')
	},
	{
		field: 'theme-day contact',
		rule: tooLong(200),
		themeDayKey: 'contact',
		shownOn: [publicThemeDayPage],
		echo: themeDayEcho('contact', 'Kontakt (offentlig)')
	},
	{
		field: 'theme-day description (Markdown)',
		rule: tooLong(10_000),
		themeDayKey: 'description',
		markdown: true,
		shownOn: [publicThemeDayPage],
		echo: themeDayEcho('description', 'Beskrivelse')
	}
];

function themeDayEcho(key: ThemeDayText, label: string): Echo {
	return {
		who: 'pro',
		path: '/fagperson/temadage/ny',
		action: 'opret',
		form: (_, p) => ({ ...validThemeDayForm('Temadag'), [key]: p }),
		label
	};
}

function classFormEcho(key: 'name' | 'school' | 'ageGroup', label: string): Echo {
	return {
		who: 'pro',
		path: '/fagperson',
		action: 'opret',
		form: (_, p) => ({ name: 'Klasse', school: 'Skole', ageGroup: '7.', [key]: p }),
		label
	};
}

/** Addresses whose parameters are shown on the page. */
const REFLECTED: {
	who: Who;
	path: (p: string, w: World) => string;
	label?: string;
	text?: boolean;
}[] = [
	{ who: 'visitor', path: (p) => `/klasse?kode=${encodeURIComponent(p)}`, label: 'Klassekode' },
	{ who: 'visitor', path: (p) => `/log-ind?naeste=${encodeURIComponent(p)}` },
	{ who: 'visitor', path: (p) => `/opret-konto?rolle=${encodeURIComponent(p)}` },
	{ who: 'pro', path: (p, w) => `${w.openClass.path}?sorter=${encodeURIComponent(p)}` },
	// Where a pupil lands after joining: the class name comes back in the address.
	{ who: 'pupil', path: (p) => `/mig?klasse=${encodeURIComponent(p)}`, text: true }
];

/** Fails on any element the payloads could have made: handlers, script URLs, frames, scripts. */
async function expectNothingInjected(page: Page, where: string) {
	const injected = await page.evaluate(() => {
		const found: string[] = [];
		for (const el of document.querySelectorAll('*')) {
			for (const attr of el.attributes) {
				if (attr.name.startsWith('on')) found.push(`${el.tagName} ${attr.name}`);
				if (
					/^\s*javascript:/i.test(attr.value) &&
					['href', 'src', 'action', 'formaction'].includes(attr.name)
				)
					found.push(`${el.tagName} ${attr.name}=${attr.value}`);
			}
		}
		for (const el of document.querySelectorAll('iframe, object, embed, img[src="x"], main script'))
			found.push(el.outerHTML);
		for (const s of document.querySelectorAll('script'))
			if (s.textContent?.includes('alert(1)') && !s.textContent.includes('__sveltekit'))
				found.push(s.outerHTML);
		return found;
	});
	expect(injected, `elements made from a payload on ${where}`).toEqual([]);
}

test.describe.serial('user text is shown as text', () => {
	let w: World;
	const slots: Slot[] = [];
	const contexts: Partial<Record<Who, BrowserContext>> = {};
	const dialogs: string[] = [];

	async function pageFor(who: Who, browser: Browser): Promise<Page> {
		if (!contexts[who]) {
			const account = who === 'visitor' ? null : w[who];
			contexts[who] = await browser.newContext({
				bypassCSP: true,
				storageState: account ? await account.client.storageState() : undefined
			});
			contexts[who]!.on('page', (p) =>
				p.on('dialog', (d) => {
					dialogs.push(`${d.type()}: ${d.message()} on ${p.url()}`);
					void d.dismiss();
				})
			);
		}
		const pages = contexts[who]!.pages();
		if (pages.length) return pages[0];
		const page = await contexts[who]!.newPage();
		return page;
	}

	test.beforeAll(async () => {
		test.setTimeout(180_000);
		const admin = await adminApi();
		const pro = await approve(admin, await signUpApi('professional'));
		const pro2 = await approve(admin, await signUpApi('professional'));
		const pupil = await signUpApi('youth');
		const parent = await signUpApi('parent');
		const openClass = await createClassApi(pro);
		w = { pro, pro2, pupil, parent, openClass, live: await startLiveApi(pro) };
		await admin.client.dispose();

		for (const payload of PAYLOADS) {
			const form = { name: uniqueName('Klasse'), school: 'Skole', ageGroup: '7.' };
			for (const f of FIELDS)
				if (f.classFormKey && f.rule(payload) === null) form[f.classFormKey] = payload;
			const made = await createClassApi(pro, form);
			await joinClassApi(pupil, made.code);
			const texts: Partial<Record<ThemeDayText, string>> = {};
			for (const f of FIELDS)
				if (f.themeDayKey && f.rule(payload) === null) texts[f.themeDayKey] = payload;
			// A professional makes 10 theme days a day (quotas.ts); one more is made further down.
			const organiser: Slot['organiser'] = slots.length < 8 ? 'pro' : 'pro2';
			const themeDay = await createThemeDayApi(w[organiser], texts);
			expect((await postAction(w[organiser].client, themeDay.path, 'udgiv')).type, payload).toBe(
				'success'
			);
			const slot = {
				payload,
				classId: made.id,
				classPath: made.path,
				className: form.name,
				themeDay,
				organiser
			};
			for (const f of FIELDS) if (f.store && f.rule(payload) === null) await f.store(w, slot);
			slots.push(slot);
		}
	});

	test.afterAll(async () => {
		for (const c of Object.values(contexts)) await c?.close();
		for (const a of [w?.pro, w?.pro2, w?.pupil, w?.parent]) await a?.client.dispose();
	});

	test('every stored payload is shown as text on every page that shows it', async ({ browser }) => {
		// Which payloads each page must show, so a page shared by many fields loads once.
		const visits = new Map<string, { who: Who; path: string; texts: Set<string> }>();
		for (const f of FIELDS)
			for (const slot of slots) {
				if (f.rule(slot.payload) !== null) continue;
				for (const shown of f.shownOn) {
					const path = shown.path(slot);
					const who = typeof shown.who === 'function' ? shown.who(slot) : shown.who;
					const key = `${who} ${path}`;
					if (!visits.has(key)) visits.set(key, { who, path, texts: new Set() });
					if (!f.markdown) visits.get(key)!.texts.add(slot.payload);
				}
			}
		expect(visits.size).toBeGreaterThan(PAYLOADS.length);
		for (const { who, path, texts } of visits.values()) {
			const page = await pageFor(who, browser);
			const response = await page.goto(path);
			expect(response!.status(), path).toBe(200);
			for (const text of texts)
				await expect(
					page.getByText(text).filter({ visible: true }).first(),
					`${text} on ${path}`
				).toBeVisible();
			await expectNothingInjected(page, path);
		}
		expect(dialogs).toEqual([]);
	});

	test('the teacher’s one-time code dialog shows the pupil’s name as text', async ({ browser }) => {
		const page = await pageFor('pro', browser);
		for (const slot of slots.slice(0, 4)) {
			await page.goto(slot.classPath);
			await page.getByRole('button', { name: `Ny adgangskode til ${slot.payload}` }).click();
			await expect(page.getByText(`Engangskode til ${slot.payload}`)).toBeVisible();
			await expectNothingInjected(page, slot.classPath);
		}
		expect(dialogs).toEqual([]);
	});

	test('a theme day’s calendar file escapes every payload: one event, no lines of its own', async () => {
		for (const slot of slots) {
			const response = await w.pro.client.get(`/temadage/${slot.themeDay.slug}/kalender.ics`);
			expect(response.status(), slot.payload).toBe(200);
			const lines = calendarLines(await response.text());
			expect(
				lines.filter((l) => l === 'BEGIN:VEVENT'),
				slot.payload
			).toHaveLength(1);
			expect(lines, slot.payload).toContain(`SUMMARY:${icsText(slot.payload)}`);
			expect(lines, slot.payload).toContain(`LOCATION:${icsText(`${slot.payload}, Herlev`)}`);
		}
	});

	test('a theme day’s Markdown and line breaks make no markup and no calendar lines', async ({
		browser
	}) => {
		const injected = '\r\nBEGIN:VEVENT\r\nSUMMARY:Falsk\r\nEND:VEVENT';
		const texts = {
			title: `Temadag${injected}`,
			place: 'Sted\nBEGIN:VALARM\nTRIGGER:-PT5M',
			contact: 'Kontakt\rURL:javascript:alert(1)',
			description: [...MARKDOWN_PAYLOADS, `Slut${injected}`].join('\n\n')
		};
		const day = await createThemeDayApi(w.pro, texts);
		expect((await postAction(w.pro.client, day.path, 'udgiv')).type).toBe('success');

		const response = await w.pro.client.get(`/temadage/${day.slug}/kalender.ics`);
		expect(response.status()).toBe(200);
		const lines = calendarLines(await response.text());
		expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
		expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(1);
		expect(
			lines.filter((l) => /^(SUMMARY:Falsk|BEGIN:VALARM|TRIGGER|URL:javascript)/.test(l))
		).toEqual([]);
		expect(lines).toContain(`SUMMARY:${icsText(texts.title)}`);

		for (const path of [`/temadage/${day.slug}`, day.path]) {
			const page = await pageFor(path === day.path ? 'pro' : 'visitor', browser);
			expect((await page.goto(path))!.status(), path).toBe(200);
			await expect(page.getByRole('heading', { level: 1 })).toContainText('BEGIN:VEVENT');
			const main = page.locator('main');
			await expect(
				main.locator(
					'script, [onerror], [onload], [ontoggle], iframe, a[href^="javascript:" i], .prose img'
				),
				path
			).toHaveCount(0);
			await expectNothingInjected(page, path);
		}
		// The sanitised description keeps the words, without the script links.
		const prose = (await pageFor('visitor', browser)).locator('main .prose');
		await expect(prose.getByText('klik')).toBeVisible();
		await expect(prose.getByText('Slut')).toBeVisible();
		expect(dialogs).toEqual([]);
	});

	test('the class CSV neutralises formulas and keeps markup as plain text', async () => {
		const pupilName = byField('pupil name given by the teacher');
		for (const slot of slots) {
			const response = await w.pro.client.get(`${slot.classPath}/csv`);
			expect(response.status()).toBe(200);
			expect(response.headers()['content-type']).toContain('text/csv');
			const rows = parseCsv(await response.text());
			const cells = rows.flat();
			const name = rows.slice(1).map((r) => r[0]);
			expect(
				cells.filter((c) => /^[=+\-@\t\r]/.test(c)),
				slot.payload
			).toEqual([]);
			// The pupil keeps their username where the name rule refused the payload.
			const shown = pupilName.rule(slot.payload) === null ? slot.payload : w.pupil.username;
			expect(name, slot.payload).toContain(/^[=+\-@]/.test(shown) ? `'${shown}` : shown);
		}
	});

	// Stored fields are tried with every payload they refuse; input-only fields with ECHO_PAYLOADS.
	for (const f of FIELDS) {
		const refused = (f.shownOn.length ? PAYLOADS : ECHO_PAYLOADS).filter((p) => f.rule(p) !== null);
		if (!refused.length) continue;
		test(`${f.field}: a refused payload comes back escaped, with a Danish message`, async ({
			browser
		}) => {
			const account = f.echo.who === 'visitor' ? null : w[f.echo.who];
			const client = account?.client ?? (await apiClient());
			const page = await pageFor(f.echo.who, browser);
			for (const payload of refused) {
				const slot = slots.find((s) => s.payload === payload)!;
				const path = f.echo.path === 'SLOT' ? slot.classPath : f.echo.path;
				const response = await postForm(client, path, f.echo.action, f.echo.form(w, payload));
				expect(response.status(), payload).toBeGreaterThanOrEqual(400);
				await renderResponse(page, actionUrl(path, f.echo.action), response);
				await expect(
					page
						.getByRole('alert')
						.filter({ hasText: f.rule(payload)! })
						.first(),
					payload
				).toBeVisible();
				await expect(page.getByLabel(f.echo.label).first(), payload).toHaveValue(payload);
				await expectNothingInjected(page, `${f.field} with ${payload}`);
			}
			if (!account) await client.dispose();
			expect(dialogs).toEqual([]);
		});
	}

	test('addresses whose parameters reach the page show them as text', async ({ browser }) => {
		for (const reflected of REFLECTED)
			for (const payload of ECHO_PAYLOADS) {
				const page = await pageFor(reflected.who, browser);
				const path = reflected.path(payload, w);
				const response = await page.goto(path);
				expect(response!.status(), path).toBeLessThan(500);
				if (reflected.label) await expect(page.getByLabel(reflected.label)).toHaveValue(payload);
				if (reflected.text) await expect(page.getByRole('status')).toContainText(payload);
				await expectNothingInjected(page, path);
			}
		expect(dialogs).toEqual([]);
	});
});

test('a shared link cannot put its own words in the "you joined" notice', async ({ page }) => {
	const pupil = await signUpApi('youth');
	await page.context().addCookies((await pupil.client.storageState()).cookies);
	const spoof = 'Politiet. Ring straks på 12 34 56 78';
	await page.goto(`/mig?klasse=${encodeURIComponent(spoof)}`);
	await expect(page.getByText(spoof)).toHaveCount(0);
	await expect(page.getByRole('status')).toHaveCount(0);
	// The notice still names a class the person did join.
	const admin = await adminApi();
	const pro = await approve(admin, await signUpApi('professional'));
	const made = await createClassApi(pro, { name: '8.B', school: 'Skole', ageGroup: '8.' });
	await joinClassApi(pupil, made.code);
	await page.goto('/mig?klasse=8.B');
	await expect(page.getByRole('status')).toHaveText('Du er nu med i 8.B.');
	for (const a of [pupil, admin, pro]) await a.client.dispose();
});

test.describe('Content-Security-Policy', () => {
	test('blocks script that gets into a page anyway: inline, handlers, javascript: URLs', async ({
		page
	}) => {
		const dialogs: string[] = [];
		page.on('dialog', (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		await page.addInitScript(() => {
			const w = window as unknown as { violations: string[] };
			w.violations = [];
			document.addEventListener('securitypolicyviolation', (e) =>
				w.violations.push(e.effectiveDirective)
			);
		});
		await page.goto('/log-ind');
		// The app's own scripts, allowed by their hash, did run.
		await expect
			.poll(() => page.evaluate(() => Object.keys(window).some((k) => k.startsWith('__sveltekit'))))
			.toBe(true);
		const ran = await page.evaluate(async () => {
			const w = window as unknown as { ran: string[]; violations: string[] };
			w.ran = [];
			const main = document.querySelector('main') ?? document.body;
			const script = document.createElement('script');
			script.textContent = 'window.ran.push("inline")';
			main.append(script);
			main.insertAdjacentHTML(
				'beforeend',
				'<img src="/findes-ikke.png" onerror="window.ran.push(\'handler\')">'
			);
			main.insertAdjacentHTML('beforeend', '<svg onload="window.ran.push(\'svg\')"></svg>');
			const link = document.createElement('a');
			link.href = 'javascript:window.ran.push("url")';
			main.append(link);
			link.click();
			await new Promise((r) => setTimeout(r, 300));
			return { ran: w.ran, violations: w.violations };
		});
		expect(ran.ran).toEqual([]);
		expect(ran.violations).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
		expect(dialogs).toEqual([]);
	});
});

/** Shows an HTML response in the browser at its own address, so it hydrates as it would. */
async function renderResponse(page: Page, path: string, response: APIResponse) {
	const body = await response.text();
	const url = new URL(path, BASE_URL).href;
	await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body }), {
		times: 1
	});
	await page.goto(url);
}

/** RFC 5545 TEXT as the calendar file must write it. */
function icsText(text: string): string {
	return text
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/** The unfolded content lines of a calendar file; fails on a bare line break or an unnamed line. */
function calendarLines(body: string): string[] {
	expect(body.endsWith('\r\n')).toBe(true);
	const lines = body
		.replace(/\r\n[ \t]/g, '')
		.slice(0, -2)
		.split('\r\n');
	expect(lines.filter((l) => /[\r\n]/.test(l) || !/^[A-Z][A-Z0-9-]*[;:]/.test(l))).toEqual([]);
	return lines;
}

/** Semicolon-separated CSV with quoted cells, as toCsv writes it. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const body = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < body.length; i++) {
		const c = body[i];
		if (quoted) {
			if (c === '"' && body[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ';') {
			row.push(cell);
			cell = '';
		} else if (c === '\r' && body[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else cell += c;
	}
	return rows;
}
