// Compression of HTML (and JSON) answers for clients that accept it, in front of SvelteKit.
// Plain JavaScript, like page-cache.js: `scripts/server.js` runs it outside the Vite build.
// Static files are not touched: adapter-node serves them precompressed with Content-Encoding
// already set. Event streams (`text/event-stream`) are never compressed: the live views need
// each event as soon as it is written.
import zlib from 'node:zlib';

/**
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 * @typedef {'br' | 'gzip'} Encoding
 */

/** Below this a compressed answer saves less than its headers and the CPU cost. */
export const MIN_COMPRESS_BYTES = 1024;

const COMPRESSIBLE_TYPE = /^\s*(text\/html|application\/json)\b/i;

/**
 * The encodings the client accepts that we can answer with, best first: brotli (smaller for
 * the same CPU at the levels used here), then gzip.
 * @param {string | string[] | undefined} accept Accept-Encoding
 * @returns {Encoding[]}
 */
export function acceptedEncodings(accept) {
	if (!accept) return [];
	/** @type {Map<string, number>} */
	const weights = new Map();
	for (const part of String(accept).toLowerCase().split(',')) {
		const [name, ...params] = part.split(';').map((s) => s.trim());
		const q = params.find((p) => p.startsWith('q='));
		weights.set(name, q ? Number(q.slice(2)) || 0 : 1);
	}
	/** @type {Encoding[]} */
	const ours = ['br', 'gzip'];
	return ours.filter((name) => (weights.get(name) ?? weights.get('*') ?? 0) > 0);
}

/**
 * The encoding to answer with: the best one the client accepts, or none.
 * @param {string | string[] | undefined} accept Accept-Encoding
 * @returns {Encoding | null}
 */
export function preferredEncoding(accept) {
	return acceptedEncodings(accept)[0] ?? null;
}

/**
 * Whether an answer with these headers is one we compress: HTML or JSON, not encoded yet, not
 * marked no-transform, and not known to be tiny. Event streams fail the type test.
 * @param {Record<string, unknown>} headers lower-case names, as `res.getHeaders()` gives them
 */
export function isCompressible(headers) {
	if (!COMPRESSIBLE_TYPE.test(String(headers['content-type'] ?? ''))) return false;
	const encoding = headers['content-encoding'];
	if (encoding !== undefined && encoding !== 'identity') return false;
	if (/\bno-transform\b/i.test(String(headers['cache-control'] ?? ''))) return false;
	const length = headers['content-length'];
	return length === undefined || Number(length) >= MIN_COMPRESS_BYTES;
}

/**
 * `Vary` with Accept-Encoding added once.
 * @param {unknown} vary
 */
export function varyWithAcceptEncoding(vary) {
	const current = Array.isArray(vary) ? vary.join(', ') : String(vary ?? '');
	if (/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(current)) return current;
	return current.trim() ? `${current}, Accept-Encoding` : 'Accept-Encoding';
}

/**
 * A compressed body's ETag is weak: the bytes differ from the identity body, the meaning does
 * not (SvelteKit and the page cache ignore the W/ when comparing If-None-Match).
 * @param {string} etag
 */
export function weakEtag(etag) {
	return etag.startsWith('W/') ? etag : `W/${etag}`;
}

/**
 * The gzip copy of a page that is kept: made once, at the best level (about 0.4 ms for a
 * module page, no slower than level 6 on pages this size).
 * @param {Buffer} body
 */
export function gzipOnce(body) {
	return zlib.gzipSync(body, { level: 9 });
}

/**
 * The brotli copy of a page that is kept, at the best quality: about 7 % smaller than quality
 * 8 but some 40 ms of CPU for a module page, so it is made in libuv's thread pool rather than
 * on the event loop, where it would hold up every other request (and the live event streams).
 * @param {Buffer} body
 * @param {(copy: Buffer) => void} done not called when it fails: the page then has no brotli copy
 */
export function brotliInBackground(body, done) {
	zlib.brotliCompress(
		body,
		{
			params: {
				[zlib.constants.BROTLI_PARAM_QUALITY]: 11,
				[zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length
			}
		},
		(error, copy) => {
			if (!error) done(copy);
		}
	);
}

/**
 * A streaming compressor for an answer rendered per request, where every request pays for it:
 * brotli 3 costs about what gzip 6 does on a module page and comes within 5 % of its size;
 * higher qualities cost more. The window must stay small: with brotli's default (4 MB) each
 * stream set up its large buffers anew, and a signed-in module page took 12.5 instead of 4 ms
 * of server CPU. 256 KB is more than any page here.
 * @param {Encoding} encoding
 */
function streamingCompressor(encoding) {
	return encoding === 'br'
		? zlib.createBrotliCompress({
				params: {
					[zlib.constants.BROTLI_PARAM_QUALITY]: 3,
					[zlib.constants.BROTLI_PARAM_LGWIN]: 18
				}
			})
		: zlib.createGzip({ level: 6 });
}

/**
 * Sets the headers given to writeHead with setHeader, so that getHeaders() sees all of them
 * before the head is sent (writeHead alone does not put them there).
 * @param {Res} res
 * @param {unknown} headers an object, or a flat [name, value, …] array
 */
function applyHeaders(res, headers) {
	if (!headers || typeof headers !== 'object') return;
	if (Array.isArray(headers)) {
		// Raw [name, value, …] pairs may repeat a name (Set-Cookie): keep every value.
		/** @type {Map<string, string[]>} */
		const values = new Map();
		for (let i = 0; i + 1 < headers.length; i += 2) {
			const name = String(headers[i]).toLowerCase();
			values.set(name, [...(values.get(name) ?? []), String(headers[i + 1])]);
		}
		for (const [name, value] of values) res.setHeader(name, value.length === 1 ? value[0] : value);
	} else {
		for (const [name, value] of Object.entries(headers))
			if (value !== undefined) res.setHeader(name, /** @type {string} */ (value));
	}
}

/**
 * Makes `res` compress its body when the request accepts it and the answer turns out to be
 * HTML or JSON; decided when the head is written, when the headers are known. Anything else
 * (event streams, static files, redirects) passes through untouched and unbuffered.
 * Call it before anything that wraps `res` and must see the uncompressed bytes (the page
 * cache's capture): whoever wraps last is called first.
 * @param {Req} req
 * @param {Res} res
 */
export function compressResponse(req, res) {
	const encoding = preferredEncoding(req.headers['accept-encoding']);
	const { writeHead, write, end } = res;
	/** @type {zlib.Gzip | zlib.BrotliCompress | null} */
	let zip = null;

	res.writeHead = /** @type {Res['writeHead']} */ (
		function (/** @type {number} */ status, /** @type {unknown[]} */ ...rest) {
			const message = typeof rest[0] === 'string' ? rest[0] : undefined;
			applyHeaders(res, message === undefined ? rest[0] : rest[1]);
			const headers = res.getHeaders();
			const bodyless = req.method === 'HEAD' || status === 204 || status === 304 || status < 200;
			if (!bodyless && isCompressible(headers)) {
				res.setHeader('vary', varyWithAcceptEncoding(headers.vary));
				if (encoding) zip = startCompressing(res, encoding, write, end);
			} else if (status === 304 && headers.etag !== undefined) {
				// A 304 has no type to judge by; it must vary as its 200 did, and a 200 with an
				// ETag here is a page (compressed) or a static file (Vary set by the file server).
				res.setHeader('vary', varyWithAcceptEncoding(headers.vary));
			}
			return /** @type {(status: number, message?: string) => Res} */ (writeHead).call(
				res,
				status,
				message
			);
		}
	);
	// Node writes the head on the first write when nobody called writeHead: do it here first,
	// so the decision is made before the first byte.
	res.write = /** @type {Res['write']} */ (
		function (/** @type {any[]} */ ...args) {
			if (!res.headersSent) res.writeHead(res.statusCode);
			if (!zip) return write.apply(res, /** @type {Parameters<Res['write']>} */ (args));
			const [chunk, ...rest] = args;
			const callback = rest.find((a) => typeof a === 'function');
			const encoding = /** @type {BufferEncoding} */ (
				typeof rest[0] === 'string' ? rest[0] : 'utf8'
			);
			const ok = zip.write(chunk, encoding, callback);
			zip.flush();
			return ok;
		}
	);
	res.end = /** @type {Res['end']} */ (
		function (/** @type {any[]} */ ...args) {
			if (!res.headersSent) res.writeHead(res.statusCode);
			if (!zip) return end.apply(res, /** @type {Parameters<Res['end']>} */ (args));
			const callback = args.find((a) => typeof a === 'function');
			if (callback) res.once('finish', callback);
			const [chunk, chunkEncoding] = args;
			if (chunk === undefined || chunk === null || typeof chunk === 'function') zip.end();
			else
				zip.end(
					chunk,
					/** @type {BufferEncoding} */ (typeof chunkEncoding === 'string' ? chunkEncoding : 'utf8')
				);
			return res;
		}
	);
}

/**
 * Routes the body through a zlib stream from here on. Each write is flushed (see
 * compressResponse), so a page that SvelteKit streams in parts reaches the browser part by part.
 * @param {Res} res
 * @param {Encoding} encoding
 * @param {Res['write']} write the socket-side write
 * @param {Res['end']} end the socket-side end
 */
function startCompressing(res, encoding, write, end) {
	res.removeHeader('content-length');
	res.setHeader('content-encoding', encoding);
	const etag = res.getHeader('etag');
	if (typeof etag === 'string') res.setHeader('etag', weakEtag(etag));

	const zip = streamingCompressor(encoding);
	const send = /** @type {(chunk: Buffer) => boolean} */ (write);
	zip.on('data', (/** @type {Buffer} */ chunk) => {
		if (!send.call(res, chunk)) {
			zip.pause();
			res.once('drain', () => zip.resume());
		}
	});
	zip.on('end', () => /** @type {() => Res} */ (end).call(res));
	zip.on('error', (error) => res.destroy(error));
	// The app waits for 'drain' on res when a write returns false; zlib's buffer draining is
	// the moment to go on.
	zip.on('drain', () => res.emit('drain'));
	res.on('close', () => zip.destroy());
	return zip;
}
