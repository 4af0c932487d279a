import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
	createAdmin,
	fillMeasure,
	measureAnswers,
	printedPages,
	readMeasure,
	signIn,
	signUp,
	uniqueName
} from './support/helpers';
import { apiClient, postForm } from './support/security-fixtures';

/**
 * Before-and-after measures, end to end on the fixture content: a professional attaches a measure
 * to a class's module, 12 pupils answer before and after (two in a browser, one of them without
 * JavaScript; ten as plain form posts), the class view shows the change, a class of 9 shows
 * nothing; then a coordinator sees the report across schools, exports CSV and prints the summary.
 */

const MEASURE = 'temadag-unge';
const measure = readMeasure(MEASURE);
const knowledge = measure.questions.filter((q) => q.kind === 'viden');
// A municipality no other test uses, so the coordinator's figures are this test's alone.
const MUNICIPALITY = 'Rødovre';
const SCHOOL = 'Islev Skole';

async function newPage(browser: Browser, javaScriptEnabled = true): Promise<Page> {
	return (await browser.newContext({ javaScriptEnabled })).newPage();
}

/** A class with the fixture module grooming given as an assignment; its path. */
async function classWithAssignment(pro: Page, name: string): Promise<string> {
	await pro.goto('/fagperson');
	await pro.getByLabel('Klassens navn').fill(name);
	await pro.getByLabel('Skole, klub eller sted').fill(SCHOOL);
	await pro.getByLabel('Klassetrin eller alder').fill('7. klasse');
	await pro.getByRole('button', { name: 'Opret en klasse' }).click();
	await expect(pro.getByRole('heading', { level: 1, name })).toBeVisible();
	await pro.getByLabel('Modul').selectOption('grooming');
	await pro.getByRole('button', { name: 'Giv som opgave' }).click();
	await expect(pro.getByRole('status')).toContainText('Modulet er givet som opgave.');
	return new URL(pro.url()).pathname;
}

/** Attaches the measure to the class's assignment; returns the code participants type. */
async function createMeasure(pro: Page, className: string): Promise<string> {
	await pro.goto('/fagperson/maalinger');
	await pro.getByLabel(measure.title).check();
	const target = pro.getByLabel('Hvad hører målingen til?');
	const option = target.locator('option', { hasText: `${className}: ` });
	await target.selectOption((await option.getAttribute('value'))!);
	await pro.getByRole('button', { name: 'Opret målingen' }).click();
	await expect(pro.getByRole('heading', { level: 1, name: measure.title })).toBeVisible();
	return (await pro.getByTestId('measure-code').textContent())!.trim();
}

/** Pupils who answer as plain form posts; each keeps its own cookie, as a browser does. */
async function formPupils(count: number): Promise<APIRequestContext[]> {
	return Promise.all(Array.from({ length: count }, () => apiClient()));
}

async function answerByForm(pupils: APIRequestContext[], code: string, right: boolean) {
	for (const pupil of pupils) {
		const response = await postForm(
			pupil,
			`/maaling/${code}`,
			'svar',
			measureAnswers(MEASURE, right, right ? 5 : 2)
		);
		expect(response.status()).toBe(200);
		expect(await response.text()).toContain('Tak for dine svar!');
	}
}

/** One of the counts on a measure's page. */
const count = (pro: Page, name: string) =>
	pro.locator('.counts div').filter({ hasText: name }).locator('dd');

async function closeMeasure(pro: Page) {
	await pro.getByLabel('Jeg ved, at ingen kan svare, når målingen er lukket').check();
	await pro.getByRole('button', { name: 'Luk målingen' }).click();
	await expect(pro.getByRole('status')).toContainText('Målingen er lukket');
}

test.describe.serial('before-and-after measures', () => {
	let proName = '';

	test('12 pupils answer before and after a module; the class sees the change, a class of 9 nothing', async ({
		browser
	}) => {
		test.setTimeout(120_000);
		const pro = await newPage(browser);
		proName = await signUp(pro, 'professional', uniqueName('pro'), undefined, {
			workplace: SCHOOL,
			municipality: MUNICIPALITY
		});
		const adminName = uniqueName('adm');
		createAdmin(adminName);
		const admin = await newPage(browser);
		await signIn(admin, adminName);
		await admin.goto('/admin');
		await admin.getByRole('button', { name: `Godkend ${proName}` }).click();
		await expect(admin.getByRole('status')).toBeVisible();
		await admin.context().close();
		await signIn(pro, proName);

		await classWithAssignment(pro, '7.A');
		const code = await createMeasure(pro, '7.A');

		// Before: one pupil with JavaScript types the code, one without opens the address, ten post.
		const withJs = await newPage(browser);
		await withJs.goto('/maaling');
		await withJs.getByLabel('Kode').fill(code.toLowerCase());
		await withJs.getByRole('button', { name: 'Gå til spørgsmålene' }).click();
		await expect(withJs.getByRole('heading', { level: 1, name: measure.title })).toBeVisible();
		await expect(withJs.getByText('Før', { exact: true })).toBeVisible();
		// A question left out is named.
		await withJs.getByRole('button', { name: 'Send mine svar' }).click();
		await expect(withJs.getByRole('alert')).toContainText(
			`Svar på spørgsmål 1: ${knowledge[0].label}.`
		);
		await fillMeasure(withJs, MEASURE, false, 2);
		await withJs.getByRole('button', { name: 'Send mine svar' }).click();
		await expect(withJs.getByRole('status')).toContainText('Tak for dine svar!');

		const noJs = await newPage(browser, false);
		await noJs.goto(`/maaling/${code}`);
		await fillMeasure(noJs, MEASURE, false, 2);
		await noJs.getByRole('button', { name: 'Send mine svar' }).click();
		await expect(noJs.getByRole('status')).toContainText('Tak for dine svar!');
		// The pairing token lives in a cookie that only this measure's page gets, out of scripts' reach.
		const [cookie] = (await noJs.context().cookies()).filter((c) => c.name === 'maaling');
		expect(cookie).toMatchObject({ path: `/maaling/${code}`, httpOnly: true, sameSite: 'Lax' });

		const pupils = await formPupils(10);
		await answerByForm(pupils, code, false);
		await pro.reload();
		await expect(count(pro, 'Har svaret før')).toHaveText('12');

		// After: the professional moves on; everyone answers again, now rightly and surer.
		await pro.getByRole('button', { name: 'Start eftermålingen' }).click();
		await expect(pro.getByRole('status')).toContainText('Nu svarer deltagerne efter.');
		// No figures while people answer.
		await expect(pro.getByText('Tallene vises, når du har lukket målingen.')).toBeVisible();
		for (const page of [withJs, noJs]) {
			await page.goto(`/maaling/${code}`);
			await expect(page.getByText('Efter', { exact: true })).toBeVisible();
			await fillMeasure(page, MEASURE, true, 5);
			await page.getByRole('button', { name: 'Send mine svar' }).click();
			await expect(page.getByRole('status')).toContainText('Tak for dine svar!');
		}
		await answerByForm(pupils, code, true);
		await withJs.goto(`/maaling/${code}`);
		// Coming back: thanked again, no second form.
		await expect(withJs.getByRole('status')).toContainText('Tak for dine svar!');
		await expect(withJs.getByRole('button', { name: 'Send mine svar' })).toHaveCount(0);

		await closeMeasure(pro);
		await expect(
			pro.getByText('Tallene bygger på de 12, der svarede både før og efter.')
		).toBeVisible();
		const results = pro.locator('.results .result');
		await expect(results).toHaveCount(measure.questions.length);
		// A chart drawn on the server per question, the numbers written out, and a table for screen readers.
		await expect(pro.locator('.results svg.before-after-chart')).toHaveCount(
			measure.questions.length
		);
		await expect(results.first()).toContainText('Forskel: +100 procentpoint');
		const table = pro.getByRole('table', { name: `${measure.title}: før og efter pr. spørgsmål` });
		await expect(
			table.getByRole('row', { name: new RegExp(knowledge[0].label) }).getByRole('cell')
		).toHaveText(['0 %', '100 %', '+100 procentpoint']);
		await expect(table.locator('tbody tr').last().getByRole('cell')).toHaveText([
			'2,0',
			'5,0',
			'+3,0'
		]);
		// Closed: the participants are told so, and their tokens are gone.
		await noJs.goto(`/maaling/${code}`);
		await expect(noJs.getByText('Målingen er lukket. Tak til alle, der svarede.')).toBeVisible();

		// A class of 9: every count and figure stays hidden, also once closed.
		await classWithAssignment(pro, '7.B');
		const small = await createMeasure(pro, '7.B');
		const nine = await formPupils(9);
		await answerByForm(nine, small, false);
		await pro.reload();
		await expect(count(pro, 'Har svaret før')).toHaveText('færre end 10');
		await pro.getByRole('button', { name: 'Start eftermålingen' }).click();
		await answerByForm(nine, small, true);
		await closeMeasure(pro);
		await expect(
			pro.getByText('Færre end 10 har svaret både før og efter. For at ingen kan genkendes')
		).toBeVisible();
		await expect(pro.locator('svg.before-after-chart')).toHaveCount(0);
		await expect(pro.locator('main')).not.toContainText('procentpoint');

		for (const c of [...pupils, ...nine]) await c.dispose();
		for (const page of [pro, withJs, noJs]) await page.context().close();
	});

	test('a coordinator sees the report across schools, exports it as CSV and prints the summary', async ({
		browser
	}) => {
		test.setTimeout(60_000);
		const coordinator = await newPage(browser);
		const name = await signUp(coordinator, 'coordinator', uniqueName('koo'), undefined, {
			workplace: 'SSP Rødovre',
			municipality: MUNICIPALITY
		});
		// Waiting for approval: the application's status, no figures.
		await coordinator.goto('/koordinator');
		await expect(
			coordinator.getByRole('heading', { name: 'Din ansøgning som koordinator' })
		).toBeVisible();
		await expect(coordinator.getByRole('link', { name: 'Hent som CSV' })).toHaveCount(0);

		const adminName = uniqueName('adm');
		createAdmin(adminName);
		const admin = await newPage(browser);
		await signIn(admin, adminName);
		await admin.goto('/admin');
		await expect(
			admin.getByRole('listitem').filter({ hasText: name }).locator('dd').first()
		).toHaveText('Koordinator');
		await admin.getByRole('button', { name: `Godkend ${name}` }).click();
		await expect(admin.getByRole('status')).toContainText(`${name} er godkendt som koordinator.`);
		await admin.context().close();

		// An approved coordinator's work is the report: signing in leads there.
		await signIn(coordinator, name);
		await expect(coordinator).toHaveURL(/\/koordinator$/);
		await coordinator.getByLabel('Kommune', { exact: true }).selectOption(MUNICIPALITY);
		await coordinator.getByRole('button', { name: 'Vis tallene' }).click();
		await expect(coordinator).toHaveURL(/kommune=R%C3%B8dovre/);
		const main = coordinator.locator('main');
		// Only 7.A's measure counts, with its 12 pairs; 7.B's 9 count nowhere.
		await expect(main).toContainText('12 svarede før og efter (antal målinger: 1)');
		await expect(main.locator('svg.before-after-chart')).toHaveCount(measure.questions.length);
		await expect(main.locator('.table-scroll[aria-labelledby="schools-title"]')).toContainText(
			SCHOOL
		);

		// CSV: one figure a row; hidden figures say so.
		const [download] = await Promise.all([
			coordinator.waitForEvent('download'),
			coordinator.getByRole('link', { name: 'Hent som CSV' }).click()
		]);
		const csv = readFileSync((await download.path())!, 'utf8');
		expect(download.suggestedFilename()).toMatch(/^tal-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(csv).toContain(`Har svaret både før og efter;12`);
		expect(csv).toContain(`${knowledge[0].label};Forskel;100`);
		expect(csv).toContain('færre end 10');
		expect(csv).not.toMatch(/;9\r?\n/);

		// The steering group's page fits one printed page.
		await coordinator.getByRole('link', { name: 'Side til styregruppen (udskriv)' }).click();
		await expect(
			coordinator.getByRole('heading', { level: 1, name: 'Sammen på nettet: tal til styregruppen' })
		).toBeVisible();
		await expect(coordinator.locator('main')).toContainText(MUNICIPALITY);
		expect(await printedPages(coordinator)).toBe(1);
		await coordinator.context().close();

		// The professional who made the measures has no way in (nor has a young person: the matrix).
		const pro = await newPage(browser);
		await signIn(pro, proName);
		expect((await pro.goto('/koordinator'))!.status()).toBe(404);
		await pro.context().close();
	});
});
