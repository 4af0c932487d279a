import { expect, test } from '@playwright/test';
import { rmSync } from 'node:fs';
import { OwnServer, freePort } from './support/own-server';
import {
	answerQuiz,
	chooseLanguage,
	expectNoAxeViolations,
	signIn,
	signUp,
	uniqueName
} from './support/helpers';

test.describe('the site shell', () => {
	const publicPages = [
		'/',
		'/unge',
		'/foraeldre',
		'/hjaelp',
		'/privatliv',
		'/tilgaengelighed',
		'/log-ind',
		'/opret-konto',
		'/findes-ikke'
	];

	for (const width of [320, 1280]) {
		test(`public pages have no axe violations at ${width} px`, async ({ page }) => {
			await page.setViewportSize({ width, height: 900 });
			for (const path of publicPages) {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('lang', 'da');
				await expectNoAxeViolations(page);
				// Nothing wider than the screen at 320 px (WCAG reflow).
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - window.innerWidth
				);
				expect(overflow, `horizontal scroll on ${path}`).toBeLessThanOrEqual(0);
			}
		});
	}

	test('signed-in pages have no axe violations', async ({ page }) => {
		await signUp(page, 'youth');
		for (const path of ['/mig', '/unge', '/log-ud']) {
			await page.goto(path);
			await expectNoAxeViolations(page);
		}
	});

	test('help is one click away from every page, and the skip link works', async ({ page }) => {
		for (const path of ['/', '/unge/sextortion', '/log-ind']) {
			await page.goto(path);
			await expect(
				page.getByRole('banner').getByRole('link', { name: 'Få hjælp' })
			).toHaveAttribute('href', '/hjaelp');
		}
		await page.goto('/');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Gå til indholdet' });
		await expect(skip).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/#indhold$/);
	});

	test('the help page lists emergency numbers first and each service with its source', async ({
		page
	}) => {
		await page.goto('/hjaelp');
		const emergency = page.getByRole('region', { name: 'Er nogen i fare lige nu?' });
		await expect(emergency.getByRole('link', { name: /112/ })).toHaveAttribute('href', 'tel:112');
		await expect(page.getByText('Oplysningerne er sidst tjekket')).toBeVisible();
		const services = page
			.getByRole('region', { name: 'Her kan du få hjælp' })
			.getByRole('listitem')
			.filter({ has: page.getByRole('heading') });
		expect(await services.count()).toBeGreaterThanOrEqual(5);
		for (const service of await services.all())
			await expect(service.getByText('Kilde:')).toBeVisible();
	});

	test('quick exit leaves for a neutral site on click and on Escape pressed twice', async ({
		page
	}) => {
		await page.goto('/unge/sextortion');
		const exit = page.getByRole('link', { name: 'Forlad siden hurtigt' });
		await expect(exit).toHaveAttribute('href', 'https://www.dmi.dk/');
		await page.waitForLoadState('networkidle');
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');
		// The neutral host cannot be reached from the test machine (the navigation fails, so
		// waitForURL would throw); leaving localhost is what counts.
		await expect.poll(() => page.url()).not.toMatch(/^http:\/\/localhost/);
		await page.goto('/unge/sextortion');
		await page.waitForLoadState('networkidle');
		await exit.click();
		await expect.poll(() => page.url()).not.toMatch(/^http:\/\/localhost/);
	});

	test('the language chooser shows the interface in English and back', async ({ page }) => {
		await page.goto('/unge');
		await chooseLanguage(page, 'English');
		await expect(page).toHaveURL(/\/unge$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('link', { name: 'Get help' }).first()).toBeVisible();
		await page.goto('/unge/sextortion');
		await expect(
			page.getByText('This module has not been translated into your language yet')
		).toBeVisible();
		await expectNoAxeViolations(page);
		await chooseLanguage(page, 'Dansk');
		await expect(page.locator('html')).toHaveAttribute('lang', 'da');
	});

	test('/healthz answers with JSON when the database answers', async ({ request }) => {
		const response = await request.get('/healthz');
		expect(response.status()).toBe(200);
		expect(await response.json()).toMatchObject({ status: 'ok', database: 'ok' });
	});

	test('no request leaves this host', async ({ page }) => {
		const foreign: string[] = [];
		page.on('request', (r) => {
			if (!r.url().startsWith('http://localhost:')) foreign.push(r.url());
		});
		await signUp(page, 'youth');
		for (const path of ['/', '/unge', '/unge/grooming', '/hjaelp', '/mig']) await page.goto(path);
		expect(foreign).toEqual([]);
	});

	test('a session and a quiz result survive a server restart', async ({ browser }) => {
		const database = 'test-results/restart/sammen.db';
		rmSync('test-results/restart', { recursive: true, force: true });
		const server = new OwnServer(await freePort(), database);
		await server.start();
		try {
			const context = await browser.newContext({ baseURL: server.url });
			const page = await context.newPage();
			const username = await signUp(page, 'youth', uniqueName('restart'));
			await page.goto('/unge/digitalt-fodspor');
			await answerQuiz(page, 'unge', 'digitalt-fodspor', { stepwise: true });
			await server.stop();
			await server.start();
			await page.goto('/mig');
			await expect(page.getByText(`Du er logget ind som ${username}.`)).toBeVisible();
			await page.goto('/unge');
			await expect(
				page
					.getByRole('listitem')
					.filter({ hasText: 'Dit digitale fodspor' })
					.getByText(/Gennemført – 100 %/)
			).toBeVisible();
			await context.close();
			const again = await (await browser.newContext({ baseURL: server.url })).newPage();
			await signIn(again, username);
			await expect(again).toHaveURL(/\/mig$/);
		} finally {
			await server.stop();
		}
	});
});
