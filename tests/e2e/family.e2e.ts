import { expect, test } from '@playwright/test';
import { answerQuiz, expectNoAxeViolations, signUp, trackModules } from './support/helpers';

test.describe('family link', () => {
	test('a parent follows a young person with consent, sees titles and cards but no score, until the link ends', async ({
		browser
	}) => {
		const youth = await (await browser.newContext()).newPage();
		const youthName = await signUp(youth, 'youth');
		await youth.goto('/unge/grooming');
		await answerQuiz(youth, 'unge', 'grooming', { stepwise: true, wrong: [0] });
		await youth.goto('/mig');
		await youth.getByRole('button', { name: 'Lav en familiekode' }).click();
		const code = (await youth.locator('strong.code').textContent())!.trim();
		expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
		await expect(
			youth.getByRole('region', { name: 'Familie' }).getByText(/^Grooming/)
		).toBeVisible();
		await expectNoAxeViolations(youth);

		// The parent works without JavaScript.
		const parentContext = await browser.newContext({ javaScriptEnabled: false });
		const parent = await parentContext.newPage();
		const parentName = await signUp(parent, 'parent');
		await parent.getByLabel('Familiekode').fill('AAAA-BBBB');
		await parent.getByRole('button', { name: 'Send anmodning' }).click();
		await expect(parent.getByRole('alert')).toContainText('Koden virker ikke.');
		await expect(parent.getByLabel('Familiekode')).toHaveValue('AAAA-BBBB');
		await parent.getByLabel('Familiekode').fill(code.toLowerCase());
		await parent.getByRole('button', { name: 'Send anmodning' }).click();
		await expect(parent.getByRole('status')).toContainText('Anmodningen er sendt.');
		await expect(parent.getByText(`Venter på, at ${youthName} siger ja`)).toBeVisible();
		await expect(parent.getByRole('link', { name: /Moduler og samtalekort/ })).toHaveCount(0);

		await youth.goto('/mig');
		await expect(youth.getByText(`${parentName} vil følge med i dine moduler.`)).toBeVisible();
		await youth.getByRole('button', { name: `Ja, ${parentName} må følge med` }).click();
		await expect(
			youth.getByRole('button', { name: `Stop forbindelsen til ${parentName}` })
		).toBeVisible();

		await parent.goto('/mig');
		await parent.getByRole('link', { name: `Moduler og samtalekort for ${youthName}` }).click();
		const childUrl = parent.url();
		await expect(parent.getByRole('heading', { level: 1 })).toHaveText(youthName);
		await expect(
			parent.getByRole('listitem').filter({ hasText: /^Grooming.*gennemført/ })
		).toBeVisible();
		await expect(parent.getByText('Spørg fx').first()).toBeVisible();
		const html = await parent.content();
		expect(html).not.toMatch(/\d+ ?%/);
		expect(html).not.toMatch(/forsøg|rigtige/i);
		await parent.getByRole('button', { name: 'Vi har talt om det' }).first().click();
		await expect(parent.getByText('I har talt om det').first()).toBeVisible();

		const withJs = await browser.newContext();
		await withJs.addCookies(await parentContext.cookies());
		const parentJs = await withJs.newPage();
		await parentJs.goto(childUrl);
		await expectNoAxeViolations(parentJs);
		await parentJs.goto('/mig');
		await expectNoAxeViolations(parentJs);

		await youth.getByRole('button', { name: `Stop forbindelsen til ${parentName}` }).click();
		await expect(youth.getByRole('status')).toContainText('Forbindelsen er stoppet.');
		const after = await parent.goto(childUrl);
		expect(after!.status()).toBe(404);
		await parent.goto('/mig');
		await expect(parent.getByText(youthName)).toHaveCount(0);
		await withJs.close();
		await parentContext.close();
	});

	test('a parent without a link cannot see a child by guessing ids, by page or by post', async ({
		browser
	}) => {
		const youth = await (await browser.newContext()).newPage();
		await signUp(youth, 'youth');
		await youth.goto('/mig');
		await youth.getByRole('button', { name: 'Lav en familiekode' }).click();
		const code = (await youth.locator('strong.code').textContent())!.trim();
		const parent = await (await browser.newContext()).newPage();
		await signUp(parent, 'parent');
		await parent.getByLabel('Familiekode').fill(code);
		await parent.getByRole('button', { name: 'Send anmodning' }).click();
		await youth.goto('/mig');
		await youth.getByRole('button', { name: /må følge med/ }).click();
		await parent.goto('/mig');
		const href = await parent
			.getByRole('link', { name: /Moduler og samtalekort for/ })
			.getAttribute('href');
		const linkId = Number(href!.split('/').pop());

		const stranger = await (await browser.newContext()).newPage();
		await signUp(stranger, 'parent');
		for (const id of [linkId, linkId - 1, linkId + 1, 1]) {
			expect((await stranger.goto(`/mig/familie/${id}`))!.status()).toBe(404);
		}
		const origin = new URL(stranger.url()).origin;
		const post = await stranger.request.post(`/mig/familie/${linkId}?/talt`, {
			form: { module: 'grooming', talked: 'ja' },
			headers: { origin, accept: 'text/html' }
		});
		expect(post.status()).toBe(404);
		const end = await stranger.request.post('/mig?/familieAfslut', {
			form: { linkId: String(linkId) },
			headers: { origin, accept: 'text/html' }
		});
		expect(end.status()).toBe(404);
		await parent.goto(`/mig/familie/${linkId}`);
		await expect(parent.getByRole('heading', { level: 1 })).toBeVisible();
		// The young person cannot open the parent's page either.
		expect((await youth.goto(`/mig/familie/${linkId}`))!.status()).toBe(404);
	});

	test('the card library shows every youth module card and prints several per page', async ({
		page
	}) => {
		await page.goto('/foraeldre/samtalekort');
		await expect(page.getByRole('heading', { name: 'Samtalekort', level: 1 })).toBeVisible();
		await expect(page.locator('article.conversation-card')).toHaveCount(
			trackModules('unge').length
		);
		await expectNoAxeViolations(page);
		await page.emulateMedia({ media: 'print' });
		const columns = await page
			.locator('.card-grid')
			.evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
		expect(columns).toBe(2);
	});
});
