/**
 * Shared by the load benchmark and the crash test: starts the built app (`node scripts/server.js`) on a
 * database of its own, and plays a person through the real forms (sign-up, quiz).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function hasTaskset(): boolean {
	return spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0;
}

/** Keeps this process (every thread) on one core, so it does not compete with the server. */
export function pinSelf(cpu: number): boolean {
	if (!hasTaskset()) return false;
	return (
		spawnSync('taskset', ['-a', '-p', '-c', String(cpu), String(process.pid)], {
			stdio: 'ignore'
		}).status === 0
	);
}

export function tempDir(prefix: string): string {
	return mkdtempSync(join(tmpdir(), prefix));
}

export interface AppServer {
	process: ChildProcess;
	pid: number;
	port: number;
	origin: string;
	databaseUrl: string;
	logFile: string;
	/** Resolves with the exit code or signal once the process has ended. */
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	isRunning(): boolean;
}

export interface StartOptions {
	port: number;
	databaseUrl: string;
	/** Pin the server to this core with taskset (when taskset exists). */
	cpu?: number;
	env?: Record<string, string>;
	/** Extra node options, such as --cpu-prof. */
	nodeArgs?: string[];
	logFile?: string;
	readyTimeoutMs?: number;
}

/** Starts the built app (`node scripts/server.js`) and waits until /healthz answers. */
export async function startApp(options: StartOptions): Promise<AppServer> {
	const server = launchApp(options);
	await waitUntilReady(server, options.readyTimeoutMs ?? 30_000);
	return server;
}

/** Starts the built app without waiting for it to answer. */
export function launchApp(options: StartOptions): AppServer {
	if (!existsSync(join(ROOT, 'build/index.js'))) {
		throw new Error('No build/ here: run `npx vite build` first');
	}
	const logFile =
		options.logFile ?? join(dirname(options.databaseUrl), `server-${options.port}.log`);
	const log = openSync(logFile, 'a');
	const pinned = options.cpu !== undefined && hasTaskset();
	const nodeArgs = [...(options.nodeArgs ?? []), 'scripts/server.js'];
	const args = pinned ? ['-c', String(options.cpu), process.execPath, ...nodeArgs] : nodeArgs;
	const child = spawn(pinned ? 'taskset' : process.execPath, args, {
		cwd: ROOT,
		env: {
			PATH: process.env.PATH ?? '/usr/bin:/bin',
			HOME: process.env.HOME ?? '/tmp',
			NODE_ENV: 'production',
			DATABASE_URL: options.databaseUrl,
			PORT: String(options.port),
			HOST: '127.0.0.1',
			// Without ORIGIN adapter-node assumes https, and the CSRF check refuses http form posts.
			ORIGIN: `http://127.0.0.1:${options.port}`,
			...options.env
		},
		stdio: ['ignore', log, log]
	});
	closeSync(log);
	let running = true;
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
		child.on('exit', (code, signal) => {
			running = false;
			done({ code, signal });
		})
	);
	return {
		process: child,
		pid: child.pid!,
		port: options.port,
		origin: `http://127.0.0.1:${options.port}`,
		databaseUrl: options.databaseUrl,
		logFile,
		exited,
		isRunning: () => running
	};
}

/** Polls /healthz until it answers 200; kills the process and throws when it does not. */
export async function waitUntilReady(server: AppServer, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline && server.isRunning()) {
		try {
			const res = await fetch(`${server.origin}/healthz`, { signal: AbortSignal.timeout(2000) });
			await res.arrayBuffer();
			if (res.ok) return;
		} catch {
			// not listening yet
		}
		await sleep(25);
	}
	server.process.kill('SIGKILL');
	throw new Error(
		`The app did not start on port ${server.port}:\n${readFileSync(server.logFile, 'utf8').slice(-2000)}`
	);
}

export function sleep(ms: number): Promise<void> {
	return new Promise((done) => setTimeout(done, ms));
}

/** Resident memory of a process in kB: current (VmRSS) and peak so far (VmHWM). */
export function memoryOf(pid: number): { rssKb: number; hwmKb: number } | null {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const field = (name: string) =>
			Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
		return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
	} catch {
		return null;
	}
}

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in ms. */
export function cpuTimeMs(pid: number): number {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Fields after the command name (which may contain spaces) start at field 3.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
	} catch {
		return 0;
	}
}

/**
 * Time one core spent running processes (user, nice, system, steal) and its total time so far,
 * in clock ticks, from /proc/stat. Interrupt time is left out: loopback network work lands there.
 */
export function coreTicks(cpu: number): { busy: number; total: number } {
	try {
		const line = readFileSync('/proc/stat', 'utf8')
			.split('\n')
			.find((l) => l.startsWith(`cpu${cpu} `));
		const v = line!.trim().split(/\s+/).slice(1).map(Number);
		const total = v.reduce((a, b) => a + b, 0);
		return { busy: v[0] + v[1] + v[2] + (v[7] ?? 0), total };
	} catch {
		return { busy: 0, total: 0 };
	}
}

/** Samples VmRSS every `everyMs` until stopped; returns the highest value seen (kB). */
export function sampleMemory(pid: number, everyMs = 100): { stop(): number } {
	let peak = memoryOf(pid)?.rssKb ?? 0;
	const timer = setInterval(() => {
		const m = memoryOf(pid);
		if (m && m.rssKb > peak) peak = m.rssKb;
	}, everyMs);
	return {
		stop() {
			clearInterval(timer);
			const m = memoryOf(pid);
			if (m && m.rssKb > peak) peak = m.rssKb;
			return peak;
		}
	};
}

/** The headers a browser sends with a form post without JavaScript. */
export function formHeaders(origin: string, cookie?: string): Record<string, string> {
	return {
		origin,
		accept: 'text/html',
		'content-type': 'application/x-www-form-urlencoded',
		...(cookie ? { cookie } : {})
	};
}

/** Creates an account through the real sign-up form and returns its `session=…` cookie. */
export async function signUp(
	origin: string,
	username: string,
	role: 'youth' | 'parent' = 'youth'
): Promise<string> {
	const password = `Bænk-${username}-${Math.random().toString(36).slice(2)}`;
	const res = await fetch(`${origin}/opret-konto`, {
		method: 'POST',
		redirect: 'manual',
		headers: formHeaders(origin),
		body: new URLSearchParams({ username, password, role }).toString()
	});
	await res.arrayBuffer();
	const session = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('session='));
	if (res.status !== 303 || !session) {
		throw new Error(`Sign-up of ${username} failed: HTTP ${res.status}`);
	}
	return session;
}

export interface QuizForm {
	nonce: string;
	/** The urlencoded body of a complete, valid submission. */
	body: string;
}

/**
 * Reads the quiz form of a module page and answers every question with valid options:
 * the first option of radio questions, the first checkbox of multiple-choice ones, and
 * positions 1..n in page order for ordering questions.
 */
export function quizFormFrom(html: string): QuizForm {
	const nonce = /<input[^>]*name="nonce"[^>]*value="([^"]+)"/.exec(html)?.[1];
	if (!nonce) throw new Error('No quiz nonce in the page');
	const body = new URLSearchParams({ nonce });
	const chosen = new Set<string>();
	for (const input of html.matchAll(/<input[^>]*>/g)) {
		const tag = input[0];
		const type = /type="(radio|checkbox)"/.exec(tag)?.[1];
		const name = /name="(q-[^"]+)"/.exec(tag)?.[1];
		const value = /value="([^"]+)"/.exec(tag)?.[1];
		if (!type || !name || !value || chosen.has(name)) continue;
		chosen.add(name);
		body.append(name, value);
	}
	const positions = new Map<string, number>();
	for (const select of html.matchAll(/<select[^>]*name="(q-[^"]+)"/g)) {
		const name = select[1];
		// The option token is the last 12 characters: q-<questionId>-<token>.
		const question = name.slice(0, -13);
		const position = (positions.get(question) ?? 0) + 1;
		positions.set(question, position);
		body.append(name, String(position));
	}
	if (chosen.size + positions.size === 0) throw new Error('No quiz questions in the page');
	return { nonce, body: body.toString() };
}

/** GETs a module page (signed in when a cookie is given) and builds a valid submission. */
export async function loadQuiz(origin: string, path: string, cookie?: string): Promise<QuizForm> {
	const res = await fetch(origin + path, { headers: cookie ? { cookie } : {} });
	const html = await res.text();
	if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
	return quizFormFrom(html);
}

/** Posts a quiz; the status is 200 when it was graded (and, signed in, stored). */
export async function submitQuiz(
	origin: string,
	path: string,
	form: QuizForm,
	cookie?: string
): Promise<number> {
	const res = await fetch(`${origin}${path}?/svar`, {
		method: 'POST',
		redirect: 'manual',
		headers: formHeaders(origin, cookie),
		body: form.body
	});
	await res.arrayBuffer();
	return res.status;
}
