import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { E2E_DATABASE } from '../../playwright.config';
import {
	PASSWORD,
	createAdmin,
	expectNoAxeViolations,
	openTestDatabase,
	signIn,
	signUp,
	uniqueName
} from './support/helpers';

const NOTE = 'Hvis du ikke bruger din konto i 18 måneder, sletter vi den og alle dine data.';

function lastActiveAt(username: string): number {
	const db = openTestDatabase();
	try {
		const row = db.prepare('select last_active_at t from users where username = ?').get(username);
		return (row as { t: number } | undefined)?.t ?? -1;
	} finally {
		db.close();
	}
}

/** Pretends the account was last used at `time` (the test's stand-in for waiting 18 months). */
function setLastActiveAt(username: string, time: number): void {
	const db = new Database(E2E_DATABASE);
	try {
		db.prepare('update users set last_active_at = ? where username = ?').run(time, username);
	} finally {
		db.close();
	}
}

function retentionRun(...args: string[]): string {
	return execFileSync(process.execPath, ['--import', 'tsx', 'scripts/retention-run.ts', ...args], {
		env: { ...process.env, DATABASE_URL: E2E_DATABASE },
		encoding: 'utf8'
	});
}

test.describe('retention', () => {
	test('/mig and the privacy notice say that unused accounts are deleted after 18 months', async ({
		page
	}) => {
		await signUp(page, 'youth');
		await expect(page.getByText(NOTE)).toBeVisible();
		await expectNoAxeViolations(page);
		await page.goto('/privatliv');
		await expect(page.getByRole('heading', { name: 'Hvor længe vi gemmer det' })).toBeVisible();
		await expect(page.getByText(/ikke har brugt din konto i 18 måneder/)).toBeVisible();
	});

	test('an administrator, who is never deleted, is not shown the note', async ({ page }) => {
		const admin = uniqueName('adm');
		createAdmin(admin);
		await signIn(page, admin);
		await page.goto('/mig');
		await expect(page.getByRole('heading', { name: 'Dine data' })).toBeVisible();
		await expect(page.getByText(NOTE)).toHaveCount(0);
	});

	test('signing in and using the site count as activity', async ({ page }) => {
		const username = await signUp(page, 'parent');
		const longAgo = Date.UTC(2024, 0, 1);

		setLastActiveAt(username, longAgo);
		await page.goto('/unge');
		expect(lastActiveAt(username)).toBeGreaterThan(Date.now() - 60_000);

		// The sign-in itself, not the page after it: the redirect is not followed.
		await page.context().clearCookies();
		setLastActiveAt(username, longAgo);
		const response = await page.request.post('/log-ind', {
			form: { username, password: PASSWORD },
			headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status()).toBe(303);
		expect(lastActiveAt(username)).toBeGreaterThan(Date.now() - 60_000);
	});

	test('npm run retention:run deletes an unused account: dry run first, then for real', async ({
		page
	}) => {
		const username = await signUp(page, 'youth');
		setLastActiveAt(username, Date.UTC(2020, 0, 1));
		expect(retentionRun('--dry-run')).toMatch(
			/^Prøvekørsel: [1-9]\d* kont[oi] .* Intet er slettet\./
		);
		expect(lastActiveAt(username)).toBe(Date.UTC(2020, 0, 1));

		expect(retentionRun()).toMatch(/^[1-9]\d* kont[oi], der ikke er brugt siden .* er slettet/);
		expect(lastActiveAt(username)).toBe(-1);
		// The session went with the account.
		await page.goto('/mig');
		await expect(page).toHaveURL(/\/log-ind/);
		await signIn(page, username, PASSWORD);
		await expect(page.locator('#password-error')).toHaveText(
			'Brugernavn eller adgangskode er forkert.'
		);
	});
});
