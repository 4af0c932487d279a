import { expect, test } from '@playwright/test';
import {
	answerQuiz,
	approvedProfessional,
	expectNoAxeViolations,
	fillQuestion,
	PASSWORD,
	readQuiz,
	signIn,
	signOut,
	signUp,
	uniqueName
} from './support/helpers';

async function createClass(page: import('@playwright/test').Page, name: string) {
	await page.goto('/fagperson');
	await page.getByLabel('Klassens navn').fill(name);
	await page.getByLabel('Skole, klub eller sted').fill('Herlev Skole');
	await page.getByLabel('Klassetrin eller alder').fill('7. klasse');
	await page.getByRole('button', { name: 'Opret en klasse' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	return {
		url: page.url(),
		code: (await page.locator('p.code span[aria-hidden]').textContent())!.trim()
	};
}

test.describe('classes', () => {
	test('class → pupil joins with the code → assignment → pupil passes → grid, analysis and CSV show it', async ({
		browser
	}) => {
		const { page: pro } = await approvedProfessional(browser);
		await pro.goto('/fagperson');
		await pro.getByRole('button', { name: 'Opret en klasse' }).click();
		await expect(pro.getByRole('alert')).toContainText('Skriv klassens navn.');
		await expectNoAxeViolations(pro);
		const { url: classUrl, code } = await createClass(pro, '7.A');
		expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
		await expect(pro.getByRole('img', { name: /QR-kode/ })).toBeVisible();
		await expectNoAxeViolations(pro);

		// The pupil has no account and no JavaScript.
		const pupilContext = await browser.newContext({ javaScriptEnabled: false });
		const pupil = await pupilContext.newPage();
		await pupil.goto(`/klasse?kode=${code}`);
		await expect(pupil.getByLabel('Klassekode')).toHaveValue(code);
		await pupil.getByLabel('Klassekode').fill('ZZZZZZ');
		const pupilName = uniqueName('elev');
		await pupil.getByLabel('Brugernavn').fill(pupilName);
		await pupil.getByLabel('Adgangskode', { exact: true }).fill('min hemmelige sætning');
		await pupil.getByRole('button', { name: 'Deltag' }).click();
		await expect(pupil.getByRole('alert')).toContainText(
			'Vi kan ikke finde en klasse med den kode.'
		);
		await expect(pupil.getByLabel('Brugernavn')).toHaveValue(pupilName);
		await pupil.getByLabel('Klassekode').fill(code.toLowerCase());
		await pupil.getByLabel('Adgangskode', { exact: true }).fill('min hemmelige sætning');
		await pupil.getByRole('button', { name: 'Deltag' }).click();
		await expect(pupil.getByRole('status')).toContainText('Du er nu med i 7.A.');

		await pro.goto(classUrl);
		await expect(pro.getByText(pupilName, { exact: true })).toBeVisible();
		await pro.getByLabel('Modul').selectOption('grooming');
		await pro.getByLabel('Afleveringsdato (valgfri)').fill('2099-06-01');
		await pro.getByLabel('Besked til eleverne (valgfri)').fill('Læs den inden onsdag.');
		await pro.getByRole('button', { name: 'Giv som opgave' }).click();
		await expect(pro.getByRole('status')).toContainText('Modulet er givet som opgave.');
		// A practice scenario is assigned the same way.
		await pro.getByLabel('Modul').selectOption('oev-sofie');
		await pro.getByRole('button', { name: 'Giv som opgave' }).click();
		await expect(pro.getByRole('heading', { name: /Sofie vil have penge/ })).toBeVisible();
		await pro.getByRole('link', { name: /^Lærervejledning til Grooming/ }).click();
		await expect(pro).toHaveURL(/\/unge\/grooming#laerervejledning$/);
		const notes = pro.locator('#laerervejledning');
		if (!(await notes.evaluate((el) => (el as HTMLDetailsElement).open)))
			await notes.getByText('Lærervejledning (kun for fagpersoner)').click();
		await expect(pro.getByRole('heading', { name: 'Lektionsplan (45 minutter)' })).toBeVisible();

		await pupil.goto('/mig');
		const assignment = pupil.getByRole('region', { name: 'Dine opgaver' });
		await expect(assignment).toContainText('Grooming');
		await expect(assignment).toContainText('Læs den inden onsdag.');
		await expect(assignment.getByRole('link', { name: 'Sofie vil have penge' })).toHaveAttribute(
			'href',
			'/unge/oev/oev-sofie'
		);
		await pupil.goto('/unge');
		// Both the module and the scenario show the assignment on the track page.
		await expect(pupil.getByText('Opgave fra 7.A')).toHaveCount(2);
		await pupil.goto('/unge/grooming');
		const questions = readQuiz('unge', 'grooming').length;
		await answerQuiz(pupil, 'unge', 'grooming', { wrong: [0] });
		const score = Math.round((100 * (questions - 1)) / questions);

		// A second pupil, with JavaScript, checks the first answer step by step and gets it wrong,
		// then reloads and submits every answer right: the analysis counts the first check.
		const secondContext = await browser.newContext();
		const second = await secondContext.newPage();
		await signUp(second, 'youth');
		await second.goto(`/klasse?kode=${code}`);
		await second.getByRole('button', { name: 'Deltag' }).click();
		await expect(second.getByRole('status')).toContainText('Du er nu med i 7.A.');
		await second.goto('/unge/grooming');
		const firstQuestion = second.locator('fieldset.question').first();
		await fillQuestion(firstQuestion, readQuiz('unge', 'grooming')[0], true);
		await firstQuestion.getByRole('button', { name: 'Tjek mit svar' }).click();
		await expect(firstQuestion.getByText('Ikke helt', { exact: true })).toBeVisible();
		await second.reload();
		await answerQuiz(second, 'unge', 'grooming', { stepwise: true });
		await expect(second.getByRole('status')).toContainText('100 %');
		// The second pupil also practises the assigned scenario.
		await second.goto('/unge/oev/oev-sofie');
		await second
			.getByRole('button', { name: '(Du svarer ikke og tager skærmbilleder af chatten)' })
			.click();
		await second
			.getByRole('button', { name: '(Du blokerer hende og fortæller det til din far)' })
			.click();
		await expect(second.getByRole('heading', { name: 'Du fik hjælp' })).toBeVisible();
		await secondContext.close();

		await pro.goto(classUrl);
		const grid = pro.getByRole('table');
		await expect(grid.getByRole('rowheader', { name: pupilName })).toBeVisible();
		await expect(grid.getByRole('columnheader', { name: /Grooming/ })).toBeVisible();
		await expect(grid.getByRole('cell', { name: `Gennemført – ${score} %` })).toBeVisible();
		await expect(grid.getByRole('columnheader', { name: 'Sofie vil have penge' })).toBeVisible();
		await expect(grid.getByRole('cell', { name: 'Øvet', exact: true })).toHaveCount(1);
		await expectNoAxeViolations(pro);

		await pro.getByRole('link', { name: 'Se, hvad klassen svarer: Sofie vil have penge' }).click();
		await expect(
			pro.getByText('1 af 2 elever har øvet scenariet.', { exact: false })
		).toBeVisible();
		await expect(pro.getByText('100 % (1)').first()).toBeVisible();
		await expect(pro.getByText('Du fik hjælp', { exact: true })).toBeVisible();
		await expectNoAxeViolations(pro);
		await pro.goto(classUrl);

		await pro.getByRole('link', { name: /Se, hvad klassen svarer: Grooming/ }).click();
		await expect(pro.getByText('2 af 2 elever har taget quizzen.')).toBeVisible();
		await expect(pro.getByText('0 % svarede rigtigt første gang (0 af 2)')).toBeVisible();
		await expect(pro.getByText('100 % svarede rigtigt første gang (2 af 2)')).toHaveCount(
			questions - 1
		);
		await expect(pro.getByText('Mest valgte forkerte svar (antal elever: 2):')).toBeVisible();
		await expectNoAxeViolations(pro);

		const csv = await pro.request.get(`${classUrl}/csv`);
		expect(csv.headers()['content-type']).toContain('text/csv');
		const body = await csv.text();
		expect(body.charCodeAt(0)).toBe(0xfeff);
		expect(body).toContain(`${pupilName};Bestået;${score}`);
		await pupilContext.close();
	});

	test('another professional gets 404 on the class, its pages and its actions', async ({
		browser
	}) => {
		const { page: owner } = await approvedProfessional(browser);
		const { url } = await createClass(owner, 'Klubben');
		await owner.getByLabel('Modul').selectOption('sextortion');
		await owner.getByRole('button', { name: 'Giv som opgave' }).click();
		const { page: other } = await approvedProfessional(browser);
		for (const path of [url, `${url}/analyse/sextortion`, `${url}/csv`]) {
			expect((await other.goto(path))!.status(), path).toBe(404);
		}
		const origin = new URL(url).origin;
		for (const action of ['tildel', 'nyKode', 'arkiver', 'fjernElev', 'nulstil']) {
			const response = await other.request.post(`${url}?/${action}`, {
				form: { moduleSlug: 'grooming', userId: 'x' },
				headers: { origin, accept: 'text/html' }
			});
			expect(response.status(), action).toBe(404);
		}
		const youth = await (await browser.newContext()).newPage();
		await signUp(youth, 'youth');
		expect((await youth.goto(url))!.status()).toBe(404);
		expect((await youth.goto('/fagperson'))!.status()).toBe(404);
	});

	test('a pending professional cannot create classes', async ({ page }) => {
		await signUp(page, 'professional');
		await page.goto('/fagperson');
		await expect(page.getByText('Venter på en administrator')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Opret en klasse' })).toHaveCount(0);
		const response = await page.request.post('/fagperson?/opret', {
			form: { name: 'X', school: 'Y', ageGroup: 'Z' },
			headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
		});
		expect(response.status()).toBe(404);
	});

	test('a pupil with an account follows the class link, signs in and comes back to the code', async ({
		browser
	}) => {
		const { page: pro } = await approvedProfessional(browser);
		const { code } = await createClass(pro, '6.A');
		const pupil = await (await browser.newContext()).newPage();
		const pupilName = await signUp(pupil, 'youth');
		await signOut(pupil);

		await pupil.goto(`/klasse?kode=${code}`);
		await pupil.getByRole('link', { name: 'Log ind' }).last().click();
		// The class page has a Brugernavn field too: fill in only once the sign-in page is there.
		await expect(pupil).toHaveURL(`/log-ind?naeste=${encodeURIComponent(`/klasse?kode=${code}`)}`);
		await expect(pupil.getByRole('heading', { name: 'Log ind', level: 1 })).toBeVisible();
		await pupil.getByLabel('Brugernavn').fill(pupilName);
		await pupil.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
		await pupil.getByRole('button', { name: 'Log ind' }).click();
		await expect(pupil).toHaveURL(`/klasse?kode=${code}`);
		await expect(pupil.getByLabel('Klassekode')).toHaveValue(code);
		await pupil.getByRole('button', { name: 'Deltag' }).click();
		await expect(pupil.getByRole('status')).toContainText('Du er nu med i 6.A.');
	});

	test('a teacher gives a pupil a one-time code to set a new password', async ({ browser }) => {
		const { page: pro } = await approvedProfessional(browser);
		const { url, code } = await createClass(pro, '8.B');
		const pupil = await (await browser.newContext()).newPage();
		const pupilName = await signUp(pupil, 'youth');
		await pupil.goto(`/klasse?kode=${code}`);
		await expectNoAxeViolations(pupil);
		await pupil.getByRole('button', { name: 'Deltag' }).click();
		await expect(pupil.getByRole('status')).toContainText('Du er nu med i 8.B.');

		await pro.goto(url);
		await pro.getByRole('button', { name: `Ny adgangskode til ${pupilName}` }).click();
		const resetCode = (await pro.getByRole('status').locator('p.code').textContent())!.trim();

		const fresh = await (await browser.newContext()).newPage();
		await fresh.goto('/nulstil');
		await fresh.getByLabel('Brugernavn').fill(pupilName);
		await fresh.getByLabel('Engangskode').fill('ABCDEFGH');
		await fresh.getByLabel('Ny adgangskode').fill('helt ny og lang kode');
		await fresh.getByRole('button', { name: 'Skift adgangskode' }).click();
		await expect(fresh.getByRole('alert')).toContainText('Koden virker ikke.');
		await expectNoAxeViolations(fresh);
		await fresh.getByLabel('Engangskode').fill(resetCode);
		await fresh.getByLabel('Ny adgangskode').fill('helt ny og lang kode');
		await fresh.getByRole('button', { name: 'Skift adgangskode' }).click();
		await expect(fresh.getByText('Din adgangskode er skiftet.')).toBeVisible();
		await signIn(fresh, pupilName, 'helt ny og lang kode');
		await expect(fresh).toHaveURL(/\/mig/);
		// The old sessions ended with the new password.
		await pupil.goto('/mig');
		await expect(pupil).toHaveURL(/\/log-ind/);
	});
});
