import { expect, request, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { freePort } from './support/own-server';
import { startServer, stopServer } from './support/security-server';
import { PASSWORD, uniqueName } from './support/helpers';
import { routeInventory } from './support/route-inventory';
import {
	adminApi,
	apiClient,
	approve,
	assignApi,
	createAgreementSetApi,
	createClassApi,
	createPollApi,
	createMeasureApi,
	createThemeDayApi,
	endpointMethods,
	linkFamilyApi,
	signUpApi,
	startLiveApi,
	streamStatus,
	postAction,
	type Account
} from './support/security-fixtures';

type Who = 'visitor' | 'youth' | 'parent' | 'pro' | 'coordinator' | 'admin';
type World = {
	accounts: Record<Exclude<Who, 'visitor'>, Account>;
	classPath: string;
	link: number;
	live: { path: string; code: string };
	themeDay: { path: string; slug: string };
	poll: { path: string; code: string };
	agreements: { path: string; code: string };
	measure: { path: string; code: string };
};

/** For every page: who sees it (with a 200) and where. A new page needs a row here. */
const PAGES: Record<string, { who: Who; path: (w: World) => string }> = {
	'/': { who: 'visitor', path: () => '/' },
	'/[track=track]': { who: 'youth', path: () => '/unge' },
	'/[track=track]/[modul]': { who: 'visitor', path: () => '/foraeldre/tal-med-dit-barn' },
	'/[track=track]/[modul]/trin/[trin=step]': {
		who: 'visitor',
		path: () => '/foraeldre/tal-med-dit-barn/trin/2'
	},
	'/[track=track]/bevis': { who: 'youth', path: () => '/unge/bevis' },
	'/[track=track]/oev/[scenario]': { who: 'visitor', path: () => '/unge/oev/oev-sofie' },
	'/admin': { who: 'admin', path: () => '/admin' },
	'/fagperson': { who: 'pro', path: () => '/fagperson' },
	'/fagperson/klasser/[id]': { who: 'pro', path: (w) => w.classPath },
	'/fagperson/materialer': { who: 'pro', path: () => '/fagperson/materialer' },
	'/fagperson/materialer/kort/[slug]': {
		who: 'pro',
		path: () => '/fagperson/materialer/kort/beskeden-til-lukas'
	},
	'/fagperson/materialer/underretning': {
		who: 'pro',
		path: () => '/fagperson/materialer/underretning'
	},
	'/fagperson/materialer/vejledning/[slug]': {
		who: 'pro',
		path: () => '/fagperson/materialer/vejledning/grooming'
	},
	'/fagperson/klasser/[id]/analyse/[modul]': {
		who: 'pro',
		path: (w) => `${w.classPath}/analyse/grooming`
	},
	'/fagperson/live': { who: 'pro', path: () => '/fagperson/live' },
	'/fagperson/maalinger': { who: 'pro', path: () => '/fagperson/maalinger' },
	'/fagperson/maalinger/[id]': { who: 'pro', path: (w) => w.measure.path },
	'/koordinator': { who: 'coordinator', path: () => '/koordinator' },
	'/koordinator/udskrift': { who: 'coordinator', path: () => '/koordinator/udskrift' },
	'/maaling': { who: 'visitor', path: () => '/maaling' },
	'/maaling/[kode]': { who: 'visitor', path: (w) => `/maaling/${w.measure.code}` },
	'/fagperson/temadage': { who: 'pro', path: () => '/fagperson/temadage' },
	'/fagperson/temadage/ny': { who: 'pro', path: () => '/fagperson/temadage/ny' },
	'/fagperson/temadage/[id]': { who: 'pro', path: (w) => w.themeDay.path },
	'/fagperson/temadage/[id]/drejebog': { who: 'pro', path: (w) => `${w.themeDay.path}/drejebog` },
	'/fagperson/stemmer': { who: 'pro', path: () => '/fagperson/stemmer' },
	'/fagperson/stemmer/[id]': { who: 'pro', path: (w) => w.poll.path },
	'/stemmer/[kode]': { who: 'visitor', path: (w) => `/stemmer/${w.poll.code}` },
	'/fagperson/aftaler': { who: 'pro', path: () => '/fagperson/aftaler' },
	'/fagperson/aftaler/[id]': { who: 'pro', path: (w) => w.agreements.path },
	'/aftaler/[kode]': { who: 'visitor', path: (w) => `/aftaler/${w.agreements.code}` },
	'/dilemmaer': { who: 'visitor', path: () => '/dilemmaer' },
	'/temadage': { who: 'visitor', path: () => '/temadage' },
	'/temadage/[slug]': { who: 'pro', path: (w) => `/temadage/${w.themeDay.slug}` },
	'/fagperson/live/[id]': { who: 'pro', path: (w) => w.live.path },
	'/fagperson/live/[id]/skaerm': { who: 'pro', path: (w) => `${w.live.path}/skaerm` },
	'/live': { who: 'visitor', path: () => '/live' },
	'/live/[kode]': { who: 'visitor', path: (w) => `/live/${w.live.code}` },
	'/foraeldre/samtalekort': { who: 'parent', path: () => '/foraeldre/samtalekort' },
	'/foraeldre/samtalekort/[modul]': {
		who: 'visitor',
		path: () => '/foraeldre/samtalekort/grooming'
	},
	'/hjaelp': { who: 'visitor', path: () => '/hjaelp' },
	'/klasse': { who: 'visitor', path: () => '/klasse' },
	'/log-ind': { who: 'visitor', path: () => '/log-ind' },
	'/log-ud': { who: 'youth', path: () => '/log-ud' },
	'/mig': { who: 'youth', path: () => '/mig' },
	'/mig/familie/[link]': { who: 'parent', path: (w) => `/mig/familie/${w.link}` },
	'/nulstil': { who: 'visitor', path: () => '/nulstil' },
	'/opret-konto': { who: 'visitor', path: () => '/opret-konto' },
	'/privatliv': { who: 'visitor', path: () => '/privatliv' },
	'/tilgaengelighed': { who: 'visitor', path: () => '/tilgaengelighed' }
};

/** Endpoints: method, who, where and the status they answer with. */
const ENDPOINTS: Record<
	string,
	{ who: Who; path: (w: World) => string; status: number; stream?: boolean }
> = {
	'GET /fagperson/live/[id]/strom': {
		who: 'pro',
		path: (w) => `${w.live.path}/strom`,
		status: 200,
		stream: true
	},
	'GET /live/[kode]/strom': {
		who: 'visitor',
		path: (w) => `/live/${w.live.code}/strom`,
		status: 200,
		stream: true
	},
	'GET /fagperson/klasser/[id]/csv': { who: 'pro', path: (w) => `${w.classPath}/csv`, status: 200 },
	'GET /temadage/[slug]/kalender.ics': {
		who: 'pro',
		path: (w) => `/temadage/${w.themeDay.slug}/kalender.ics`,
		status: 200
	},
	'GET /healthz': { who: 'visitor', path: () => '/healthz', status: 200 },
	'GET /koordinator/csv': { who: 'coordinator', path: () => '/koordinator/csv', status: 200 },
	'GET /indhold/[...path]': {
		who: 'visitor',
		path: () => '/indhold/da/unge/grooming/findes-ikke.png',
		status: 404
	},
	'GET /mig/data': { who: 'youth', path: () => '/mig/data', status: 200 },
	'POST /sprog': { who: 'visitor', path: () => '/sprog', status: 303 }
};

function directives(csp: string): Map<string, string[]> {
	return new Map(
		csp
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...values]) => [name, values])
	);
}

/** The headers every response must carry, whatever it is. */
function commonProblems(response: APIResponse): string[] {
	const h = response.headers();
	const problems: string[] = [];
	if (h['x-content-type-options'] !== 'nosniff') problems.push('nosniff missing');
	if (h['referrer-policy'] !== 'strict-origin-when-cross-origin')
		problems.push(`Referrer-Policy ${h['referrer-policy']}`);
	const csp = directives(h['content-security-policy'] ?? '');
	if (csp.get('frame-ancestors')?.join(' ') !== "'none'")
		problems.push(`frame-ancestors ${csp.get('frame-ancestors')}`);
	return problems;
}

/** What a page's policy must say: scripts only from here or by their hash, nothing else inline. */
function pageProblems(response: APIResponse): string[] {
	const problems = commonProblems(response);
	const csp = directives(response.headers()['content-security-policy'] ?? '');
	const script = csp.get('script-src') ?? csp.get('default-src') ?? [];
	if (!script.length) problems.push('no script-src');
	for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:'])
		if (script.includes(bad)) problems.push(`script-src allows ${bad}`);
	if (!script.every((s) => s === "'self'" || /^'sha256-[A-Za-z0-9+/=]+'$/.test(s)))
		problems.push(`script-src ${script.join(' ')}`);
	if ((csp.get('style-src') ?? []).includes("'unsafe-inline'")) problems.push('style-src inline');
	if (csp.get('object-src')?.join(' ') !== "'none'") problems.push('object-src');
	if (!["'self'", "'none'"].includes(csp.get('base-uri')?.join(' ') ?? ''))
		problems.push('base-uri');
	if (csp.get('form-action')?.join(' ') !== "'self'") problems.push('form-action');
	if (csp.get('default-src')?.join(' ') !== "'self'") problems.push('default-src');
	if (response.headers()['x-frame-options'] !== 'DENY') problems.push('X-Frame-Options');
	return problems;
}

test.describe.serial('security headers and cookies', () => {
	let w: World;
	const clients = {} as Record<Who, APIRequestContext>;

	test.beforeAll(async () => {
		test.setTimeout(60_000);
		const admin = await adminApi();
		const pro = await approve(admin, await signUpApi('professional'));
		const youth = await signUpApi('youth');
		const parent = await signUpApi('parent');
		const link = await linkFamilyApi(youth, parent);
		const coordinator = await approve(admin, await signUpApi('coordinator'));
		const made = await createClassApi(pro);
		const assignment = await assignApi(pro, made.id, 'grooming');
		const measure = await createMeasureApi(pro, assignment);
		const live = await startLiveApi(pro);
		const visitor = await apiClient();
		const joined = await postAction(visitor, '/live', 'default', {
			code: live.code,
			nickname: 'Gæst'
		});
		expect(joined.type, JSON.stringify(joined)).toBe('redirect');
		const themeDay = await createThemeDayApi(pro);
		const poll = await createPollApi(pro, `temadag:${themeDay.id}`);
		const agreements = await createAgreementSetApi(pro, `klasse:${made.id}`);
		w = {
			accounts: { youth, parent, pro, coordinator, admin },
			classPath: made.path,
			link,
			live,
			themeDay,
			poll,
			agreements,
			measure
		};
		Object.assign(clients, {
			visitor,
			youth: youth.client,
			parent: parent.client,
			pro: pro.client,
			coordinator: coordinator.client,
			admin: admin.client
		});
	});
	test.afterAll(async () => {
		for (const c of Object.values(clients)) await c.dispose();
	});

	test('every page and endpoint from the inventory has a row here', () => {
		const pages = routeInventory()
			.filter((r) => r.kind === 'page')
			.map((r) => r.id);
		const endpoints = routeInventory()
			.filter((r) => r.kind === 'endpoint')
			.flatMap((r) => endpointMethods(r.id).map((m) => `${m} ${r.id}`));
		expect(
			pages.filter((id) => !(id in PAGES)),
			'add these pages to PAGES in tests/e2e/headers.e2e.ts'
		).toEqual([]);
		expect(
			endpoints.filter((id) => !(id in ENDPOINTS)),
			'add these endpoints to ENDPOINTS in tests/e2e/headers.e2e.ts'
		).toEqual([]);
	});

	test('every page sends a strict CSP, nosniff, a referrer policy and no framing', async () => {
		const problems: string[] = [];
		for (const [id, { who, path }] of Object.entries(PAGES)) {
			const response = await clients[who].get(path(w));
			expect(response.status(), `${id} as ${who}`).toBe(200);
			expect(response.headers()['content-type']).toContain('text/html');
			for (const p of pageProblems(response)) problems.push(`${id}: ${p}`);
			if (who !== 'visitor' && !/no-store/.test(response.headers()['cache-control'] ?? ''))
				problems.push(`${id}: a personal page may be cached`);
		}
		expect(problems).toEqual([]);
	});

	test("the policy allows exactly the page's own inline scripts, by their hash", async () => {
		for (const [who, path] of [
			['visitor', '/log-ind'],
			['youth', '/unge/grooming']
		] as const) {
			const response = await clients[who].get(path);
			const html = await response.text();
			const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
				([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`
			);
			expect(inline.length, path).toBeGreaterThan(0);
			const script = directives(response.headers()['content-security-policy'] ?? '').get(
				'script-src'
			);
			expect(script?.filter((s) => s !== "'self'").sort(), path).toEqual(inline.sort());
		}
	});

	test("a visitor's module page may be shared; the same page signed in may not", async () => {
		const path = '/unge/grooming';
		const first = await clients.visitor.get(path);
		const second = await clients.visitor.get(path);
		expect(first.headers()['cache-control']).toBe('public, max-age=0, s-maxage=60');
		expect(first.headers()['vary']).toBe('Cookie, Accept-Encoding');
		// The second visitor gets the shared copy: the same quiz tokens, byte for byte.
		expect(await second.text()).toBe(await first.text());
		// A revalidation gets a 304 that varies as the page does.
		const again = await clients.visitor.get(path, {
			headers: { 'if-none-match': second.headers()['etag'] }
		});
		expect(again.status()).toBe(304);
		expect(again.headers()['vary']).toBe('Cookie, Accept-Encoding');

		const personal = await clients.youth.get(path);
		expect(personal.headers()['cache-control']).toBe('private, no-store');
		// Both copies travel compressed: the shared one compressed once, the personal one per request.
		expect(first.headers()['content-encoding']).toBe('br');
		expect(personal.headers()['content-encoding']).toBe('br');
		expect(await personal.text()).not.toBe(await first.text());
		expect(await personal.text()).toContain('signedIn:true');
	});

	test('endpoints, error pages and redirects carry the headers too', async () => {
		const problems: string[] = [];
		for (const [key, { who, path, status, stream }] of Object.entries(ENDPOINTS)) {
			const [method] = key.split(' ');
			if (stream) {
				const head = await streamStatus(clients[who], path(w));
				expect(head.status, key).toBe(status);
				expect(head.contentType).toContain('text/event-stream');
				// Events must reach the browser as they are written: never through a compressor.
				expect(head.headers.get('content-encoding'), key).toBeNull();
				if (head.headers.get('x-content-type-options') !== 'nosniff')
					problems.push(`${key}: nosniff missing`);
				continue;
			}
			const response = await clients[who].fetch(path(w), {
				method,
				form: method === 'POST' ? { sprog: 'da', tilbage: '/' } : undefined
			});
			expect(response.status(), key).toBe(status);
			for (const p of commonProblems(response)) problems.push(`${key}: ${p}`);
		}
		for (const path of ['/findes-ikke', '/mig', '/fagperson/klasser/findes-ikke']) {
			const response = await clients.visitor.get(path);
			expect([303, 404]).toContain(response.status());
			for (const p of commonProblems(response)) problems.push(`${path}: ${p}`);
		}
		expect(problems).toEqual([]);
	});

	test('cookies are HttpOnly and SameSite=Lax', async () => {
		const client = await apiClient();
		const cookies = [
			...setCookies(
				await client.post('/opret-konto', {
					form: { username: uniqueName('cookie'), password: PASSWORD, role: 'youth' },
					headers: { accept: 'text/html' }
				})
			),
			...setCookies(await client.post('/sprog', { form: { sprog: 'en', tilbage: '/' } })),
			// The one-time participation token of a youth poll, for that poll's address only.
			...setCookies(
				await client.post(`/stemmer/${w.poll.code}`, {
					form: { 'q-utryg-besked': 'nej' },
					headers: { accept: 'text/html' }
				})
			)
		];
		expect(cookies.map((c) => c.name)).toEqual(
			expect.arrayContaining(['session', 'sprog', 'deltager'])
		);
		expect(cookies.find((c) => c.name === 'deltager')!.attributes).toContain(
			`path=/stemmer/${w.poll.code}`.toLowerCase()
		);
		expect(cookies.find((c) => c.name === 'session')!.value).toMatch(
			/^[a-z2-7]{32}\.[a-z2-7]{32}$/
		);
		expect(cookieProblems(cookies, false)).toEqual([]);
		await client.dispose();
	});

	test('over https the cookies are Secure and HSTS is sent', async () => {
		const port = await freePort();
		const origin = `https://localhost:${port}`;
		const database = 'test-results/https/sammen.db';
		rmSync('test-results/https', { recursive: true, force: true });
		// adapter-node takes the protocol from ORIGIN, as behind a TLS-terminating proxy.
		const server = await startServer(port, database, origin);
		const client = await request.newContext({
			baseURL: `http://localhost:${port}`,
			extraHTTPHeaders: { origin },
			maxRedirects: 0
		});
		try {
			const signUp = await client.post('/opret-konto', {
				form: { username: uniqueName('https'), password: PASSWORD, role: 'youth' },
				headers: { accept: 'text/html' }
			});
			expect(signUp.status()).toBe(303);
			const cookies = [
				...setCookies(signUp),
				...setCookies(await client.post('/sprog', { form: { sprog: 'en', tilbage: '/' } }))
			];
			expect(cookies.map((c) => c.name)).toEqual(expect.arrayContaining(['session', 'sprog']));
			expect(cookieProblems(cookies, true)).toEqual([]);
			const page = await client.get('/');
			expect(page.headers()['strict-transport-security']).toMatch(/max-age=\d{7,}/);
		} finally {
			await client.dispose();
			await stopServer(server);
		}
	});
});

type SetCookie = { name: string; value: string; attributes: string[] };

function setCookies(response: APIResponse): SetCookie[] {
	return response
		.headersArray()
		.filter((h) => h.name.toLowerCase() === 'set-cookie')
		.map((h) => {
			const [pair, ...attributes] = h.value.split(';').map((part) => part.trim());
			const [name, ...value] = pair.split('=');
			return { name, value: value.join('='), attributes: attributes.map((a) => a.toLowerCase()) };
		});
}

/** No cookie is readable by scripts: the page takes its language from <html lang>. */
function cookieProblems(cookies: SetCookie[], https: boolean): string[] {
	const problems: string[] = [];
	for (const c of cookies) {
		if (!c.attributes.includes('samesite=lax')) problems.push(`${c.name}: SameSite`);
		if (!c.attributes.includes('httponly')) problems.push(`${c.name}: HttpOnly`);
		if (c.attributes.includes('secure') !== https) problems.push(`${c.name}: Secure ${!https}`);
	}
	return problems;
}
