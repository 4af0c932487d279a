import { expect, test } from '@playwright/test';
import {
	approvedProfessional,
	createAdmin,
	expectAccessibleAtBothWidths,
	printedPages,
	signIn,
	signUp,
	uniqueName
} from './support/helpers';

test.describe('professionals', () => {
	test('a declined professional sees the reason, applies again and is welcomed once approved', async ({
		browser
	}) => {
		const pro = await (await browser.newContext()).newPage();
		// Workplace and municipality are asked for, and checked, only for professionals.
		await pro.goto('/opret-konto');
		await expect(pro.getByLabel('Arbejdsplads')).toBeHidden();
		await pro.getByLabel('Fagperson', { exact: true }).check();
		const name = uniqueName('pro');
		await pro.getByLabel('Brugernavn').fill(name);
		await pro.getByLabel('Adgangskode', { exact: true }).fill('lang sætning om en blå cykel');
		await pro.getByRole('button', { name: 'Opret konto' }).click();
		await expect(pro.getByRole('alert')).toContainText('Skriv, hvor du arbejder.');
		await expect(pro.getByRole('alert')).toContainText('Vælg den kommune, du arbejder i.');
		await expect(pro.getByLabel('Brugernavn')).toHaveValue(name);
		await pro.getByLabel('Arbejdsplads').fill('Kildeskolen');
		await pro.getByLabel('Kommune, du arbejder i').selectOption('Gladsaxe');
		await pro.getByLabel('Adgangskode', { exact: true }).fill('lang sætning om en blå cykel');
		await pro.getByRole('button', { name: 'Opret konto' }).click();
		await expect(pro).toHaveURL(/\/mig$/);
		await pro.getByRole('link', { name: 'Se status for din ansøgning' }).click();
		await expect(pro.getByText('Venter på en administrator')).toBeVisible();

		// The administrator sees what was written and declines with a reason.
		const adminName = uniqueName('adm');
		createAdmin(adminName);
		const admin = await (await browser.newContext()).newPage();
		await signIn(admin, adminName);
		await admin.goto('/admin');
		const application = admin.getByRole('listitem').filter({ hasText: name });
		await expect(application.getByText('Kildeskolen')).toBeVisible();
		await expect(application.getByText('Gladsaxe')).toBeVisible();
		await application.getByRole('button', { name: `Afvis ${name}` }).click();
		await expect(application.getByRole('alert')).toHaveText(
			'Skriv en begrundelse. Ansøgeren kan læse den.'
		);
		await expectAccessibleAtBothWidths(admin);
		const reason = 'Vi kan ikke finde Kildeskolen i Gladsaxe. Skriv skolens fulde navn.';
		await admin.getByLabel(`Begrundelse til ${name}`).fill(reason);
		await admin.getByRole('button', { name: `Afvis ${name}` }).click();
		await expect(admin.getByRole('status')).toContainText(`${name} har fået afslag.`);
		await expect(admin.getByRole('button', { name: `Afvis ${name}` })).toHaveCount(0);

		// The applicant sees the decision and the reason, and may apply again.
		await pro.goto('/fagperson');
		await expect(pro.getByText('Ikke godkendt', { exact: true })).toBeVisible();
		await expect(pro.getByText(reason)).toBeVisible();
		await expectAccessibleAtBothWidths(pro);
		await pro.getByLabel('Arbejdsplads').fill('Kildeskolen, Søborg');
		await pro.getByRole('button', { name: 'Send ansøgningen' }).click();
		await expect(pro.getByRole('status')).toContainText('Din ansøgning er sendt.');
		await expect(pro.getByText('Venter på en administrator')).toBeVisible();
		await expect(pro.getByText(/Lige nu får man typisk svar|for få afgørelser/)).toBeVisible();
		await expectAccessibleAtBothWidths(pro);

		// Approved: the next sign-in lands on a welcome with three first things to do.
		await admin.goto('/admin');
		await expect(admin.getByText('Kildeskolen, Søborg')).toBeVisible();
		await admin.getByRole('button', { name: `Godkend ${name}` }).click();
		await expect(admin.getByRole('status')).toContainText(`${name} er godkendt som fagperson.`);
		await signIn(pro, name);
		await expect(pro).toHaveURL(/\/fagperson$/);
		const welcome = pro.getByRole('region', { name: 'Velkommen som fagperson' });
		await expect(welcome.getByRole('listitem')).toHaveCount(3);
		await expectAccessibleAtBothWidths(pro);
		await welcome.getByRole('button', { name: 'Forstået – skjul velkomsten' }).click();
		await expect(welcome).toHaveCount(0);
		await pro.reload();
		await expect(pro.getByRole('heading', { name: 'Velkommen som fagperson' })).toHaveCount(0);
		await pro.context().close();
		await admin.context().close();
	});

	test('/fagperson/materialer prints a guide, its cards and the page on the duty to notify', async ({
		browser
	}) => {
		const { page } = await approvedProfessional(browser);
		await page.goto('/fagperson');
		await page
			.getByRole('navigation', { name: 'Fagperson' })
			.getByRole('link', { name: 'Materialer' })
			.click();
		await expect(page.getByRole('heading', { level: 1, name: 'Materialer' })).toBeVisible();
		await expectAccessibleAtBothWidths(page);

		// A guide, on one or two A4 pages.
		await page.getByRole('link', { name: /^Pengemuling/ }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: /^Lærervejledning: Pengemuling/ })
		).toBeVisible();
		await expectAccessibleAtBothWidths(page);
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('link', { name: 'Tilbage til materialerne' })).toBeHidden();
		await expect(page.getByRole('heading', { name: 'Lektionsplan (45 minutter)' })).toBeVisible();
		const pages = await printedPages(page);
		expect(pages).toBeGreaterThanOrEqual(1);
		expect(pages).toBeLessThanOrEqual(2);
		await page.emulateMedia({ media: 'screen' });

		// The plan's cards: made-up messages, the answer key on a page of its own.
		await page.getByRole('link', { name: 'Beskeden til Lukas' }).click();
		await expect(page.getByText('hurtige-penge.example/konto')).toBeVisible();
		await expect(page.getByRole('link', { name: 'hurtige-penge.example/konto' })).toHaveCount(0);
		await expect(
			page.getByRole('heading', { name: 'Facit til dig: Beskeden til Lukas' })
		).toBeVisible();
		await expectAccessibleAtBothWidths(page);
		await page.emulateMedia({ media: 'print' });
		expect(await printedPages(page)).toBe(2);
		await page.emulateMedia({ media: 'screen' });

		// Every guide leads to what to do when a pupil tells you something, with the help in the
		// municipality the professional works in (Herlev), and any other one to choose.
		await page.goto('/fagperson/materialer/vejledning/grooming');
		await page
			.getByRole('link', { name: /^Når en elev fortæller dig noget: underretningspligt/ })
			.click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Når en elev fortæller dig noget' })
		).toBeVisible();
		await expect(page.getByText(/barnets lov § 133/)).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Hjælp i Herlev Kommune' })).toBeVisible();
		await page.getByLabel('Kommune', { exact: true }).selectOption('gladsaxe');
		await page.getByRole('button', { name: 'Vis kommunens hjælp' }).click();
		await expect(page.getByRole('heading', { name: 'Hjælp i Gladsaxe Kommune' })).toBeVisible();
		await expectAccessibleAtBothWidths(page);

		// On a module page the professional reads the guide first, and prints it with the page.
		await page.goto('/unge/pengemuling');
		const guide = page.getByRole('heading', {
			level: 2,
			name: 'Lærervejledning (kun for fagpersoner)'
		});
		const lesson = page.getByText('Lektionen, som eleverne ser den');
		await expect(guide).toBeVisible();
		expect((await guide.boundingBox())!.y).toBeLessThan((await lesson.boundingBox())!.y);
		await expect(page.getByRole('button', { name: 'Tjek mit svar' })).toBeHidden();
		await expect(page.getByRole('link', { name: 'Beskeden til Lukas' })).toBeVisible();
		await page.emulateMedia({ media: 'print' });
		await expect(guide).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Lektionsplan (45 minutter)' })).toBeVisible();
		await page.emulateMedia({ media: 'screen' });
		await page.getByText('Quizzen, som eleverne ser den').click();
		await expect(page.getByRole('button', { name: 'Tjek mit svar' }).first()).toBeVisible();

		// A professional waiting for approval has no materials.
		const waiting = await (await browser.newContext()).newPage();
		await signUp(waiting, 'professional');
		expect((await waiting.goto('/fagperson/materialer'))!.status()).toBe(404);
		await waiting.context().close();
		await page.context().close();
	});
});
