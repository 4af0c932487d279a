// A small shared cache for pages that are the same for every visitor, in front of SvelteKit.
// Plain JavaScript: `scripts/server.js` runs it directly, outside the Vite build.
//
// A page takes part by answering with `Cache-Control: public, …, s-maxage=N` (the standard
// header for shared caches). Only requests without an account or any cookie other than the
// language cookie are answered from the cache, so nothing personal can be stored or served:
// the session hook and every personal page never mark a response public, and a response that
// sets a cookie is never stored.
//
// What may shape a stored page is only what the key holds, the path and the language:
// - the Host header does not: scripts/server.js refuses to start without ORIGIN, from which
//   adapter-node then builds every request's URL;
// - a query string does not: only requests without one are stored, and one with a query string
//   is answered from the stored page only when the page says it reads none of the parameters
//   the request has (QUERY_HEADER);
// - a language cookie that is not a language, or a percent-encoded path, goes to the app.
// So a flood of made-up variants of a page cannot push the real pages out of the cache.
import { baseLocale, cookieName, locales } from '../../paraglide/runtime.js';
import {
	brotliInBackground,
	compressResponse,
	gzipOnce,
	isCompressible,
	acceptedEncodings,
	varyWithAcceptEncoding,
	weakEtag
} from './compress.js';

/**
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 * @typedef {Record<string, string | string[]>} Headers
 * @typedef {{ body: Buffer, headers: Headers, notModified: Headers }} Variant
 * @typedef {{ status: number, etag: string | undefined, readsQuery: string[] | null,
 *   compressible: boolean, common: Headers, bytes: number, expiresAt: number,
 *   identity: Variant, gzip?: Variant, br?: Variant }} CachedPage
 */

/**
 * A cached page answers with this header when it reads no query parameter (value `none`), or
 * only the ones it names (`reads=temadag,trin`), so that `/side?utm=x` may be answered with the
 * page stored for `/side`, while `/side?temadag=y` goes to the app.
 */
export const QUERY_HEADER = 'x-page-cache-query';

/**
 * The value of QUERY_HEADER for a page that reads only these query parameters (none if empty).
 * @param {string[]} names
 */
export function readsOnlyQuery(...names) {
	return names.length ? `reads=${names.join(',')}` : 'none';
}

/**
 * The query parameters a stored page says it reads, or null when it did not say (then any
 * query string may change it).
 * @param {string | string[] | undefined} value
 * @returns {string[] | null}
 */
function queryReadBy(value) {
	if (value === 'none') return [];
	if (typeof value === 'string' && value.startsWith('reads=')) {
		const names = value.slice('reads='.length).split(',').filter(Boolean);
		return names.length ? names : null;
	}
	return null;
}

/**
 * Whether the page stored for a path answers this request's query string: only when the page
 * reads none of the request's parameters.
 * @param {string[] | null} readsQuery
 * @param {string} url
 */
function answersQuery(readsQuery, url) {
	if (readsQuery === null) return false;
	const q = url.indexOf('?');
	if (q < 0 || readsQuery.length === 0) return true;
	for (const name of new URLSearchParams(url.slice(q + 1)).keys())
		if (readsQuery.includes(name)) return false;
	return true;
}

/** How long requests for a page wait for its first render before rendering it themselves. */
export const RENDER_WAIT_MS = 5000;

/** Headers that describe the bytes, set per variant; and the ones a 304 repeats (RFC 9110). */
const PER_VARIANT = ['content-length', 'content-encoding', 'etag'];
const NOT_MODIFIED_KEEPS = ['cache-control', 'content-location', 'date', 'expires', 'vary'];

const isLocale = (/** @type {string} */ value) =>
	/** @type {readonly string[]} */ (locales).includes(value);

/**
 * Where a request may be answered from the cache: its key (language and path) and whether it
 * has a query string; or null when it must go to the app: anything but GET, credentials, any
 * cookie but the language cookie, a language cookie the app would not take as it is, or a
 * percent-encoded path.
 * @param {Pick<Req, 'method' | 'url' | 'headers'>} req
 * @returns {{ key: string, query: boolean } | null}
 */
export function pageCacheKey(req) {
	if (req.method !== 'GET' || req.headers.authorization) return null;
	const url = req.url ?? '/';
	const q = url.indexOf('?');
	const path = q < 0 ? url : url.slice(0, q);
	if (path.includes('%')) return null;
	/** @type {string | undefined} */
	let language;
	for (const part of (req.headers.cookie ?? '').split(';')) {
		const pair = part.trim();
		if (pair === '') continue;
		const eq = pair.indexOf('=');
		if (eq < 0 || pair.slice(0, eq).trim() !== cookieName) return null;
		// The app reads the first one (as the `cookie` package does); so must the key.
		language ??= pair.slice(eq + 1).trim();
	}
	if (language !== undefined && !isLocale(language)) return null;
	return { key: `${language ?? baseLocale}\n${path}`, query: q >= 0 };
}

/**
 * How long a response may be kept (seconds), or 0: it must be a 200 that is marked public
 * with s-maxage and sets no cookie.
 * @param {number} status
 * @param {Record<string, unknown>} headers lower-case names, as `res.getHeaders()` gives them
 */
export function sharedMaxAge(status, headers) {
	if (status !== 200 || headers['set-cookie'] !== undefined) return 0;
	const directives = String(headers['cache-control'] ?? '')
		.toLowerCase()
		.split(',')
		.map((d) => d.trim());
	if (!directives.includes('public') || directives.includes('private')) return 0;
	const sMaxAge = directives.find((d) => d.startsWith('s-maxage='));
	const seconds = sMaxAge ? Number(sMaxAge.slice('s-maxage='.length)) : 0;
	return Number.isInteger(seconds) && seconds > 0 ? seconds : 0;
}

/**
 * Whether If-None-Match names this ETag (weak or strong, as SvelteKit compares).
 * @param {string | string[] | undefined} ifNoneMatch
 * @param {string} etag
 */
function etagMatches(ifNoneMatch, etag) {
	if (typeof ifNoneMatch !== 'string') return false;
	const strip = (/** @type {string} */ tag) => (tag.startsWith('W/') ? tag.slice(2) : tag);
	return ifNoneMatch.split(',').some((tag) => strip(tag.trim()) === strip(etag));
}

/**
 * One stored form of a page: its body and the exact headers of its 200 and of its 304.
 * @param {Headers} common the app's headers without the per-variant ones
 * @param {Buffer} body
 * @param {string | undefined} etag
 * @param {'gzip' | 'br' | null} encoding
 * @returns {Variant}
 */
function variant(common, body, etag, encoding) {
	/** @type {Headers} */
	const headers = { ...common, 'content-length': String(body.length) };
	if (encoding) headers['content-encoding'] = encoding;
	if (etag !== undefined) headers.etag = encoding ? weakEtag(etag) : etag;
	/** @type {Headers} */
	const notModified = {};
	for (const name of [...NOT_MODIFIED_KEEPS, 'etag'])
		if (headers[name] !== undefined) notModified[name] = headers[name];
	return { body, headers, notModified };
}

/**
 * A page as stored, with its gzip copy made once here (the brotli copy follows; see store).
 * @param {number} status
 * @param {Record<string, unknown>} appHeaders `res.getHeaders()` at the end of the render
 * @param {Buffer} body the uncompressed body
 * @param {number} expiresAt
 * @returns {CachedPage}
 */
export function cachedPage(status, appHeaders, body, expiresAt) {
	/** @type {Headers} */
	const common = {};
	for (const [name, value] of Object.entries(appHeaders)) {
		if (value === undefined || PER_VARIANT.includes(name)) continue;
		common[name] = Array.isArray(value) ? value : String(value);
	}
	const rawEtag = appHeaders.etag;
	const etag =
		typeof rawEtag === 'string'
			? rawEtag.startsWith('W/')
				? rawEtag.slice(2)
				: rawEtag
			: undefined;
	const compressible = isCompressible({ ...common, 'content-length': body.length });
	if (compressible) common.vary = varyWithAcceptEncoding(common.vary);
	/** @type {CachedPage} */
	const page = {
		status,
		etag,
		readsQuery: queryReadBy(common[QUERY_HEADER]),
		compressible,
		common,
		bytes: body.length,
		expiresAt,
		identity: variant(common, body, etag, null)
	};
	if (compressible) {
		page.gzip = variant(common, gzipOnce(body), etag, 'gzip');
		page.bytes += page.gzip.body.length;
	}
	return page;
}

/**
 * @param {{ maxBytes?: number, now?: () => number, renderWaitMs?: number }} [options]
 */
export function createPageCache({
	maxBytes = 32 * 1024 * 1024,
	now = Date.now,
	renderWaitMs = RENDER_WAIT_MS
} = {}) {
	/** @type {Map<string, CachedPage>} insertion order = least recently used first */
	const pages = new Map();
	/** @type {Map<string, Promise<void>>} first renders under way, by key */
	const rendering = new Map();
	let bytes = 0;

	/** @param {string} key */
	function remove(key) {
		const page = pages.get(key);
		if (!page) return;
		pages.delete(key);
		bytes -= page.bytes;
	}

	function evictOverCap() {
		for (const oldest of pages.keys()) {
			if (bytes <= maxBytes) break;
			remove(oldest);
		}
	}

	/**
	 * Keeps a page, then adds its brotli copy when the thread pool has made it; until then,
	 * clients that accept brotli get the gzip copy.
	 * @param {string} key
	 * @param {CachedPage} page
	 */
	function store(key, page) {
		if (page.identity.body.length > maxBytes / 4) return;
		remove(key);
		pages.set(key, page);
		bytes += page.bytes;
		evictOverCap();
		if (!page.compressible) return;
		brotliInBackground(page.identity.body, (copy) => {
			if (pages.get(key) !== page) return;
			page.br = variant(page.common, copy, page.etag, 'br');
			page.bytes += copy.length;
			bytes += copy.length;
			evictOverCap();
		});
	}

	/**
	 * Answers from the cache when it can; returns whether it did.
	 * @param {{ key: string, query: boolean }} where
	 * @param {Req} req
	 * @param {Res} res
	 */
	function serve({ key, query }, req, res) {
		const page = pages.get(key);
		if (!page || (query && !answersQuery(page.readsQuery, req.url ?? '/'))) return false;
		if (page.expiresAt <= now()) {
			remove(key);
			return false;
		}
		pages.delete(key);
		pages.set(key, page);
		// The best copy the client accepts that is made yet: gzip until the brotli copy is there.
		const chosen =
			acceptedEncodings(req.headers['accept-encoding'])
				.map((encoding) => page[encoding])
				.find((copy) => copy !== undefined) ?? page.identity;
		if (page.etag !== undefined && etagMatches(req.headers['if-none-match'], page.etag)) {
			res.writeHead(304, chosen.notModified);
			res.end();
		} else {
			res.writeHead(page.status, chosen.headers);
			res.end(chosen.body);
		}
		return true;
	}

	/**
	 * Watches the app's answer to a request the cache could hold, and keeps it if the app
	 * marked it public. Whether it can be kept is known once the head is written; anything
	 * else (static files, personal pages, event streams) is let through untouched from there
	 * on. Resolves when the page is stored or known not to be, or the client went away.
	 * @param {string} key
	 * @param {Res} res
	 * @returns {Promise<void>}
	 */
	function capture(key, res) {
		const { writeHead, write, end } = res;
		/** @type {Buffer[]} */
		const chunks = [];
		let seconds = -1;
		/** @type {() => void} */
		let settle = () => {};
		const settled = new Promise((/** @type {(v: void) => void} */ done) => (settle = done));
		const decide = () => {
			if (seconds >= 0) return;
			seconds = sharedMaxAge(res.statusCode, res.getHeaders());
			if (seconds === 0) {
				Object.assign(res, { writeHead, write, end });
				settle();
			}
		};
		/** @param {unknown} chunk */
		const keep = (chunk) => {
			if (seconds > 0 && (typeof chunk === 'string' || chunk instanceof Uint8Array))
				chunks.push(Buffer.from(chunk));
		};
		res.writeHead = /** @type {Res['writeHead']} */ (
			function (/** @type {unknown[]} */ ...args) {
				const result = writeHead.apply(res, /** @type {Parameters<Res['writeHead']>} */ (args));
				decide();
				return result;
			}
		);
		res.write = /** @type {Res['write']} */ (
			function (/** @type {unknown[]} */ ...args) {
				if (!res.headersSent) res.writeHead(res.statusCode);
				keep(args[0]);
				return write.apply(res, /** @type {Parameters<Res['write']>} */ (args));
			}
		);
		res.end = /** @type {Res['end']} */ (
			function (/** @type {unknown[]} */ ...args) {
				if (!res.headersSent) res.writeHead(res.statusCode);
				if (seconds > 0) {
					keep(typeof args[0] === 'function' ? undefined : args[0]);
					const body = Buffer.concat(chunks);
					store(key, cachedPage(res.statusCode, res.getHeaders(), body, now() + seconds * 1000));
					settle();
				}
				return end.apply(res, /** @type {Parameters<Res['end']>} */ (args));
			}
		);
		res.once('close', () => settle());
		return settled;
	}

	/**
	 * The first request for a page renders it; the ones that come while it renders wait for it
	 * (at most renderWaitMs), then take the stored page or, when it was not stored, go to the
	 * app themselves.
	 * @param {string} key
	 * @param {Res} res
	 */
	function renderFirst(key, res) {
		/** @type {NodeJS.Timeout | undefined} */
		let timer;
		const waited = new Promise((/** @type {(v: void) => void} */ done) => {
			timer = setTimeout(done, renderWaitMs);
			timer.unref?.();
		});
		const done = Promise.race([capture(key, res), waited]).then(() => {
			clearTimeout(timer);
			if (rendering.get(key) === done) rendering.delete(key);
		});
		rendering.set(key, done);
	}

	/**
	 * @param {Req} req
	 * @param {Res} res
	 * @param {() => void} app
	 */
	function toApp(req, res, app) {
		compressResponse(req, res);
		app();
	}

	/**
	 * Answers a request from the cache, or lets the app answer it (compressed when the client
	 * accepts it) and keeps the answer when the app marked it public.
	 * @param {Req} req
	 * @param {Res} res
	 * @param {() => void} app
	 */
	function respond(req, res, app) {
		const where = pageCacheKey(req);
		if (where === null) return toApp(req, res, app);
		if (serve(where, req, res)) return;
		const underway = rendering.get(where.key);
		if (underway) {
			underway.then(() => serve(where, req, res) || toApp(req, res, app));
			return;
		}
		if (where.query) return toApp(req, res, app);
		// compressResponse first: capture, wrapped on top of it, sees the uncompressed bytes.
		compressResponse(req, res);
		renderFirst(where.key, res);
		app();
	}

	return { respond, size: () => pages.size, bytes: () => bytes };
}
