// The production server: SvelteKit's adapter-node handler behind the shared page cache
// (src/lib/server/http/page-cache.js). It replaces `node build` and keeps its behaviour:
// PORT, HOST, ORIGIN, SHUTDOWN_TIMEOUT, KEEP_ALIVE_TIMEOUT and HEADERS_TIMEOUT, and on SIGTERM
// or SIGINT it stops taking connections, lets in-flight requests finish, then emits
// `sveltekit:shutdown` (background jobs stop, the database closes).
import http from 'node:http';
import { createPageCache } from '../src/lib/server/http/page-cache.js';

// Without ORIGIN adapter-node builds each request's URL from its Host header, so a forged Host
// could shape a page that the shared cache then hands to everyone. `npm start` sets a default.
if (!process.env.ORIGIN) {
	console.error(
		'ORIGIN is not set: set it to the public address, e.g. ORIGIN=https://sammen.kommune.dk ' +
			'(npm start uses http://localhost:$PORT).'
	);
	process.exit(1);
}

// A computed URL keeps the type checker out of the generated build.
const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
const shutdownTimeout = Number(process.env.SHUTDOWN_TIMEOUT ?? 30);
const cache = createPageCache();

const server = http.createServer((req, res) =>
	cache.respond(req, res, () =>
		handler(req, res, () => {
			res.statusCode = 404;
			res.end();
		})
	)
);
for (const [name, variable] of /** @type {const} */ ([
	['keepAliveTimeout', 'KEEP_ALIVE_TIMEOUT'],
	['headersTimeout', 'HEADERS_TIMEOUT']
])) {
	const seconds = process.env[variable];
	if (seconds) server[name] = Number(seconds) * 1000;
}

/** @type {NodeJS.Timeout | undefined} */
let forceClose;

// While stopping, close each keep-alive connection as soon as its request is done.
server.on('request', (req) => req.on('close', () => forceClose && server.closeIdleConnections()));

/** @param {NodeJS.Signals} signal */
function shutdown(signal) {
	if (forceClose) return;
	forceClose = setTimeout(() => server.closeAllConnections(), shutdownTimeout * 1000);
	server.closeIdleConnections();
	server.close((error) => {
		if (error) return;
		clearTimeout(forceClose);
		process.emit(/** @type {'SIGTERM'} */ ('sveltekit:shutdown'), signal);
	});
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));
