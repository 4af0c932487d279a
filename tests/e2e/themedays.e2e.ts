import { expect, test, type Page } from '@playwright/test';
import {
	answerQuiz,
	approvedProfessional,
	expectNoAxeViolations,
	signUp,
	uniqueName
} from './support/helpers';

const DATE = '2030-06-12';

/** Fills the theme-day form with a valid day for both audiences. */
async function fillValidDay(page: Page, title: string, municipality = 'Herlev') {
	await page.getByLabel('Titel').fill(title);
	await page.getByLabel('Dato', { exact: true }).fill(DATE);
	await page.getByLabel('Starttidspunkt').fill('17:00');
	await page.getByLabel('Sluttidspunkt').fill('20:00');
	await page.getByLabel('Sted').fill('Herlev Bibliotek, Bygaden 70, 2730 Herlev');
	await page.getByLabel('Kommune').selectOption(municipality);
	await page.getByLabel('Unge og forældre').check();
	await page
		.getByLabel('Beskrivelse')
		.fill('Kom og lær om **livet på nettet**.\n\n- Quiz\n- Kaffe');
	await page.locator('#unge-sextortion').selectOption('1');
	await page.locator('#unge-grooming').selectOption('2');
	await page.locator('#foraeldre-tal-med-dit-barn').selectOption('1');
	await page.getByLabel('Kontakt (offentlig)').fill('SSP Herlev, tlf. 44 52 00 00');
}

/** Creates a draft day and returns its organiser page URL and public slug. */
async function createDay(page: Page, title: string, municipality = 'Herlev') {
	await page.goto('/fagperson/temadage/ny');
	await fillValidDay(page, title, municipality);
	await page.getByRole('button', { name: 'Gem som udkast' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const href = await page.getByRole('link', { name: 'Se temadagens side' }).getAttribute('href');
	return { url: page.url().split('?')[0], slug: href!.replace('/temadage/', '') };
}

test.describe('theme days', () => {
	test('a professional creates, publishes and cancels a theme day; the public sees it, with programmes and .ics', async ({
		browser
	}) => {
		// A long story on a slow shared machine: three times the usual time.
		test.slow();
		const { page: pro } = await approvedProfessional(browser);
		await pro.goto('/fagperson');
		await pro.getByRole('link', { name: 'Opret en temadag' }).click();
		await expect(pro).toHaveURL(/\/fagperson\/temadage\/ny$/);

		// Bad input first: no title, the end before the start.
		await pro.getByLabel('Dato', { exact: true }).fill(DATE);
		await pro.getByLabel('Starttidspunkt').fill('17:00');
		await pro.getByLabel('Sluttidspunkt').fill('16:00');
		await pro.getByLabel('Sted').fill('Herlev Bibliotek');
		await pro.getByRole('button', { name: 'Gem som udkast' }).click();
		const alert = pro.getByRole('alert');
		await expect(alert).toContainText('Skriv en titel.');
		await expect(alert).toContainText('Temadagen skal slutte efter, at den starter.');
		await expect(alert).toContainText('Vælg kommunen.');
		await expect(pro.getByLabel('Sted')).toHaveValue('Herlev Bibliotek');
		await expect(pro.getByLabel('Starttidspunkt')).toHaveValue('17:00');
		await expectNoAxeViolations(pro);

		const title = `Sikker på nettet ${uniqueName('td').slice(-6)}`;
		await fillValidDay(pro, title);
		await pro.getByRole('button', { name: 'Gem som udkast' }).click();
		await expect(pro.getByRole('status')).toContainText('gemt som udkast');
		await expect(pro.getByText('Udkast – kun du kan se den')).toBeVisible();
		const editUrl = pro.url().split('?')[0];
		const href = await pro.getByRole('link', { name: 'Se temadagens side' }).getAttribute('href');
		const slug = href!.replace('/temadage/', '');
		expect(slug).toMatch(/^sikker-paa-nettet-[a-z0-9-]+-2030-06-12$/);
		// Each programme module can start a live quiz for this day.
		const liveForms = pro.locator('form[action="/fagperson/live?/start"]');
		await expect(liveForms).toHaveCount(3);
		await expect(liveForms.first().locator('input[name="modul"]')).toHaveValue('sextortion');
		await expect(liveForms.first().locator('input[name="track"]')).toHaveValue('unge');
		await expect(liveForms.first().locator('input[name="temadag"]')).toHaveValue(
			editUrl.split('/').pop()!
		);
		await expectNoAxeViolations(pro);

		// A draft does not exist for the public.
		const visitor = await (await browser.newContext()).newPage();
		expect((await visitor.goto(`/temadage/${slug}`))!.status()).toBe(404);
		expect((await visitor.goto(`/temadage/${slug}/kalender.ics`))!.status()).toBe(404);
		await visitor.goto('/temadage');
		await expect(visitor.getByText(title)).toHaveCount(0);

		await pro.getByRole('button', { name: 'Offentliggør temadagen' }).click();
		await expect(pro.getByRole('status')).toContainText('Temadagen er offentliggjort.');

		// The public list, filtered by municipality without JavaScript.
		const noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
		await noScript.goto('/temadage');
		await expect(noScript.getByRole('link', { name: title })).toBeVisible();
		await noScript.getByLabel('Kommune').selectOption('Aarhus');
		await noScript.getByRole('button', { name: 'Vis temadage' }).click();
		await expect(noScript).toHaveURL(/kommune=Aarhus/);
		await expect(noScript.getByRole('link', { name: title })).toHaveCount(0);
		await noScript.getByLabel('Kommune').selectOption('Herlev');
		await noScript.getByRole('button', { name: 'Vis temadage' }).click();
		await expect(noScript).toHaveURL(/kommune=Herlev/);
		await expect(noScript.getByText('Viser temadage i Herlev.')).toBeVisible();
		await expect(noScript.getByRole('link', { name: title })).toBeVisible();
		await noScript.context().close();
		await visitor.goto('/temadage?kommune=Herlev');
		await expectNoAxeViolations(visitor);

		// The theme day's page: time, place, both programmes, QR code, calendar file.
		await visitor.getByRole('link', { name: title }).click();
		await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
		await expect(visitor.getByText('onsdag den 12. juni 2030, kl. 17.00–20.00')).toBeVisible();
		await expect(visitor.getByText('SSP Herlev, tlf. 44 52 00 00')).toBeVisible();
		await expect(visitor.locator('.prose strong', { hasText: 'livet på nettet' })).toBeVisible();
		await expect(visitor.getByRole('heading', { name: 'Program for unge' })).toBeVisible();
		await expect(visitor.getByRole('heading', { name: 'Program for forældre' })).toBeVisible();
		// The municipality's own help (content/da/kommuner/herlev.yaml), linked to /hjaelp.
		await expect(visitor.getByRole('heading', { name: 'Hjælp i Herlev Kommune' })).toBeVisible();
		await expect(visitor.getByRole('heading', { name: 'SSP Herlev (testdata)' })).toBeVisible();
		await expect(visitor.getByRole('link', { name: 'Se al hjælp' })).toHaveAttribute(
			'href',
			'/hjaelp?kommune=herlev#kommune'
		);
		await expect(visitor.getByRole('link', { name: /^Start programmet for unge/ })).toHaveAttribute(
			'href',
			`/unge/sextortion?temadag=${slug}`
		);
		await expect(
			visitor.getByRole('link', { name: /^Start programmet for forældre/ })
		).toHaveAttribute('href', `/foraeldre/tal-med-dit-barn?temadag=${slug}`);
		// The QR poster is the organiser's tool.
		await expect(visitor.getByRole('img', { name: `QR-kode til temadagen ${title}` })).toHaveCount(
			0
		);
		await pro.goto(`/temadage/${slug}`);
		await expect(pro.getByRole('img', { name: `QR-kode til temadagen ${title}` })).toHaveAttribute(
			'src',
			/^data:image\/svg\+xml;base64,/
		);
		for (const width of [1280, 320]) {
			await visitor.setViewportSize({ width, height: 900 });
			await expectNoAxeViolations(visitor);
			// Nothing wider than the screen (WCAG reflow).
			const overflow = await visitor.evaluate(
				() => document.documentElement.scrollWidth - window.innerWidth
			);
			expect(overflow, `horizontal scroll at ${width} px`).toBeLessThanOrEqual(0);
		}

		const ics = await visitor.request.get(`/temadage/${slug}/kalender.ics`);
		expect(ics.status()).toBe(200);
		expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
		const body = await ics.text();
		const unfolded = body.replace(/\r\n /g, '');
		expect(unfolded).toContain('BEGIN:VEVENT\r\n');
		expect(unfolded).toContain(`SUMMARY:${title}\r\n`);
		expect(unfolded).toContain('DTSTART;TZID=Europe/Copenhagen:20300612T170000\r\n');
		expect(unfolded).toContain('STATUS:CONFIRMED\r\n');

		// The front page lists it among the next theme days.
		await visitor.goto('/');
		await expect(visitor.getByRole('link', { name: title })).toHaveAttribute(
			'href',
			`/temadage/${slug}`
		);
		await expect(visitor.getByRole('link', { name: 'Se alle temadage' })).toBeVisible();

		// A young person's progress shows in the programme; "start" moves on to the next module.
		const youth = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
		await signUp(youth, 'youth');
		await youth.goto('/unge/sextortion');
		await answerQuiz(youth, 'unge', 'sextortion');
		await youth.goto(`/temadage/${slug}`);
		const youthProgramme = youth.getByRole('region', { name: 'Program for unge' });
		await expect(youthProgramme.getByText(/Gennemført – \d+ %/)).toHaveCount(1);
		await expect(youthProgramme.getByText('Ikke startet')).toHaveCount(1);
		await expect(youth.getByRole('link', { name: /^Start programmet for unge/ })).toHaveAttribute(
			'href',
			`/unge/grooming?temadag=${slug}`
		);

		// Cancelled: the page and the list say so, and so does the calendar file.
		await pro.goto(editUrl);
		await pro.getByRole('button', { name: 'Aflys temadagen' }).click();
		await expect(pro.getByRole('status')).toContainText('Temadagen er aflyst.');
		await visitor.goto(`/temadage/${slug}`);
		await expect(visitor.getByText('Temadagen er aflyst.')).toBeVisible();
		await visitor.goto('/temadage?kommune=Herlev');
		await expect(
			visitor.getByRole('listitem').filter({ hasText: title }).getByText('Aflyst')
		).toBeVisible();
		expect(await (await visitor.request.get(`/temadage/${slug}/kalender.ics`)).text()).toContain(
			'STATUS:CANCELLED\r\n'
		);
		// The front page lists only days that go ahead.
		await visitor.goto('/');
		await expect(visitor.getByRole('link', { name: title })).toHaveCount(0);
	});

	test('another professional gets 404 on the edit page and on direct posts to its actions', async ({
		browser
	}) => {
		const { page: owner } = await approvedProfessional(browser);
		const { url, slug } = await createDay(owner, `Klubaften ${uniqueName('k').slice(-6)}`);
		const { page: other } = await approvedProfessional(browser);
		expect((await other.goto(url))!.status()).toBe(404);
		expect((await other.goto(`/temadage/${slug}`))!.status()).toBe(404);
		const origin = new URL(url).origin;
		for (const action of ['gem', 'udgiv', 'afpubliser', 'aflys']) {
			const response = await other.request.post(`${url}?/${action}`, {
				form: { title: 'Overtaget' },
				headers: { origin, accept: 'text/html' }
			});
			expect(response.status(), action).toBe(404);
		}
		// Nothing changed: still a draft with its own title.
		await owner.goto(url);
		await expect(owner.getByText('Udkast – kun du kan se den')).toBeVisible();
		await expect(owner.getByRole('heading', { level: 1 })).toContainText('Klubaften');

		const youth = await (await browser.newContext()).newPage();
		await signUp(youth, 'youth');
		expect((await youth.goto(url))!.status()).toBe(404);
		expect((await youth.goto('/fagperson/temadage'))!.status()).toBe(404);
	});

	test('a pending professional is told why they cannot create theme days', async ({ page }) => {
		await signUp(page, 'professional');
		for (const path of ['/fagperson/temadage', '/fagperson/temadage/ny']) {
			await page.goto(path);
			await expect(
				page.getByText('Først når den er godkendt, kan du oprette temadage')
			).toBeVisible();
			await expect(page.getByRole('button', { name: 'Gem som udkast' })).toHaveCount(0);
		}
		const response = await page.request.post('/fagperson/temadage/ny?/opret', {
			form: { title: 'X' },
			headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
		});
		expect(response.status()).toBe(404);
	});
});
