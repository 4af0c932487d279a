/**
 * npm run test:restore
 * Restore drill: the disk dies under load, and everything acknowledged before the replication
 * interval must come back from the replica. Uses the existing build/ (run `npx vite build`
 * first); not part of `npm test`.
 *
 * Each round: the app runs with replication on (REPLICA_URL = a folder) while signed-in youths
 * submit quizzes concurrently; at a random moment the app AND its Litestream are killed with
 * SIGKILL at once (as when the machine stops: nothing gets to ship a last bit), the database file is deleted with its -wal, -shm and Litestream's own folder beside
 * it (the disk is gone), and `npm run db:restore` brings it back from the replica. Every
 * submission acknowledged more than the replication interval (2 × REPLICA_SYNC_INTERVAL:
 * Litestream reads the WAL once a second and ships once a second) before the kill must be in
 * the restored database; the ones acknowledged within the interval may be lost, and are
 * counted. The app then starts on the restored database for the next round.
 *
 * Exits 1 on any submission lost from before the interval, a failed restore or integrity check.
 * Environment: RESTORE_PORT (5310), RESTORE_ROUNDS (3), RESTORE_SECONDS of load per round
 * (12, the kill comes at a random moment in its second half), RESTORE_USERS (4),
 * RESTORE_CONCURRENCY per user (2), REPLICA_SYNC_INTERVAL (1).
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
	ROOT,
	formHeaders,
	launchApp,
	loadQuiz,
	signUp,
	sleep,
	tempDir,
	waitUntilReady,
	type AppServer,
	type QuizForm
} from './lib/app-harness';

const PORT = Number(process.env.RESTORE_PORT ?? 5310);
const ROUNDS = Number(process.env.RESTORE_ROUNDS ?? 3);
const LOAD_SECONDS = Number(process.env.RESTORE_SECONDS ?? 12);
const USERS = Number(process.env.RESTORE_USERS ?? 4);
const CONCURRENCY = Number(process.env.RESTORE_CONCURRENCY ?? 2);
const SYNC_INTERVAL = Number(process.env.REPLICA_SYNC_INTERVAL ?? 1);
const WINDOW_MS = 2 * SYNC_INTERVAL * 1000;
const MODULE_PATH = '/unge/grooming';

interface Person {
	name: string;
	userId: string;
	cookie: string;
	form: QuizForm;
	/** Attempts in the database when the round began (restored from the round before). */
	stored: number;
	/** When each submission of this round was acknowledged (ms, performance.now()). */
	acknowledgedAt: number[];
}

let failures = 0;
function check(ok: boolean, message: string): void {
	console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${message}`);
	if (!ok) failures++;
}

function start(databaseUrl: string, replica: string): AppServer {
	return launchApp({
		port: PORT,
		databaseUrl,
		env: { REPLICA_URL: replica, REPLICA_SYNC_INTERVAL: String(SYNC_INTERVAL) }
	});
}

async function submitUntil(origin: string, person: Person, stop: { now: boolean }) {
	while (!stop.now) {
		try {
			const res = await fetch(`${origin}${MODULE_PATH}?/svar`, {
				method: 'POST',
				redirect: 'manual',
				headers: formHeaders(origin, person.cookie),
				body: person.form.body,
				signal: AbortSignal.timeout(10_000)
			});
			// The attempt is committed before the status line is sent.
			if (res.status === 200 || res.status === 303) person.acknowledgedAt.push(performance.now());
			await res.arrayBuffer().catch(() => {});
		} catch {
			// The kill: the connection is gone.
			await sleep(50);
		}
	}
}

function childPids(pid: number): number[] {
	const found = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).stdout;
	return found.split('\n').filter(Boolean).map(Number);
}

function attemptsPerUser(file: string): Map<string, number> {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		const rows = db
			.prepare('SELECT user_id AS userId, count(*) AS n FROM quiz_attempts GROUP BY user_id')
			.all() as { userId: string; n: number }[];
		return new Map(rows.map((r) => [r.userId, r.n]));
	} finally {
		db.close();
	}
}

async function setUp(server: AppServer): Promise<Person[]> {
	const people: Person[] = [];
	const stamp = Date.now().toString(36);
	for (let i = 0; i < USERS; i++) {
		const name = `gendan${stamp}x${i}`;
		const cookie = await signUp(server.origin, name);
		const form = await loadQuiz(server.origin, MODULE_PATH, cookie);
		people.push({ name, userId: '', cookie, form, stored: 0, acknowledgedAt: [] });
	}
	const db = new Database(server.databaseUrl, { readonly: true, fileMustExist: true });
	for (const p of people) {
		p.userId = db.prepare('SELECT id FROM users WHERE username = ?').pluck().get(p.name) as string;
	}
	db.close();
	// The accounts must be in the replica before the first kill, whatever the timing.
	await sleep(WINDOW_MS + 1000);
	return people;
}

/** The disk is gone: the database, its WAL and shared memory, and Litestream's folder beside it. */
function deleteDatabase(file: string): void {
	for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
	rmSync(join(dirname(file), `.${basename(file)}-litestream`), { recursive: true, force: true });
}

function restore(file: string, replica: string): { ok: boolean; output: string } {
	const result = spawnSync('npm', ['run', '--silent', 'db:restore', '--', file], {
		cwd: ROOT,
		env: { ...process.env, DATABASE_URL: file, REPLICA_URL: replica },
		encoding: 'utf8'
	});
	return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

interface RoundFigures {
	acknowledged: number;
	beforeWindow: number;
	restored: number;
	lostWithin: number;
	lostBefore: number;
	/** Age at the kill of the oldest acknowledged submission that did not come back, in ms. */
	oldestLostMs: number;
}

async function round(n: number, server: AppServer, people: Person[], replica: string) {
	console.log(`\nRound ${n}: ${USERS} people × ${CONCURRENCY} concurrent quiz submissions`);
	for (const p of people) p.acknowledgedAt = [];
	const stop = { now: false };
	const startedAt = performance.now();
	const workers = people.flatMap((p) =>
		Array.from({ length: CONCURRENCY }, () => submitUntil(server.origin, p, stop))
	);
	await sleep((LOAD_SECONDS / 2 + (Math.random() * LOAD_SECONDS) / 2) * 1000);
	const healthz = (await (await fetch(`${server.origin}/healthz`)).json()) as {
		replication?: { status: string; lagSeconds: number };
	};
	// Litestream runs in a process group of its own; it is the app's child.
	const litestream = childPids(server.pid).filter(
		(pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'litestream'
	);
	const killedAt = performance.now();
	for (const pid of [...litestream, server.pid]) process.kill(pid, 'SIGKILL');
	await server.exited;
	check(litestream.length === 1, `Litestream (pid ${litestream.join(', ')}) killed with the app`);
	stop.now = true;
	await Promise.all(workers);
	console.log(
		`  killed the app and Litestream together with SIGKILL after ${((killedAt - startedAt) / 1000).toFixed(1)} s of load ` +
			`(/healthz just before: replication ${healthz.replication?.status}, lag ${healthz.replication?.lagSeconds} s)`
	);

	deleteDatabase(server.databaseUrl);
	const restored = restore(server.databaseUrl, replica);
	console.log(`  ${restored.output.split('\n').at(-1)}`);
	check(restored.ok, 'npm run db:restore succeeded, PRAGMA integrity_check ok');
	if (!restored.ok) return null;

	const stored = attemptsPerUser(server.databaseUrl);
	const figures: RoundFigures = {
		acknowledged: 0,
		beforeWindow: 0,
		restored: 0,
		lostWithin: 0,
		lostBefore: 0,
		oldestLostMs: 0
	};
	for (const p of people) {
		const acks = p.acknowledgedAt.sort((a, b) => a - b);
		const back = (stored.get(p.userId) ?? 0) - p.stored;
		const required = acks.filter((t) => t < killedAt - WINDOW_MS).length;
		figures.acknowledged += acks.length;
		figures.beforeWindow += required;
		figures.restored += Math.max(0, Math.min(back, acks.length));
		const lost = Math.max(0, acks.length - back);
		figures.lostBefore += Math.max(0, required - back);
		figures.lostWithin += lost - Math.max(0, required - back);
		// Acknowledgements come in commit order per person closely enough: the first `back` are in.
		if (lost > 0)
			figures.oldestLostMs = Math.max(figures.oldestLostMs, killedAt - acks[Math.max(0, back)]);
		p.stored = stored.get(p.userId) ?? 0;
	}
	console.log(
		`  acknowledged ${figures.acknowledged} (${figures.beforeWindow} of them more than ${WINDOW_MS / 1000} s before the kill), ` +
			`restored ${figures.restored}, lost within the interval ${figures.lostWithin}` +
			(figures.oldestLostMs
				? ` (the oldest lost was acknowledged ${(figures.oldestLostMs / 1000).toFixed(2)} s before the kill)`
				: '')
	);
	check(
		figures.lostBefore === 0,
		`every submission acknowledged more than ${WINDOW_MS / 1000} s before the kill is in the restored database` +
			(figures.lostBefore ? ` (${figures.lostBefore} LOST)` : '')
	);
	return figures;
}

async function main() {
	const dir = tempDir('sammen-restore-');
	const databaseUrl = join(dir, 'sammen.db');
	const replica = join(dir, 'replica');
	console.log(
		`Restore drill in ${dir} (port ${PORT}); replica ${replica}, REPLICA_SYNC_INTERVAL=${SYNC_INTERVAL} s, ` +
			`so the replication interval is ${WINDOW_MS / 1000} s`
	);
	let server = start(databaseUrl, replica);
	await waitUntilReady(server);
	const people = await setUp(server);
	const totals: RoundFigures[] = [];
	for (let n = 1; n <= ROUNDS; n++) {
		const figures = await round(n, server, people, replica);
		if (!figures) break;
		totals.push(figures);
		server = start(databaseUrl, replica);
		await waitUntilReady(server);
		const health = (await (await fetch(`${server.origin}/healthz`)).json()) as { status: string };
		check(
			health.status === 'ok',
			`the app starts on the restored database (/healthz: ${health.status})`
		);
		if (n < ROUNDS) await sleep(WINDOW_MS + 1000);
	}
	server.process.kill('SIGTERM');
	await server.exited;

	const sum = (key: keyof RoundFigures) => totals.reduce((s, f) => s + f[key], 0);
	console.log(
		`\n${totals.length} kills: acknowledged ${sum('acknowledged')}, restored ${sum('restored')}, ` +
			`lost within the interval ${sum('lostWithin')}, lost from before it ${sum('lostBefore')}: ` +
			(failures === 0 ? 'every check passed.' : `${failures} check(s) FAILED.`)
	);
	if (failures === 0) rmSync(dir, { recursive: true, force: true });
	else console.log(`Database, replica and server logs kept in ${dir}`);
	process.exit(failures === 0 ? 0 : 1);
}

await main();
