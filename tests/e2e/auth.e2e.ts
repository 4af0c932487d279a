import { expect, test } from '@playwright/test';
import {
	PASSWORD,
	createAdmin,
	expectNoAxeViolations,
	openTestDatabase,
	signIn,
	signOut,
	signUp,
	uniqueName
} from './support/helpers';

test.describe('accounts', () => {
	for (const role of ['youth', 'parent', 'professional'] as const) {
		test(`signs up as ${role}, signs out and in again`, async ({ page }) => {
			const username = await signUp(page, role);
			await expect(page.getByText(`Du er logget ind som ${username}.`)).toBeVisible();
			const pendingNotice = page.getByText('Din fagpersonkonto venter på at blive godkendt');
			if (role === 'professional') await expect(pendingNotice).toBeVisible();
			else await expect(pendingNotice).toHaveCount(0);
			await signOut(page);
			await expect(page.getByText('Du er logget ud.')).toBeVisible();
			await page.goto('/mig');
			await expect(page).toHaveURL(/\/log-ind\?naeste=%2Fmig/);
			await signIn(page, username);
			await expect(page).toHaveURL(/\/mig$/);
		});
	}

	test('sign-up rules give Danish messages and keep what was typed', async ({ page }) => {
		await page.goto('/opret-konto');
		await page.getByLabel('Ung', { exact: true }).check();
		await page.getByLabel('Brugernavn').fill('ab');
		await page.getByLabel('Adgangskode', { exact: true }).fill('password123');
		await page.getByRole('button', { name: 'Opret konto' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'Brugernavnet skal være mellem 3 og 32 tegn.'
		);
		await expect(page.getByRole('alert')).toContainText('Den adgangskode er for nem at gætte.');
		await expect(page.getByLabel('Brugernavn')).toHaveValue('ab');
		await expect(page.getByLabel('Ung', { exact: true })).toBeChecked();
		await expectNoAxeViolations(page);

		const taken = await signUp(page, 'parent');
		await signOut(page);
		await page.goto('/opret-konto');
		await page.getByLabel('Forælder', { exact: true }).check();
		await page.getByLabel('Brugernavn').fill(taken.toUpperCase());
		await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
		await page.getByRole('button', { name: 'Opret konto' }).click();
		await expect(page.getByRole('alert')).toContainText('Brugernavnet er allerede i brug.');
		await expect(page.getByLabel('Brugernavn')).toHaveValue(taken.toUpperCase());
	});

	test('a sign-up form left open in another tab does not make a second account', async ({
		context
	}) => {
		const stale = await context.newPage();
		await stale.goto('/opret-konto');
		const first = await signUp(await context.newPage(), 'youth');

		const second = uniqueName('anden');
		await stale.getByLabel('Ung', { exact: true }).check();
		await stale.getByLabel('Brugernavn').fill(second);
		await stale.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
		await stale.getByRole('button', { name: 'Opret konto' }).click();
		await expect(stale.getByRole('alert')).toContainText(
			'Du er allerede logget ind. Log ud, før du opretter en ny konto.'
		);
		await expect(stale.getByLabel('Brugernavn')).toHaveValue(second);
		await stale.goto('/mig');
		await expect(stale.getByText(`Du er logget ind som ${first}.`)).toBeVisible();
		const db = openTestDatabase();
		expect(db.prepare('select count(*) as n from users where username = ?').get(second)).toEqual({
			n: 0
		});
		db.close();
	});

	test('wrong password: a clear message, username kept', async ({ page }) => {
		const username = await signUp(page, 'youth');
		await signOut(page);
		await signIn(page, username, 'forkert adgangskode');
		await expect(page.getByRole('alert')).toContainText('Brugernavn eller adgangskode er forkert.');
		await expect(page.getByLabel('Brugernavn')).toHaveValue(username);
		await expectNoAxeViolations(page);
	});

	test('ten failed sign-ins lock the username with a message saying when to try again', async ({
		page
	}) => {
		const username = await signUp(page, 'youth');
		await signOut(page);
		for (let i = 0; i < 10; i++) {
			await signIn(page, username, `forkert-${i}-kode`);
			await expect(page.getByRole('alert')).toContainText('forkert');
		}
		await signIn(page, username);
		await expect(page.getByRole('alert')).toContainText(
			/For mange forkerte forsøg\. Prøv igen om lidt \(højst \d+ min\.\)/
		);
		await expect(page).toHaveURL(/\/log-ind/);
		// Even the right password is refused while the limit lasts, with HTTP 429 to a plain form post.
		const response = await page.request.post('/log-ind', {
			form: { username, password: PASSWORD },
			headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status()).toBe(429);
	});

	test('the show/hide toggle reveals the password', async ({ page }) => {
		await page.goto('/log-ind');
		const field = page.getByLabel('Adgangskode', { exact: true });
		await field.fill('hemmelig sætning');
		await expect(field).toHaveAttribute('type', 'password');
		await page.getByRole('button', { name: 'Vis adgangskode' }).click();
		await expect(field).toHaveAttribute('type', 'text');
		await page.getByRole('button', { name: 'Skjul adgangskode' }).click();
		await expect(field).toHaveAttribute('type', 'password');
	});

	test('an administrator approves a pending professional', async ({ browser }) => {
		const proContext = await browser.newContext();
		const pro = await proContext.newPage();
		const proName = await signUp(pro, 'professional');
		await expect(pro.getByText('venter på at blive godkendt')).toBeVisible();
		await pro.goto('/admin');
		await expect(pro.getByRole('heading', { name: 'Siden findes ikke.' })).toBeVisible();

		const adminName = uniqueName('admin');
		createAdmin(adminName);
		const adminContext = await browser.newContext();
		const admin = await adminContext.newPage();
		await signIn(admin, adminName);
		await admin.goto('/admin');
		await expectNoAxeViolations(admin);
		await admin.getByRole('button', { name: `Godkend ${proName}` }).click();
		await expect(admin.getByRole('status')).toContainText(`${proName} er godkendt som fagperson.`);
		await expect(admin.getByRole('button', { name: `Godkend ${proName}` })).toHaveCount(0);

		// Approval changes the role: the professional's old sessions end.
		await pro.goto('/mig');
		await expect(pro).toHaveURL(/\/log-ind/);
		await signIn(pro, proName);
		// The first sign-in after approval lands on the welcome.
		await expect(pro).toHaveURL(/\/fagperson$/);
		await expect(pro.getByRole('heading', { name: 'Velkommen som fagperson' })).toBeVisible();
		await pro.goto('/mig');
		await expect(pro.getByText('Kontotype: Fagperson')).toBeVisible();
		await expect(pro.getByText('venter på at blive godkendt')).toHaveCount(0);
		await proContext.close();
		await adminContext.close();
	});

	test('"sign out everywhere" ends the sessions on other devices', async ({ browser }) => {
		const first = await (await browser.newContext()).newPage();
		const username = await signUp(first, 'parent');
		const second = await (await browser.newContext()).newPage();
		await signIn(second, username);
		await expect(second).toHaveURL(/\/mig$/);
		await second.getByRole('button', { name: 'Log ud på alle enheder' }).click();
		await first.goto('/mig');
		await expect(first).toHaveURL(/\/log-ind/);
	});

	test('data download contains the account; deleting it removes every row', async ({ page }) => {
		const username = await signUp(page, 'youth');
		await page.goto('/unge/digitalt-fodspor');
		const download = page.waitForEvent('download');
		await page.goto('/mig');
		await page.getByRole('link', { name: 'Hent alle mine data (JSON)' }).click();
		const file = await download;
		const data = JSON.parse(
			await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString())
		);
		expect(data.account.username).toBe(username);
		expect(data.account.role).toBe('youth');
		expect(data.progress.map((p: { moduleSlug: string }) => p.moduleSlug)).toContain(
			'digitalt-fodspor'
		);
		expect(JSON.stringify(data)).not.toContain('passwordHash');

		const db = openTestDatabase();
		const userId = (
			db.prepare('select id from users where username = ?').get(username) as { id: string }
		).id;
		db.close();

		await page.getByLabel('Skriv din adgangskode for at bekræfte').fill('forkert');
		await page.getByRole('button', { name: 'Slet min konto for altid' }).click();
		await expect(page.getByRole('alert')).toContainText('Adgangskoden er forkert.');
		await page.getByLabel('Skriv din adgangskode for at bekræfte').fill(PASSWORD);
		await page.getByRole('button', { name: 'Slet min konto for altid' }).click();
		await expect(page.getByRole('status')).toContainText('Din konto og alle dine data er slettet.');

		const after = openTestDatabase();
		const tables = after
			.prepare(
				"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'"
			)
			.all() as { name: string }[];
		for (const { name } of tables) {
			const columns = (after.prepare(`pragma table_info(${name})`).all() as { name: string }[]).map(
				(c) => c.name
			);
			const column = columns.includes('user_id') ? 'user_id' : name === 'users' ? 'id' : null;
			if (!column) continue;
			const { n } = after
				.prepare(`select count(*) as n from ${name} where ${column} = ?`)
				.get(userId) as { n: number };
			expect(n, `rows left in ${name}`).toBe(0);
		}
		const { n } = after
			.prepare(
				'select count(*) as n from attempt_answers where attempt_id not in (select id from quiz_attempts)'
			)
			.get() as { n: number };
		expect(n).toBe(0);
		after.close();
		await signIn(page, username);
		await expect(page.getByRole('alert')).toContainText('Brugernavn eller adgangskode er forkert.');
	});

	test('works without JavaScript: sign up, sign out, sign in', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		const username = await signUp(page, 'parent');
		await signOut(page);
		await signIn(page, username, 'forkert kode her');
		await expect(page.getByRole('alert')).toContainText('Brugernavn eller adgangskode er forkert.');
		await expect(page.getByLabel('Brugernavn')).toHaveValue(username);
		await signIn(page, username);
		await expect(page).toHaveURL(/\/mig$/);
		await context.close();
	});

	test('session cookie is HttpOnly and SameSite=Lax; pages send security headers', async ({
		page,
		context
	}) => {
		await signUp(page, 'youth');
		const cookie = (await context.cookies()).find((c) => c.name === 'session')!;
		expect(cookie.httpOnly).toBe(true);
		expect(cookie.sameSite).toBe('Lax');
		expect(cookie.value).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/);
		const response = await page.goto('/');
		const headers = response!.headers();
		expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
		expect(headers['content-security-policy']).toContain("script-src 'self'");
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	});

	test('a cross-origin form post is refused', async ({ request }) => {
		const response = await request.post('/log-ind', {
			form: { username: 'x', password: 'y' },
			headers: { origin: 'https://evil.example' }
		});
		expect(response.status()).toBe(403);
	});
});
