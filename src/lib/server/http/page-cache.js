// A small shared cache for pages that are the same for every visitor, in front of SvelteKit.
// Plain JavaScript: `scripts/server.js` runs it directly, outside the Vite build.
//
// A page takes part by answering with `Cache-Control: public, …, s-maxage=N` (the standard
// header for shared caches). Only requests without an account or any cookie other than the
// language cookie are answered from the cache, so nothing personal can be stored or served:
// the session hook and every personal page never mark a response public, and a response that
// sets a cookie is never stored.

/**
 * @typedef {{ status: number, headers: Record<string, string | string[]>, body: Buffer, etag: string | undefined, expiresAt: number }} CachedPage
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 */

const LANGUAGE_COOKIE = 'sprog';

/**
 * The cache key for a request that may be answered from the cache, or null when it must go to
 * the app: anything but GET, or a request that carries a session or any other cookie.
 * @param {Pick<Req, 'method' | 'url' | 'headers'>} req
 * @returns {string | null}
 */
export function pageCacheKey(req) {
	if (req.method !== 'GET' || req.headers.authorization) return null;
	/** @type {string | undefined} */
	let language;
	for (const part of (req.headers.cookie ?? '').split(';')) {
		const pair = part.trim();
		if (pair === '') continue;
		const eq = pair.indexOf('=');
		if (eq < 0 || pair.slice(0, eq).trim() !== LANGUAGE_COOKIE) return null;
		// The app reads the first one (as the `cookie` package does); so must the key.
		language ??= pair.slice(eq + 1).trim();
	}
	return `${language ?? ''}\n${req.url}`;
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
 * @param {{ maxBytes?: number, now?: () => number }} [options]
 */
export function createPageCache({ maxBytes = 32 * 1024 * 1024, now = Date.now } = {}) {
	/** @type {Map<string, CachedPage>} insertion order = least recently used first */
	const pages = new Map();
	let bytes = 0;

	/** @param {string} key */
	function remove(key) {
		const page = pages.get(key);
		if (!page) return;
		pages.delete(key);
		bytes -= page.body.length;
	}

	/**
	 * @param {string} key
	 * @param {CachedPage} page
	 */
	function store(key, page) {
		if (page.body.length > maxBytes / 4) return;
		remove(key);
		pages.set(key, page);
		bytes += page.body.length;
		for (const oldest of pages.keys()) {
			if (bytes <= maxBytes) break;
			remove(oldest);
		}
	}

	/**
	 * Answers from the cache when it can; returns whether it did.
	 * @param {string} key
	 * @param {Req} req
	 * @param {Res} res
	 */
	function serve(key, req, res) {
		const page = pages.get(key);
		if (!page) return false;
		if (page.expiresAt <= now()) {
			remove(key);
			return false;
		}
		pages.delete(key);
		pages.set(key, page);
		if (page.etag !== undefined && req.headers['if-none-match'] === page.etag) {
			res.writeHead(304, {
				etag: page.etag,
				'cache-control': String(page.headers['cache-control'])
			});
			res.end();
		} else {
			res.writeHead(page.status, page.headers);
			res.end(page.body);
		}
		return true;
	}

	/**
	 * Watches the app's answer to a request the cache could hold, and keeps it if the app
	 * marked it public. The headers are final at the first write, so anything else (static
	 * files, personal pages) is let through untouched from there on.
	 * @param {string} key
	 * @param {Res} res
	 */
	function capture(key, res) {
		const write = res.write;
		const end = res.end;
		/** @type {Buffer[]} */
		const chunks = [];
		let seconds = -1;
		/** @param {unknown} chunk */
		const keep = (chunk) => {
			if (seconds < 0) {
				seconds = sharedMaxAge(res.statusCode, res.getHeaders());
				if (seconds === 0) Object.assign(res, { write, end });
			}
			if (seconds > 0 && (typeof chunk === 'string' || chunk instanceof Uint8Array))
				chunks.push(Buffer.from(chunk));
		};
		res.write = /** @type {Res['write']} */ (
			function (/** @type {unknown[]} */ ...args) {
				keep(args[0]);
				return write.apply(res, /** @type {Parameters<Res['write']>} */ (args));
			}
		);
		res.end = /** @type {Res['end']} */ (
			function (/** @type {unknown[]} */ ...args) {
				keep(typeof args[0] === 'function' ? undefined : args[0]);
				if (seconds > 0) {
					const headers = res.getHeaders();
					/** @type {Record<string, string | string[]>} */
					const kept = {};
					for (const [name, value] of Object.entries(headers)) {
						if (value !== undefined) kept[name] = Array.isArray(value) ? value : String(value);
					}
					store(key, {
						status: res.statusCode,
						headers: kept,
						body: Buffer.concat(chunks),
						etag: typeof headers.etag === 'string' ? headers.etag : undefined,
						expiresAt: now() + seconds * 1000
					});
				}
				return end.apply(res, /** @type {Parameters<Res['end']>} */ (args));
			}
		);
	}

	/**
	 * Answers a request from the cache, or lets the app answer it and keeps the answer when the
	 * app marked it public.
	 * @param {Req} req
	 * @param {Res} res
	 * @param {() => void} app
	 */
	function respond(req, res, app) {
		const key = pageCacheKey(req);
		if (key !== null) {
			if (serve(key, req, res)) return;
			capture(key, res);
		}
		app();
	}

	return { respond, size: () => pages.size, bytes: () => bytes };
}
