import {
	createServer,
	request,
	type IncomingHttpHeaders,
	type IncomingMessage,
	type Server,
	type ServerResponse
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawnSync } from 'node:child_process';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	createPageCache,
	pageCacheKey,
	QUERY_HEADER,
	readsOnlyQuery,
	sharedMaxAge
} from './page-cache.js';

// The brotli copy is made in the thread pool. A test can hold it back (as a busy pool does) to
// see what clients get meanwhile.
const brotliPool = vi.hoisted(() => ({ held: null as null | (() => void)[] }));
vi.mock('./compress.js', async (original) => {
	const actual = await original<typeof import('./compress.js')>();
	return {
		...actual,
		brotliInBackground: (body: Buffer, done: (copy: Buffer) => void) => {
			if (brotliPool.held) brotliPool.held.push(() => actual.brotliInBackground(body, done));
			else actual.brotliInBackground(body, done);
		}
	};
});

describe('pageCacheKey', () => {
	const req = (method: string, headers: Record<string, string> = {}, url = '/unge/grooming') => ({
		method,
		url,
		headers
	});

	it('keys a visitor by path and language; the default language is Danish', () => {
		expect(pageCacheKey(req('GET'))).toEqual({ key: 'da\n/unge/grooming', query: false });
		expect(pageCacheKey(req('GET', { cookie: 'sprog=da' }))?.key).toBe('da\n/unge/grooming');
		expect(pageCacheKey(req('GET', { cookie: 'sprog=en' }))?.key).toBe('en\n/unge/grooming');
		// Two language cookies: the app reads the first, so the page is kept under that one.
		expect(pageCacheKey(req('GET', { cookie: 'sprog=en; sprog=' }))?.key).toBe(
			'en\n/unge/grooming'
		);
		expect(pageCacheKey(req('GET', { cookie: 'sprog=en; sprog=da' }))?.key).toBe(
			'en\n/unge/grooming'
		);
	});

	it('leaves the query string out of the key and says it was there', () => {
		expect(pageCacheKey(req('GET', {}, '/unge/grooming?x=1'))).toEqual({
			key: 'da\n/unge/grooming',
			query: true
		});
	});

	it('sends anyone with another cookie, credentials or a non-GET method to the app', () => {
		expect(pageCacheKey(req('GET', { cookie: 'sprog=da; session=abc' }))).toBeNull();
		expect(pageCacheKey(req('GET', { cookie: 'besoeg=x' }))).toBeNull();
		expect(pageCacheKey(req('GET', { authorization: 'Basic eA==' }))).toBeNull();
		expect(pageCacheKey(req('POST'))).toBeNull();
		expect(pageCacheKey(req('HEAD'))).toBeNull();
	});

	it('sends made-up variants of a page to the app instead of making new entries', () => {
		expect(pageCacheKey(req('GET', { cookie: 'sprog=xx' }))).toBeNull();
		// The app decodes the cookie to "en"; the key must not store that page as another language.
		expect(pageCacheKey(req('GET', { cookie: 'sprog=%65n' }))).toBeNull();
		expect(pageCacheKey(req('GET', {}, '/unge/%67rooming'))).toBeNull();
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

interface Answer {
	status: number;
	headers: IncomingHttpHeaders;
	/** The bytes as they came over the wire (not decompressed). */
	raw: Buffer;
	body: string;
}

/** A GET with node:http, which, unlike fetch, shows the bytes as sent. */
function get(origin: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
	return new Promise((done, fail) => {
		request(origin + path, { headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				const raw = Buffer.concat(chunks);
				const encoding = res.headers['content-encoding'];
				const body =
					encoding === 'br'
						? brotliDecompressSync(raw)
						: encoding === 'gzip'
							? gunzipSync(raw)
							: raw;
				done({ status: res.statusCode ?? 0, headers: res.headers, raw, body: body.toString() });
			});
		})
			.on('error', fail)
			.end();
	});
}

const PUBLIC = {
	'content-type': 'text/html; charset=utf-8',
	'cache-control': 'public, max-age=0, s-maxage=60',
	vary: 'Cookie',
	etag: '"v1"'
};

describe('createPageCache in front of an app', () => {
	let server: Server | undefined;
	afterEach(async () => {
		brotliPool.held = null;
		server?.closeAllConnections();
		await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
		server = undefined;
	});

	type App = (req: IncomingMessage, res: ServerResponse, render: number) => void;

	/** Answers with the headers the test gives, and a body that says which render it is. */
	const pageWith =
		(headersFor: (req: IncomingMessage) => Record<string, string>, padding = 0): App =>
		(req, res, render) => {
			for (const [name, value] of Object.entries(headersFor(req))) res.setHeader(name, value);
			res.write(`render ${render} `);
			res.end(`for ${req.headers.cookie ?? 'nobody'}${' '.repeat(padding)}`);
		};

	/** Starts the cache in front of an app that counts its renders. */
	async function start(
		app: App,
		options: { clock?: { now: number }; maxBytes?: number; renderWaitMs?: number } = {}
	) {
		const clock = options.clock ?? { now: 0 };
		const cache = createPageCache({
			now: () => clock.now,
			maxBytes: options.maxBytes,
			renderWaitMs: options.renderWaitMs
		});
		const counts = { renders: 0 };
		server = createServer((req, res) =>
			cache.respond(req, res, () => app(req, res, ++counts.renders))
		);
		await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
		const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		return {
			counts,
			cache,
			get: (path: string, headers: Record<string, string> = {}) => get(origin, path, headers)
		};
	}

	it('renders a public page once per language and minute, with the same bytes and headers', async () => {
		const clock = { now: 0 };
		const { counts, get } = await start(
			pageWith(() => PUBLIC),
			{ clock }
		);
		const first = await get('/side');
		const second = await get('/side');
		expect(second.body).toBe(first.body);
		expect(second.headers['cache-control']).toBe(PUBLIC['cache-control']);
		expect(counts.renders).toBe(1);

		expect((await get('/side', { cookie: 'sprog=en' })).body).toBe('render 2 for sprog=en');

		clock.now += 61_000;
		expect((await get('/side')).body).toBe('render 3 for nobody');
		expect(counts.renders).toBe(3);
	});

	it('answers a matching If-None-Match with 304 and the same Vary as the 200', async () => {
		const { counts, get } = await start(pageWith(() => PUBLIC));
		const page = await get('/side');
		for (const encoding of ['br', 'gzip', 'identity']) {
			const again = await get('/side', {
				'if-none-match': '"v1"',
				'accept-encoding': encoding
			});
			expect(again.status).toBe(304);
			expect(again.raw.length).toBe(0);
			expect(again.headers.vary).toBe(page.headers.vary);
			expect(again.headers.vary).toBe('Cookie, Accept-Encoding');
			expect(again.headers['cache-control']).toBe(PUBLIC['cache-control']);
		}
		// A browser that was sent the compressed copy has the weak form of the ETag.
		expect((await get('/side', { 'if-none-match': 'W/"v1"' })).status).toBe(304);
		expect(counts.renders).toBe(1);
	});

	it('never stores or serves a personal or unmarked response', async () => {
		const { counts, get, cache } = await start(
			pageWith((req) =>
				req.url === '/saetter-cookie'
					? { ...PUBLIC, 'set-cookie': 'a=b' }
					: req.url === '/privat'
						? { 'cache-control': 'private, no-store' }
						: PUBLIC
			)
		);
		await get('/saetter-cookie');
		await get('/saetter-cookie');
		await get('/privat');
		await get('/privat');
		expect(counts.renders).toBe(4);

		// A signed-in person's request never reads the visitors' copy.
		await get('/side');
		expect((await get('/side', { cookie: 'session=abc' })).body).toBe('render 6 for session=abc');
		expect(cache.size()).toBe(1);
	});

	it('evicts the least recently used pages at the memory cap', async () => {
		// Plain text is kept uncompressed: each page is its body, about 1 KB; four fit.
		const { counts, get, cache } = await start(
			pageWith(() => ({ ...PUBLIC, 'content-type': 'text/plain' }), 1000),
			{ maxBytes: 4500 }
		);
		for (const path of ['/a', '/b', '/c', '/d']) await get(path);
		await get('/a'); // /a is now the most recently used
		await get('/e'); // pushes out /b
		expect(cache.size()).toBe(4);
		expect(cache.bytes()).toBeLessThanOrEqual(4500);
		expect(counts.renders).toBe(5);
		for (const path of ['/a', '/c', '/d', '/e']) await get(path);
		expect(counts.renders).toBe(5);
		await get('/b');
		expect(counts.renders).toBe(6);
		expect(cache.size()).toBe(4);
	});

	it('does not keep a page larger than a quarter of the cap', async () => {
		const { counts, get, cache } = await start(
			pageWith(() => PUBLIC, 2000),
			{ maxBytes: 4096 }
		);
		await get('/stor');
		await get('/stor');
		expect(counts.renders).toBe(2);
		expect(cache.size()).toBe(0);
	});

	it('lets an event stream through untouched: uncompressed, unstored, each event at once', async () => {
		let release = () => {};
		const { counts, cache } = await start((_req, res) => {
			res.writeHead(200, {
				'content-type': 'text/event-stream; charset=utf-8',
				'cache-control': 'no-cache, no-transform'
			});
			res.write('data: først\n\n');
			release = () => res.end('data: sidst\n\n');
		});
		const origin = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
		const first = await new Promise<{ headers: IncomingHttpHeaders; chunk: string }>((done) =>
			request(`${origin}/strom`, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
				res.setEncoding('utf8');
				// The first event arrives while the stream is still open.
				res.once('data', (chunk: string) => done({ headers: res.headers, chunk }));
			}).end()
		);
		expect(first.chunk).toBe('data: først\n\n');
		expect(first.headers['content-encoding']).toBeUndefined();
		expect(first.headers.vary).toBeUndefined();
		release();
		expect(counts.renders).toBe(1);
		expect(cache.size()).toBe(0);
	});

	it('keys pages by path, never by Host: the app takes its address from ORIGIN', async () => {
		// As adapter-node with ORIGIN set: the Host header plays no part in the page.
		const { counts, get } = await start((req, res, render) => {
			for (const [name, value] of Object.entries(PUBLIC)) res.setHeader(name, value);
			res.end(`render ${render}: <link rel="canonical" href="https://sammen.example/side">`);
		});
		const one = await get('/side', { host: 'sammen.example' });
		const other = await get('/side', { host: 'forfalsket.example' });
		expect(other.body).toBe(one.body);
		expect(counts.renders).toBe(1);
	});

	it('refuses to start the server without ORIGIN', () => {
		const run = spawnSync(process.execPath, ['scripts/server.js'], {
			env: { PATH: process.env.PATH ?? '' },
			encoding: 'utf8',
			timeout: 20_000
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('ORIGIN is not set');
	});

	it('answers made-up query strings from the page, without new entries, when it reads none', async () => {
		const { counts, get, cache } = await start(
			pageWith((req) =>
				req.url!.startsWith('/laeser-query') ? PUBLIC : { ...PUBLIC, [QUERY_HEADER]: 'none' }
			)
		);
		const page = await get('/side');
		for (let i = 0; i < 50; i++) expect((await get(`/side?x=${i}`)).body).toBe(page.body);
		expect(counts.renders).toBe(1);
		expect(cache.size()).toBe(1);

		// A page that may read its query string: requests with one go to the app, and are not kept.
		await get('/laeser-query');
		expect((await get('/laeser-query?x=1')).body).toBe('render 3 for nobody');
		expect((await get('/laeser-query?x=2')).body).toBe('render 4 for nobody');
		expect((await get('/laeser-query')).body).toBe('render 2 for nobody');
		expect(cache.size()).toBe(2);
	});

	it('answers other query strings from a page that reads only some parameters, never its own', async () => {
		const { counts, get, cache } = await start(
			pageWith(() => ({ ...PUBLIC, [QUERY_HEADER]: readsOnlyQuery('temadag') }))
		);
		const page = await get('/modul');
		expect((await get('/modul?utm=plakat')).body).toBe(page.body);
		expect((await get('/modul?igen')).body).toBe(page.body);
		expect(counts.renders).toBe(1);

		// The parameter the page reads changes it: such a request goes to the app, in any spelling.
		expect((await get('/modul?temadag=aften')).body).toBe('render 2 for nobody');
		expect((await get('/modul?utm=x&temadag=aften')).body).toBe('render 3 for nobody');
		expect((await get('/modul?%74emadag=aften')).body).toBe('render 4 for nobody');
		expect((await get('/modul?temadag')).body).toBe('render 5 for nobody');
		// …and is never stored, so the page without it stays the shared one.
		expect((await get('/modul')).body).toBe(page.body);
		expect(cache.size()).toBe(1);
	});

	it('says which query parameters a page reads', () => {
		expect(readsOnlyQuery()).toBe('none');
		expect(readsOnlyQuery('temadag')).toBe('reads=temadag');
		expect(readsOnlyQuery('temadag', 'trin')).toBe('reads=temadag,trin');
	});

	it("keeps each step of a lesson as its own page, never one step's page for another", async () => {
		// The module page and its step pages read only the theme-day parameter, as the real route says.
		const { counts, get, cache } = await start(
			pageWith(() => ({ ...PUBLIC, [QUERY_HEADER]: readsOnlyQuery('temadag') }))
		);
		const paths = [
			'/unge/modul',
			'/unge/modul/trin/2',
			'/unge/modul/trin/3',
			'/unge/modul/trin/alle'
		];
		const first = [];
		for (const path of paths) first.push((await get(path)).body);
		expect(new Set(first).size).toBe(paths.length);
		for (const [i, path] of paths.entries()) expect((await get(path)).body).toBe(first[i]);
		expect(counts.renders).toBe(paths.length);
		expect(cache.size()).toBe(paths.length);
	});

	it('renders a page once when many visitors ask for it at the same time', async () => {
		const { counts, get } = await start((req, res, render) =>
			// A render that takes a while, as under load.
			setTimeout(() => pageWith(() => PUBLIC)(req, res, render), 50)
		);
		const answers = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				get('/side', { 'accept-encoding': i % 2 ? 'gzip' : 'br' })
			)
		);
		expect(counts.renders).toBe(1);
		expect(new Set(answers.map((a) => a.body))).toEqual(new Set(['render 1 for nobody']));
	});

	it('lets waiting requests render for themselves when the first render is not kept', async () => {
		const { counts, get } = await start((req, res, render) =>
			setTimeout(
				() =>
					pageWith(() => (render === 1 ? { 'cache-control': 'no-store' } : PUBLIC))(
						req,
						res,
						render
					),
				20
			)
		);
		const answers = await Promise.all(Array.from({ length: 5 }, () => get('/side')));
		expect(answers.every((a) => a.status === 200)).toBe(true);
		expect(counts.renders).toBeGreaterThanOrEqual(2);
		expect(counts.renders).toBeLessThanOrEqual(5);
	});

	it('stops waiting for a first render that takes too long', async () => {
		const { counts, get } = await start(
			(req, res, render) =>
				setTimeout(() => pageWith(() => PUBLIC)(req, res, render), render === 1 ? 500 : 0),
			{ renderWaitMs: 50 }
		);
		const slow = get('/side');
		await new Promise((done) => setTimeout(done, 10));
		const started = Date.now();
		const waiting = await get('/side');
		expect(Date.now() - started).toBeLessThan(400);
		expect(waiting.body).toBe('render 2 for nobody');
		expect((await slow).body).toBe('render 1 for nobody');
		expect(counts.renders).toBe(2);
	});

	it('stores the compressed copies once and answers each client in its encoding', async () => {
		const { counts, get } = await start(pageWith(() => PUBLIC, 3000));
		brotliPool.held = [];
		const miss = await get('/side', { 'accept-encoding': 'gzip, deflate, br' });
		expect(miss.headers['content-encoding']).toBe('br');
		const plain = await get('/side');
		const gzip = await get('/side', { 'accept-encoding': 'gzip' });
		// Until the pool has made the brotli copy, a brotli client gets the gzip copy.
		const early = await get('/side', { 'accept-encoding': 'gzip, deflate, br, zstd' });
		expect(early.headers['content-encoding']).toBe('gzip');
		expect(early.body).toBe(plain.body);
		for (const make of brotliPool.held) make();
		brotliPool.held = null;
		let br = early;
		for (let i = 0; i < 200 && br.headers['content-encoding'] !== 'br'; i++) {
			await new Promise((done) => setTimeout(done, 10));
			br = await get('/side', { 'accept-encoding': 'gzip, deflate, br, zstd' });
		}
		expect(counts.renders).toBe(1);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(gzip.headers['content-encoding']).toBe('gzip');
		expect(br.headers['content-encoding']).toBe('br');
		for (const a of [miss, gzip, br]) {
			expect(a.body).toBe(plain.body);
			expect(a.raw.length).toBeLessThan(plain.raw.length / 4);
			expect(a.headers.vary).toBe('Cookie, Accept-Encoding');
			expect(a.headers.etag).toBe('W/"v1"');
		}
		for (const a of [gzip, br]) expect(Number(a.headers['content-length'])).toBe(a.raw.length);
		expect(plain.headers.etag).toBe('"v1"');
		expect(plain.headers.vary).toBe('Cookie, Accept-Encoding');
	});

	it('compresses pages the cache does not keep, as they stream', async () => {
		const { counts, get } = await start((_req, res) => {
			res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'private, no-store' });
			res.write('<p>' + 'personlig '.repeat(300));
			setTimeout(() => res.end('</p>'), 10);
		});
		const br = await get('/mig', { 'accept-encoding': 'br', cookie: 'session=abc' });
		const gzip = await get('/mig', { 'accept-encoding': 'gzip' });
		const plain = await get('/mig');
		expect(counts.renders).toBe(3);
		expect(br.headers['content-encoding']).toBe('br');
		expect(gzip.headers['content-encoding']).toBe('gzip');
		expect(plain.headers['content-encoding']).toBeUndefined();
		for (const a of [br, gzip, plain]) {
			expect(a.body).toBe(plain.body);
			expect(a.headers.vary).toBe('Accept-Encoding');
		}
		expect(br.raw.length).toBeLessThan(plain.raw.length / 4);
	});
});
