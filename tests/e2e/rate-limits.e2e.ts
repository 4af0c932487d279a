import { expect, request, test, type APIResponse } from '@playwright/test';
import { rmSync } from 'node:fs';
import { PASSWORD } from './support/helpers';
import { freePort } from './support/own-server';
import {
	adminApi,
	apiClient,
	approve,
	createClassApi,
	postForm,
	signUpApi
} from './support/security-fixtures';
import { startServer, stopServer } from './support/security-server';

/**
 * Guessing is limited: passwords per username, class codes and family codes per person, class
 * codes per address. Limits live in the server's memory, so each test uses accounts of its own;
 * the per-address limit is exhausted on a server of its own so the rest of the suite can go on.
 */

/** The visible error of a form page rendered without JavaScript. */
async function formError(response: APIResponse): Promise<string> {
	const html = await response.text();
	return [...html.matchAll(/<p[^>]*class="field-error"[^>]*>([\s\S]*?)<\/p>/g)]
		.map((m) =>
			m[1]
				.replace(/<[^>]+>/g, '')
				.replace(/\s+/g, ' ')
				.trim()
		)
		.join(' | ');
}

async function attempts(
	n: number,
	send: () => Promise<APIResponse>
): Promise<{ status: number; error: string }[]> {
	const results = [];
	for (let i = 0; i < n; i++) {
		const response = await send();
		results.push({ status: response.status(), error: await formError(response) });
	}
	return results;
}

test.describe('rate limits', () => {
	test('sign-in: the 11th wrong password for a username gets 429 and a Danish message', async () => {
		const target = await signUpApi('youth');
		const other = await signUpApi('youth');
		const client = await apiClient();
		const wrong = () =>
			postForm(client, '/log-ind', 'default', {
				username: target.username,
				password: 'forkert adgangskode igen'
			});
		const first = await attempts(10, wrong);
		expect(first.map((r) => r.status)).toEqual(Array(10).fill(400));
		expect(first[0].error).toBe('Brugernavn eller adgangskode er forkert.');
		const [eleventh] = await attempts(1, wrong);
		expect(eleventh.status).toBe(429);
		expect(eleventh.error).toMatch(
			/^For mange forkerte forsøg\. Prøv igen om lidt \(højst 1[45] min\.\)\.$/
		);
		// Locked: the right password does not help now, and letter case does not get around it.
		const right = await postForm(client, '/log-ind', 'default', {
			username: target.username.toUpperCase(),
			password: PASSWORD
		});
		expect(right.status()).toBe(429);
		// Another person on the same address signs in as usual.
		const fine = await postForm(client, '/log-ind', 'default', {
			username: other.username,
			password: PASSWORD
		});
		expect(fine.status()).toBe(303);
		for (const c of [client, target.client, other.client]) await c.dispose();
	});

	test('class code: a signed-in young person gets 429 after 10 wrong codes; others still join', async () => {
		const admin = await adminApi();
		const pro = await approve(admin, await signUpApi('professional'));
		const made = await createClassApi(pro);
		const guesser = await signUpApi('youth');
		const wrong = () => postForm(guesser.client, '/klasse', 'default', { code: 'ZZZZZZ' });
		const first = await attempts(10, wrong);
		expect(first.map((r) => r.status)).toEqual(Array(10).fill(400));
		expect(first[0].error).toMatch(/^Vi kan ikke finde en klasse med den kode\./);
		const [eleventh] = await attempts(1, wrong);
		expect(eleventh.status).toBe(429);
		expect(eleventh.error).toMatch(
			/^For mange forkerte koder\. Prøv igen om lidt \(højst 1[45] min\.\)\.$/
		);
		const right = await postForm(guesser.client, '/klasse', 'default', { code: made.code });
		expect(right.status()).toBe(429);

		const classmate = await signUpApi('youth');
		const joined = await postForm(classmate.client, '/klasse', 'default', { code: made.code });
		expect(joined.status()).toBe(303);
		expect(joined.headers().location).toMatch(/^\/mig\?klasse=/);
		for (const a of [admin, pro, guesser, classmate]) await a.client.dispose();
	});

	test('family code: a parent gets 429 after 10 wrong codes', async () => {
		const parent = await signUpApi('parent');
		const wrong = () =>
			postForm(parent.client, '/mig', 'familieTilknyt', { familyCode: 'AAAA-BBBB' });
		const first = await attempts(10, wrong);
		expect(first.map((r) => r.status)).toEqual(Array(10).fill(400));
		expect(first[0].error).toMatch(/^Koden virker ikke\./);
		const [eleventh] = await attempts(1, wrong);
		expect(eleventh.status).toBe(429);
		expect(eleventh.error).toMatch(
			/^For mange forsøg\. Prøv igen om lidt \(højst 1[45] min\.\)\.$/
		);
		await parent.client.dispose();
	});

	test('class code: one address gets 429 after 100 wrong codes (on a server of its own)', async () => {
		const port = await freePort();
		rmSync('test-results/limits', { recursive: true, force: true });
		const server = await startServer(port, 'test-results/limits/sammen.db');
		const base = `http://localhost:${port}`;
		const client = await request.newContext({
			baseURL: base,
			extraHTTPHeaders: { origin: base },
			maxRedirects: 0
		});
		try {
			// Visitors without accounts: only the address is counted.
			const first = await attempts(100, () =>
				postForm(client, '/klasse', 'default', { code: 'ZZZZZZ', username: '', password: '' })
			);
			expect(first.filter((r) => r.status !== 400)).toEqual([]);
			const [limited] = await attempts(1, () =>
				postForm(client, '/klasse', 'default', { code: 'ZZZZZZ', username: '', password: '' })
			);
			expect(limited.status).toBe(429);
			expect(limited.error).toMatch(/^For mange forkerte koder\./);
		} finally {
			await client.dispose();
			await stopServer(server);
		}
	});
});
