import {
	expect,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page
} from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { E2E_CONTENT, E2E_DATABASE } from '../../../playwright.config';

export const PASSWORD = 'lang sætning om en blå cykel';

let counter = 0;
/** A username no other test uses (the database lives for the whole run). */
export function uniqueName(prefix: string): string {
	counter++;
	return `${prefix}${Date.now().toString(36)}${counter}`.slice(0, 32);
}

export type Role = 'youth' | 'parent' | 'professional' | 'coordinator';
/** What every professional in the tests tells the administrator when signing up. */
export const PROFESSIONAL_APPLICATION = { workplace: 'Herlev Skole', municipality: 'Herlev' };
const ROLE_LABEL: Record<Role, string> = {
	youth: 'Ung',
	parent: 'Forælder',
	professional: 'Fagperson',
	coordinator: 'Koordinator'
};

export async function signUp(
	page: Page,
	role: Role,
	username = uniqueName(role.slice(0, 3)),
	password = PASSWORD,
	application = PROFESSIONAL_APPLICATION
) {
	await page.goto('/opret-konto');
	await page.getByLabel(ROLE_LABEL[role], { exact: true }).check();
	if (role === 'professional' || role === 'coordinator') {
		await page.getByLabel('Arbejdsplads').fill(application.workplace);
		await page.getByLabel('Kommune, du arbejder i').selectOption(application.municipality);
	}
	await page.getByLabel('Brugernavn').fill(username);
	await page.getByLabel('Adgangskode', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Opret konto' }).click();
	await expect(page).toHaveURL(/\/mig$/);
	return username;
}

export async function signIn(page: Page, username: string, password = PASSWORD) {
	await page.goto('/log-ind');
	await page.getByLabel('Brugernavn').fill(username);
	await page.getByLabel('Adgangskode', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Log ind' }).click();
	// Done when the page moved on (signed in) or shows why not.
	await Promise.race([
		page.waitForURL((url) => url.pathname !== '/log-ind'),
		page.getByRole('alert').waitFor()
	]);
}

export async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Log ud' }).first().click();
	await expect(page).toHaveURL(/\/log-ind\?logget-ud/);
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary, `axe on ${page.url()}`).toEqual([]);
}

/** A context whose app scripts never load: the page as a browser without JavaScript shows it. */
export async function blockAppScripts(context: BrowserContext) {
	await context.route(
		(url) => url.pathname.startsWith('/_app/') && url.pathname.endsWith('.js'),
		(route) => route.abort()
	);
}

/** axe at the two widths every page is checked at, and no sideways scrolling (reflow) at 320 px. */
export async function expectAccessibleAtBothWidths(page: Page) {
	for (const width of [320, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await expectNoAxeViolations(page);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow, `horizontal scroll at ${width} px`).toBeLessThanOrEqual(0);
	}
}

/** How many A4 pages the page fills when printed (with the print style sheet applied). */
export async function printedPages(page: Page): Promise<number> {
	const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
	return pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

/** Read-only view of the end-to-end database, to check what was stored. */
export function openTestDatabase() {
	return new Database(E2E_DATABASE, { readonly: true, fileMustExist: true });
}

export function createAdmin(username: string, password = PASSWORD) {
	execFileSync(process.execPath, ['--import', 'tsx', 'scripts/admin-create.ts', username], {
		env: { ...process.env, DATABASE_URL: E2E_DATABASE, ADMIN_PASSWORD: password },
		stdio: 'pipe'
	});
}

export interface QuizQuestion {
	id: string;
	prompt: string;
	explanation: string;
	type: 'single' | 'multiple' | 'truefalse' | 'order';
	options?: { id: string; text: string; feedback: string; correct?: boolean }[];
	items?: { id: string; text: string; feedback: string; group?: string }[];
	answer?: boolean;
	feedbackTrue?: string;
	feedbackFalse?: string;
}

/** A file of the content tree the test server runs on. */
export function readContentFile(path: string): string {
	return readFileSync(`${E2E_CONTENT}/da/${path}`, 'utf8');
}

export function readQuiz(track: string, slug: string): QuizQuestion[] {
	return parse(readContentFile(`${track}/${slug}/quiz.yaml`)).questions;
}

/** The module slugs of a track, in order. */
export function trackModules(track: string): string[] {
	return parse(readContentFile(`${track}/track.yaml`)).modules;
}

/** Answers one question of a quiz form rightly (or wrongly) by its labels. */
export async function fillQuestion(fieldset: Locator, q: QuizQuestion, wrong = false) {
	if (q.type === 'truefalse') {
		await fieldset.getByLabel(q.answer !== wrong ? 'Sandt' : 'Falsk', { exact: true }).check();
	} else if (q.type === 'order') {
		const items = q.items!;
		for (const [k, item] of items.entries()) {
			const position = wrong ? ((k + 1) % items.length) + 1 : k + 1;
			await fieldset.getByLabel(item.text, { exact: true }).selectOption(String(position));
		}
	} else {
		const options = q.options!;
		const chosen = wrong
			? options.filter((o) => !o.correct).slice(0, 1)
			: options.filter((o) => o.correct);
		for (const o of chosen) await fieldset.getByLabel(o.text, { exact: true }).check();
	}
}

/**
 * Fills in a module's quiz. `wrong` lists question indexes to answer wrongly. With
 * `stepwise`, uses the one-question-at-a-time mode that JavaScript enables.
 */
export async function answerQuiz(
	page: Page,
	track: string,
	slug: string,
	opts: { wrong?: number[]; stepwise?: boolean } = {}
) {
	const questions = readQuiz(track, slug);
	for (const [i, q] of questions.entries()) {
		const fieldset = page.locator('fieldset.question').nth(i);
		const wrong = opts.wrong?.includes(i) ?? false;
		await fillQuestion(fieldset, q, wrong);
		if (opts.stepwise) {
			await fieldset.getByRole('button', { name: 'Tjek mit svar' }).click();
			// A wrong multiple-choice answer gets partial credit: "2 af 4 rigtige".
			const verdict = !wrong
				? 'Rigtigt'
				: q.type === 'multiple'
					? /^\d+ af \d+ rigtige$/
					: 'Ikke helt';
			await expect(fieldset.getByText(verdict, { exact: true })).toBeVisible();
			if (i < questions.length - 1)
				await fieldset.getByRole('button', { name: 'Næste spørgsmål' }).click();
		}
	}
	await page.getByRole('button', { name: 'Se mit resultat' }).click();
	await expect(page.getByRole('heading', { name: 'Dit resultat' })).toBeVisible();
	return questions.length;
}

/** A professional approved by an administrator, signed in, in a context of its own. */
export async function approvedProfessional(browser: Browser) {
	const page = await (await browser.newContext()).newPage();
	const name = await signUp(page, 'professional');
	const adminName = uniqueName('adm');
	createAdmin(adminName);
	const admin = await (await browser.newContext()).newPage();
	await signIn(admin, adminName);
	await admin.goto('/admin');
	await admin.getByRole('button', { name: `Godkend ${name}` }).click();
	await expect(admin.getByRole('status')).toBeVisible();
	await admin.context().close();
	await signIn(page, name);
	return { page, name };
}

/** Chooses a language in the chooser at the top of the page, by the language's own name. */
export async function chooseLanguage(page: Page, name: string) {
	await page.locator('.language-chooser summary').click();
	await page.locator('.language-chooser').getByRole('button', { name, exact: true }).click();
}

/** A before-and-after measure of the fixture content. */
export function readMeasure(slug: string): {
	title: string;
	questions: {
		id: string;
		kind: string;
		label: string;
		text: string;
		options?: { id: string; text: string; correct?: boolean }[];
	}[];
} {
	return parse(readContentFile(`maalinger/${slug}.yaml`));
}

/**
 * A measure's form as a browser posts it: every knowledge question right or wrong, every
 * 1–5 question at `scale`.
 */
export function measureAnswers(
	slug: string,
	right: boolean,
	scale: number
): Record<string, string> {
	return Object.fromEntries(
		readMeasure(slug).questions.map((q) => [
			`q-${q.id}`,
			q.kind === 'viden' ? q.options!.find((o) => !!o.correct === right)!.id : String(scale)
		])
	);
}

/** Fills in a measure's page by its labels, as `measureAnswers` does. */
export async function fillMeasure(page: Page, slug: string, right: boolean, scale: number) {
	const labels = ['Helt uenig', 'Lidt uenig', 'Hverken enig eller uenig', 'Lidt enig', 'Helt enig'];
	for (const q of readMeasure(slug).questions) {
		const fieldset = page.locator(`fieldset#q-${q.id}`);
		const label =
			q.kind === 'viden' ? q.options!.find((o) => !!o.correct === right)!.text : labels[scale - 1];
		await fieldset.getByLabel(label, { exact: true }).check();
	}
}
