/**
 * npm run test:proxy
 * The production set-up, exercised: the built app behind nginx running deploy/nginx.conf (its
 * addresses and paths swapped for test ones) with a self-signed certificate, and a smoke
 * journey through it over HTTP/2 and TLS. Uses the existing build/ (run `npx vite build`
 * first); installs Debian's nginx (nginx-light) when it is missing; not part of `npm test`.
 *
 * Checks: HTTP/2 and HSTS on every answer, http:// redirected to https://, the app's own
 * compression passed on, sign-up and sign-in with Secure cookies, a quiz submission stored,
 * the page cache's rules (a visitor's second request is a HIT, signed in or with a query
 * string it is a BYPASS, one copy per language), a live session whose events reach a
 * participant through the proxy at once, the rate limit on wrong live codes counting the real
 * client address (each client connects from its own loopback address, 127.0.0.x) and not the
 * proxy's, not even with a forged X-Forwarded-For, and nginx's body size limit.
 *
 * Exits 1 on any failed check. Environment: PROXY_APP_PORT (5301), PROXY_HTTPS_PORT (5343),
 * PROXY_HTTP_PORT (5380).
 */
import Database from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http2 from 'node:http2';
import { connect } from 'node:net';
import { join } from 'node:path';
import tls from 'node:tls';
import { ROOT, quizFormFrom, sleep, startApp, tempDir, type AppServer } from './lib/app-harness';

const APP_PORT = Number(process.env.PROXY_APP_PORT ?? 5301);
const HTTPS_PORT = Number(process.env.PROXY_HTTPS_PORT ?? 5343);
const HTTP_PORT = Number(process.env.PROXY_HTTP_PORT ?? 5380);
const ORIGIN = `https://localhost:${HTTPS_PORT}`;
const MODULE_PATH = '/unge/grooming';

let failures = 0;
let passed = 0;
function check(ok: boolean, message: string): void {
	console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${message}`);
	if (ok) passed++;
	else failures++;
}

// --- nginx ----------------------------------------------------------------------------------

function nginxBinary(): string | null {
	for (const path of ['/usr/sbin/nginx', '/usr/bin/nginx']) {
		if (spawnSync(path, ['-v'], { stdio: 'ignore' }).status === 0) return path;
	}
	return null;
}

/** Debian's nginx, installed when missing (nginx-light has TLS, HTTP/2, gzip and the cache). */
function ensureNginx(): string {
	const found = nginxBinary();
	if (found) return found;
	console.log('nginx is missing: apt-get install -y nginx-light …');
	const apt = (...args: string[]) =>
		spawnSync('apt-get', args, {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
		}).status === 0;
	if (!apt('install', '-y', 'nginx-light')) {
		apt('update');
		if (!apt('install', '-y', 'nginx-light')) apt('install', '-y', 'nginx');
	}
	const installed = nginxBinary();
	if (!installed) throw new Error('nginx could not be installed (apt-get install nginx-light)');
	return installed;
}

/** deploy/nginx.conf with its production addresses and paths swapped for this test's. */
function siteConfig(dir: string): string {
	let config = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8');
	const swaps: [string, string][] = [
		['server 127.0.0.1:3000;', `server 127.0.0.1:${APP_PORT};`],
		['/var/cache/nginx/sammen', join(dir, 'cache')],
		['listen 80;', `listen 127.0.0.1:${HTTP_PORT};`],
		['listen [::]:80;', ''],
		['listen 443 ssl http2;', `listen 127.0.0.1:${HTTPS_PORT} ssl http2;`],
		['listen [::]:443 ssl http2;', ''],
		['return 301 https://sammen.kommune.dk$request_uri;', `return 301 ${ORIGIN}$request_uri;`],
		['/etc/ssl/sammen/fullchain.pem', join(dir, 'cert.pem')],
		['/etc/ssl/sammen/privkey.pem', join(dir, 'key.pem')]
	];
	for (const [from, to] of swaps) {
		if (!config.includes(from)) throw new Error(`deploy/nginx.conf no longer has "${from}"`);
		config = config.replaceAll(from, to);
	}
	return config;
}

/** Around the site file, what Debian's /etc/nginx/nginx.conf has in http {} (gzip on included). */
function mainConfig(dir: string): string {
	return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 512; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log ${dir}/access.log;
    client_body_temp_path ${dir}/tmp/body;
    proxy_temp_path ${dir}/tmp/proxy;
    fastcgi_temp_path ${dir}/tmp/fastcgi;
    uwsgi_temp_path ${dir}/tmp/uwsgi;
    scgi_temp_path ${dir}/tmp/scgi;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_prefer_server_ciphers on;
    gzip on;
    include ${dir}/sammen.conf;
}
`;
}

function selfSignedCertificate(dir: string): void {
	const result = spawnSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-days',
			'2',
			'-subj',
			'/CN=localhost',
			'-addext',
			'subjectAltName=DNS:localhost,IP:127.0.0.1',
			'-keyout',
			join(dir, 'key.pem'),
			'-out',
			join(dir, 'cert.pem')
		],
		{ stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' }
	);
	if (result.status !== 0) throw new Error(`openssl: ${result.stderr}`);
}

function portOpen(port: number): Promise<boolean> {
	return new Promise((done) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => socket.end(() => done(true)));
		socket.once('error', () => done(false));
	});
}

async function startNginx(binary: string, dir: string): Promise<ChildProcess> {
	mkdirSync(join(dir, 'tmp'), { recursive: true });
	writeFileSync(join(dir, 'sammen.conf'), siteConfig(dir));
	writeFileSync(join(dir, 'nginx.conf'), mainConfig(dir));
	const args = ['-p', dir, '-c', join(dir, 'nginx.conf')];
	const test = spawnSync(binary, [...args, '-t'], { encoding: 'utf8' });
	if (test.status !== 0) throw new Error(`nginx -t:\n${test.stderr}`);
	const nginx = spawn(binary, [...args, '-g', 'daemon off;'], { stdio: 'inherit' });
	for (let i = 0; i < 100; i++) {
		if (await portOpen(HTTPS_PORT)) return nginx;
		await sleep(50);
	}
	nginx.kill('SIGKILL');
	throw new Error(`nginx did not start:\n${readFileSync(join(dir, 'error.log'), 'utf8')}`);
}

// --- an HTTP/2 client with cookies, one per client address ------------------------------------

interface Answer {
	status: number;
	headers: http2.IncomingHttpHeaders;
	body: string;
}

class Client {
	readonly session: http2.ClientHttp2Session;
	readonly cookies = new Map<string, string>();
	/** Every Set-Cookie this client received, as sent. */
	readonly setCookies: string[] = [];

	constructor(
		readonly address: string,
		ca: Buffer
	) {
		// Each client connects from its own loopback address, as people behind different routers.
		this.session = http2.connect(`https://localhost:${HTTPS_PORT}`, {
			createConnection: () =>
				tls.connect({
					socket: connect({ host: '127.0.0.1', port: HTTPS_PORT, localAddress: address }),
					servername: 'localhost',
					ca,
					ALPNProtocols: ['h2']
				})
		});
		this.session.on('error', () => {});
	}

	private cookieHeader(): Record<string, string> {
		if (this.cookies.size === 0) return {};
		return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
	}

	private remember(headers: http2.IncomingHttpHeaders): void {
		for (const line of headers['set-cookie'] ?? []) {
			this.setCookies.push(line);
			const [pair] = line.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}

	request(
		method: string,
		path: string,
		options: { form?: Record<string, string>; body?: string; headers?: Record<string, string> } = {}
	): Promise<Answer> {
		const body = options.form ? new URLSearchParams(options.form).toString() : options.body;
		const stream = this.session.request({
			':method': method,
			':path': path,
			':authority': `localhost:${HTTPS_PORT}`,
			'accept-encoding': 'identity',
			...(body !== undefined
				? {
						origin: ORIGIN,
						'content-type': 'application/x-www-form-urlencoded',
						accept: 'text/html'
					}
				: {}),
			...this.cookieHeader(),
			...options.headers
		});
		return new Promise((done, fail) => {
			let headers: http2.IncomingHttpHeaders = {};
			const chunks: Buffer[] = [];
			stream.on('response', (h) => {
				headers = h;
				this.remember(h);
			});
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () =>
				done({
					status: Number(headers[':status']),
					headers,
					body: Buffer.concat(chunks).toString('utf8')
				})
			);
			stream.on('error', fail);
			stream.setTimeout(15_000, () => stream.close(http2.constants.NGHTTP2_CANCEL));
			stream.end(body);
		});
	}

	/** An event stream: resolves with its headers; `next()` waits for the next event's name. */
	events(path: string): Promise<{
		headers: http2.IncomingHttpHeaders;
		next(ms: number): Promise<string | null>;
		close(): void;
	}> {
		const stream = this.session.request({
			':path': path,
			':authority': `localhost:${HTTPS_PORT}`,
			accept: 'text/event-stream',
			'accept-encoding': 'gzip, br',
			...this.cookieHeader()
		});
		const queue: string[] = [];
		let wake: (() => void) | null = null;
		let buffer = '';
		stream.setEncoding('utf8');
		stream.on('data', (chunk: string) => {
			buffer += chunk;
			let end;
			while ((end = buffer.indexOf('\n\n')) >= 0) {
				const block = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const name = /^event: (.+)$/m.exec(block)?.[1];
				if (name) queue.push(name);
			}
			wake?.();
		});
		stream.on('error', () => {});
		const next = async (ms: number) => {
			const deadline = Date.now() + ms;
			while (queue.length === 0 && Date.now() < deadline) {
				await Promise.race([new Promise<void>((r) => (wake = r)), sleep(deadline - Date.now())]);
				wake = null;
			}
			return queue.shift() ?? null;
		};
		return new Promise((done, fail) => {
			stream.once('response', (headers) => done({ headers, next, close: () => stream.close() }));
			stream.once('error', fail);
		});
	}

	close(): void {
		this.session.close();
	}
}

// --- the journey ------------------------------------------------------------------------------

const hsts = (a: Answer | { headers: http2.IncomingHttpHeaders }) =>
	String(a.headers['strict-transport-security'] ?? '').startsWith('max-age=31536000');

function secureCookie(client: Client, name: string): boolean {
	const line = client.setCookies.findLast((c) => c.startsWith(`${name}=`));
	return !!line && /;\s*Secure/i.test(line) && /;\s*HttpOnly/i.test(line);
}

async function signUp(client: Client, username: string, role: string): Promise<Answer> {
	return client.request('POST', '/opret-konto', {
		form: { username, password: `Proxy-${username}-${Date.now()}`, role }
	});
}

async function journey(server: AppServer, ca: Buffer): Promise<void> {
	const stamp = Date.now().toString(36);
	const pupil = new Client('127.0.0.2', ca);
	const teacher = new Client('127.0.0.3', ca);
	const phone = new Client('127.0.0.4', ca);
	const guesser = new Client('127.0.0.5', ca);
	const neighbour = new Client('127.0.0.6', ca);
	const clients = [pupil, teacher, phone, guesser, neighbour];
	const answers: Answer[] = [];
	const keep = (a: Answer) => (answers.push(a), a);
	try {
		console.log('\nTLS, HTTP/2, compression');
		const home = keep(
			await pupil.request('GET', '/', { headers: { 'accept-encoding': 'br, gzip' } })
		);
		check(
			home.status === 200 && pupil.session.alpnProtocol === 'h2',
			`GET / over TLS: ${home.status}, protocol ${pupil.session.alpnProtocol}`
		);
		check(
			home.headers['content-encoding'] === 'br',
			`the app's brotli passed on (content-encoding: ${home.headers['content-encoding']})`
		);
		const plain = await fetch(`http://127.0.0.1:${HTTP_PORT}/unge`, { redirect: 'manual' });
		check(
			plain.status === 301 && plain.headers.get('location') === `${ORIGIN}/unge`,
			`http:// answers ${plain.status} → ${plain.headers.get('location')}`
		);

		console.log('\nAccounts');
		const username = `proxy${stamp}`;
		const password = `Proxy-${stamp}-adgangskode`;
		const created = keep(
			await pupil.request('POST', '/opret-konto', { form: { username, password, role: 'youth' } })
		);
		check(
			created.status === 303 && secureCookie(pupil, 'session'),
			`sign-up: ${created.status}, session cookie Secure and HttpOnly`
		);
		keep(await pupil.request('POST', '/log-ud', { form: {} }));
		check(!pupil.cookies.has('session'), 'sign-out removes the session cookie');
		const signedIn = keep(
			await pupil.request('POST', '/log-ind', { form: { username, password } })
		);
		check(
			signedIn.status === 303 && secureCookie(pupil, 'session'),
			`sign-in: ${signedIn.status}, session cookie Secure and HttpOnly`
		);

		console.log('\nA quiz');
		const modulePage = keep(await pupil.request('GET', MODULE_PATH));
		const quiz = quizFormFrom(modulePage.body);
		const graded = keep(await pupil.request('POST', `${MODULE_PATH}?/svar`, { body: quiz.body }));
		const db = new Database(server.databaseUrl, { readonly: true });
		const stored = db
			.prepare(
				'SELECT count(*) FROM quiz_attempts a JOIN users u ON u.id = a.user_id WHERE u.username = ?'
			)
			.pluck()
			.get(username);
		db.close();
		check(
			graded.status === 200 && stored === 1,
			`submission: ${graded.status}, ${stored} attempt stored`
		);

		console.log('\nThe page cache');
		const visitor = async (headers: Record<string, string> = {}, path = MODULE_PATH) =>
			keep(await neighbour.request('GET', path, { headers })).headers['x-cache-status'];
		const first = await visitor();
		const second = await visitor();
		check(second === 'HIT', `a visitor's module page: ${first}, then ${second}`);
		const signedInStatus = keep(await pupil.request('GET', MODULE_PATH)).headers['x-cache-status'];
		check(signedInStatus === 'BYPASS', `signed in: ${signedInStatus}`);
		const withQuery = await visitor({}, `${MODULE_PATH}?utm_source=plakat`);
		check(withQuery === 'BYPASS', `with a query string: ${withQuery}`);
		const englishFirst = await visitor({ cookie: 'sprog=en' });
		const english = keep(
			await neighbour.request('GET', MODULE_PATH, { headers: { cookie: 'sprog=en' } })
		);
		check(
			english.headers['x-cache-status'] === 'HIT' && /<html[^>]*lang="en"/.test(english.body),
			`language cookie en: ${englishFirst}, then ${english.headers['x-cache-status']}, an English page`
		);
		const madeUp = await visitor({ cookie: 'sprog=xx' });
		check(madeUp === 'BYPASS', `an unknown language: ${madeUp}`);

		console.log('\nA live session through the proxy');
		const teacherName = `proxylaerer${stamp}`;
		keep(await signUp(teacher, teacherName, 'professional'));
		const write = new Database(server.databaseUrl);
		write
			.prepare('UPDATE users SET approved_at = ? WHERE username = ?')
			.run(Date.now(), teacherName);
		write.close();
		const started = keep(
			await teacher.request('POST', '/fagperson/live?/start', { form: { modul: 'unge/grooming' } })
		);
		const controlPath = String(started.headers.location ?? '');
		const sessionId = /^\/fagperson\/live\/([^/?]+)$/.exec(controlPath)?.[1];
		check(
			started.status === 303 && !!sessionId,
			`a professional starts a live quiz: ${started.status} → ${controlPath}`
		);
		const read = new Database(server.databaseUrl, { readonly: true });
		const code = read
			.prepare('SELECT code FROM live_sessions WHERE id = ?')
			.pluck()
			.get(sessionId) as string;
		read.close();
		const joined = keep(
			await phone.request('POST', '/live', { form: { code, nickname: 'Proxy Ræv' } })
		);
		check(
			joined.status === 303 && secureCookie(phone, 'live'),
			`a participant joins with the code: ${joined.status}, Secure cookie`
		);
		const participant = await phone.events(`/live/${code}/strom`);
		const control = await teacher.events(`${controlPath}/strom`);
		check(
			String(participant.headers['content-type']).startsWith('text/event-stream') &&
				!participant.headers['content-encoding'] &&
				hsts({ headers: participant.headers }),
			`event streams open: ${participant.headers[':status']} ${participant.headers['content-type']}, not compressed, HSTS`
		);
		const firstEvents = [await participant.next(5000), await control.next(5000)];
		check(
			firstEvents.every(Boolean),
			`the current state arrives at once on both streams (${firstEvents.join(', ')})`
		);
		const sentAt = performance.now();
		keep(await teacher.request('POST', `${controlPath}?/styr`, { form: { command: 'start' } }));
		const pushed = await participant.next(5000);
		const latency = performance.now() - sentAt;
		check(
			pushed !== null && latency < 1000,
			`"start" reaches the participant's phone through nginx: event ${pushed} after ${latency.toFixed(0)} ms`
		);
		participant.close();
		control.close();

		console.log('\nThe rate limit sees the client, not the proxy');
		const guess = (client: Client, headers: Record<string, string> = {}) =>
			client.request('POST', '/live', { form: { code: '999999', nickname: 'Gætter' }, headers });
		const statuses: number[] = [];
		for (let i = 0; i < 100; i++) statuses.push((await guess(guesser)).status);
		const limited = keep(await guess(guesser));
		check(
			statuses.every((s) => s === 400) && limited.status === 429,
			`one client (127.0.0.5): 100 wrong codes answered 400, the 101st ${limited.status}`
		);
		const forged = await guess(guesser, { 'x-forwarded-for': '198.51.100.7' });
		check(
			forged.status === 429,
			`the same client with a forged X-Forwarded-For: still ${forged.status}`
		);
		const other = await guess(neighbour);
		check(
			other.status === 400,
			`another client (127.0.0.6) at the same moment: ${other.status}, not limited`
		);

		console.log('\nLimits and headers');
		const tooBig = keep(
			await pupil.request('POST', '/log-ind', {
				body: `username=x&password=${'a'.repeat(600 * 1024)}`
			})
		);
		check(
			tooBig.status === 413,
			`a 600 KB form: ${tooBig.status} from nginx (client_max_body_size 512k)`
		);
		const withoutHsts = answers.filter((a) => !hsts(a));
		check(
			withoutHsts.length === 0,
			`HSTS on all ${answers.length} answers (pages, redirects, form posts, errors)` +
				(withoutHsts.length ? `: missing on ${withoutHsts.map((a) => a.status).join(', ')}` : '')
		);
		const duplicated = answers.filter((a) => Array.isArray(a.headers['strict-transport-security']));
		check(
			duplicated.length === 0,
			"one HSTS header each (the app's copy is replaced, not doubled)"
		);
	} finally {
		for (const client of clients) client.close();
	}
}

async function main() {
	const nginxPath = ensureNginx();
	const version = spawnSync(nginxPath, ['-v'], { encoding: 'utf8' }).stderr.trim();
	const dir = tempDir('sammen-proxy-');
	// nginx's workers run as another user when nginx starts as root; they need the way in.
	chmodSync(dir, 0o755);
	console.log(
		`Proxy test in ${dir}: ${version}, app on ${APP_PORT}, ${ORIGIN} and http://127.0.0.1:${HTTP_PORT}`
	);
	selfSignedCertificate(dir);
	const ca = readFileSync(join(dir, 'cert.pem'));
	const server = await startApp({
		port: APP_PORT,
		databaseUrl: join(dir, 'sammen.db'),
		env: { ORIGIN, ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1' }
	});
	let nginx: ChildProcess | null = null;
	try {
		nginx = await startNginx(nginxPath, dir);
		await journey(server, ca);
	} catch (problem) {
		check(false, `the journey stopped: ${problem instanceof Error ? problem.stack : problem}`);
	} finally {
		if (nginx) {
			const stopped = new Promise((r) => nginx!.once('exit', r));
			nginx.kill('SIGQUIT');
			await stopped;
		}
		server.process.kill('SIGTERM');
		await server.exited;
	}
	console.log(`\n${passed} passed, ${failures} failed`);
	if (failures === 0) rmSync(dir, { recursive: true, force: true });
	else console.log(`nginx and app logs kept in ${dir}`);
	process.exit(failures === 0 ? 0 : 1);
}

await main();
