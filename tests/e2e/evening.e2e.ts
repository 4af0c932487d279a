import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	approvedProfessional,
	expectAccessibleAtBothWidths,
	printedPages,
	signUp
} from './support/helpers';
import { apiClient } from './support/security-fixtures';

/**
 * The theme-day evening on the fixture content: the young people answer a poll by link, the
 * parents guess on their phones and the projector shows both side by side; fewer than 10
 * answers show nothing; agreements are voted on, published, printed and shown to a parent.
 */

const POLL_QUESTIONS = [
	'utryg-besked',
	'fremmede-skriver',
	'delt-uden-lov',
	'grimme-kommentarer',
	'snydt'
];

async function createThemeDay(pro: Page, title: string): Promise<string> {
	await pro.goto('/fagperson/temadage/ny');
	await pro.getByLabel('Titel').fill(title);
	await pro.getByLabel('Dato', { exact: true }).fill('2030-06-12');
	await pro.getByLabel('Starttidspunkt').fill('17:00');
	await pro.getByLabel('Sluttidspunkt').fill('20:00');
	await pro.getByLabel('Sted').fill('Herlev Bibliotek, Bygaden 70, 2730 Herlev');
	await pro.getByLabel('Kommune').selectOption('Herlev');
	await pro.getByLabel('Unge og forældre').check();
	await pro.getByLabel('Beskrivelse').fill('Om dagen de unge, om aftenen forældrene.');
	await pro.getByLabel('Kontakt (offentlig)').fill('SSP Herlev');
	await pro.locator('#unge-grooming').selectOption('1');
	await pro.locator('#foraeldre-tal-med-dit-barn').selectOption('1');
	await pro.getByRole('button', { name: 'Gem som udkast' }).click();
	await expect(pro.getByRole('heading', { level: 1, name: title })).toBeVisible();
	return new URL(pro.url()).pathname;
}

/** Opens a youth poll of the fixture's first five questions; returns its page and link. */
async function openPoll(pro: Page, themeDay: string) {
	await pro.goto('/fagperson/stemmer');
	await pro.getByLabel('Hvem er det til?').selectOption({ label: themeDay });
	for (const id of POLL_QUESTIONS) await pro.locator(`#q-${id}`).check();
	await pro.getByRole('button', { name: 'Åbn afstemningen' }).click();
	await expect(pro.getByRole('heading', { level: 1, name: /^De unges stemmer:/ })).toBeVisible();
	await expect(pro.getByText(/lukker af sig selv .+, 30 dage efter den blev åbnet/)).toBeVisible();
	const link = new URL((await pro.getByTestId('poll-link').textContent())!.trim()).pathname;
	return { path: new URL(pro.url()).pathname, link };
}

async function startEvening(pro: Page, pollPath: string, dilemma?: string) {
	await pro.goto(pollPath);
	if (dilemma) await pro.getByLabel(dilemma).check();
	await pro.getByRole('button', { name: 'Start forældreaftenen' }).click();
	await expect(pro.getByRole('heading', { level: 1, name: /^Forældreaften:/ })).toBeVisible();
	const code = (await pro.getByTestId('live-code').textContent())!.trim();
	const screen = await pro.context().newPage();
	await screen.goto(`${new URL(pro.url()).pathname}/skaerm`);
	await expect(screen.getByTestId('projector-code')).toHaveText(code);
	return { code, screen };
}

async function command(pro: Page, name: string) {
	await pro.getByRole('button', { name, exact: true }).click();
}

async function joinLive(browser: Browser, code: string, nickname: string) {
	const page = await (await browser.newContext()).newPage();
	await page.goto(`/live?kode=${code}`);
	await page.getByLabel('Kaldenavn').fill(nickname);
	await page.getByRole('button', { name: 'Deltag' }).click();
	await expect(page.getByText(`Du er med som ${nickname}.`)).toBeVisible();
	return page;
}

async function guess(parent: Page, option: string) {
	await parent.getByLabel(option, { exact: true }).check();
	await parent.getByRole('button', { name: 'Send svar' }).click();
}

test.describe('the theme-day evening', () => {
	// Twelve pupils, three parents, a projector: longer than one person's journey.
	test.describe.configure({ timeout: 240_000 });

	test('12 pupils answer a poll (some without JavaScript), 3 parents guess, the projector shows both; the run sheet prints', async ({
		browser
	}) => {
		const { page: pro } = await approvedProfessional(browser);
		const dayPath = await createThemeDay(pro, 'Aften i Herlev');
		const poll = await openPoll(pro, 'Aften i Herlev');

		// Question 1 gets 12 answers (7 "Nej", 5 "Ja, en enkelt gang"); question 2 only 9.
		for (let i = 0; i < 12; i++) {
			const context = await browser.newContext({ javaScriptEnabled: i % 3 !== 0 });
			const pupil = await context.newPage();
			await pupil.goto(poll.link);
			if (i === 0) {
				await expect(pupil.getByText('Det er anonymt')).toBeVisible();
				await pupil.getByRole('button', { name: 'Send mine svar' }).click();
				await expect(pupil.getByRole('alert')).toContainText('Svar på mindst ét spørgsmål');
			}
			const q1 = pupil.getByRole('group', { name: /utryg/ });
			await q1.getByLabel(i < 7 ? 'Nej' : 'Ja, en enkelt gang', { exact: true }).check();
			if (i < 9)
				await pupil
					.getByRole('group', { name: /folk, du ikke kender/ })
					.getByLabel('Næsten aldrig')
					.check();
			await pupil.getByRole('button', { name: 'Send mine svar' }).click();
			await expect(pupil.getByTestId('poll-thanks')).toBeVisible();
			if (i === 1) {
				// The same browser (a group's shared screen) cannot answer twice.
				await pupil.goto(poll.link);
				await expect(pupil.getByTestId('poll-thanks')).toBeVisible();
				await expect(pupil.getByRole('button', { name: 'Send mine svar' })).toHaveCount(0);
			}
			await context.close();
		}

		await pro.goto(poll.path);
		await expect(pro.getByText('Svar via linket indtil nu: 12')).toBeVisible();
		const results = pro.locator('article.result');
		await expect(results.nth(0)).toContainText('Antal svar: 12');
		await expect(results.nth(0)).toContainText('7 (58 %)');
		await expect(results.nth(1)).toContainText('For få svar til at vise');
		await expect(results.nth(1)).not.toContainText('Næsten aldrig');

		// The parent evening: three parents guess, then the projector shows both side by side.
		const { code, screen } = await startEvening(pro, poll.path, 'Beskederne om natten');
		const parents = [
			await joinLive(browser, code, 'Mor til Ida'),
			await joinLive(browser, code, 'Far til Bo'),
			await joinLive(browser, code, 'Farmor')
		];
		await expect(screen.getByTestId('projector-participants')).toHaveText('Deltagere: 3');
		await command(pro, 'Start quizzen');
		for (const parent of parents)
			await expect(parent.getByText('Hvad tror du, de fleste unge svarede?')).toBeVisible();
		await guess(parents[0], 'Nej');
		await guess(parents[1], 'Nej');
		await guess(parents[2], 'Ja, flere gange');
		await expect(screen.getByTestId('evening-answered')).toHaveText('3 af 3 har svaret');
		// Until the reveal, only the guesses are on the screen.
		await expect(screen.getByTestId('compare-youth')).toHaveCount(0);
		await command(pro, 'Vis svaret');
		await expect(screen.getByTestId('compare-guesses')).toContainText('Antal gæt: 3');
		await expect(screen.getByTestId('compare-guesses')).toContainText('2 (67 %)');
		await expect(screen.getByTestId('compare-youth')).toContainText('Antal svar: 12');
		await expect(screen.getByTestId('compare-youth')).toContainText('5 (42 %)');
		await expect(
			screen.getByRole('table', { name: 'Forældrenes gæt og de unges svar' })
		).toBeAttached();
		await expect(parents[0].getByText('Kig op på skærmen')).toBeVisible();
		await expectAccessibleAtBothWidths(screen);

		// Question 2: 9 young people answered it, so the screen shows no figures of theirs.
		await command(pro, 'Næste spørgsmål');
		await guess(parents[0], 'Hver uge');
		await command(pro, 'Vis svaret');
		await expect(screen.getByTestId('compare-youth')).toContainText('For få svar til at vise');
		await expect(screen.getByTestId('compare-youth')).not.toContainText('Antal svar');

		// On through the other questions to the dilemma, voted on openly.
		for (let round = 3; round <= 5; round++) {
			await command(pro, 'Næste spørgsmål');
			await command(pro, 'Vis svaret');
		}
		await command(pro, 'Næste spørgsmål');
		await expect(screen.getByText('Beskederne om natten')).toBeVisible();
		await guess(parents[0], 'Enig');
		await guess(parents[1], 'Uenig');
		await guess(parents[2], 'Uenig');
		await expect(screen.getByTestId('evening-answered')).toHaveText('3 af 3 har svaret');
		await expect(screen.getByText('2 (67 %)')).toBeVisible();

		// The run sheet for the theme day, made from its programmes, to print.
		await pro.goto(`${dayPath}/drejebog`);
		await expect(
			pro.getByRole('heading', { name: 'Lektion i klassen (45 minutter)' })
		).toBeVisible();
		await expect(pro.getByRole('heading', { name: 'Forældreaften (90 minutter)' })).toBeVisible();
		await expect(pro.getByText('Afstemningen er åben.').first()).toBeVisible();
		await pro.emulateMedia({ media: 'print' });
		expect(await printedPages(pro)).toBeLessThanOrEqual(3);
	});

	test('a second theme day where only 9 young people answered shows nothing of theirs', async ({
		browser
	}) => {
		const { page: pro } = await approvedProfessional(browser);
		await createThemeDay(pro, 'Lille temadag');
		const poll = await openPoll(pro, 'Lille temadag');
		for (let i = 0; i < 9; i++) {
			const pupil = await apiClient();
			const response = await pupil.post(poll.link, {
				form: { 'q-utryg-besked': 'nej' },
				headers: { accept: 'text/html' }
			});
			expect(response.status()).toBe(303);
			await pupil.dispose();
		}
		await pro.goto(poll.path);
		await expect(pro.getByText('Svar via linket indtil nu: 9')).toBeVisible();
		await expect(pro.locator('article.result', { hasText: 'For få svar' })).toHaveCount(5);
		await expect(pro.locator('article.result', { hasText: 'Antal svar' })).toHaveCount(0);

		const { screen } = await startEvening(pro, poll.path);
		await command(pro, 'Start quizzen');
		await command(pro, 'Vis svaret');
		await expect(screen.getByTestId('compare-youth')).toContainText('For få svar til at vise');
		await expect(screen.getByTestId('compare-youth')).not.toContainText('(');
	});

	test('agreements: voted on, a proposal approved, published, printed on one page, seen by a linked parent', async ({
		browser
	}) => {
		const { page: pro } = await approvedProfessional(browser);
		await pro.goto('/fagperson');
		await pro.getByLabel('Klassens navn').fill('8.B');
		await pro.getByLabel('Skole, klub eller sted').fill('Gladsaxe Skole');
		await pro.getByLabel('Klassetrin eller alder').fill('8. klasse');
		await pro.getByRole('button', { name: 'Opret en klasse' }).click();
		await expect(pro.getByRole('heading', { level: 1, name: '8.B' })).toBeVisible();
		const classCode = (await pro.locator('p.code span[aria-hidden]').textContent())!.trim();

		// A pupil in the class, followed by a parent.
		const youth = await (await browser.newContext()).newPage();
		await signUp(youth, 'youth');
		await youth.goto(`/klasse?kode=${classCode}`);
		await youth.getByRole('button', { name: 'Deltag' }).click();
		await expect(youth.getByRole('status')).toContainText('Du er nu med i 8.B.');
		const parent = await (await browser.newContext()).newPage();
		const parentName = await signUp(parent, 'parent');
		await youth.goto('/mig');
		await youth.getByRole('button', { name: 'Lav en familiekode' }).click();
		const familyCode = (await youth.locator('strong.code').textContent())!.trim();
		await parent.goto('/mig');
		await parent.getByLabel('Familiekode').fill(familyCode);
		await parent.getByRole('button', { name: 'Send anmodning' }).click();
		await expect(parent.getByRole('status')).toContainText('Anmodningen er sendt.');
		await youth.goto('/mig');
		await youth.getByRole('button', { name: `Ja, ${parentName} må følge med` }).click();

		// The professional proposes three from the library and one of their own.
		await pro.goto('/fagperson/aftaler');
		await pro.getByLabel('Hvem er det til?').selectOption({ label: '8.B, Gladsaxe Skole' });
		await pro.getByRole('button', { name: 'Lav aftalerne' }).click();
		for (const id of ['spoerg-foer-deling', 'telefonen-sover-udenfor', 'sig-det-til-hinanden'])
			await pro.locator(`#s-${id}`).check();
		await pro.getByRole('button', { name: 'Tilføj de valgte' }).click();
		await expect(pro.getByRole('status')).toContainText('Aftalen er tilføjet.');
		await pro.locator('#text').fill('Vi holder skærmfri ved aftensmaden.');
		await pro.getByRole('button', { name: 'Tilføj aftalen' }).click();
		const setPath = new URL(pro.url()).pathname;
		await expect(
			pro.getByText(/lukker af sig selv .+, 30 dage efter den blev åbnet/)
		).toBeVisible();
		const link = new URL((await pro.getByTestId('agreements-link').textContent())!.trim()).pathname;

		// Three voters; one without JavaScript. One proposes an agreement of their own.
		const votes = [
			['ja', 'ja', 'nej', 'ja'],
			['ja', 'nej', 'nej', 'ja'],
			['ja', 'ja', 'ja', 'nej']
		];
		const voters: Page[] = [];
		for (const [i, choices] of votes.entries()) {
			const voter = await (await browser.newContext({ javaScriptEnabled: i !== 2 })).newPage();
			voters.push(voter);
			await voter.goto(link);
			const fieldsets = voter.locator('fieldset.vote');
			await expect(fieldsets).toHaveCount(4);
			for (const [j, choice] of choices.entries())
				await fieldsets
					.nth(j)
					.getByLabel(choice === 'ja' ? 'Ja, det er en god aftale' : 'Nej', { exact: true })
					.check();
			await voter.getByRole('button', { name: 'Send mine stemmer' }).click();
			await expect(voter.getByText('Tak! Antal stemmer sendt: 4.')).toBeVisible();
		}
		await voters[0].getByLabel('Dit forslag').fill('Vi hjælper hinanden med at sige fra.');
		await voters[0].getByRole('button', { name: 'Send forslaget' }).click();
		await expect(voters[0].getByText('Tak! Dit forslag er sendt.')).toBeVisible();
		// Nobody sees the proposal until the professional approves it.
		await voters[1].goto(link);
		await expect(voters[1].getByText('Vi hjælper hinanden')).toHaveCount(0);
		await pro.goto(setPath);
		await expect(pro.getByLabel('Forslag', { exact: true })).toHaveValue(
			'Vi hjælper hinanden med at sige fra.'
		);
		await pro.getByRole('button', { name: 'Godkend' }).click();
		await expect(pro.getByRole('status')).toContainText('Forslaget er godkendt.');
		for (const voter of voters.slice(0, 2)) {
			await voter.goto(link);
			await voter.getByLabel('Ja, det er en god aftale').check();
			await voter.getByRole('button', { name: 'Send mine stemmer' }).click();
			await expect(voter.getByText('Tak! Antal stemmer sendt: 1.')).toBeVisible();
		}

		await pro.getByRole('button', { name: 'Offentliggør aftalerne' }).click();
		await expect(pro.getByRole('status')).toContainText('Aftalerne er offentliggjort.');

		// The published page: the majority's agreements, no names, no counts, one A4 page.
		const reader = voters[0];
		await reader.goto(link);
		const published = reader.getByRole('main');
		await expect(published.getByRole('heading', { level: 1 })).toContainText('Vores aftaler');
		await expect(published).toContainText('Vi spørger, før vi deler');
		await expect(published).toContainText('Telefonen sover uden for soveværelset');
		await expect(published).toContainText('Vi holder skærmfri ved aftensmaden.');
		await expect(published).toContainText('Vi hjælper hinanden med at sige fra.');
		await expect(published).not.toContainText('Vi siger det til hinanden');
		await expect(published).not.toContainText('Ja:');
		await expectAccessibleAtBothWidths(reader);
		await reader.emulateMedia({ media: 'print' });
		expect(await printedPages(reader)).toBe(1);

		// The parent following the pupil sees them on the family page.
		await parent.goto('/mig');
		await parent.getByRole('link', { name: /Moduler og samtalekort for/ }).click();
		await expect(parent.getByRole('main')).toContainText('Vi holder skærmfri ved aftensmaden.');
		await expect(parent.getByRole('main')).not.toContainText('Vi siger det til hinanden');
	});
});
