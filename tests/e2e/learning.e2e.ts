import { expect, test } from '@playwright/test';
import {
	answerQuiz,
	createAdmin,
	expectNoAxeViolations,
	readQuiz,
	signIn,
	signUp,
	trackModules,
	uniqueName
} from './support/helpers';

const track = trackModules;

test.describe('learning', () => {
	test('module pages and a failed result have no axe violations', async ({ page }) => {
		await page.goto('/foraeldre/naar-et-billede-er-delt');
		await expectNoAxeViolations(page);
		await answerQuiz(page, 'foraeldre', 'naar-et-billede-er-delt', {
			wrong: [0, 1],
			stepwise: true
		});
		await expect(page.getByText('Du har ikke bestået endnu')).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('the lesson is sent once, stays through hydration and changes on client-side navigation', async ({
		page,
		request
	}) => {
		const grooming = 'Noah er 12 og spiller Roblox hver dag';
		const footprint = 'Hvad er et digitalt fodspor?';
		const html = await (await request.get('/unge/grooming')).text();
		expect(html.split(grooming)).toHaveLength(2);

		await page.goto('/unge/grooming');
		// Hydrated: the quiz has switched to one question at a time.
		await expect(page.getByRole('button', { name: 'Tjek mit svar' }).first()).toBeVisible();
		await expect(page.locator('.lesson')).toContainText(grooming);
		await page.evaluate(() => Object.assign(window, { sameDocument: true }));

		await page.getByRole('link', { name: 'Tilbage til Unge' }).click();
		await expect(page).toHaveURL('/unge');
		await page.locator('a[href="/unge/digitalt-fodspor"]').first().click();
		await expect(page.locator('.lesson')).toContainText(footprint);
		await expect(page.locator('.lesson')).not.toContainText(grooming);
		await page.goBack();
		await expect(page).toHaveURL('/unge');
		await page.locator('a[href="/unge/grooming"]').first().click();
		await expect(page.locator('.lesson')).toContainText(grooming);
		await expect(page.locator('.lesson')).not.toContainText(footprint);
		expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
	});

	test('the lesson comes back when hydration fails (e.g. a translation extension changed the page)', async ({
		page
	}) => {
		await page.route('**/unge/grooming', async (route) => {
			const response = await route.fetch();
			const html = await response.text();
			// Drop one of Svelte's block markers in the main content, so hydration does not match.
			const at = html.indexOf('<!--[-->', html.indexOf('<main'));
			expect(at).toBeGreaterThan(0);
			await route.fulfill({ response, body: html.slice(0, at) + html.slice(at + 8) });
		});
		const dataRequest = page.waitForRequest((r) => r.url().includes('/unge/grooming/__data.json'));
		await page.goto('/unge/grooming');
		await dataRequest;
		await expect(page.locator('.lesson')).toContainText('Noah er 12 og spiller Roblox hver dag');
	});

	test('a visitor reads a module, takes its quiz without JavaScript and gets feedback on every answer', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/unge/sextortion');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Sextortion');
		await expect(page.getByText(/Sidst gennemgået/)).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Kilder' })).toBeVisible();

		// Submitting with a question missing keeps the other answers and says which one is missing.
		const questions = readQuiz('unge', 'sextortion');
		const first = page.locator('fieldset.question').first();
		const firstCorrect =
			questions[0].type === 'truefalse'
				? questions[0].answer
					? 'Sandt'
					: 'Falsk'
				: questions[0].options!.find((o) => o.correct)!.text;
		await first.getByLabel(firstCorrect, { exact: true }).check();
		await page.getByRole('button', { name: 'Se mit resultat' }).click();
		await expect(page.getByRole('alert')).toContainText('Du mangler at svare på spørgsmål 2.');
		await expect(
			page.locator('fieldset.question').first().getByLabel(firstCorrect, { exact: true })
		).toBeChecked();

		const count = await answerQuiz(page, 'unge', 'sextortion', { wrong: [1] });
		await expect(page.getByText(`${count - 1} af ${count} rigtige`)).toBeVisible();
		await expect(page.getByText('Resultatet er ikke gemt')).toBeVisible();
		await expect(page.getByText('Forklaring:')).toHaveCount(count);
		await expect(page.getByText('Ikke helt', { exact: true })).toHaveCount(1);
		await context.close();
	});

	test('the page holds no trace of the right answers before submitting', async ({ request }) => {
		for (const [name, slug] of [
			['unge', 'grooming'],
			['foraeldre', 'radikalisering']
		]) {
			const html = await (await request.get(`/${name}/${slug}`)).text();
			for (const q of readQuiz(name, slug)) {
				const feedback =
					q.type === 'truefalse'
						? [q.feedbackTrue!, q.feedbackFalse!]
						: (q.options ?? q.items!).map((o) => o.feedback);
				for (const f of feedback) expect(html).not.toContain(f.slice(0, 40));
				expect(html).not.toContain(q.explanation.slice(0, 40));
				for (const o of q.options ?? []) expect(html).not.toContain(`value="${o.id}"`);
			}
			expect(html).not.toMatch(/correct/i);
		}
	});

	test('a young person passes a quiz step by step, and progress shows on /unge and /mig', async ({
		page
	}) => {
		await signUp(page, 'youth');
		await page.goto('/unge/grooming');
		const count = await answerQuiz(page, 'unge', 'grooming', { stepwise: true });
		await expect(page.getByText(`${count} af ${count} rigtige (100 %)`)).toBeVisible();
		await expect(page.getByText('Flot! Du har bestået modulet.')).toBeVisible();
		await expect(page.getByText('Resultatet er gemt på din konto.')).toBeVisible();
		await expectNoAxeViolations(page);
		await page.goto('/unge');
		await expect(
			page
				.getByRole('listitem')
				.filter({ hasText: 'grooming' })
				.first()
				.getByText('Gennemført – 100 %')
		).toBeVisible();
		await expect(page.getByText(`1 af ${track('unge').length} moduler gennemført`)).toBeVisible();
		await page.goto('/mig');
		await expect(
			page.getByText(`Unge: 1 af ${track('unge').length} moduler gennemført`)
		).toBeVisible();
	});

	test('failing, then retrying and passing', async ({ page }) => {
		await signUp(page, 'youth');
		await page.goto('/unge/pengemuling');
		await answerQuiz(page, 'unge', 'pengemuling', { wrong: [0, 1, 2], stepwise: true });
		await expect(page.getByText('Du har ikke bestået endnu')).toBeVisible();
		await page.getByRole('link', { name: 'Prøv quizzen igen' }).click();
		await expect(page.getByRole('heading', { name: 'Quiz' })).toBeVisible();
		await answerQuiz(page, 'unge', 'pengemuling', { stepwise: true });
		await expect(page.getByText('Flot! Du har bestået modulet.')).toBeVisible();
		await page.goto('/unge');
		await expect(
			page.getByRole('listitem').filter({ hasText: 'Penge' }).getByText('Gennemført – 100 %')
		).toBeVisible();
	});

	test('a visitor may keep the results of the visit when creating an account', async ({ page }) => {
		await page.goto('/foraeldre/tal-med-dit-barn');
		await answerQuiz(page, 'foraeldre', 'tal-med-dit-barn', { stepwise: true });
		await page.goto('/opret-konto');
		const keep = page.getByLabel(/Gem mine quizresultater fra dette besøg/);
		await expect(keep).not.toBeChecked();
		await keep.check();
		await page.getByLabel('Forælder', { exact: true }).check();
		await page.getByLabel('Brugernavn').fill(uniqueName('visit'));
		await page.getByLabel('Adgangskode', { exact: true }).fill('en lang og god sætning');
		await page.getByRole('button', { name: 'Opret konto' }).click();
		await expect(
			page.getByText(`Forældre: 1 af ${track('foraeldre').length} moduler gennemført`)
		).toBeVisible();
	});

	test('completing the parent track gives a printable certificate', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		const username = await signUp(page, 'parent');
		await page.goto('/foraeldre/bevis');
		await expect(page.getByText(/Du har ikke gennemført alle moduler/)).toBeVisible();
		for (const slug of track('foraeldre')) {
			await page.goto(`/foraeldre/${slug}`);
			await answerQuiz(page, 'foraeldre', slug);
		}
		await page.goto('/foraeldre');
		await page.getByRole('link', { name: /Se dit bevis/ }).click();
		await expect(page.getByRole('heading', { name: 'Bevis for gennemført forløb' })).toBeVisible();
		await expect(page.getByText(username, { exact: true })).toBeVisible();
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('banner')).toBeHidden();
		// The same page with JavaScript, checked for accessibility and its print button.
		const withJs = await browser.newContext();
		await withJs.addCookies(await context.cookies());
		const jsPage = await withJs.newPage();
		await jsPage.goto('/foraeldre/bevis');
		await expect(jsPage.getByRole('button', { name: 'Udskriv beviset' })).toBeVisible();
		await expectNoAxeViolations(jsPage);
		await withJs.close();
		await context.close();
	});

	test('teacher notes are shown to approved professionals only', async ({ browser }) => {
		const youth = await (await browser.newContext()).newPage();
		await signUp(youth, 'youth');
		await youth.goto('/unge/digital-mobning');
		await expect(youth.getByText('Lærervejledning (kun for fagpersoner)')).toHaveCount(0);

		const pro = await (await browser.newContext()).newPage();
		const proName = await signUp(pro, 'professional');
		await pro.goto('/unge/digital-mobning');
		await expect(pro.getByText('Lærervejledning (kun for fagpersoner)')).toHaveCount(0);

		const adminName = uniqueName('adm');
		createAdmin(adminName);
		const admin = await (await browser.newContext()).newPage();
		await signIn(admin, adminName);
		await admin.goto('/admin');
		await admin.getByRole('button', { name: `Godkend ${proName}` }).click();

		await signIn(pro, proName);
		await pro.goto('/unge/digital-mobning');
		await pro.getByText('Lærervejledning (kun for fagpersoner)').click();
		await expect(pro.getByRole('heading', { name: 'Lektionsplan (45 minutter)' })).toBeVisible();
		await expectNoAxeViolations(pro);
	});
});
