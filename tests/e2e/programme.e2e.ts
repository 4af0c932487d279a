import { expect, test } from '@playwright/test';
import {
	answerQuiz,
	expectAccessibleAtBothWidths,
	printedPages,
	uniqueName
} from './support/helpers';
import {
	adminApi,
	approve,
	createThemeDayApi,
	postAction,
	signUpApi,
	validThemeDayForm
} from './support/security-fixtures';

test.describe("the theme-day evening's thread", () => {
	test("a parent follows the theme day's programme from module 1 to module 2 and back", async ({
		browser
	}) => {
		// A published theme day whose parent programme has two modules.
		const admin = await adminApi();
		const pro = await approve(admin, await signUpApi('professional'));
		const title = `Forældreaften ${uniqueName('td').slice(-6)}`;
		const day = await createThemeDayApi(pro, { title });
		const parentProgramme = {
			'foraeldre-tal-med-dit-barn': '1',
			'foraeldre-naar-et-billede-er-delt': '2'
		};
		const saved = await postAction(pro.client, day.path, 'gem', {
			...validThemeDayForm(title),
			audience: 'begge',
			...parentProgramme
		});
		expect(saved.type, JSON.stringify(saved)).toBe('success');
		expect((await postAction(pro.client, day.path, 'udgiv')).type).toBe('success');

		// The parent has no account and no JavaScript: plain links and form posts.
		const context = await browser.newContext({ javaScriptEnabled: false });
		const parent = await context.newPage();
		await parent.goto(`/temadage/${day.slug}`);
		// "Start" comes first on the page, before the facts; the poster is not the parent's.
		const start = parent.getByRole('link', { name: /^Start programmet for forældre/ });
		const facts = parent.getByText('Hvornår', { exact: true });
		expect((await start.boundingBox())!.y).toBeLessThan((await facts.boundingBox())!.y);
		await expect(parent.getByRole('img', { name: /QR-kode/ })).toHaveCount(0);
		await expect(
			parent.getByRole('region', { name: 'Program for forældre' }).getByRole('link', {
				name: 'Se alle samtalekort'
			})
		).toHaveAttribute('href', '/foraeldre/samtalekort');
		await start.click();

		await expect(parent).toHaveURL(`/foraeldre/tal-med-dit-barn?temadag=${day.slug}`);
		await expect(parent.getByText(`Modul 1 af 2 i programmet for ${title}`)).toBeVisible();
		await expect(parent.getByRole('link', { name: /^Næste modul:/ })).toHaveCount(0);

		// The quiz keeps the programme: its result leads on to the programme's next module.
		await answerQuiz(parent, 'foraeldre', 'tal-med-dit-barn');
		await expect(parent).toHaveURL(/[?&]temadag=/);
		const moduleTwo = `/foraeldre/naar-et-billede-er-delt?temadag=${day.slug}`;
		await expect(
			parent.getByRole('link', { name: 'Næste modul: Når et billede af dit barn er blevet delt' })
		).toHaveAttribute('href', moduleTwo);
		const next = parent.getByRole('link', {
			name: 'Næste i programmet (2 af 2): Når et billede af dit barn er blevet delt'
		});
		await expect(next).toHaveAttribute('href', moduleTwo);
		await next.click();

		await expect(parent.getByText(`Modul 2 af 2 i programmet for ${title}`)).toBeVisible();
		await expect(parent.getByText('Det var det sidste modul i programmet.')).toBeVisible();
		await parent
			.getByRole('navigation', { name: 'Temadagens program' })
			.getByRole('link', { name: 'Tilbage til temadagen' })
			.click();
		await expect(parent).toHaveURL(`/temadage/${day.slug}`);
		await expect(parent.getByRole('heading', { level: 1, name: title })).toBeVisible();

		// The same module without the parameter is the track's shared page, never the programme's;
		// a made-up theme day is no programme.
		for (const path of [
			'/foraeldre/naar-et-billede-er-delt',
			'/foraeldre/naar-et-billede-er-delt?temadag=findes-ikke'
		]) {
			const response = await parent.goto(path);
			expect(response!.headers()['x-page-cache-query']).toBe('reads=temadag');
			await expect(parent.getByRole('link', { name: 'Tilbage til Forældre' })).toBeVisible();
			await expect(parent.getByText(/i programmet for/)).toHaveCount(0);
		}
		const shared = await parent.goto(`/foraeldre/naar-et-billede-er-delt?temadag=${day.slug}`);
		expect(shared!.headers()['cache-control']).toBe('public, max-age=0, s-maxage=60');
		await expect(parent.getByText(`Modul 2 af 2 i programmet for ${title}`)).toBeVisible();
		await context.close();

		// axe needs scripts; the page inside the programme, with JavaScript.
		const checked = await (await browser.newContext()).newPage();
		await checked.goto(`/foraeldre/tal-med-dit-barn?temadag=${day.slug}`);
		await expect(checked.getByText(`Modul 1 af 2 i programmet for ${title}`)).toBeVisible();
		await expectAccessibleAtBothWidths(checked);
		await checked.context().close();
	});

	test('a visitor reaches the conversation cards from /foraeldre and prints one card alone', async ({
		page
	}) => {
		await page.goto('/foraeldre');
		await page.getByRole('link', { name: 'Se alle samtalekort' }).click();
		await expect(page).toHaveURL('/foraeldre/samtalekort');
		await page.getByRole('link', { name: /^Print kortet: Grooming/ }).click();
		await expect(page).toHaveURL('/foraeldre/samtalekort/grooming');
		await expect(
			page.getByRole('heading', { level: 1, name: /^Samtalekort: Grooming/ })
		).toBeVisible();
		await expect(page.getByRole('button', { name: /^Print kortet: Grooming/ })).toBeVisible();
		await expectAccessibleAtBothWidths(page);

		// On paper: the one card, on one page, without the site around it.
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('heading', { level: 2, name: /^Grooming/ })).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
		await expect(page.getByRole('link', { name: /^Læs modulet: Grooming/ })).toBeHidden();
		await expect(page.getByRole('heading', { name: /^Digital mobning/ })).toHaveCount(0);
		expect(await printedPages(page)).toBe(1);
		// Every parent module points to the cards as well.
		await page.emulateMedia({ media: 'screen' });
		await page.goto('/foraeldre/radikalisering');
		await expect(page.getByRole('link', { name: 'Se alle samtalekort' })).toHaveAttribute(
			'href',
			'/foraeldre/samtalekort'
		);
	});
});
