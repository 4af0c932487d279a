import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { E2E_CONTENT } from '../../playwright.config';
import {
	approvedProfessional,
	chooseLanguage,
	expectAccessibleAtBothWidths,
	type QuizQuestion
} from './support/helpers';

/**
 * Parents in their own language: the interface, the translated parent module and its quiz with
 * all feedback, the help page, and a live quiz where each participant reads the question in their
 * own language while the projector stays Danish. The fixture module "tal-med-dit-barn" is
 * translated into Arabic, Urdu, Turkish and Ukrainian; the help page into Somali.
 */
const MODULE = 'tal-med-dit-barn';

const messages = (locale: string): Record<string, string> =>
	JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8'));
const quizIn = (locale: string): QuizQuestion[] =>
	parse(readFileSync(`${E2E_CONTENT}/${locale}/foraeldre/${MODULE}/quiz.yaml`, 'utf8')).questions;
const titleIn = (locale: string) =>
	/^title:\s*(.+)$/m.exec(
		readFileSync(`${E2E_CONTENT}/${locale}/foraeldre/${MODULE}/lesson.md`, 'utf8')
	)![1];

/** Answers every question rightly by its labels in `locale`, as a whole page (no JavaScript). */
async function answerAll(page: Page, locale: string) {
	const m = messages(locale);
	for (const [i, q] of quizIn(locale).entries()) {
		const fieldset = page.locator('#quiz fieldset.question').nth(i);
		if (q.type === 'truefalse')
			await fieldset.getByLabel(q.answer ? m.quiz_true : m.quiz_false, { exact: true }).check();
		else if (q.type === 'order')
			for (const [k, item] of q.items!.entries())
				await fieldset.getByLabel(item.text.trim(), { exact: true }).selectOption(String(k + 1));
		else
			for (const o of q.options!.filter((o) => o.correct))
				await fieldset.getByLabel(o.text.trim(), { exact: true }).check();
	}
	await page.locator('#quiz').getByRole('button', { name: m.quiz_submit }).click();
}

/** The quick exit and the help link are on screen and cover neither each other nor the name. */
async function expectHeaderButtonsClear(page: Page, m: Record<string, string>) {
	const banner = page.getByRole('banner');
	const boxes = await Promise.all(
		[
			banner.getByRole('link', { name: m.quick_exit }),
			banner.getByRole('link', { name: m.get_help }),
			banner.getByRole('link', { name: m.site_name })
		].map(async (l) => {
			await expect(l).toBeInViewport({ ratio: 1 });
			return (await l.boundingBox())!;
		})
	);
	const overlap = (a: (typeof boxes)[0], b: (typeof boxes)[0]) =>
		a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
	expect(overlap(boxes[0], boxes[1])).toBe(false);
	expect(overlap(boxes[0], boxes[2])).toBe(false);
	expect(overlap(boxes[1], boxes[2])).toBe(false);
	// Right to left: the buttons sit on the left, the site's name on the right.
	expect(boxes[0].x).toBeLessThan(boxes[2].x);
}

async function parentReadsAndTakesTheQuiz(
	browser: Browser,
	locale: string,
	name: string,
	width: number
) {
	const m = messages(locale);
	const context = await browser.newContext({
		javaScriptEnabled: false,
		viewport: { width, height: 800 }
	});
	const page = await context.newPage();
	await page.goto('/foraeldre');
	await chooseLanguage(page, name);
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expectHeaderButtonsClear(page, m);

	await page.goto(`/foraeldre/${MODULE}`);
	const lesson = page.locator(`[lang="${locale}"][dir="rtl"]`);
	await expect(page.getByRole('heading', { level: 1, name: titleIn(locale) })).toBeVisible();
	await expect(lesson.first()).toBeVisible();
	await expect(page.getByText(m.content_translated)).toBeVisible();

	await page.goto(`/foraeldre/${MODULE}#quiz`);
	await answerAll(page, locale);
	await expect(page.getByRole('heading', { name: m.quiz_result_title })).toBeVisible();
	// The feedback on each answer is the translation's, in its language and direction.
	const first = quizIn(locale)[0];
	await expect(page.getByText(first.explanation.trim()).first()).toBeVisible();
	await expect(page.locator(`#quiz [lang="${locale}"][dir="rtl"]`).first()).toBeAttached();
	await context.close();
}

test.describe('parents in their own language', () => {
	test.describe.configure({ timeout: 180_000 });

	test('an Arabic parent without JavaScript reads the lesson, takes the quiz and reads the feedback in Arabic', async ({
		browser
	}) => {
		await parentReadsAndTakesTheQuiz(browser, 'ar', 'العربية', 390);
	});

	test('the same in Urdu on a 320 px phone', async ({ browser }) => {
		await parentReadsAndTakesTheQuiz(browser, 'ur', 'اردو', 320);
	});

	test('the help page in Somali keeps the Danish numbers, in order', async ({
		browser,
		baseURL
	}) => {
		const context = await browser.newContext();
		await context.addCookies([{ name: 'sprog', value: 'so', url: baseURL! }]);
		const page = await context.newPage();
		await page.goto('/hjaelp');
		const help = parse(readFileSync(`${E2E_CONTENT}/so/hjaelp/help.yaml`, 'utf8'));
		await expect(page.locator('html')).toHaveAttribute('lang', 'so');
		await expect(page.getByRole('heading', { level: 1, name: help.title })).toBeVisible();
		await expect(page.locator('[lang="so"] h1')).toHaveText(help.title);
		await expect(page.getByText(messages('so').content_translated)).toBeVisible();
		const childLine = page.locator('a[href="tel:116111"]').first();
		await expect(childLine).toHaveText('116 111');
		await expectAccessibleAtBothWidths(page);
		await context.close();
	});

	test('every language: the home page, a parent module and the help page pass axe at 320 and 1280 px', async ({
		browser,
		baseURL
	}) => {
		test.setTimeout(300_000);
		for (const locale of ['da', 'en', 'ar', 'tr', 'ur', 'so', 'uk']) {
			const context = await browser.newContext();
			await context.addCookies([{ name: 'sprog', value: locale, url: baseURL! }]);
			const page = await context.newPage();
			for (const path of ['/', `/foraeldre/${MODULE}`, '/hjaelp']) {
				await page.goto(path);
				await expect(page.locator('html'), path).toHaveAttribute('lang', locale);
				await expectAccessibleAtBothWidths(page);
			}
			await context.close();
		}
	});

	test('a live quiz: a participant reads in Turkish, the projector in Danish, and both answers count', async ({
		browser,
		baseURL
	}) => {
		const { page: pro } = await approvedProfessional(browser);
		await pro.goto(`/foraeldre/${MODULE}`);
		await pro.getByRole('button', { name: 'Start en live-quiz med dette modul' }).click();
		const code = (await pro.getByTestId('live-code').textContent())!.trim();
		const screen = await pro.context().newPage();
		await screen.goto(`${pro.url()}/skaerm`);

		const tr = messages('tr');
		const turkish = await browser.newContext();
		await turkish.addCookies([{ name: 'sprog', value: 'tr', url: baseURL! }]);
		const ayse = await turkish.newPage();
		await ayse.goto(`/live?kode=${code}`);
		await ayse.getByLabel(tr.live_nickname_label).fill('Ayse');
		await ayse.getByRole('button', { name: tr.live_join_button }).click();
		await expect(ayse.getByText(tr.live_you_are.replace('{nickname}', 'Ayse'))).toBeVisible();

		const danish = await (await browser.newContext()).newPage();
		await danish.goto(`/live?kode=${code}`);
		await danish.getByLabel('Kaldenavn').fill('Mette');
		await danish.getByRole('button', { name: 'Deltag' }).click();
		await expect(danish.getByText('Du er med som Mette.')).toBeVisible();
		await expect(pro.getByTestId('live-participants')).toHaveText('Deltagere: 2');
		await expect(screen.getByTestId('projector-participants')).toHaveText('Deltagere: 2');

		await pro.getByRole('button', { name: 'Start quizzen' }).click();
		const [firstTr] = quizIn('tr');
		const [firstDa] = quizIn('da');
		await expect(ayse.locator('[lang="tr"]').getByText(firstTr.prompt.trim())).toBeVisible();
		await expect(screen.getByText(firstDa.prompt.trim())).toBeVisible();
		await expect(screen.getByText(firstTr.prompt.trim())).toHaveCount(0);
		await expect(danish.getByText(firstDa.prompt.trim())).toBeVisible();

		const pick = async (page: Page, q: QuizQuestion, send: string) => {
			const right = q.options!.find((o) => o.correct)!;
			await page.getByLabel(right.text.trim(), { exact: true }).check();
			await page.getByRole('button', { name: send }).click();
		};
		await pick(ayse, firstTr, tr.live_send_answer);
		await pick(danish, firstDa, 'Send svar');
		await expect(screen.getByTestId('projector-answered')).toHaveText('2 af 2 har svaret');

		await pro.getByRole('button', { name: 'Vis svaret' }).click();
		await expect(ayse.getByText(tr.quiz_right, { exact: true })).toBeVisible();
		await expect(ayse.getByText(firstTr.explanation.trim())).toBeVisible();
		await turkish.close();
		await danish.context().close();
		await pro.context().close();
	});
});
