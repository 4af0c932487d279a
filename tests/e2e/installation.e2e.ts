import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/helpers';

test.describe('the installation’s settings file', () => {
	test('names who runs the site in the footer and who is responsible on the privacy notice', async ({
		page,
		request
	}) => {
		await page.goto('/');
		const footer = page.getByRole('contentinfo');
		await expect(
			footer.getByText('Siden drives af Testkommunernes Fællessekretariat.')
		).toBeVisible();
		await expect(footer.getByRole('link', { name: 'sammen@test.example' })).toHaveAttribute(
			'href',
			'mailto:sammen@test.example'
		);
		await expect(footer.getByRole('link', { name: '12 34 56 78' })).toHaveAttribute(
			'href',
			'tel:+4512345678'
		);

		await footer.getByRole('link', { name: 'Privatliv' }).click();
		const responsible = page.getByRole('region', { name: 'Hvem er ansvarlig for dine data?' });
		await expect(responsible).toContainText(
			'Testkommunernes Fællessekretariat, Testvej 1, 2730 Herlev'
		);
		await expect(responsible).toContainText('Testsekretariatets databeskyttelsesrådgiver');
		await expect(responsible.getByRole('link', { name: 'dpo@test.example' })).toBeVisible();
		await expect(responsible).toContainText('Herlev og Gladsaxe');
		await expectNoAxeViolations(page);

		// Serving two municipalities, the help page waits for the visitor to choose one.
		await page.goto('/hjaelp');
		await expect(page.getByRole('heading', { name: /^Hjælp i .* Kommune$/ })).toHaveCount(0);

		const health = await (await request.get('/healthz')).json();
		expect(health.version).toMatch(/^[0-9a-f]{12}(-dirty)?$/);
		expect(health.replication).toBeUndefined();
	});
});
