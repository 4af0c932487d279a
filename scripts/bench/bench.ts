/**
 * npm run bench
 * Load benchmark of the built app (build/, run `npx vite build` first) on a fresh temporary
 * database: the server is pinned to core 1 and autocannon runs here, on core 0. Cases: a module
 * page as a visitor, the same page signed in, and quiz submissions (each one stores an attempt),
 * against a bare node:http server sending the same bytes as the ceiling. Also measures the
 * JavaScript a module page loads and the largest public HTML page. Writes
 * bench/results/latest.md and appends a line to bench/results/history.md.
 *
 * Environment: BENCH_PORT (5110; the bare server takes the next port), BENCH_DURATION (10 s),
 * BENCH_WARMUP (10 s), BENCH_CONNECTIONS (50), BENCH_CPU_PROFILE=1 (the server writes a
 * .cpuprofile; read it with scripts/bench/profile-summary.ts).
 */
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
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
const RESULTS = join(ROOT, 'bench/results');
const SERVER_CPU = 1;

const TARGETS = {
	visitor: { rps: 1500, p99: 50, ratio: 0.4 },
	signedIn: { rps: 1000, p99: 50 },
	submit: { rps: 800, p99: 100 },
	jsGzipKb: 40
};

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

/** Every URL a list of refs resolves to, relative to the page. */
function resolveAll(refs: string[], base: string): string[] {
	return refs.map((ref) => new URL(ref, base).href);
}

/**
 * The JavaScript a module page makes the browser load: the <script src>, <link
 * rel=modulepreload> and import() of the HTML, the modulepreloads of the Link header, and
 * whatever those import statically (dynamic imports of other pages are left out).
 */
async function pageJavaScript(origin: string, path: string) {
	const pageUrl = origin + path;
	const res = await fetch(pageUrl);
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
const mark = (ok: boolean) => (ok ? '✓' : '✗ MISSED');

function gitDescription(): string {
	const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
	const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], {
		cwd: ROOT,
		encoding: 'utf8'
	});
	return `${head.stdout.trim() || 'unknown'}${dirty.stdout.trim() ? '+changes' : ''}`;
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
	const app = await startApp({ port: PORT, databaseUrl, cpu: SERVER_CPU, nodeArgs });

	try {
		// The ceiling first, with the exact bytes and headers of the visitor's module page.
		const page = await fetch(app.origin + MODULE_PATH);
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
		const sizes = await publicPageSizes(app.origin);

		console.log('Load cases …');
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
		// what it costs to render the visitor's page with SvelteKit (no target).
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
		const signedIn = await runCase('(b) module page, signed-in youth', app.pid, {
			url: app.origin + MODULE_PATH,
			headers: { cookie }
		});

		const form = await loadQuiz(app.origin, MODULE_PATH, cookie);
		const attemptsBefore = countAttempts(databaseUrl);
		const submit = await runCase('(c) quiz submission, signed in', app.pid, {
			url: `${app.origin}${MODULE_PATH}?/svar`,
			method: 'POST',
			headers: formHeaders(app.origin, cookie),
			body: form.body
		});
		// With JavaScript the quiz posts through use:enhance and gets the grade back as JSON.
		const enhanced = await runCase('(d) quiz submission with JavaScript', app.pid, {
			url: `${app.origin}${MODULE_PATH}?/svar`,
			method: 'POST',
			headers: {
				...formHeaders(app.origin, cookie),
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			},
			body: form.body
		});
		const attemptsWritten = countAttempts(databaseUrl) - attemptsBefore;
		const serverHwmKb = memoryOf(app.pid)?.hwmKb ?? 0;

		const ratio = visitor.rps / ceiling.rps;
		const largest = sizes[0];
		const checks = {
			visitorRps: visitor.rps >= TARGETS.visitor.rps,
			visitorP99: visitor.p99 < TARGETS.visitor.p99,
			ratio: ratio >= TARGETS.visitor.ratio,
			signedInRps: signedIn.rps >= TARGETS.signedIn.rps,
			signedInP99: signedIn.p99 < TARGETS.signedIn.p99,
			submitRps: submit.rps >= TARGETS.submit.rps,
			submitP99: submit.p99 < TARGETS.submit.p99,
			enhancedRps: enhanced.rps >= TARGETS.submit.rps,
			enhancedP99: enhanced.p99 < TARGETS.submit.p99,
			js: js.gzip / 1024 <= TARGETS.jsGzipKb
		};
		const missed = Object.entries(checks)
			.filter(([, ok]) => !ok)
			.map(([name]) => name);

		const line = (c: CaseResult) =>
			`${c.rps.toFixed(0)} req/s, p50 ${c.p50} ms, p99 ${c.p99} ms (max ${c.max}), ${c.total} requests, ` +
			`errors ${c.errors} (timeouts ${c.timeouts}), non-2xx ${c.non2xx}, peak RSS ${mb(c.peakRssKb)} MB, ` +
			`server CPU ${c.cpuMsPerRequest.toFixed(2)} ms/request (≈ ${(1000 / c.cpuMsPerRequest).toFixed(0)} req/s on a free core), ` +
			`other processes on its core ${c.otherLoadPct.toFixed(0)} %`;
		const report = [
			'',
			`bare node:http (ceiling)       ${line(ceiling)}`,
			`(a) module page, visitor       ${line(visitor)}`,
			`      targets: ≥ ${TARGETS.visitor.rps} req/s ${mark(checks.visitorRps)}, p99 < ${TARGETS.visitor.p99} ms ${mark(checks.visitorP99)}, ` +
				`ratio to bare ${ratio.toFixed(2)} (≥ ${TARGETS.visitor.ratio}) ${mark(checks.ratio)}`,
			`(a′) same page, no page cache  ${line(rendered)}`,
			`(b) module page, signed in     ${line(signedIn)}`,
			`      targets: ≥ ${TARGETS.signedIn.rps} req/s ${mark(checks.signedInRps)}, p99 < ${TARGETS.signedIn.p99} ms ${mark(checks.signedInP99)}`,
			`(c) quiz submission, signed in ${line(submit)}`,
			`      targets: ≥ ${TARGETS.submit.rps} req/s ${mark(checks.submitRps)}, p99 < ${TARGETS.submit.p99} ms ${mark(checks.submitP99)}`,
			`(d) the same with JavaScript   ${line(enhanced)}`,
			`      targets: ≥ ${TARGETS.submit.rps} req/s ${mark(checks.enhancedRps)}, p99 < ${TARGETS.submit.p99} ms ${mark(checks.enhancedP99)}`,
			`      quiz attempts stored in (c) and (d): ${attemptsWritten} for ${submit.all2xx + enhanced.all2xx} 2xx answers (warm-up + measured)`,
			`server peak RSS (VmHWM over the whole run): ${mb(serverHwmKb)} MB`,
			`JavaScript of a module page: ${kb(js.gzip)} KB gzip (${kb(js.raw)} KB raw, ${js.files.length} files; ` +
				`${js.referencedCount} referenced by the page = ${kb(js.referencedGzip)} KB gzip) ` +
				`(target ≤ ${TARGETS.jsGzipKb} KB) ${mark(checks.js)}`,
			`largest public HTML page: ${largest.path} (${largest.locale}) ${kb(largest.bytes)} KB ` +
				`(${kb(largest.gzip)} KB gzip); module page ${MODULE_PATH} ${kb(js.htmlBytes)} KB; ${sizes.length} pages crawled`,
			missed.length ? `MISSED TARGETS: ${missed.join(', ')}` : 'All targets met.',
			...([ceiling, visitor, rendered, signedIn, submit, enhanced].some((c) => c.otherLoadPct > 10)
				? [
						'WARNING: other processes used more than 10 % of the server core during a case; ' +
							'req/s and latency are lower than on a quiet machine (server CPU ms/request is not affected).'
					]
				: [])
		];
		console.log(report.join('\n'));

		const when = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
		const commit = gitDescription();
		const row = (label: string, c: CaseResult, target: string) =>
			`| ${label} | ${c.rps.toFixed(0)} | ${c.p50} | ${c.p99} | ${c.max} | ${c.total} | ${c.errors} | ${c.non2xx} | ${mb(c.peakRssKb)} | ` +
			`${c.cpuMsPerRequest.toFixed(2)} (≈ ${(1000 / c.cpuMsPerRequest).toFixed(0)} req/s) | ${c.otherLoadPct.toFixed(0)} % | ${target} |`;
		const markdown = [
			`# Benchmark results`,
			'',
			`${when}, commit ${commit}. ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}. ` +
				`Server \`node scripts/server.js\` ${hasTaskset() ? `pinned to core ${SERVER_CPU} (taskset)` : 'not pinned'} on a fresh ` +
				`temporary database; autocannon ${loaderPinned ? 'on core 0' : ''}, ${CONNECTIONS} connections, ` +
				`${WARMUP} s warm-up then ${DURATION} s per case. Written by \`npm run bench\`.`,
			'',
			'| case | req/s | p50 ms | p99 ms | max ms | requests | errors | non-2xx | peak RSS MB | server CPU ms/req (CPU-bound rate) | other load on core | target |',
			'| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- |',
			row('bare node:http, same bytes (ceiling)', ceiling, '–'),
			row(
				`(a) GET ${MODULE_PATH}, visitor`,
				visitor,
				`≥ ${TARGETS.visitor.rps} req/s ${mark(checks.visitorRps)}, p99 < ${TARGETS.visitor.p99} ${mark(checks.visitorP99)}`
			),
			row(`(a′) the same, rendered without the page cache`, rendered, '–'),
			row(
				`(b) GET ${MODULE_PATH}, signed-in youth`,
				signedIn,
				`≥ ${TARGETS.signedIn.rps} req/s ${mark(checks.signedInRps)}, p99 < ${TARGETS.signedIn.p99} ${mark(checks.signedInP99)}`
			),
			row(
				`(c) POST ${MODULE_PATH}?/svar, signed in`,
				submit,
				`≥ ${TARGETS.submit.rps} req/s ${mark(checks.submitRps)}, p99 < ${TARGETS.submit.p99} ${mark(checks.submitP99)}`
			),
			row(
				`(d) the same with JavaScript (use:enhance, JSON)`,
				enhanced,
				`≥ ${TARGETS.submit.rps} req/s ${mark(checks.enhancedRps)}, p99 < ${TARGETS.submit.p99} ${mark(checks.enhancedP99)}`
			),
			'',
			`- Ratio (a) / bare: **${ratio.toFixed(2)}** (target ≥ ${TARGETS.visitor.ratio}) ${mark(checks.ratio)}`,
			`- Quiz attempts stored during (c) and (d): ${attemptsWritten} for ${submit.all2xx + enhanced.all2xx} 2xx answers (warm-up + measured).`,
			'- (a) is answered from the shared page cache (`src/lib/server/http/page-cache.js`); (a′) sends a cookie, which keeps it away from the cache, and shows what rendering the page costs.',
			`- Server peak RSS over the whole run (VmHWM): ${mb(serverHwmKb)} MB`,
			`- JavaScript a module page loads: **${kb(js.gzip)} KB gzip** (${kb(js.raw)} KB raw, ${js.files.length} files) ` +
				`(target ≤ ${TARGETS.jsGzipKb} KB) ${mark(checks.js)}`,
			`- Largest public HTML page: ${largest.path} (${largest.locale}) ${kb(largest.bytes)} KB, ${kb(largest.gzip)} KB gzip; ` +
				`${sizes.length} pages crawled as a visitor; the module page is ${kb(js.htmlBytes)} KB.`,
			`- ${missed.length ? `**Missed targets:** ${missed.join(', ')}` : 'All targets met.'}`,
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
		const history = join(RESULTS, 'history.md');
		if (!existsSync(history)) {
			writeFileSync(
				history,
				'# Benchmark history\n\nOne line per `npm run bench`: req/s and p99 ms per case, JS gzip, largest HTML.\n\n' +
					'| when | commit | (a) visitor | ratio | (b) signed in | (c) quiz POST | JS gzip KB | largest HTML KB | other load on server core (max) | targets |\n' +
					'| --- | --- | --- | --: | --- | --- | --: | --: | --: | --- |\n'
			);
		}
		const otherLoad = Math.max(
			...[ceiling, visitor, rendered, signedIn, submit, enhanced].map((c) => c.otherLoadPct)
		);
		const short = (c: CaseResult) => `${c.rps.toFixed(0)} req/s, p99 ${c.p99} ms`;
		appendFileSync(
			history,
			`| ${when} | ${commit} | ${short(visitor)} | ${ratio.toFixed(2)} | ${short(signedIn)} | ${short(submit)} | ` +
				`${kb(js.gzip)} | ${kb(largest.bytes)} | ${otherLoad.toFixed(0)} % | ` +
				`${missed.length ? `missed: ${missed.join(', ')}` : 'all met'} |\n`
		);
		console.log(`\nWrote ${join(RESULTS, 'latest.md')} and appended to ${history}.`);
	} finally {
		app.process.kill('SIGTERM');
		await Promise.race([app.exited, sleep(15_000)]);
		if (app.isRunning()) app.process.kill('SIGKILL');
		if (!nodeArgs.length) rmSync(dir, { recursive: true, force: true });
		else console.log(`CPU profile of the server in ${join(dir, 'profiles')}`);
	}
}

await main();
