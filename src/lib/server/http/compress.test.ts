import {
	createServer,
	request,
	type IncomingMessage,
	type Server,
	type ServerResponse
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
	acceptedEncodings,
	compressResponse,
	isCompressible,
	preferredEncoding,
	varyWithAcceptEncoding
} from './compress.js';

describe('preferredEncoding', () => {
	it('prefers brotli, then gzip, and honours q=0', () => {
		expect(preferredEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(preferredEncoding('gzip')).toBe('gzip');
		expect(preferredEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
		expect(preferredEncoding('*')).toBe('br');
		expect(preferredEncoding('*, br;q=0')).toBe('gzip');
		expect(preferredEncoding('identity')).toBeNull();
		expect(preferredEncoding(undefined)).toBeNull();
	});

	it('lists every encoding the client accepts, best first, for a cache to fall back on', () => {
		expect(acceptedEncodings('gzip, deflate, br')).toEqual(['br', 'gzip']);
		expect(acceptedEncodings('br')).toEqual(['br']);
		expect(acceptedEncodings('*, gzip;q=0')).toEqual(['br']);
		expect(acceptedEncodings('deflate')).toEqual([]);
	});
});

describe('isCompressible', () => {
	it('takes HTML and JSON that are not encoded, tiny or no-transform', () => {
		expect(isCompressible({ 'content-type': 'text/html; charset=utf-8' })).toBe(true);
		expect(isCompressible({ 'content-type': 'application/json' })).toBe(true);
		expect(isCompressible({ 'content-type': 'text/event-stream; charset=utf-8' })).toBe(false);
		expect(isCompressible({ 'content-type': 'text/html', 'content-encoding': 'br' })).toBe(false);
		expect(isCompressible({ 'content-type': 'text/html', 'content-length': '200' })).toBe(false);
		expect(
			isCompressible({ 'content-type': 'text/html', 'cache-control': 'no-cache, no-transform' })
		).toBe(false);
		expect(isCompressible({ 'content-type': 'image/png' })).toBe(false);
	});
});

describe('varyWithAcceptEncoding', () => {
	it('adds Accept-Encoding once', () => {
		expect(varyWithAcceptEncoding(undefined)).toBe('Accept-Encoding');
		expect(varyWithAcceptEncoding('Cookie')).toBe('Cookie, Accept-Encoding');
		expect(varyWithAcceptEncoding('Cookie, Accept-Encoding')).toBe('Cookie, Accept-Encoding');
		expect(varyWithAcceptEncoding('*')).toBe('*');
	});
});

describe('compressResponse', () => {
	let server: Server | undefined;
	afterEach(async () => {
		server?.closeAllConnections();
		await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
	});

	async function serve(app: (res: ServerResponse) => void) {
		server = createServer((req, res) => {
			compressResponse(req, res);
			app(res);
		});
		await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
		const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
		return new Promise<IncomingMessage>((done) =>
			request(url, { headers: { 'accept-encoding': 'br' } }, (res) => {
				res.resume();
				res.on('end', () => done(res));
			}).end()
		);
	}

	it("answers a page's 304 with the Vary of its compressed 200", async () => {
		const res = await serve((res) => {
			res.writeHead(304, { etag: '"v1"', vary: 'Cookie' });
			res.end();
		});
		expect(res.statusCode).toBe(304);
		expect(res.headers.vary).toBe('Cookie, Accept-Encoding');
	});

	it('keeps every value of a header repeated in raw writeHead pairs', async () => {
		const res = await serve((res) => {
			res.writeHead(200, ['content-type', 'text/plain', 'set-cookie', 'a=1', 'set-cookie', 'b=2']);
			res.end('ok');
		});
		expect(res.headers['set-cookie']).toEqual(['a=1', 'b=2']);
		expect(res.headers['content-encoding']).toBeUndefined();
	});

	it('streams a large body through gzip with backpressure, as adapter-node writes it', async () => {
		// Random hex compresses to about half: enough to fill the socket and zlib's buffers.
		const parts = Array.from({ length: 64 }, () => randomBytes(32 * 1024).toString('hex'));
		server = createServer((req, res) => {
			compressResponse(req, res);
			res.setHeader('content-type', 'text/html');
			res.writeHead(200);
			let i = 0;
			const next = () => {
				while (i < parts.length) if (!res.write(parts[i++])) return void res.once('drain', next);
				res.end();
			};
			next();
		});
		await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
		const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
		const raw = await new Promise<Buffer>((done) =>
			request(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
				expect(res.headers['content-encoding']).toBe('gzip');
				const chunks: Buffer[] = [];
				// A slow reader, so that the server has to wait for the socket.
				res.on('data', (c: Buffer) => {
					chunks.push(c);
					res.pause();
					setTimeout(() => res.resume(), 1);
				});
				res.on('end', () => done(Buffer.concat(chunks)));
			}).end()
		);
		expect(gunzipSync(raw).toString()).toBe(parts.join(''));
	});
});
