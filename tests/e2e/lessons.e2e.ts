import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	blockAppScripts,
	expectAccessibleAtBothWidths,
	fillQuestion,
	readQuiz,
	signUp
} from './support/helpers';

/**
 * A lesson read step by step on a phone, with and without JavaScript: the progress indicator,
 * "Til quizzen", a mock message, a quiz question between steps whose multiple-choice feedback
 * says what became of each option ("4 af 5 rigtige"), the whole text on one page, the step a
 * signed-in person reached, and the result screen of a passed module.
 *
 * The fixture module digitalt-fodspor has 7 `##` sections read in 5 steps, two mock messages,
 * takeaways, and its quiz question "faerre-fremmede" (5 options, 3 right) after step 2.
 */
const MODULE = '/unge/digitalt-fodspor';
const PHONE = { width: 390, height: 844 };
const QUESTION = 'faerre-fremmede';
const WORDS = {
	chosenRight: 'Du valgte den – rigtigt.',
	chosenWrong: 'Du valgte den – men den skulle ikke med.',
	missed: 'Du valgte den ikke – men den skulle med.',
	leftOut: 'Du valgte den ikke – rigtigt.'
};

const question = () => readQuiz('unge', 'digitalt-fodspor').find((q) => q.id === QUESTION)!;
const optionText = (id: string) => question().options!.find((o) => o.id === id)!.text;

/** axe (WCAG 2.2 AA tags) and reflow at 320 and 1280 px, then back to the phone. */
async function axeAtBothWidths(page: Page) {
	// After a form post without JavaScript, the styles must have loaded (target sizes).
	await page.waitForLoadState();
	await expectAccessibleAtBothWidths(page);
	await page.setViewportSize(PHONE);
}

/** A phone; without JavaScript, the app's scripts never load. */
async function phone(browser: Browser, { javaScript }: { javaScript: boolean }) {
	const context = await browser.newContext({ viewport: PHONE });
	if (!javaScript) await blockAppScripts(context);
	return { context, page: await context.newPage() };
}

const stepShown = (page: Page, n: number) =>
	expect(page.locator('.lesson-step:visible .step-progress')).toHaveText(`Trin ${n} af 5`);

test('a lesson in steps on a phone, with and without JavaScript, and a passed module', async ({
	browser
}) => {
	test.setTimeout(240_000);
	await test.step('without JavaScript: each step is a page of its own', async () => {
		const { context, page } = await phone(browser, { javaScript: false });
		await page.goto(MODULE);
		await stepShown(page, 1);
		await expect(page.getByRole('heading', { name: 'Hvad er et digitalt fodspor?' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Hvor er du lige nu?' })).toBeHidden();
		await expect(page.getByRole('link', { name: 'Til quizzen' }).first()).toHaveAttribute(
			'href',
			'#quiz'
		);

		await page.getByRole('link', { name: 'Næste: Hvor er du lige nu? →' }).click();
		await expect(page).toHaveURL(`${MODULE}/trin/2`);
		await stepShown(page, 2);
		// The mock message reads as what it is, and who writes each message.
		const chat = page.getByRole('figure', { name: 'Eksempel: Chat med Jonas på Snapchat' });
		await expect(chat).toBeVisible();
		await expect(chat.getByText('Jonas skriver:').first()).toBeAttached();
		await expect(chat.getByText('Du skriver:')).toBeAttached();

		// The question after step 2: two of the three right options, one missed.
		const box = page.locator(`#sporgsmaal-${QUESTION}`);
		await box.getByLabel(optionText('a'), { exact: true }).check();
		await box.getByLabel(optionText('b'), { exact: true }).check();
		await box.getByRole('button', { name: 'Tjek mit svar' }).click();
		await stepShown(page, 2);
		await expect(box.getByText('4 af 5 rigtige', { exact: true })).toBeVisible();
		await expect(box.getByText(WORDS.chosenRight)).toHaveCount(2);
		await expect(box.getByText(WORDS.missed)).toHaveCount(1);
		await expect(box.getByText(WORDS.leftOut)).toHaveCount(2);
		await axeAtBothWidths(page);

		// Print shows every step.
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('heading', { name: 'Fem ting, du kan gøre i dag' })).toBeVisible();
		await page.emulateMedia({ media: 'screen' });

		await page.getByRole('link', { name: 'Vis hele teksten på én side' }).click();
		await expect(page).toHaveURL(`${MODULE}/trin/alle`);
		await expect(page.getByRole('heading', { name: 'Hvor er du lige nu?' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Fem ting, du kan gøre i dag' })).toBeVisible();
		await expect(page.getByText('Trin 1 af 5')).toHaveCount(0);
		await axeAtBothWidths(page);
		await page.getByRole('link', { name: 'Vis teksten i trin' }).click();
		await stepShown(page, 1);
		await context.close();
	});

	await test.step('with JavaScript: steps change in place, and the step reached is kept', async () => {
		const { context, page } = await phone(browser, { javaScript: true });
		await signUp(page, 'youth');
		await page.goto(MODULE);
		// Hydrated: the quiz has switched to one question at a time.
		await expect(
			page.locator('fieldset.question').first().getByRole('button', { name: 'Tjek mit svar' })
		).toBeVisible();
		await page.evaluate(() => Object.assign(window, { sameDocument: true }));
		await page.getByRole('link', { name: 'Næste: Hvor er du lige nu? →' }).click();
		await expect(page).toHaveURL(`${MODULE}/trin/2`);
		await stepShown(page, 2);
		await expect(page.locator('#trin-2')).toBeFocused();
		await page.getByRole('link', { name: 'Næste: Et skærmbillede kan gemme alt →' }).click();
		await stepShown(page, 3);
		await page.goBack();
		await expect(page).toHaveURL(`${MODULE}/trin/2`);
		await stepShown(page, 2);
		expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
		await axeAtBothWidths(page);

		// The furthest step reached (3) is where the module opens next time.
		await expect(async () => {
			await page.goto(MODULE);
			await stepShown(page, 3);
		}).toPass();

		await page.getByRole('link', { name: 'Til quizzen' }).first().click();
		await expect(page.getByRole('heading', { name: 'Quiz', exact: true })).toBeInViewport();

		// The quiz, one question at a time; the multiple-choice question with a wrong option chosen.
		for (const [i, q] of readQuiz('unge', 'digitalt-fodspor').entries()) {
			const fieldset = page.locator('fieldset.question').nth(i);
			if (q.id === QUESTION) {
				for (const id of ['a', 'b', 'c', 'd'])
					await fieldset.getByLabel(optionText(id), { exact: true }).check();
			} else await fillQuestion(fieldset, q);
			await fieldset.getByRole('button', { name: 'Tjek mit svar' }).click();
			if (q.id === QUESTION) {
				await expect(fieldset.getByText('4 af 5 rigtige', { exact: true })).toBeVisible();
				await expect(fieldset.getByText(WORDS.chosenRight)).toHaveCount(3);
				await expect(fieldset.getByText(WORDS.chosenWrong)).toHaveCount(1);
				await expect(fieldset.getByText(WORDS.leftOut)).toHaveCount(1);
				await axeAtBothWidths(page);
			} else await expect(fieldset.getByText('Rigtigt', { exact: true })).toBeVisible();
			const next = fieldset.getByRole('button', { name: 'Næste spørgsmål' });
			if (await next.count()) await next.click();
		}
		await page.getByRole('button', { name: 'Se mit resultat' }).click();

		// Passed: 6 right and 4 of 5 is 97 %; what was learned, the count and the next module.
		await expect(page.getByText('6 af 7 rigtige (97 %)')).toBeVisible();
		await expect(
			page.getByText('Delvist rigtige svar giver point for hver svarmulighed, du bedømte rigtigt.')
		).toBeVisible();
		await expect(page.getByText('Flot! Du har bestået modulet.')).toBeVisible();
		await expect(page.getByText('Du har bestået 1 af 5 moduler.')).toBeVisible();
		const learned = page.getByRole('region', { name: 'Det har du lært' });
		await expect(learned.getByRole('listitem')).toHaveCount(3);
		await expect(learned).toContainText('Spørg, før du deler et billede af en anden.');
		await expect(page.getByRole('link', { name: 'Næste modul: Sextortion' }).first()).toBeVisible();
		await axeAtBothWidths(page);
		await context.close();
	});
});

test("a visitor's steps are shared pages, each step its own", async ({ playwright, baseURL }) => {
	// A fresh client with no cookie: the requests the shared page cache may answer.
	const visitor = await playwright.request.newContext({ baseURL });
	/** The step a page shows: the one lesson step not hidden. */
	const shownStep = (html: string) =>
		[...html.matchAll(/<div class="lesson-step[^"]*" id="trin-(\d)"([^>]*)>/g)]
			.filter(([, , attributes]) => !/\bhidden\b/.test(attributes))
			.map(([, n]) => Number(n));
	const pages = new Map<string, string>();
	for (const n of [2, 3, 2, 3]) {
		const response = await visitor.get(`${MODULE}/trin/${n}`);
		expect(response.headers()['cache-control']).toBe('public, max-age=0, s-maxage=60');
		const html = await response.text();
		expect(shownStep(html), `step ${n}`).toEqual([n]);
		// The second time, the very page stored for this step (the same quiz token, byte for byte).
		if (pages.has(`${n}`)) expect(html).toBe(pages.get(`${n}`));
		pages.set(`${n}`, html);
	}
	// The module's own address and a step asked for in a query string are the first step.
	for (const path of [MODULE, `${MODULE}?trin=3`])
		expect(shownStep(await (await visitor.get(path)).text()), path).toEqual([1]);
	await visitor.dispose();
});

test('in an Arabic page, a Danish lesson and quiz read left to right, an Arabic one right to left', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ viewport: PHONE });
	await context.addCookies([{ name: 'sprog', value: 'ar', url: baseURL! }]);
	const page = await context.newPage();
	await page.goto(`${MODULE}/trin/2`);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	const danish = '[lang="da"][dir="ltr"]';
	await expect(page.locator(`#trin-2 > div${danish}`)).toBeVisible();
	await expect(page.locator(`h1${danish}`)).toBeVisible();
	const box = page.locator(`#sporgsmaal-${QUESTION}`);
	await expect(box.locator(`.prompt${danish}`)).toHaveText(question().prompt);
	await expect(box.locator(`label${danish}`)).toHaveCount(question().options!.length);
	// The quiz's interface words are the page's; its questions are the module's.
	await expect(page.locator(`#quiz:not([lang])`)).toBeAttached();
	await expect(page.locator(`#quiz .prompt${danish}`).first()).toBeAttached();

	// A module translated into Arabic reads right to left in its own language, step by step.
	await page.goto('/foraeldre/tal-med-dit-barn/trin/2');
	await expect(page.locator('#trin-2 > div[lang="ar"][dir="rtl"]')).toBeVisible();
	await expect(page.locator('#quiz .prompt[lang="ar"][dir="rtl"]').first()).toBeAttached();
	await context.close();
});
