import { expect, test, type Page } from '@playwright/test';
import {
	approvedProfessional,
	expectNoAxeViolations,
	fillQuestion,
	readQuiz,
	signUp
} from './support/helpers';

const QUESTIONS = readQuiz('unge', 'grooming');

async function startSession(pro: Page): Promise<{ controlUrl: string; code: string }> {
	await pro.goto('/unge/grooming');
	await pro.getByRole('button', { name: 'Start en live-quiz med dette modul' }).click();
	await expect(pro.getByRole('heading', { level: 1, name: /^Live-quiz: Grooming/ })).toBeVisible();
	const code = (await pro.getByTestId('live-code').textContent())!.trim();
	expect(code).toMatch(/^\d{6}$/);
	return { controlUrl: pro.url(), code };
}

async function join(page: Page, code: string, nickname: string) {
	await page.goto(`/live?kode=${code}`);
	await expect(page.getByLabel('Kode (6 cifre)')).toHaveValue(code);
	await page.getByLabel('Kaldenavn').fill(nickname);
	await page.getByRole('button', { name: 'Deltag' }).click();
	await expect(page.getByText(`Du er med som ${nickname}.`)).toBeVisible();
}

test.describe('live quiz', () => {
	// Four browser contexts and a projector: longer than one person's journey.
	test.describe.configure({ timeout: 180_000 });

	test('professional runs a session: join, answer, live distribution, reveal, scores, reconnect', async ({
		browser
	}) => {
		const { page: pro } = await approvedProfessional(browser);
		const { controlUrl, code } = await startSession(pro);
		await expect(pro.getByText('Venter på deltagere')).toBeVisible();
		await expectNoAxeViolations(pro);

		const screen = await pro.context().newPage();
		await screen.goto(`${controlUrl}/skaerm`);
		await expect(screen.getByTestId('projector-code')).toHaveText(code);
		await expect(screen.getByRole('banner')).toHaveCount(0);
		await expectNoAxeViolations(screen);

		// Ida has JavaScript; Bo's school computer has it switched off.
		const ida = await (await browser.newContext()).newPage();
		await ida.goto('/live');
		await ida.getByLabel('Kode (6 cifre)').fill('12345');
		await ida.getByRole('button', { name: 'Deltag' }).click();
		await expect(ida.getByRole('alert')).toContainText('Koden skal være 6 cifre');
		await expect(ida.getByLabel('Kaldenavn')).not.toHaveValue('');
		await expectNoAxeViolations(ida);
		await ida.getByLabel('Kaldenavn').fill('Perker');
		await ida.getByLabel('Kode (6 cifre)').fill(code);
		await ida.getByRole('button', { name: 'Deltag' }).click();
		await expect(ida.getByRole('alert')).toContainText('Vælg et andet kaldenavn');
		await expect(ida.getByLabel('Kode (6 cifre)')).toHaveValue(code);
		await ida.getByLabel('Kaldenavn').fill('Ida');
		await ida.getByRole('button', { name: 'Deltag' }).click();
		await expect(ida.getByText('Du er med som Ida.')).toBeVisible();
		await expect(ida.getByText('quizzen starter snart')).toBeVisible();

		const bo = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
		await bo.goto(`/live?kode=${code}`);
		await bo.getByLabel('Kaldenavn').fill('ida');
		await bo.getByRole('button', { name: 'Deltag' }).click();
		await expect(bo.getByRole('alert')).toContainText('Det kaldenavn er taget');
		await join(bo, code, 'Bo');

		// The control view and the projector follow along without reloading.
		await expect(pro.getByTestId('live-participants')).toHaveText('Deltagere: 2');
		await expect(pro.getByRole('button', { name: 'Fjern Ida' })).toBeVisible();
		await expect(screen.getByTestId('projector-participants')).toHaveText('Deltagere: 2');
		await expect(screen.getByText('Ida')).toHaveCount(0);

		await pro.getByRole('button', { name: 'Start quizzen' }).click();
		const first = QUESTIONS[0];
		await expect(ida.getByText(first.prompt.trim().slice(0, 40))).toBeVisible();
		await fillQuestion(ida.locator('fieldset.question'), first);
		await ida.getByRole('button', { name: 'Send svar' }).click();
		await expect(ida.getByText('Svar modtaget')).toBeVisible();

		// Without JavaScript, Bo's page refreshes itself (every 5 s) while there is nothing to do.
		await expect(bo.getByRole('button', { name: 'Send svar' })).toBeVisible({ timeout: 15_000 });
		await bo.getByRole('button', { name: 'Send svar' }).click();
		await expect(bo.getByRole('alert')).toContainText('Vælg et svar, før du sender.');
		await fillQuestion(bo.locator('fieldset.question'), first, true);
		await bo.getByRole('button', { name: 'Send svar' }).click();
		await expect(bo.getByText('Svar modtaget')).toBeVisible();

		await expect(screen.getByTestId('projector-answered')).toHaveText('2 af 2 har svaret');
		await expect(screen.getByText('1 (50 %)')).toHaveCount(2);
		await expectNoAxeViolations(screen);
		// The question and all its options fit one 1366 × 768 projector screen.
		await screen.setViewportSize({ width: 1366, height: 768 });
		const lastBar = await screen.locator('.figure-bars li').last().boundingBox();
		expect(lastBar!.y + lastBar!.height).toBeLessThanOrEqual(768);

		// Ida loses the connection: a reload keeps her place and her answer.
		await ida.reload();
		await expect(ida.getByText('Svar modtaget')).toBeVisible();

		await pro.getByRole('button', { name: 'Vis svaret' }).click();
		await expect(ida.getByText('Rigtigt', { exact: true })).toBeVisible();
		await expect(screen.getByRole('strong').filter({ hasText: 'Det rigtige svar:' })).toBeVisible();
		await expect(screen.getByText(first.explanation.trim().slice(0, 40))).toBeVisible();
		await expectNoAxeViolations(ida);
		await expect(bo.getByText('Ikke helt', { exact: true })).toBeVisible({ timeout: 15_000 });

		await pro.getByRole('button', { name: 'Næste spørgsmål' }).click();
		await expect(ida.getByRole('button', { name: 'Send svar' })).toBeVisible();
		await pro.getByRole('button', { name: 'Afslut quizzen nu' }).click();
		// Ending early is asked once more.
		await expect(pro.getByRole('alert')).toContainText('Vil du afslutte nu?');
		await pro.getByRole('button', { name: 'Ja, afslut nu' }).click();

		await expect(ida.getByRole('heading', { name: 'Quizzen er slut' })).toBeVisible();
		await expect(ida.getByText(`Du fik 1 ud af ${QUESTIONS.length} rigtige.`)).toBeVisible();
		await expect(ida.getByRole('link', { name: /^Fortsæt med modulet “Grooming/ })).toHaveAttribute(
			'href',
			'/unge/grooming'
		);
		await expect(ida.getByRole('link', { name: 'Se hvor du kan få hjælp' })).toBeVisible();
		await expectNoAxeViolations(ida);
		// Bo's page (no JavaScript) shows the unanswered question until Bo reloads it.
		await bo.getByRole('link', { name: 'Opdater siden' }).click();
		await expect(bo.getByText(`Du fik 0 ud af ${QUESTIONS.length} rigtige.`)).toBeVisible();

		await pro.reload();
		await expect(pro.getByRole('heading', { name: 'Svarfordeling' })).toBeVisible();
		await expectNoAxeViolations(pro);

		// A session that has ended takes no one new.
		const late = await (await browser.newContext()).newPage();
		await late.goto(`/live?kode=${code}`);
		await late.getByRole('button', { name: 'Deltag' }).click();
		await expect(late.getByRole('alert')).toContainText('Den live-quiz er slut.');
	});

	test('another professional, a young person and a visitor cannot view or control a session', async ({
		browser
	}) => {
		const { page: owner } = await approvedProfessional(browser);
		const { controlUrl, code } = await startSession(owner);
		const { page: other } = await approvedProfessional(browser);
		const youth = await (await browser.newContext()).newPage();
		await signUp(youth, 'youth');
		const visitor = await (await browser.newContext()).newPage();

		for (const page of [other, youth]) {
			for (const path of ['', '/skaerm', '/strom'])
				expect((await page.request.get(`${controlUrl}${path}`)).status(), path).toBe(404);
			const post = await page.request.post(`${controlUrl}?/styr`, {
				form: { command: 'start' },
				headers: { origin: new URL(controlUrl).origin },
				maxRedirects: 0
			});
			expect(post.status()).toBe(404);
		}
		const anonymous = await visitor.request.get(controlUrl, { maxRedirects: 0 });
		expect(anonymous.status()).toBe(303);
		expect(anonymous.headers().location).toContain('/log-ind');

		// Nothing moved: the owner still waits for participants.
		await owner.reload();
		await expect(owner.getByText('Venter på deltagere')).toBeVisible();

		// Without the participant cookie, the session page sends you to join.
		await visitor.goto(`/live/${code}`);
		await expect(visitor).toHaveURL(`/live?kode=${code}`);
	});

	test('300 participants from one address can all join (a school hall shares one)', async ({
		browser,
		playwright
	}) => {
		const { page: pro } = await approvedProfessional(browser);
		const { code } = await startSession(pro);
		const baseURL = new URL(pro.url()).origin;
		const hall = await playwright.request.newContext({ baseURL });
		const statuses: number[] = [];
		// 300 in about ten seconds: faster than a real hall (a minute), slow enough for the join
		// limit, which stops scripts that join faster than any class does.
		for (let batch = 0; batch < 300; batch += 30) {
			if (batch > 0) await new Promise((wait) => setTimeout(wait, 1000));
			const responses = await Promise.all(
				Array.from({ length: 30 }, (_, i) =>
					hall.post('/live', {
						form: { code, nickname: `Deltager ${batch + i + 1}` },
						headers: { origin: baseURL, accept: 'text/html' },
						maxRedirects: 0
					})
				)
			);
			statuses.push(...responses.map((r) => r.status()));
		}
		expect(
			statuses.filter((s) => s === 303),
			`statuses: ${[...new Set(statuses)]}`
		).toHaveLength(300);
		await pro.reload();
		await expect(pro.getByTestId('live-participants')).toHaveText('Deltagere: 300');
		await hall.dispose();
	});
});

test.describe('live session safety', () => {
	test.describe.configure({ timeout: 120_000 });

	test('generated nicknames only, a locked session takes nobody new, a removed participant’s answer stops counting', async ({
		browser
	}) => {
		const { page: pro } = await approvedProfessional(browser);
		await pro.goto('/fagperson/live');
		await pro.getByLabel('Modul').selectOption('unge/grooming');
		await pro.getByLabel(/færdige kaldenavne/).check();
		await pro.getByRole('button', { name: 'Start live-quiz' }).click();
		const code = (await pro.getByTestId('live-code').textContent())!.trim();
		await expect(pro.getByText('Deltagerne vælger mellem færdige kaldenavne.')).toBeVisible();

		// Participants pick a name from the list; nothing they type reaches the projector.
		const ida = await (await browser.newContext()).newPage();
		await ida.goto(`/live?kode=${code}`);
		const names = ida.getByRole('group', { name: 'Vælg dit kaldenavn' }).getByRole('radio');
		await expect(names).toHaveCount(6);
		await expect(ida.getByLabel('Kaldenavn')).toHaveCount(0);
		const idaName = (await ida.locator('input[name="nickname"]:checked').getAttribute('value'))!;
		await ida.getByRole('button', { name: 'Deltag' }).click();
		await expect(ida.getByText(`Du er med som ${idaName}.`)).toBeVisible();
		// A forged name is refused with the list to pick from.
		const troll = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
		await troll.goto('/live');
		await troll.getByLabel('Kode (6 cifre)').fill(code);
		await troll.getByLabel('Kaldenavn').fill('Trold Trold');
		await troll.getByRole('button', { name: 'Deltag' }).click();
		await expect(troll.getByRole('alert')).toContainText('Vælg et af navnene på listen.');
		await troll.getByRole('button', { name: 'Deltag' }).click();
		await expect(troll.getByText(/^Du er med som /)).toBeVisible();
		await expect(pro.getByTestId('live-participants')).toHaveText('Deltagere: 2');

		// Locked: nobody new.
		await pro.getByRole('button', { name: 'Lås sessionen (ingen nye deltagere)' }).click();
		await expect(pro.getByText('Sessionen er låst: Ingen nye kan komme med.')).toBeVisible();
		const late = await (await browser.newContext()).newPage();
		await late.goto(`/live?kode=${code}`);
		await late.getByRole('button', { name: 'Deltag' }).click();
		await expect(late.getByRole('alert')).toContainText('Sessionen er låst.');
		await expectNoAxeViolations(pro);

		// The second participant answers, then is removed: the answer stops counting.
		await pro.getByRole('button', { name: 'Start quizzen' }).click();
		await expect(troll.getByRole('button', { name: 'Send svar' })).toBeVisible({ timeout: 15_000 });
		await fillQuestion(troll.locator('fieldset.question'), QUESTIONS[0]);
		await troll.getByRole('button', { name: 'Send svar' }).click();
		await expect(pro.getByTestId('live-answered')).toHaveText('1 af 2 har svaret');
		const trollName = (await troll.getByText(/^Du er med som /).textContent())!
			.replace('Du er med som ', '')
			.replace(/\.$/, '');
		await pro.getByRole('button', { name: `Fjern ${trollName}` }).click();
		await expect(
			pro.getByRole('status').filter({ hasText: 'Deltageren er fjernet' })
		).toBeVisible();
		await expect(pro.getByTestId('live-participants')).toHaveText('Deltagere: 1');
		await expect(pro.getByTestId('live-answered')).toHaveText('0 af 1 har svaret');
		// Their page sends them back to the join page, which is locked.
		await troll.goto(`/live/${code}`);
		await expect(troll).toHaveURL(new RegExp(`/live\\?kode=${code}`));
	});
});

test.describe('live teams', () => {
	test.describe.configure({ timeout: 120_000 });

	test('two teams on shared devices (one without JavaScript) answer together; the projector counts teams and pupils', async ({
		browser
	}) => {
		const { page: pro } = await approvedProfessional(browser);
		await pro.goto('/fagperson/live');
		await pro.getByLabel('Modul').selectOption('unge/grooming');
		await pro.getByLabel(/I hold/).check();
		await pro.getByRole('button', { name: 'Start live-quiz' }).click();
		const code = (await pro.getByTestId('live-code').textContent())!.trim();
		const screen = await pro.context().newPage();
		await screen.goto(`${pro.url()}/skaerm`);

		const joinTeam = async (javaScriptEnabled: boolean, size: string) => {
			const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
			await page.goto(`/live?kode=${code}`);
			await expect(page.getByRole('group', { name: 'Vælg jeres holdnavn' })).toBeVisible();
			await page.getByRole('button', { name: 'Deltag' }).click();
			await expect(page.getByRole('alert')).toContainText('Skriv, hvor mange I er på holdet');
			await page.getByLabel('Hvor mange er I på holdet?').fill(size);
			await page.getByRole('button', { name: 'Deltag' }).click();
			await expect(page.getByText(/^Du er med som /)).toBeVisible();
			return page;
		};
		const red = await joinTeam(true, '4');
		const blue = await joinTeam(false, '3');
		await expect(screen.getByTestId('projector-participants')).toHaveText('Hold: 2 (7 elever)');
		await expectNoAxeViolations(screen);

		await pro.getByRole('button', { name: 'Start quizzen' }).click();
		await fillQuestion(red.locator('fieldset.question'), QUESTIONS[0]);
		await red.getByRole('button', { name: 'Send svar' }).click();
		await expect(blue.getByRole('button', { name: 'Send svar' })).toBeVisible({ timeout: 15_000 });
		await fillQuestion(blue.locator('fieldset.question'), QUESTIONS[0], true);
		await blue.getByRole('button', { name: 'Send svar' }).click();
		await expect(screen.getByTestId('projector-answered')).toHaveText('2 af 2 har svaret');
		await expect(screen.getByText('1 (50 %)')).toHaveCount(2);

		await pro.getByRole('button', { name: 'Afslut quizzen nu' }).click();
		// Ending early is asked once more.
		await expect(pro.getByRole('alert')).toContainText('Vil du afslutte nu?');
		await pro.getByRole('button', { name: 'Ja, afslut nu' }).click();
		await expect(pro.getByTestId('live-pupils-reached')).toHaveText('Elever nået: 7');
	});
});

test.describe('live scenario', () => {
	test.describe.configure({ timeout: 180_000 });

	test('the room votes on the replies of a scenario: three participants (one without JavaScript), counts on the projector, the majority or another reply, the ending', async ({
		browser
	}) => {
		const { page: pro } = await approvedProfessional(browser);
		await pro.goto('/unge/oev/oev-sofie');
		await pro.getByRole('button', { name: /Kør scenariet live/ }).click();
		await expect(
			pro.getByRole('heading', { level: 1, name: 'Øv dig live: Sofie vil have penge' })
		).toBeVisible();
		const code = (await pro.getByTestId('live-code').textContent())!.trim();
		const screen = await pro.context().newPage();
		await screen.goto(`${pro.url()}/skaerm`);

		const ida = await (await browser.newContext()).newPage();
		const ali = await (await browser.newContext()).newPage();
		const bo = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
		for (const [page, name] of [
			[ida, 'Ida'],
			[ali, 'Ali'],
			[bo, 'Bo']
		] as const)
			await join(page, code, name);
		await expect(pro.getByTestId('live-participants')).toHaveText('Deltagere: 3');

		await pro.getByRole('button', { name: 'Start scenariet' }).click();
		// Everyone sees the chat on their own device as well as on the projector.
		await expect(ida.getByText('MobilePay-anmodning')).toBeVisible();
		await expect(
			screen.getByText('Betal 2.000 kr. nu. Ellers sender jeg det til alle dine venner.')
		).toBeVisible();
		const silent = '(Du svarer ikke og tager skærmbilleder af chatten)';
		for (const page of [ida, ali]) {
			await page.getByLabel(silent).check();
			await page.getByRole('button', { name: 'Stem' }).click();
			await expect(page.getByText('Tak for din stemme.')).toBeVisible();
		}
		await expect(bo.getByRole('button', { name: 'Stem' })).toBeVisible({ timeout: 15_000 });
		await bo.getByLabel('Okay, jeg betaler. Bare slet det.').check();
		await bo.getByRole('button', { name: 'Stem' }).click();
		await expect(bo.getByText('Tak for din stemme.')).toBeVisible();

		await expect(screen.getByText('3 af 3 har stemt')).toBeVisible();
		await expect(screen.getByText('2 (67 %)')).toBeVisible();
		await expect(screen.getByText('1 (33 %)')).toBeVisible();
		await expectNoAxeViolations(screen);
		await expectNoAxeViolations(pro);

		// The majority's reply: what it did, and what came back.
		await pro.getByRole('button', { name: 'Vis, hvad der sker' }).click();
		await expect(screen.getByText('Vi gik videre med:')).toBeVisible();
		await expect(ida.getByText('Hallo?? Svar mig nu!')).toBeVisible();
		await pro.getByRole('button', { name: 'Næste trin' }).click();
		await expect(ida.getByRole('button', { name: 'Stem' })).toBeVisible();

		// The professional goes on with a reply nobody chose, to talk about it.
		await pro.getByLabel('(Du sletter chatten og siger det ikke til nogen) (0)').check();
		await pro.getByRole('button', { name: 'Vis, hvad der sker' }).click();
		await pro.getByRole('button', { name: 'Næste trin' }).click();
		await expect(ida.getByRole('heading', { name: 'Det blev svært' })).toBeVisible();
		await expect(ida.getByRole('link', { name: /BørneTelefonen/ })).toBeVisible();
		await expect(screen.getByText('Det blev svært – men der er en vej ud')).toBeVisible();
		await expectNoAxeViolations(ida);
	});
});
