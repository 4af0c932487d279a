import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import {
	PASSWORD,
	approvedProfessional,
	createAdmin,
	readQuiz,
	signIn,
	signUp,
	uniqueName
} from './support/helpers';

/**
 * Keyboard-only journeys (WCAG 2.1.1, 2.4.3, 2.4.7): every step is a key press (Tab, Shift+Tab,
 * Enter, Space, arrow keys, typing), and after each one the focused element is the expected
 * one and shows a visible focus indicator. Set-up that is not the journey itself (accounts, a
 * class to join) uses the ordinary helpers.
 */

/**
 * The element has focus, and its focus indicator is visible: a non-zero outline or a box
 * shadow while focused that it does not have without focus. The unfocused style is read by
 * blurring the element and focusing it again from the test (not a user action).
 */
async function expectVisibleFocus(target: Locator, step: string) {
	await expect(target, step).toBeFocused();
	const { focused, unfocused, refocused } = await target.evaluate((el: HTMLElement) => {
		const read = () => {
			const s = getComputedStyle(el);
			return {
				outline:
					s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
						? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`
						: 'none',
				boxShadow: s.boxShadow
			};
		};
		const focused = read();
		el.blur();
		const unfocused = read();
		el.focus();
		return { focused, unfocused, refocused: document.activeElement === el };
	});
	expect(refocused, `${step}: focus restored after reading the unfocused style`).toBe(true);
	const indicator =
		(focused.outline !== 'none' && focused.outline !== unfocused.outline) ||
		(focused.boxShadow !== 'none' && focused.boxShadow !== unfocused.boxShadow);
	expect(
		indicator,
		`${step}: visible focus (focused ${JSON.stringify(focused)}, unfocused ${JSON.stringify(unfocused)})`
	).toBe(true);
}

/** Presses `key` until `target` has focus; every element passed on the way shows its focus. */
async function pressUntilFocused(
	page: Page,
	key: 'Tab' | 'Shift+Tab',
	target: Locator,
	step: string
) {
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press(key);
		if (await target.evaluate((el) => el === document.activeElement)) {
			await expectVisibleFocus(target, step);
			return;
		}
		const focused = page.locator(':focus');
		if ((await focused.count()) === 1)
			await expectVisibleFocus(focused, `${step}: passing ${await describe(focused)}`);
	}
	throw new Error(`${step}: ${key} never reached the element`);
}

async function describe(locator: Locator) {
	return locator.evaluate(
		(el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`
	);
}

async function press(page: Page, key: string, target: Locator, step: string) {
	await page.keyboard.press(key);
	await expectVisibleFocus(target, step);
}

/** An approved professional's class, for a pupil to join. */
async function classCode(browser: Browser): Promise<string> {
	const context = await browser.newContext();
	const pro = await context.newPage();
	const proName = await signUp(pro, 'professional');
	const adminName = uniqueName('adm');
	createAdmin(adminName);
	const admin = await context.browser()!.newContext();
	const adminPage = await admin.newPage();
	await signIn(adminPage, adminName);
	await adminPage.goto('/admin');
	await adminPage.getByRole('button', { name: `Godkend ${proName}` }).click();
	await expect(adminPage.getByRole('status')).toBeVisible();
	await admin.close();
	await signIn(pro, proName);
	await pro.goto('/fagperson');
	await pro.getByLabel('Klassens navn').fill('Tastaturklassen');
	await pro.getByLabel('Skole, klub eller sted').fill('Herlev Skole');
	await pro.getByLabel('Klassetrin eller alder').fill('8. klasse');
	await pro.getByRole('button', { name: 'Opret en klasse' }).click();
	const code = (await pro.locator('p.code span[aria-hidden]').textContent())!.trim();
	await context.close();
	return code;
}

test.describe('keyboard only', () => {
	test('skip link, then sign in', async ({ browser }) => {
		const setup = await browser.newContext();
		const username = await signUp(await setup.newPage(), 'youth');
		await setup.close();

		const page = await browser.newPage();
		await page.goto('/');
		const skip = page.getByRole('link', { name: 'Gå til indholdet' });
		await press(page, 'Tab', skip, 'first Tab: the skip link');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/#indhold$/);
		// The skip target is the main landmark itself, focused so the next Tab starts there.
		await expect(page.locator('main#indhold')).toBeFocused();
		const firstInMain = page.getByRole('main').getByRole('link').first();
		await press(page, 'Tab', firstInMain, 'Tab after the skip link: first link in main');

		const signInLink = page.getByRole('navigation').getByRole('link', { name: 'Log ind' });
		await pressUntilFocused(page, 'Shift+Tab', signInLink, 'Shift+Tab back to "Log ind"');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/log-ind$/);

		const usernameField = page.getByLabel('Brugernavn');
		await pressUntilFocused(page, 'Tab', usernameField, 'Tab to the username');
		await page.keyboard.type(username);
		const passwordField = page.getByLabel('Adgangskode', { exact: true });
		await press(page, 'Tab', passwordField, 'Tab to the password');
		await page.keyboard.type(PASSWORD);
		await press(
			page,
			'Tab',
			page.getByRole('button', { name: 'Vis adgangskode' }),
			'Tab to show password'
		);
		const submit = page.getByRole('main').getByRole('button', { name: 'Log ind' });
		await press(page, 'Tab', submit, 'Tab to "Log ind"');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/mig$/);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await page.context().close();
	});

	test('the quick-exit button is reached early and leaves with Enter', async ({ page }) => {
		await page.route('https://www.dmi.dk/**', (route) =>
			route.fulfill({ contentType: 'text/html', body: '<title>DMI</title>' })
		);
		await page.goto('/unge/sextortion');
		await press(page, 'Tab', page.getByRole('link', { name: 'Gå til indholdet' }), 'skip link');
		await press(page, 'Tab', page.getByRole('link', { name: 'Sammen på nettet' }), 'site name');
		await press(
			page,
			'Tab',
			page.getByRole('banner').getByRole('link', { name: 'Få hjælp' }),
			'help link'
		);
		const exit = page.getByRole('link', { name: 'Forlad siden hurtigt' });
		await press(page, 'Tab', exit, 'quick exit, the fourth stop');
		await page.keyboard.press('Enter');
		await page.waitForURL('https://www.dmi.dk/');
	});

	test('a quiz with all four question types, in steps with feedback', async ({ page }) => {
		const track = 'unge';
		const slug = 'grooming';
		const questions = readQuiz(track, slug);
		expect(new Set(questions.map((q) => q.type))).toEqual(
			new Set(['single', 'multiple', 'truefalse', 'order'])
		);
		await signUp(page, 'youth');
		await page.goto(`/${track}/${slug}`);
		const checkButton = page.getByRole('button', { name: 'Tjek mit svar' });
		await checkButton.first().waitFor();

		for (const [i, q] of questions.entries()) {
			const step = `question ${i + 1} (${q.type})`;
			const fieldset = page.locator('fieldset.question').nth(i);
			const inputs = fieldset.locator('input, select');
			const first = inputs.first();
			if (i === 0) await pressUntilFocused(page, 'Tab', first, `${step}: Tab to the first option`);
			else await press(page, 'Tab', first, `${step}: Tab from the question to the first option`);

			if (q.type === 'single' || q.type === 'truefalse') {
				const labels = await fieldset.locator('label').allTextContents();
				const correct =
					q.type === 'truefalse'
						? q.answer
							? 'Sandt'
							: 'Falsk'
						: q.options!.find((o) => o.correct)!.text;
				const k = labels.findIndex((l) => l.trim() === correct);
				expect(k, `${step}: the right option is on the page`).toBeGreaterThanOrEqual(0);
				if (k === 0) await page.keyboard.press('Space');
				for (let n = 1; n <= k; n++)
					await press(page, 'ArrowDown', inputs.nth(n), `${step}: ArrowDown to option ${n + 1}`);
				await expect(inputs.nth(k)).toBeChecked();
				// Enter in the form checks the answer, as the form's submit button does (WCAG 3.2.2).
			} else if (q.type === 'multiple') {
				const count = await inputs.count();
				for (let n = 0; n < count; n++) {
					if (n > 0) await press(page, 'Tab', inputs.nth(n), `${step}: Tab to option ${n + 1}`);
					const text = (await fieldset.locator('label').nth(n).textContent())!.trim();
					if (q.options!.find((o) => o.text === text)!.correct) {
						await page.keyboard.press('Space');
						await expect(inputs.nth(n)).toBeChecked();
					}
				}
				await press(page, 'Tab', checkButton.nth(0), `${step}: Tab to "Tjek mit svar"`);
			} else {
				// Ordering: each item has a position list, chosen with the arrow keys.
				const count = await inputs.count();
				for (let n = 0; n < count; n++) {
					if (n > 0) await press(page, 'Tab', inputs.nth(n), `${step}: Tab to item ${n + 1}`);
					const text = (await fieldset.locator('label').nth(n).textContent())!.trim();
					const position = q.items!.findIndex((item) => item.text === text) + 1;
					for (let p = 0; p < position; p++) await page.keyboard.press('ArrowDown');
					await expect(inputs.nth(n), `${step}: item ${n + 1} at position ${position}`).toHaveValue(
						String(position)
					);
					await expectVisibleFocus(inputs.nth(n), `${step}: item ${n + 1} keeps focus`);
				}
				await press(page, 'Tab', checkButton.nth(0), `${step}: Tab to "Tjek mit svar"`);
			}

			await page.keyboard.press('Enter');
			await expect(fieldset.getByText('Rigtigt', { exact: true }), step).toBeVisible();
			// The feedback is focused so a screen reader reads it; it is text, not a control.
			await expect(page.locator(`#feedback-${q.id}`)).toBeFocused();
			const last = i === questions.length - 1;
			const next = fieldset.getByRole('button', {
				name: last ? 'Se mit resultat' : 'Næste spørgsmål'
			});
			await press(page, 'Tab', next, `${step}: Tab to "${last ? 'Se mit resultat' : 'Næste'}"`);
			await page.keyboard.press('Enter');
			if (!last) await expect(page.locator(`#legend-${questions[i + 1].id}`)).toBeFocused();
		}
		const result = page.getByRole('heading', { name: 'Dit resultat' });
		await expect(result).toBeFocused();
		await expect(page.getByRole('status')).toContainText('100 %');
		const retry = page.getByRole('link', { name: 'Prøv quizzen igen' });
		await pressUntilFocused(page, 'Tab', retry, 'Tab from the result to "Prøv igen"');
	});

	test('join a class with a code, creating an account', async ({ browser }) => {
		const code = await classCode(browser);
		const page = await browser.newPage();
		await page.goto('/klasse');
		const codeField = page.getByLabel('Klassekode');
		await pressUntilFocused(page, 'Tab', codeField, 'Tab to the class code');
		await page.keyboard.type(code);
		await press(page, 'Tab', page.getByLabel('Brugernavn'), 'Tab to the username');
		await page.keyboard.type(uniqueName('tast'));
		await press(page, 'Tab', page.getByLabel('Adgangskode', { exact: true }), 'Tab to password');
		await page.keyboard.type(PASSWORD);
		await press(
			page,
			'Tab',
			page.getByRole('button', { name: 'Vis adgangskode' }),
			'Tab to show password'
		);
		const join = page.getByRole('button', { name: 'Deltag' });
		await press(page, 'Tab', join, 'Tab to "Deltag"');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/mig\?klasse=/);
		await expect(page.getByRole('status')).toContainText('Du er nu med i Tastaturklassen.');
		await page.context().close();
	});

	test('join a live session with a code and a nickname, and answer', async ({ browser }) => {
		const { page: pro } = await approvedProfessional(browser);
		await pro.goto('/unge/grooming');
		await pro.getByRole('button', { name: 'Start en live-quiz med dette modul' }).click();
		const code = (await pro.getByTestId('live-code').textContent())!.trim();

		const page = await browser.newPage();
		await page.goto('/live');
		await pressUntilFocused(page, 'Tab', page.getByLabel('Kode (6 cifre)'), 'Tab to the code');
		await page.keyboard.type(code);
		const nickname = page.getByLabel('Kaldenavn');
		await press(page, 'Tab', nickname, 'Tab to the nickname (a suggestion is filled in)');
		await page.keyboard.press('ControlOrMeta+A');
		await page.keyboard.type('Tastatur Tove');
		await press(page, 'Tab', page.getByRole('button', { name: 'Deltag' }), 'Tab to "Deltag"');
		await page.keyboard.press('Enter');
		await expect(page.getByText('Du er med som Tastatur Tove.')).toBeVisible();

		await pro.getByRole('button', { name: 'Start quizzen' }).click();
		const first = readQuiz('unge', 'grooming')[0];
		const options = page.locator('fieldset.question input');
		await pressUntilFocused(page, 'Tab', options.nth(0), 'Tab to the first option');
		const labels = await page.locator('fieldset.question label').allTextContents();
		const right = labels.findIndex((l) => first.options!.find((o) => o.correct)!.text === l.trim());
		// Tab lands on the first option unchecked; Space picks it, arrow keys move and pick.
		if (right === 0) await page.keyboard.press('Space');
		for (let n = 0; n < right; n++) await page.keyboard.press('ArrowDown');
		await expectVisibleFocus(options.nth(right), 'arrow keys move to the right option');
		await expect(options.nth(right)).toBeChecked();
		await pressUntilFocused(
			page,
			'Tab',
			page.getByRole('button', { name: 'Send svar' }),
			'Tab to "Send svar"'
		);
		await page.keyboard.press('Enter');
		await expect(page.getByText('Svar modtaget')).toBeVisible();
		await page.context().close();
		await pro.context().close();
	});
});
