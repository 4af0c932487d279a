import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, signUp } from './support/helpers';

const PATH = '/unge/oev/oev-sofie';
const PAY = 'Okay, jeg betaler. Bare slet det.';
const SILENT = '(Du svarer ikke og tager skærmbilleder af chatten)';
const TELL_MUM = '(Du stopper og fortæller det til din mor)';
const BLOCK_AND_TELL = '(Du blokerer hende og fortæller det til din far)';

/** axe clean at both widths, the way a phone and a classroom screen show it. */
async function axeAtBothWidths(page: Page) {
	// New messages fade in one after another; measure contrast once they are there.
	await page.waitForFunction(() =>
		document.getAnimations().every((a) => a.playState !== 'running')
	);
	for (const width of [320, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await expectNoAxeViolations(page);
	}
}

test.describe('practice scenarios', () => {
	test('a young person plays a scenario to an ending with JavaScript: the chat grows in place, back works, the typed reply never leaves the browser, and it is marked practised', async ({
		page
	}) => {
		await signUp(page, 'youth');
		await page.goto('/unge');
		const practice = page.getByRole('region', { name: 'Øv dig' });
		await expect(practice.getByText('Ikke øvet endnu')).toBeVisible();
		await practice.getByRole('link', { name: 'Sofie vil have penge' }).click();
		await expect(page).toHaveURL(PATH);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Sofie vil have penge' })
		).toBeVisible();
		// The chat says who wrote each message; a payment request is a text card.
		const chat = page.locator('.chat');
		await expect(chat.getByText('Sofie, 16 skriver:').first()).toBeAttached();
		await expect(chat.getByText('MobilePay-anmodning')).toBeVisible();
		await axeAtBothWidths(page);
		await page.evaluate(() => Object.assign(window, { sameDocument: true }));

		const posted: string[] = [];
		page.on('request', (r) => {
			if (r.method() === 'POST') posted.push(r.postData() ?? '');
		});
		await page.getByRole('button', { name: PAY }).click();
		// Focus goes to what the reply did; the next message arrives in the same chat.
		await expect(page.locator('#seneste')).toBeFocused();
		await expect(page.locator('#seneste')).toContainText('afpressere beder om mere');
		await expect(chat.getByText('Tak. Nu vil jeg have 3.000 mere.')).toBeVisible();
		await expect(chat.getByText('Du svarer:')).toBeAttached();

		// Write your own reply: it stays on the screen; only the examples are compared with.
		const own = 'Jeg er bange, men jeg betaler ikke mere';
		await page.getByLabel('Dit svar', { exact: true }).fill(own);
		await page.getByRole('button', { name: 'Sammenlign med eksemplerne' }).click();
		await expect(page.getByRole('heading', { name: 'Eksempler på gode svar' })).toBeVisible();
		await expect(page.getByText('Fortæller du det til en voksen?')).toBeVisible();
		await axeAtBothWidths(page);

		// The browser's back button goes back one reply, and forward again.
		await page.goBack();
		await expect(page.getByRole('button', { name: SILENT })).toBeVisible();
		await expect(chat.getByText('Tak. Nu vil jeg have 3.000 mere.')).toHaveCount(0);
		await page.goForward();
		await expect(chat.getByText('Tak. Nu vil jeg have 3.000 mere.')).toBeVisible();

		await page.getByRole('button', { name: TELL_MUM }).click();
		const debrief = page.getByRole('region', { name: 'Du fik hjælp' });
		await expect(debrief.getByRole('heading', { name: 'Du fik hjælp' })).toBeFocused();
		await expect(debrief.getByText('Det endte godt')).toBeVisible();
		await expect(
			debrief.getByText('Det er aldrig din skyld, når nogen afpresser dig.')
		).toBeVisible();
		await expect(debrief.getByRole('link', { name: /SletDet/ })).toHaveAttribute(
			'href',
			'/hjaelp#tjeneste-sletdet'
		);
		await expect(page.getByText('Gemt: Du har øvet dette scenarie.')).toBeVisible();
		await axeAtBothWidths(page);
		expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
		expect(posted.length).toBe(2);
		for (const body of posted) expect(body).not.toContain('bange');

		await page.goto('/unge');
		await expect(page.getByRole('region', { name: 'Øv dig' }).getByText('✓ Øvet')).toBeVisible();
		const exported = await (await page.request.get('/mig/data')).json();
		expect(exported.scenarioRuns).toMatchObject([
			{ scenarioSlug: 'oev-sofie', path: [0, 1], endingStep: 'slut-godt' }
		]);
	});

	test('without JavaScript every reply is a form post, a forged path is refused, and the examples show at once', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(PATH);
		await page.getByRole('button', { name: PAY }).click();
		await expect(page.getByText('Tak. Nu vil jeg have 3.000 mere.')).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Eksempler på gode svar' })).toBeVisible();
		await expect(page.getByLabel('Dit svar', { exact: true })).toHaveCount(0);
		await page.getByRole('button', { name: 'Jeg betaler igen.' }).click();
		await expect(page.getByRole('heading', { name: 'Det blev svært' })).toBeVisible();
		await expect(page.getByText('Det blev svært – men der er en vej ud')).toBeVisible();
		await expect(page.getByText('Log ind, så husker vi, at du har øvet dig.')).toBeVisible();

		// A path someone made up is not played: the chat starts over with a Danish message.
		await page.goto(PATH);
		await page
			.locator('input[name="vej"]')
			.evaluate((el) => ((el as HTMLInputElement).value = '1.0~AAAAAAAAAAAAAAAAAAAAAA'));
		await page.getByRole('button', { name: SILENT }).click();
		await expect(page.getByRole('alert')).toHaveText('Chatten kunne ikke fortsætte. Start forfra.');
		await expect(page.getByRole('button', { name: PAY })).toBeVisible();
		await context.close();
	});

	test('played by keyboard only, from the module page', async ({ page }) => {
		await page.goto('/unge/sextortion');
		const link = page.getByRole('link', { name: 'Øv dig: Sofie vil have penge' });
		await link.focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(PATH);
		for (const reply of [SILENT, BLOCK_AND_TELL]) {
			const button = page.getByRole('button', { name: reply });
			for (let i = 0; i < 40 && !(await button.evaluate((b) => b === document.activeElement)); i++)
				await page.keyboard.press('Tab');
			await expect(button).toBeFocused();
			await page.keyboard.press('Enter');
		}
		await expect(page.getByRole('heading', { name: 'Du fik hjælp' })).toBeFocused();
	});
});
