import { createServer, type Server, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createPageCache, pageCacheKey, sharedMaxAge } from './page-cache.js';

describe('pageCacheKey', () => {
	const req = (method: string, headers: Record<string, string> = {}) => ({
		method,
		url: '/unge/grooming',
		headers
	});

	it('keys a visitor by address and language', () => {
		expect(pageCacheKey(req('GET'))).toBe('\n/unge/grooming');
		expect(pageCacheKey(req('GET', { cookie: 'sprog=en' }))).toBe('en\n/unge/grooming');
		// Two language cookies: the app reads the first, so the page is kept under that one.
		expect(pageCacheKey(req('GET', { cookie: 'sprog=en; sprog=' }))).toBe('en\n/unge/grooming');
		expect(pageCacheKey(req('GET', { cookie: 'sprog=en; sprog=da' }))).toBe('en\n/unge/grooming');
	});

	it('sends anyone with another cookie, credentials or a non-GET method to the app', () => {
		expect(pageCacheKey(req('GET', { cookie: 'sprog=da; session=abc' }))).toBeNull();
		expect(pageCacheKey(req('GET', { cookie: 'besoeg=x' }))).toBeNull();
		expect(pageCacheKey(req('GET', { authorization: 'Basic eA==' }))).toBeNull();
		expect(pageCacheKey(req('POST'))).toBeNull();
		expect(pageCacheKey(req('HEAD'))).toBeNull();
	});
});

describe('sharedMaxAge', () => {
	it('keeps only public 200s with s-maxage that set no cookie', () => {
		expect(sharedMaxAge(200, { 'cache-control': 'public, max-age=0, s-maxage=60' })).toBe(60);
		expect(sharedMaxAge(200, { 'cache-control': 'public, max-age=60' })).toBe(0);
		expect(sharedMaxAge(200, { 'cache-control': 'private, no-store' })).toBe(0);
		expect(sharedMaxAge(200, {})).toBe(0);
		expect(sharedMaxAge(404, { 'cache-control': 'public, s-maxage=60' })).toBe(0);
		expect(
			sharedMaxAge(200, { 'cache-control': 'public, s-maxage=60', 'set-cookie': ['a=b'] })
		).toBe(0);
		expect(sharedMaxAge(200, { 'cache-control': 'public, s-maxage=x' })).toBe(0);
	});
});

describe('createPageCache in front of an app', () => {
	let server: Server | undefined;
	afterEach(async () => {
		server?.closeAllConnections();
		await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
	});

	/** An app that counts its renders and answers with the headers the test gives it. */
	async function start(
		headersFor: (req: IncomingMessage) => Record<string, string>,
		clock: { now: number }
	) {
		const cache = createPageCache({ now: () => clock.now });
		const app = { renders: 0 };
		server = createServer((req: IncomingMessage, res: ServerResponse) =>
			cache.respond(req, res, () => {
				app.renders++;
				for (const [name, value] of Object.entries(headersFor(req))) res.setHeader(name, value);
				res.write(`render ${app.renders} `);
				res.end(`for ${req.headers.cookie ?? 'nobody'}`);
			})
		);
		await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
		const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		const get = async (path: string, headers: Record<string, string> = {}) => {
			const res = await fetch(origin + path, { headers });
			return { status: res.status, body: await res.text(), headers: res.headers };
		};
		return { app, get, cache };
	}

	const PUBLIC = { 'cache-control': 'public, max-age=0, s-maxage=60', etag: '"v1"' };

	it('renders a public page once per language and minute, with the same bytes and headers', async () => {
		const clock = { now: 0 };
		const { app, get } = await start(() => PUBLIC, clock);
		const first = await get('/side');
		const second = await get('/side');
		expect(second.body).toBe(first.body);
		expect(second.headers.get('cache-control')).toBe(PUBLIC['cache-control']);
		expect(app.renders).toBe(1);

		expect((await get('/side', { cookie: 'sprog=en' })).body).toBe('render 2 for sprog=en');
		expect((await get('/side?igen')).body).toBe('render 3 for nobody');

		clock.now += 61_000;
		expect((await get('/side')).body).toBe('render 4 for nobody');
		expect(app.renders).toBe(4);
	});

	it('answers a matching If-None-Match with 304 from the cache', async () => {
		const { app, get } = await start(() => PUBLIC, { now: 0 });
		await get('/side');
		const again = await get('/side', { 'if-none-match': '"v1"' });
		expect(again.status).toBe(304);
		expect(again.body).toBe('');
		expect(app.renders).toBe(1);
	});

	it('never stores or serves a personal or unmarked response', async () => {
		const { app, get, cache } = await start(
			(req) =>
				req.url === '/saetter-cookie'
					? { ...PUBLIC, 'set-cookie': 'a=b' }
					: req.url === '/privat'
						? { 'cache-control': 'private, no-store' }
						: PUBLIC,
			{ now: 0 }
		);
		await get('/saetter-cookie');
		await get('/saetter-cookie');
		await get('/privat');
		await get('/privat');
		expect(app.renders).toBe(4);

		// A signed-in person's request never reads the visitors' copy.
		await get('/side');
		expect((await get('/side', { cookie: 'session=abc' })).body).toBe('render 6 for session=abc');
		expect(cache.size()).toBe(1);
	});
});
