import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/helpers';

test.describe('help in the reader’s municipality', () => {
	test('a visitor picks a municipality without JavaScript; the choice is remembered and can be changed with it', async ({
		browser
	}) => {
		const noScript = await browser.newContext({ javaScriptEnabled: false });
		const page = await noScript.newPage();
		await page.goto('/hjaelp');
		const local = page.locator('#kommune');
		await expect(local.getByRole('heading', { name: 'Hjælp i din kommune' })).toBeVisible();
		await expect(local.getByRole('heading', { name: /^Hjælp i .* Kommune$/ })).toHaveCount(0);

		await page.getByLabel('Din kommune', { exact: true }).selectOption({ label: 'Herlev Kommune' });
		await page.getByRole('button', { name: 'Vis hjælpen' }).click();
		await expect(page).toHaveURL(/\/hjaelp#kommune$/);
		await expect(local.getByRole('heading', { name: 'Hjælp i Herlev Kommune' })).toBeVisible();
		await expect(local.getByRole('heading', { name: 'SSP Herlev (testdata)' })).toBeVisible();
		await expect(local.getByText('Sidst kontrolleret 2. december 2026')).toHaveCount(2);

		// Remembered on the next visit, and the list shows the choice.
		await page.goto('/hjaelp');
		await expect(local.getByRole('heading', { name: 'Hjælp i Herlev Kommune' })).toBeVisible();
		await expect(page.getByLabel('Din kommune', { exact: true })).toHaveValue('herlev');
		await noScript.close();

		// With JavaScript the same form changes the choice in place, and "forget" clears it.
		const context = await browser.newContext();
		const js = await context.newPage();
		await js.goto('/hjaelp');
		await js.getByLabel('Din kommune', { exact: true }).selectOption({ label: 'Gladsaxe Kommune' });
		await js.getByRole('button', { name: 'Vis hjælpen' }).click();
		await expect(js.getByRole('heading', { name: 'Hjælp i Gladsaxe Kommune' })).toBeVisible();
		expect((await context.cookies()).find((c) => c.name === 'kommune')).toMatchObject({
			value: 'gladsaxe',
			httpOnly: true,
			sameSite: 'Lax'
		});
		await expectNoAxeViolations(js);
		await js.getByRole('button', { name: 'Glem mit valg' }).click();
		await expect(js.getByRole('heading', { name: 'Hjælp i Gladsaxe Kommune' })).toHaveCount(0);
		expect((await context.cookies()).some((c) => c.name === 'kommune')).toBe(false);

		// A forged choice gets a Danish message, not a 500.
		const response = await js.request.post('/hjaelp?/kommune', {
			form: { kommune: 'gotham' },
			headers: { origin: new URL(js.url()).origin, accept: 'text/html' }
		});
		expect(response.status()).toBe(400);
		expect(await response.text()).toContain('Vælg en kommune fra listen.');
		await context.close();
	});
});
