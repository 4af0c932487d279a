import { expect, request, test } from '@playwright/test';
import { actionInventory, routeInventory } from './support/route-inventory';
import { PASSWORD } from './support/helpers';
import {
	BASE_URL,
	actionUrl,
	classRow,
	createClassApi,
	endpointMethods,
	exampleParamsPath,
	postForm,
	signUpApi,
	adminApi,
	approve
} from './support/security-fixtures';

/**
 * SvelteKit refuses form posts whose Origin is not the site's own (csrf.checkOrigin). Every form
 * action and every endpoint that takes POST is tried, from the inventory, so a new one is covered
 * without touching this file.
 */
const EVIL = 'http://evil.example';
const FORBIDDEN = 'Cross-site POST form submissions are forbidden';

function postTargets(): string[] {
	const targets = actionInventory().map(({ routeId, action }) =>
		actionUrl(exampleParamsPath(routeId), action)
	);
	for (const route of routeInventory())
		if (route.kind === 'endpoint' && endpointMethods(route.id).includes('POST'))
			targets.push(exampleParamsPath(route.id));
	return targets;
}

test.describe('cross-origin form posts', () => {
	test('every action and POST endpoint refuses a form from another origin with 403', async () => {
		const targets = postTargets();
		expect(targets.length).toBeGreaterThanOrEqual(actionInventory().length);
		// No Origin at all, and the opaque origin of a sandboxed frame or a data: page.
		const origins = [EVIL, 'null', undefined];
		const evil = await request.newContext({ baseURL: BASE_URL, maxRedirects: 0 });
		const same = await request.newContext({
			baseURL: BASE_URL,
			maxRedirects: 0,
			extraHTTPHeaders: { origin: BASE_URL }
		});
		const refused: string[] = [];
		const reached: string[] = [];
		for (const target of targets) {
			for (const origin of origins) {
				const response = await evil.post(target, {
					form: { username: 'x', password: 'y' },
					headers: { accept: 'text/html', ...(origin ? { origin } : {}) }
				});
				if (response.status() !== 403 || !(await response.text()).includes(FORBIDDEN))
					refused.push(`${target} from ${origin ?? 'no origin'}: ${response.status()}`);
			}
			// The control: the same post from the site itself reaches the action.
			const control = await same.post(target, {
				form: { username: 'x', password: 'y' },
				headers: { accept: 'text/html' }
			});
			if (control.status() === 403) reached.push(`${target}: same-origin got 403`);
		}
		expect(refused, 'cross-origin posts that were not refused').toEqual([]);
		expect(reached, 'same-origin posts refused (the test could not tell them apart)').toEqual([]);
		await evil.dispose();
		await same.dispose();
	});

	test('every form encoding a browser can send cross-site is refused', async () => {
		const evil = await request.newContext({ baseURL: BASE_URL, maxRedirects: 0 });
		const bodies = [
			{ contentType: 'application/x-www-form-urlencoded', data: 'username=x&password=y' },
			{
				contentType: 'multipart/form-data; boundary=b',
				data: '--b\r\nContent-Disposition: form-data; name="username"\r\n\r\nx\r\n--b--\r\n'
			},
			{ contentType: 'text/plain', data: 'username=x' }
		];
		for (const { contentType, data } of bodies) {
			const response = await evil.post('/log-ind', {
				data,
				headers: { 'content-type': contentType, origin: EVIL, accept: 'text/html' }
			});
			expect(response.status(), contentType).toBe(403);
		}
		await evil.dispose();
	});

	test('a signed-in person’s cookie does not make a cross-site post work', async () => {
		const admin = await adminApi();
		const pro = await approve(admin, await signUpApi('professional'));
		const { id } = await createClassApi(pro);
		const youth = await signUpApi('youth');

		// The same cookies, but the request comes from another site.
		const cookies = await pro.client.storageState();
		const evilPro = await request.newContext({
			baseURL: BASE_URL,
			maxRedirects: 0,
			storageState: cookies
		});
		const archive = await evilPro.post(actionUrl(`/fagperson/klasser/${id}`, 'arkiver'), {
			form: {},
			headers: { origin: EVIL, accept: 'text/html' }
		});
		expect(archive.status()).toBe(403);
		expect(classRow(id).archived_at).toBeNull();

		const evilYouth = await request.newContext({
			baseURL: BASE_URL,
			maxRedirects: 0,
			storageState: await youth.client.storageState()
		});
		const remove = await evilYouth.post(actionUrl('/mig', 'slet'), {
			form: { deletePassword: PASSWORD },
			headers: { origin: EVIL, accept: 'text/html' }
		});
		expect(remove.status()).toBe(403);
		expect((await youth.client.get('/mig')).status()).toBe(200);

		// Control: the same posts from the site itself do what they say.
		expect((await postForm(pro.client, `/fagperson/klasser/${id}`, 'arkiver', {})).status()).toBe(
			200
		);
		expect(classRow(id).archived_at).not.toBeNull();
		const removed = await postForm(youth.client, '/mig', 'slet', { deletePassword: PASSWORD });
		expect(removed.status()).toBe(303);
		expect(removed.headers().location).toBe('/?konto-slettet');

		for (const c of [evilPro, evilYouth, pro.client, youth.client, admin.client]) await c.dispose();
	});
});
