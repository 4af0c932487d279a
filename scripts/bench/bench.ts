/**
 * npm run bench
 * Load benchmark of the built app (build/, run `npx vite build` first) on a fresh temporary
 * database: the server is pinned to core 1 and the load runs here, on core 0. Rate cases with
 * autocannon (information): a module page as a visitor, the same page signed in, and quiz
 * submissions (each one stores an attempt), against a bare node:http server sending the same
 * bytes as the ceiling. Targets from real use: a class of 30 pupils opening a module page in the
 * same second, a hall of 300 submitting a quiz within 5 s, server CPU per request no more than
 * 15 % above the previous run, and the JavaScript a module page loads. Also measures the page's
 * bytes on the wire and the largest public HTML page. Writes bench/results/latest.md and
 * appends a row to bench/results/history.md.
 *
 * Environment: BENCH_PORT (5110; the bare server takes the next port), BENCH_DURATION (10 s),
 * BENCH_WARMUP (10 s), BENCH_CONNECTIONS (50), BENCH_CPU_PROFILE=1 (the server writes a
 * .cpuprofile; read it with scripts/bench/profile-summary.ts).
 */
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import {
	appendFileSync,
	existsSync,
	mkdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { cookieName } from '../../src/lib/paraglide/runtime.js';
import { signedInYouths } from './accounts';
import {
	cpuChange,
	CPU_RISE_LIMIT,
	hasCurrentTable,
	historyHeader,
	historyRow,
	lastRun,
	type HistoryColumn
} from './history';
import {
	ROOT,
	coreTicks,
	cpuTimeMs,
	formHeaders,
	hasTaskset,
	loadQuiz,
	memoryOf,
	pinSelf,
	sampleMemory,
	signUp,
	sleep,
	startApp,
	submitQuiz,
	tempDir
} from '../lib/app-harness';

const PORT = Number(process.env.BENCH_PORT ?? 5110);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
// The app needs thousands of requests before V8 has optimised the render path: with a 3 s
// warm-up the module page measured at less than half of its steady rate.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const MODULE_PATH = '/unge/grooming';
const SCENARIO_PATH = '/unge/oev/oev-sextortion';
const RESULTS = join(ROOT, 'bench/results');
const SERVER_CPU = 1;

/** Targets from real use (issue #15). */
const TARGETS = {
	/** A class of 30 signed-in pupils opens the same module page within one second. */
	classroom: { people: 30, spreadMs: 1000, p99Ms: 1000 },
	/** A hall of 300 signed-in people submits a whole-page quiz within five seconds. */
	hall: { people: 300, spreadMs: 5000, p99Ms: 1000 },
	jsGzipKb: 46
};
/** What browsers send; the server answers with brotli. */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

interface CaseResult {
	name: string;
	rps: number;
	p50: number;
	p99: number;
	max: number;
	total: number;
	ok2xx: number;
	errors: number;
	timeouts: number;
	non2xx: number;
	peakRssKb: number;
	/** 2xx answers during warm-up and measurement together. */
	all2xx: number;
	/** Server CPU time (user + system) per request during the measurement. */
	cpuMsPerRequest: number;
	/** Share of the server's core that other processes took during the measurement. */
	otherLoadPct: number;
}

async function runCase(
	name: string,
	pid: number,
	options: { url: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }
): Promise<CaseResult> {
	const common = { ...options, connections: CONNECTIONS, timeout: 10 };
	process.stdout.write(`  ${name}: warm-up ${WARMUP} s … `);
	const warm = await autocannon({ ...common, duration: WARMUP });
	process.stdout.write(`measuring ${DURATION} s … `);
	const memory = sampleMemory(pid);
	const cpuBefore = cpuTimeMs(pid);
	const coreBefore = coreTicks(SERVER_CPU);
	const r = await autocannon({ ...common, duration: DURATION });
	const cpuMs = cpuTimeMs(pid) - cpuBefore;
	const coreAfter = coreTicks(SERVER_CPU);
	const peakRssKb = memory.stop();
	const coreTotalMs = (coreAfter.total - coreBefore.total) * 10;
	const coreBusyMs = (coreAfter.busy - coreBefore.busy) * 10;
	console.log('done');
	return {
		name,
		rps: r.requests.average,
		p50: r.latency.p50,
		p99: r.latency.p99,
		max: r.latency.max,
		total: r.requests.total,
		ok2xx: r['2xx'],
		errors: r.errors,
		timeouts: r.timeouts,
		non2xx: r.non2xx,
		peakRssKb,
		all2xx: warm['2xx'] + r['2xx'],
		cpuMsPerRequest: cpuMs / Math.max(1, r.requests.total),
		otherLoadPct: coreTotalMs > 0 ? Math.max(0, (100 * (coreBusyMs - cpuMs)) / coreTotalMs) : 0
	};
}

/** The bare ceiling: node:http on the same core, answering with the captured page. */
async function startBareServer(port: number, capture: string) {
	const script = join(ROOT, 'scripts/bench/bare-server.js');
	const args = hasTaskset()
		? ['-c', String(SERVER_CPU), process.execPath, script, String(port), capture]
		: [script, String(port), capture];
	const child = spawn(hasTaskset() ? 'taskset' : process.execPath, args, { stdio: 'ignore' });
	for (let i = 0; i < 200; i++) {
		try {
			const res = await fetch(`http://127.0.0.1:${port}/`);
			await res.arrayBuffer();
			if (res.ok) return child;
		} catch {
			// not listening yet
		}
		await sleep(50);
	}
	child.kill('SIGKILL');
	throw new Error(`The bare server did not start on port ${port}`);
}

interface Timed {
	status: number;
	ms: number;
	/** Bytes of the body as sent (compressed when the server compressed it). */
	wireBytes: number;
	error?: string;
}

/** One request on its own connection, as from its own device; timed until the last byte. */
function timedRequest(
	url: string,
	options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<Timed> {
	const started = performance.now();
	return new Promise((done) => {
		const req = http.request(
			url,
			{ method: options.method ?? 'GET', headers: options.headers, agent: false },
			(res) => {
				let wireBytes = 0;
				res.on('data', (c: Buffer) => (wireBytes += c.length));
				res.on('end', () =>
					done({ status: res.statusCode ?? 0, ms: performance.now() - started, wireBytes })
				);
				res.on('error', (e) => done({ status: 0, ms: NaN, wireBytes, error: e.message }));
			}
		);
		req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
		req.on('error', (e) =>
			done({ status: 0, ms: performance.now() - started, wireBytes: 0, error: e.message })
		);
		req.end(options.body);
	});
}

/** Runs one request per person, started evenly spread over spreadMs, and waits for all. */
async function spreadOver<T>(people: T[], spreadMs: number, run: (person: T) => Promise<Timed>) {
	const step = spreadMs / people.length;
	return Promise.all(
		people.map(async (person, i) => {
			await sleep(i * step);
			return run(person);
		})
	);
}

interface CrowdResult {
	count: number;
	ok: number;
	errors: number;
	p50: number;
	p99: number;
	max: number;
	cpuMsPerRequest: number;
	otherLoadPct: number;
}

function percentile(values: number[], q: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

/** A crowd of people each sending one request within a time window: latency of every one. */
async function runCrowd<T>(
	name: string,
	pid: number,
	people: T[],
	spreadMs: number,
	run: (person: T) => Promise<Timed>
): Promise<CrowdResult> {
	process.stdout.write(`  ${name} … `);
	const cpuBefore = cpuTimeMs(pid);
	const coreBefore = coreTicks(SERVER_CPU);
	const results = await spreadOver(people, spreadMs, run);
	const cpuMs = cpuTimeMs(pid) - cpuBefore;
	const coreAfter = coreTicks(SERVER_CPU);
	const coreTotalMs = (coreAfter.total - coreBefore.total) * 10;
	const coreBusyMs = (coreAfter.busy - coreBefore.busy) * 10;
	console.log('done');
	const ms = results.map((r) => r.ms);
	const ok = results.filter((r) => r.status === 200).length;
	return {
		count: results.length,
		ok,
		errors: results.length - ok,
		p50: percentile(ms, 0.5),
		p99: percentile(ms, 0.99),
		max: Math.max(...ms),
		cpuMsPerRequest: cpuMs / results.length,
		otherLoadPct: coreTotalMs > 0 ? Math.max(0, (100 * (coreBusyMs - cpuMs)) / coreTotalMs) : 0
	};
}

/** The module page's bytes on the wire as a visitor gets it (from the page cache). */
async function wireSizes(origin: string, path: string, cookie?: string) {
	const size = async (encoding: string) =>
		(
			await timedRequest(origin + path, {
				headers: { 'accept-encoding': encoding, ...(cookie ? { cookie } : {}) }
			})
		).wireBytes;
	return { raw: await size('identity'), gzip: await size('gzip'), br: await size('br') };
}

/** Every URL a list of refs resolves to, relative to the page. */
function resolveAll(refs: string[], base: string): string[] {
	return refs.map((ref) => new URL(ref, base).href);
}

/**
 * The JavaScript a module page makes the browser load: the <script src>, <link
 * rel=modulepreload> and import() of the HTML, the modulepreloads of the Link header, and
 * whatever those import statically (dynamic imports of other pages are left out).
 */
async function pageJavaScript(origin: string, path: string, locale = 'da') {
	const pageUrl = origin + path;
	const res = await fetch(pageUrl, { headers: { cookie: `${cookieName}=${locale}` } });
	const html = await res.text();
	const refs: string[] = [];
	for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) refs.push(m[1]);
	for (const m of html.matchAll(/<link[^>]*>/g)) {
		if (/rel="modulepreload"/.test(m[0])) refs.push(/href="([^"]+)"/.exec(m[0])?.[1] ?? '');
	}
	for (const m of html.matchAll(/import\("([^"]+)"\)/g)) refs.push(m[1]);
	for (const part of (res.headers.get('link') ?? '').split(',')) {
		const m = /<([^>]+)>;.*rel="?modulepreload/.exec(part);
		if (m) refs.push(m[1]);
	}
	const referenced = new Set(resolveAll(refs.filter(Boolean), pageUrl));
	const files = new Map<string, { raw: number; gzip: number }>();
	const queue = [...referenced];
	while (queue.length) {
		const url = queue.shift()!;
		if (files.has(url)) continue;
		const js = await fetch(url);
		const text = await js.text();
		if (!js.ok) throw new Error(`GET ${url}: HTTP ${js.status}`);
		const bytes = Buffer.from(text);
		files.set(url, { raw: bytes.length, gzip: gzipSync(bytes).length });
		for (const m of text.matchAll(
			/\bfrom\s*["']([^"']+\.js)["']|\bimport\s*["']([^"']+\.js)["']/g
		)) {
			queue.push(new URL(m[1] ?? m[2], url).href);
		}
	}
	const sum = (key: 'raw' | 'gzip') => [...files.values()].reduce((s, f) => s + f[key], 0);
	const referencedGzip = [...referenced].reduce((s, u) => s + (files.get(u)?.gzip ?? 0), 0);
	return {
		files: [...files].map(([url, f]) => ({ path: new URL(url).pathname, ...f })),
		referencedCount: referenced.size,
		referencedGzip,
		gzip: sum('gzip'),
		raw: sum('raw'),
		htmlBytes: Buffer.byteLength(html)
	};
}

/** Crawls the public pages as a visitor (Danish and English) and returns their HTML sizes. */
async function publicPageSizes(origin: string) {
	const skip = /^\/(_app|indhold|log-ud|sprog|mig|admin|healthz)(\/|$)/;
	const pages: { path: string; locale: string; bytes: number; gzip: number }[] = [];
	for (const locale of ['da', 'en']) {
		const seen = new Set<string>();
		const queue = ['/', '/unge', '/foraeldre', '/hjaelp', '/privatliv', '/tilgaengelighed'];
		while (queue.length && seen.size < 300) {
			const path = queue.shift()!;
			if (seen.has(path)) continue;
			seen.add(path);
			const res = await fetch(origin + path, {
				redirect: 'manual',
				headers: { cookie: `sprog=${locale}` }
			});
			const html = await res.text();
			if (res.status !== 200 || !res.headers.get('content-type')?.includes('text/html')) continue;
			const bytes = Buffer.from(html);
			pages.push({ path, locale, bytes: bytes.length, gzip: gzipSync(bytes).length });
			for (const m of html.matchAll(/href="([^"#?]*)[^"]*"/g)) {
				const url = new URL(m[1] || path, origin + path);
				if (url.origin !== origin || skip.test(url.pathname)) continue;
				if (/\.[a-z0-9]+$/i.test(url.pathname)) continue;
				queue.push(url.pathname);
			}
		}
	}
	return pages.sort((a, b) => b.bytes - a.bytes);
}

function countAttempts(databaseUrl: string): number {
	const db = new Database(databaseUrl, { readonly: true, fileMustExist: true });
	try {
		return db.prepare('SELECT count(*) FROM quiz_attempts').pluck().get() as number;
	} finally {
		db.close();
	}
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const mb = (kbytes: number) => (kbytes / 1024).toFixed(0);

function gitDescription(): string {
	const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
	const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], {
		cwd: ROOT,
		encoding: 'utf8'
	});
	return `${head.stdout.trim() || 'unknown'}${dirty.stdout.trim() ? '+changes' : ''}`;
}

/** The first reply of the scenario, with the signed start path its page carries. */
async function scenarioReplyBody(origin: string): Promise<string> {
	const html = await (await fetch(origin + SCENARIO_PATH)).text();
	const token = /name="vej" value="([^"]*)"/.exec(html)?.[1];
	if (token === undefined) throw new Error(`${SCENARIO_PATH}: no signed path on the page`);
	return new URLSearchParams({ vej: token, valg: '1' }).toString();
}

async function main() {
	const loaderPinned = cpus().length > 1 && pinSelf(0);
	const dir = tempDir('sammen-bench-');
	const databaseUrl = join(dir, 'bench.db');
	mkdirSync(RESULTS, { recursive: true });
	const nodeArgs =
		process.env.BENCH_CPU_PROFILE === '1'
			? ['--cpu-prof', `--cpu-prof-dir=${join(dir, 'profiles')}`]
			: [];
	console.log(
		`Benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ` +
			`server ${hasTaskset() ? `pinned to core ${SERVER_CPU}` : 'not pinned (no taskset)'}, ` +
			`load generator ${loaderPinned ? 'on core 0' : 'not pinned'}; database ${databaseUrl}`
	);
	const pupils = await signedInYouths(databaseUrl, TARGETS.classroom.people, 'elev');
	const hall = await signedInYouths(databaseUrl, TARGETS.hall.people, 'sal');
	const app = await startApp({ port: PORT, databaseUrl, cpu: SERVER_CPU, nodeArgs });

	try {
		// The ceiling first, with the exact bytes and headers of the visitor's module page.
		const page = await fetch(app.origin + MODULE_PATH, {
			headers: { 'accept-encoding': 'identity' }
		});
		const body = Buffer.from(await page.arrayBuffer());
		const headers: Record<string, string> = {};
		page.headers.forEach((value, name) => {
			if (
				!['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name)
			)
				headers[name] = value;
		});
		const capture = join(dir, 'page.json');
		writeFileSync(capture, JSON.stringify({ headers, body: body.toString('base64') }));

		console.log('Static measurements …');
		const js = await pageJavaScript(app.origin, MODULE_PATH);
		// Only the reader's language is sent: Arabic must stay within the budget as Danish does.
		const jsArabic = await pageJavaScript(app.origin, MODULE_PATH, 'ar');
		const sizes = await publicPageSizes(app.origin);
		const wire = await wireSizes(app.origin, MODULE_PATH);
		const wireSignedIn = await wireSizes(app.origin, MODULE_PATH, pupils[0]);

		console.log('Load cases (rates, for information) …');
		const bare = await startBareServer(PORT + 1, capture);
		let ceiling: CaseResult;
		try {
			ceiling = await runCase('bare node:http, same bytes', bare.pid!, {
				url: `http://127.0.0.1:${PORT + 1}${MODULE_PATH}`
			});
		} finally {
			bare.kill('SIGKILL');
		}

		const visitor = await runCase('(a) module page, visitor', app.pid, {
			url: app.origin + MODULE_PATH
		});
		// Any cookie besides the language one keeps a request away from the shared page cache:
		// what it costs to render the visitor's page with SvelteKit.
		const rendered = await runCase('(a′) module page, visitor, rendered (no page cache)', app.pid, {
			url: app.origin + MODULE_PATH,
			headers: { cookie: 'bench=1' }
		});

		// A youth with some progress: one attempt at this module and two other modules opened.
		const cookie = await signUp(app.origin, `baenk${Date.now().toString(36)}`);
		const first = await loadQuiz(app.origin, MODULE_PATH, cookie);
		const status = await submitQuiz(app.origin, MODULE_PATH, first, cookie);
		if (status !== 200) throw new Error(`Setting up the signed-in case: quiz answered ${status}`);
		for (const other of ['/unge/digitalt-fodspor', '/unge/sextortion']) {
			await (await fetch(app.origin + other, { headers: { cookie } })).arrayBuffer();
		}
		const signedInPage = await (
			await fetch(app.origin + MODULE_PATH, { headers: { cookie } })
		).text();
		if (!signedInPage.includes('signedIn:true')) {
			throw new Error('The signed-in module page does not look signed in');
		}
		// Browsers ask for compressed pages: the CPU figures include compressing them.
		const signedIn = await runCase('(b) module page, signed-in youth', app.pid, {
			url: app.origin + MODULE_PATH,
			headers: { cookie, 'accept-encoding': BROWSER_ACCEPT_ENCODING }
		});

		const form = await loadQuiz(app.origin, MODULE_PATH, cookie);
		const attemptsBefore = countAttempts(databaseUrl);
		const submit = await runCase('(c) quiz submission, signed in', app.pid, {
			url: `${app.origin}${MODULE_PATH}?/svar`,
			method: 'POST',
			headers: { ...formHeaders(app.origin, cookie), 'accept-encoding': BROWSER_ACCEPT_ENCODING },
			body: form.body
		});
		// With JavaScript the quiz posts through use:enhance and gets the grade back as JSON.
		const enhanced = await runCase('(d) quiz submission with JavaScript', app.pid, {
			url: `${app.origin}${MODULE_PATH}?/svar`,
			method: 'POST',
			headers: {
				...formHeaders(app.origin, cookie),
				accept: 'application/json',
				'accept-encoding': BROWSER_ACCEPT_ENCODING,
				'x-sveltekit-action': 'true'
			},
			body: form.body
		});
		const attemptsWritten = countAttempts(databaseUrl) - attemptsBefore;

		// A practice scenario: one reply, posted with JavaScript (the chat grows in place) and
		// without (the whole page comes back), as a visitor and signed in.
		const reply = await scenarioReplyBody(app.origin);
		const scenarioPost = (cookie?: string, javascript = false) => ({
			url: `${app.origin}${SCENARIO_PATH}?/svar`,
			method: 'POST' as const,
			headers: {
				...formHeaders(app.origin, cookie),
				'accept-encoding': BROWSER_ACCEPT_ENCODING,
				...(javascript ? { accept: 'application/json', 'x-sveltekit-action': 'true' } : {})
			},
			body: reply
		});
		const scenarioVisitor = await runCase(
			'(e) scenario step, visitor, with JavaScript',
			app.pid,
			scenarioPost(undefined, true)
		);
		const scenarioSignedIn = await runCase(
			'(f) scenario step, signed in, whole page',
			app.pid,
			scenarioPost(cookie)
		);

		console.log('Targets from real use …');
		const classroom = await runCrowd(
			`class of ${pupils.length} opens ${MODULE_PATH} within ${TARGETS.classroom.spreadMs / 1000} s`,
			app.pid,
			pupils,
			TARGETS.classroom.spreadMs,
			(pupil) =>
				timedRequest(app.origin + MODULE_PATH, {
					headers: { cookie: pupil, 'accept-encoding': BROWSER_ACCEPT_ENCODING }
				})
		);
		const classroomScenario = await runCrowd(
			`class of ${pupils.length} replies in ${SCENARIO_PATH} within ${TARGETS.classroom.spreadMs / 1000} s`,
			app.pid,
			pupils,
			TARGETS.classroom.spreadMs,
			(pupil) => timedRequest(scenarioPost(pupil).url, { ...scenarioPost(pupil) })
		);
		// Everyone in the hall has the quiz page open; the same form serves them all (its nonce
		// only seeds the order of the options).
		const hallForm = await loadQuiz(app.origin, MODULE_PATH, hall[0]);
		const hallSubmits = await runCrowd(
			`hall of ${hall.length} submits the whole-page quiz within ${TARGETS.hall.spreadMs / 1000} s`,
			app.pid,
			hall,
			TARGETS.hall.spreadMs,
			(person) =>
				timedRequest(`${app.origin}${MODULE_PATH}?/svar`, {
					method: 'POST',
					headers: {
						...formHeaders(app.origin, person),
						'accept-encoding': BROWSER_ACCEPT_ENCODING
					},
					body: hallForm.body
				})
		);
		const serverHwmKb = memoryOf(app.pid)?.hwmKb ?? 0;

		const historyFile = join(RESULTS, 'history.md');
		const previous = existsSync(historyFile) ? lastRun(readFileSync(historyFile, 'utf8')) : null;
		const cpuCases = [
			{ label: '(b) signed-in module page', column: 'CPU (b) ms/req', c: signedIn },
			{ label: '(c) whole-page submission', column: 'CPU (c) ms/req', c: submit },
			{ label: '(d) JavaScript submission', column: 'CPU (d) ms/req', c: enhanced },
			{ label: '(e) scenario step, visitor', column: 'CPU (e) ms/req', c: scenarioVisitor },
			{ label: '(f) scenario step, signed in', column: 'CPU (f) ms/req', c: scenarioSignedIn }
		] as const;
		const cpu = cpuCases.map(({ label, column, c }) => ({
			label,
			column,
			ms: c.cpuMsPerRequest,
			previous: previous?.[column],
			change: cpuChange(previous?.[column], c.cpuMsPerRequest)
		}));

		const targets = [
			{
				name: `class of ${TARGETS.classroom.people} signed-in pupils opens the module page within 1 s: all answered, p99 < ${TARGETS.classroom.p99Ms} ms`,
				figure: `${classroom.ok}/${classroom.count} answered, p50 ${classroom.p50.toFixed(0)} ms, p99 ${classroom.p99.toFixed(0)} ms`,
				ok: classroom.ok === classroom.count && classroom.p99 < TARGETS.classroom.p99Ms
			},
			{
				name: `class of ${TARGETS.classroom.people} signed-in pupils replies in a practice scenario within 1 s: all answered, p99 < ${TARGETS.classroom.p99Ms} ms`,
				figure: `${classroomScenario.ok}/${classroomScenario.count} answered, p50 ${classroomScenario.p50.toFixed(0)} ms, p99 ${classroomScenario.p99.toFixed(0)} ms`,
				ok:
					classroomScenario.ok === classroomScenario.count &&
					classroomScenario.p99 < TARGETS.classroom.p99Ms
			},
			{
				name: `hall of ${TARGETS.hall.people} signed-in people submits a whole-page quiz within 5 s: p99 < ${TARGETS.hall.p99Ms} ms, no errors`,
				figure: `${hallSubmits.ok}/${hallSubmits.count} answered 200, p50 ${hallSubmits.p50.toFixed(0)} ms, p99 ${hallSubmits.p99.toFixed(0)} ms`,
				ok: hallSubmits.errors === 0 && hallSubmits.p99 < TARGETS.hall.p99Ms
			},
			...cpu.map((x) => ({
				name: `server CPU per request, ${x.label}: no rise above ${CPU_RISE_LIMIT * 100} % on the previous run`,
				figure:
					`${x.ms.toFixed(2)} ms` +
					(x.change
						? ` (previous ${x.previous} ms, ${x.change.change >= 0 ? '+' : ''}${(x.change.change * 100).toFixed(0)} %${x.change.flagged ? ', RISE' : ''})`
						: ' (no previous run to compare with)'),
				ok: !x.change?.flagged
			})),
			{
				name: `JavaScript loaded by a module page ≤ ${TARGETS.jsGzipKb} KB gzip`,
				figure: `${kb(js.gzip)} KB gzip`,
				ok: js.gzip / 1024 <= TARGETS.jsGzipKb
			},
			{
				name: `… and in Arabic ≤ ${TARGETS.jsGzipKb} KB gzip`,
				figure: `${kb(jsArabic.gzip)} KB gzip`,
				ok: jsArabic.gzip / 1024 <= TARGETS.jsGzipKb
			}
		];
		const missed = targets.filter((t) => !t.ok);
		const disturbed = [
			ceiling,
			visitor,
			rendered,
			signedIn,
			submit,
			enhanced,
			scenarioVisitor,
			scenarioSignedIn,
			classroom,
			classroomScenario,
			hallSubmits
		].some((c) => c.otherLoadPct > 10);

		const line = (c: CaseResult) =>
			`${c.rps.toFixed(0)} req/s, p50 ${c.p50} ms, p99 ${c.p99} ms (max ${c.max}), ${c.total} requests, ` +
			`errors ${c.errors} (timeouts ${c.timeouts}), non-2xx ${c.non2xx}, peak RSS ${mb(c.peakRssKb)} MB, ` +
			`server CPU ${c.cpuMsPerRequest.toFixed(2)} ms/request (≈ ${(1000 / c.cpuMsPerRequest).toFixed(0)} req/s on a free core), ` +
			`other processes on its core ${c.otherLoadPct.toFixed(0)} %`;
		const crowdLine = (c: CrowdResult) =>
			`${c.ok}/${c.count} answered 200, p50 ${c.p50.toFixed(0)} ms, p99 ${c.p99.toFixed(0)} ms, max ${c.max.toFixed(0)} ms, ` +
			`server CPU ${c.cpuMsPerRequest.toFixed(2)} ms/request, other processes on its core ${c.otherLoadPct.toFixed(0)} %`;
		const wireLine = (w: { raw: number; gzip: number; br: number }) =>
			`${kb(w.raw)} KB raw, ${kb(w.gzip)} KB gzip, ${kb(w.br)} KB br`;
		const report = [
			'',
			'Rates with 50 connections (information):',
			`bare node:http (ceiling)       ${line(ceiling)}`,
			`(a) module page, visitor       ${line(visitor)}`,
			`      ratio to bare ${(visitor.rps / ceiling.rps).toFixed(2)}`,
			`(a′) same page, no page cache  ${line(rendered)}`,
			`(b) module page, signed in     ${line(signedIn)}`,
			`(c) quiz submission, signed in ${line(submit)}`,
			`(d) the same with JavaScript   ${line(enhanced)}`,
			`      quiz attempts stored in (c) and (d): ${attemptsWritten} for ${submit.all2xx + enhanced.all2xx} 2xx answers (warm-up + measured)`,
			'Crowds from real use:',
			`class of ${classroom.count}, module page in 1 s    ${crowdLine(classroom)}`,
			`hall of ${hallSubmits.count}, quiz POST in 5 s     ${crowdLine(hallSubmits)}`,
			`module page on the wire: visitor (page cache) ${wireLine(wire)}; signed in (compressed per request) ${wireLine(wireSignedIn)}`,
			`server peak RSS (VmHWM over the whole run): ${mb(serverHwmKb)} MB`,
			`JavaScript of a module page: ${kb(js.gzip)} KB gzip (${kb(js.raw)} KB raw, ${js.files.length} files; ` +
				`${js.referencedCount} referenced by the page = ${kb(js.referencedGzip)} KB gzip); in Arabic ${kb(jsArabic.gzip)} KB gzip`,
			`largest public HTML page: ${sizes[0].path} (${sizes[0].locale}) ${kb(sizes[0].bytes)} KB ` +
				`(${kb(sizes[0].gzip)} KB gzip); ${sizes.length} pages crawled`,
			'',
			'Targets:',
			...targets.map((t) => `  ${t.ok ? '✓' : '✗'} ${t.name}: ${t.figure}`),
			missed.length ? `MISSED TARGETS: ${missed.length} of ${targets.length}` : 'All targets met.',
			...(disturbed
				? [
						'WARNING: other processes used more than 10 % of the server core during a case; ' +
							'req/s and latency are worse than on a quiet machine (server CPU ms/request much less so).'
					]
				: [])
		];
		console.log(report.join('\n'));

		const when = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
		const commit = gitDescription();
		const row = (label: string, c: CaseResult) =>
			`| ${label} | ${c.rps.toFixed(0)} | ${c.p50} | ${c.p99} | ${c.max} | ${c.total} | ${c.errors} | ${c.non2xx} | ${mb(c.peakRssKb)} | ` +
			`${c.cpuMsPerRequest.toFixed(2)} (≈ ${(1000 / c.cpuMsPerRequest).toFixed(0)} req/s) | ${c.otherLoadPct.toFixed(0)} % |`;
		const crowdRow = (label: string, c: CrowdResult) =>
			`| ${label} | ${c.ok}/${c.count} | ${c.p50.toFixed(0)} | ${c.p99.toFixed(0)} | ${c.max.toFixed(0)} | ${c.cpuMsPerRequest.toFixed(2)} | ${c.otherLoadPct.toFixed(0)} % |`;
		const markdown = [
			`# Benchmark results`,
			'',
			`${when}, commit ${commit}. ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}. ` +
				`Server \`node scripts/server.js\` ${hasTaskset() ? `pinned to core ${SERVER_CPU} (taskset)` : 'not pinned'} on a fresh ` +
				`temporary database; load ${loaderPinned ? 'on core 0' : 'not pinned'}. Written by \`npm run bench\`.`,
			'',
			'## Targets',
			'',
			'| target | measured | met |',
			'| --- | --- | --- |',
			...targets.map((t) => `| ${t.name} | ${t.figure} | ${t.ok ? '✓' : '✗ MISSED'} |`),
			'',
			disturbed
				? '**Disturbed run:** other processes used more than 10 % of the server core during a case; latency and req/s are worse than on a quiet machine, server CPU per request much less so.'
				: 'Quiet run: other processes used at most 10 % of the server core in every case.',
			'',
			'## Crowds from real use',
			'',
			'Each person on their own connection, the requests started evenly over the window; latency until the last byte.',
			'',
			'| case | answered 200 | p50 ms | p99 ms | max ms | server CPU ms/req | other load on core |',
			'| --- | --: | --: | --: | --: | --: | --: |',
			crowdRow(
				`class of ${classroom.count} signed-in pupils, GET ${MODULE_PATH} within 1 s`,
				classroom
			),
			crowdRow(
				`class of ${classroomScenario.count} signed-in pupils, POST ${SCENARIO_PATH}?/svar within 1 s`,
				classroomScenario
			),
			crowdRow(
				`hall of ${hallSubmits.count} signed in, POST ${MODULE_PATH}?/svar (whole page) within 5 s`,
				hallSubmits
			),
			'',
			`## Rates with ${CONNECTIONS} connections (information)`,
			'',
			`autocannon, ${WARMUP} s warm-up then ${DURATION} s per case; signed-in cases ask for compressed answers, as browsers do.`,
			'',
			'| case | req/s | p50 ms | p99 ms | max ms | requests | errors | non-2xx | peak RSS MB | server CPU ms/req (CPU-bound rate) | other load on core |',
			'| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
			row('bare node:http, same bytes (ceiling)', ceiling),
			row(`(a) GET ${MODULE_PATH}, visitor (page cache)`, visitor),
			row(`(a′) the same, rendered without the page cache`, rendered),
			row(`(b) GET ${MODULE_PATH}, signed-in youth`, signedIn),
			row(`(c) POST ${MODULE_PATH}?/svar, signed in`, submit),
			row(`(d) the same with JavaScript (use:enhance, JSON)`, enhanced),
			row(`(e) POST ${SCENARIO_PATH}?/svar, visitor, with JavaScript`, scenarioVisitor),
			row(`(f) the same signed in, whole page`, scenarioSignedIn),
			'',
			`- Ratio (a) / bare: ${(visitor.rps / ceiling.rps).toFixed(2)}.`,
			`- Quiz attempts stored during (c) and (d): ${attemptsWritten} for ${submit.all2xx + enhanced.all2xx} 2xx answers (warm-up + measured).`,
			`- Server peak RSS over the whole run (VmHWM): ${mb(serverHwmKb)} MB`,
			`- Module page ${MODULE_PATH} on the wire: visitor, from the page cache: ${wireLine(wire)}; signed in, compressed per request: ${wireLine(wireSignedIn)}.`,
			`- JavaScript a module page loads: **${kb(js.gzip)} KB gzip** (${kb(js.raw)} KB raw, ${js.files.length} files); in Arabic **${kb(jsArabic.gzip)} KB gzip**.`,
			`- Largest public HTML page: ${sizes[0].path} (${sizes[0].locale}) ${kb(sizes[0].bytes)} KB, ${kb(sizes[0].gzip)} KB gzip; ` +
				`${sizes.length} pages crawled as a visitor.`,
			'',
			'## JavaScript files of the module page (gzip level 6, node:zlib)',
			'',
			'| file | raw KB | gzip KB |',
			'| --- | --: | --: |',
			...js.files.map((f) => `| ${f.path} | ${kb(f.raw)} | ${kb(f.gzip)} |`),
			'',
			'## Largest public pages',
			'',
			'| page | locale | KB | gzip KB |',
			'| --- | --- | --: | --: |',
			...sizes
				.slice(0, 8)
				.map((p) => `| ${p.path} | ${p.locale} | ${kb(p.bytes)} | ${kb(p.gzip)} |`),
			''
		].join('\n');
		writeFileSync(join(RESULTS, 'latest.md'), markdown);

		const history = existsSync(historyFile) ? readFileSync(historyFile, 'utf8') : '';
		if (!history)
			writeFileSync(historyFile, '# Benchmark history\n\nOne row per `npm run bench`.\n');
		if (!hasCurrentTable(history))
			appendFileSync(
				historyFile,
				`\n## From ${when}: targets from real use (issue #15), CPU per request compared run to run\n\n` +
					historyHeader()
			);
		const otherLoad = Math.max(
			...[
				ceiling,
				visitor,
				rendered,
				signedIn,
				submit,
				enhanced,
				scenarioVisitor,
				scenarioSignedIn,
				classroom,
				classroomScenario,
				hallSubmits
			].map((c) => c.otherLoadPct)
		);
		const short = (c: CaseResult) => `${c.rps.toFixed(0)} req/s`;
		const values: Record<HistoryColumn, string> = {
			when,
			commit,
			'(a) visitor': short(visitor),
			'(b) signed in': short(signedIn),
			'(c) quiz POST': short(submit),
			'(d) quiz POST, JS': short(enhanced),
			'CPU (b) ms/req': signedIn.cpuMsPerRequest.toFixed(2),
			'CPU (c) ms/req': submit.cpuMsPerRequest.toFixed(2),
			'CPU (d) ms/req': enhanced.cpuMsPerRequest.toFixed(2),
			'CPU (e) ms/req': scenarioVisitor.cpuMsPerRequest.toFixed(2),
			'CPU (f) ms/req': scenarioSignedIn.cpuMsPerRequest.toFixed(2),
			'class of 30, p99 ms': classroom.p99.toFixed(0),
			'class of 30 scenario, p99 ms': classroomScenario.p99.toFixed(0),
			'hall of 300, p99 ms': hallSubmits.p99.toFixed(0),
			'JS gzip KB': kb(js.gzip),
			'module page br KB': kb(wire.br),
			'other load on server core (max)': `${otherLoad.toFixed(0)} %`,
			targets: missed.length ? `missed ${missed.length} of ${targets.length}` : 'all met'
		};
		appendFileSync(historyFile, historyRow(values));
		console.log(`\nWrote ${join(RESULTS, 'latest.md')} and appended to ${historyFile}.`);
	} finally {
		app.process.kill('SIGTERM');
		await Promise.race([app.exited, sleep(15_000)]);
		if (app.isRunning()) app.process.kill('SIGKILL');
		if (!nodeArgs.length) rmSync(dir, { recursive: true, force: true });
		else console.log(`CPU profile of the server in ${join(dir, 'profiles')}`);
	}
}

await main();
