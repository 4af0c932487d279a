/**
 * npm run test:crash
 * Durability of acknowledged writes. Uses the existing build/ (run `npx vite build` first).
 *
 * 1. Crash: several signed-in youths submit quizzes concurrently while the server is killed
 *    with SIGKILL at random moments (some during start-up) and restarted, CRASH_KILLS times
 *    (default 50). Every submission answered 200 (or 303) is acknowledged; at the end every
 *    person must have at least that many rows in quiz_attempts, and `PRAGMA integrity_check`
 *    must say ok.
 * 2. SIGTERM: under the same load, requests whose body is still arriving when SIGTERM comes must
 *    finish and be stored, the process must exit within SHUTDOWN_TIMEOUT, and the database must
 *    pass integrity_check with its WAL merged. Run twice: with every request finishing (exit right
 *    after them), and with one request that never finishes (exit when the timeout cuts it).
 *
 * 3. During the first SIGTERM round's load, an online backup (`npm run db:backup`'s code) must
 *    pass integrity_check and hold every attempt acknowledged before it started.
 *
 * Exits 1 on any lost acknowledged write or failed check. Environment: CRASH_PORT (5120; the
 * second server takes the next port), CRASH_KILLS (50 in all), CRASH_SERVERS (2), CRASH_USERS
 * per server (3), CRASH_CONCURRENCY per user (4).
 */
import Database from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { backupDatabase } from '../src/lib/server/db/backup';
import {
	formHeaders,
	launchApp,
	loadQuiz,
	signUp,
	sleep,
	startApp,
	tempDir,
	waitUntilReady,
	type AppServer,
	type QuizForm
} from './lib/app-harness';

const PORT = Number(process.env.CRASH_PORT ?? 5120);
const KILLS = Number(process.env.CRASH_KILLS ?? 50);
const USERS = Number(process.env.CRASH_USERS ?? 3);
/** Servers killed side by side (each on its own database): restarts take ~3 s of CPU each. */
const SHARDS = Number(process.env.CRASH_SERVERS ?? 2);
const CONCURRENCY = Number(process.env.CRASH_CONCURRENCY ?? 4);
const SHUTDOWN_TIMEOUT = 5;
const MODULE_PATH = '/unge/grooming';

interface Person {
	name: string;
	userId: string;
	cookie: string;
	form: QuizForm;
	acknowledged: number;
}

const statuses = new Map<string, number>();
const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
let failures = 0;
function check(ok: boolean, message: string): void {
	console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${message}`);
	if (!ok) failures++;
}

/** Closed while a server is down, so its submitters wait instead of hammering a closed port. */
class Gate {
	private opened: Promise<void> = Promise.resolve();
	private open = () => {};
	close(): void {
		this.opened = new Promise((done) => (this.open = done));
	}
	reopen(): void {
		this.open();
	}
	wait(ms: number): Promise<void> {
		return Promise.race([this.opened, sleep(ms)]);
	}
}

/** Submits the person's quiz until stopped; counts every 200/303 as acknowledged. */
async function submitter(
	origin: () => string,
	person: Person,
	stop: { now: boolean },
	gate = new Gate()
) {
	while (!stop.now) {
		try {
			const res = await fetch(`${origin()}${MODULE_PATH}?/svar`, {
				method: 'POST',
				redirect: 'manual',
				headers: formHeaders(origin(), person.cookie),
				body: person.form.body,
				signal: AbortSignal.timeout(10_000)
			});
			// The attempt is committed before the status line is sent.
			if (res.status === 200 || res.status === 303) person.acknowledged++;
			count(String(res.status));
			await res.arrayBuffer().catch(() => count('body cut off'));
		} catch {
			count('connection error');
			await gate.wait(1000);
			await sleep(10);
		}
	}
}

function openReadonly(file: string): Database.Database {
	return new Database(file, { readonly: true, fileMustExist: true });
}

function attemptsPerUser(file: string): Map<string, number> {
	const db = new Database(file, { fileMustExist: true });
	try {
		const rows = db
			.prepare('SELECT user_id AS userId, count(*) AS n FROM quiz_attempts GROUP BY user_id')
			.all() as { userId: string; n: number }[];
		return new Map(rows.map((r) => [r.userId, r.n]));
	} finally {
		db.close();
	}
}

/** Opened read-write like the app would after a crash: SQLite recovers the WAL first. */
function integrity(file: string): string {
	const db = new Database(file, { fileMustExist: true });
	try {
		return (db.prepare('PRAGMA integrity_check').pluck().all() as string[]).join('; ');
	} finally {
		db.close();
	}
}

function checkAcknowledged(file: string, people: Person[], label: string): void {
	const stored = attemptsPerUser(file);
	const lost = people.filter((p) => (stored.get(p.userId) ?? 0) < p.acknowledged);
	const acknowledged = people.reduce((s, p) => s + p.acknowledged, 0);
	const total = people.reduce((s, p) => s + (stored.get(p.userId) ?? 0), 0);
	for (const p of lost) {
		console.log(
			`  LOST: ${p.name} acknowledged ${p.acknowledged}, stored ${stored.get(p.userId) ?? 0}`
		);
	}
	check(
		lost.length === 0,
		`${label}: ${acknowledged} acknowledged submissions, ${total} attempts stored ` +
			`(${total - acknowledged} stored without an answer reaching the client), ` +
			`${lost.length ? `${lost.length} people LOST writes` : 'none lost'}`
	);
}

async function setUp(server: AppServer, users: number): Promise<Person[]> {
	const people: Person[] = [];
	const stamp = Date.now().toString(36);
	for (let i = 0; i < users; i++) {
		const name = `krak${stamp}${server.port}x${i}`;
		const cookie = await signUp(server.origin, name);
		const form = await loadQuiz(server.origin, MODULE_PATH, cookie);
		people.push({ name, userId: '', cookie, form, acknowledged: 0 });
	}
	const db = openReadonly(server.databaseUrl);
	for (const p of people) {
		p.userId = db.prepare('SELECT id FROM users WHERE username = ?').pluck().get(p.name) as string;
	}
	db.close();
	return people;
}

interface Shard {
	databaseUrl: string;
	port: number;
	people: Person[];
	kills: number;
	killsDuringStartUp: number;
}

/** One server on its own database: load, SIGKILL at a random moment, restart, `kills` times. */
async function killRepeatedly(shard: Shard, kills: number, first: AppServer): Promise<void> {
	let server = first;
	const gate = new Gate();
	const stop = { now: false };
	const workers = shard.people.flatMap((p) =>
		Array.from({ length: CONCURRENCY }, () => submitter(() => server.origin, p, stop, gate))
	);
	while (shard.kills < kills) {
		// Mostly while serving; every eighth kill lands within 2.5 s of the launch, which is
		// usually still start-up (migrations, content).
		const early = shard.kills % 8 === 7;
		await sleep(early ? Math.random() * 2500 : 100 + Math.random() * 700);
		if (!server.isRunning()) throw new Error(`A server died by itself; see ${server.logFile}`);
		const wasServing = !early || (await isReady(server));
		gate.close();
		server.process.kill('SIGKILL');
		await server.exited;
		shard.kills++;
		if (!wasServing) shard.killsDuringStartUp++;
		server = launchApp({ port: shard.port, databaseUrl: shard.databaseUrl });
		if (shard.kills % 8 !== 7) {
			await waitUntilReady(server);
			gate.reopen();
		}
	}
	if (!(await isReady(server))) await waitUntilReady(server);
	gate.reopen();
	// A last stretch of load, then a final SIGKILL: the file is checked as a crash left it.
	await sleep(300);
	server.process.kill('SIGKILL');
	await server.exited;
	shard.kills++;
	stop.now = true;
	await Promise.all(workers);
}

async function crashPhase(shards: Shard[], firsts: AppServer[]) {
	const perShard = Math.ceil(KILLS / shards.length);
	console.log(
		`\n1. SIGKILL at random moments: ${shards.length} servers side by side, each on its own database, ` +
			`killed ${perShard} times; ${USERS} people × ${CONCURRENCY} concurrent submissions per server`
	);
	const started = Date.now();
	const progress = setInterval(() => {
		const done = shards.reduce((s, sh) => s + sh.kills, 0);
		process.stdout.write(
			`  ${done} kills after ${((Date.now() - started) / 1000).toFixed(0)} s …\n`
		);
	}, 30_000);
	try {
		await Promise.all(shards.map((shard, i) => killRepeatedly(shard, perShard, firsts[i])));
	} finally {
		clearInterval(progress);
	}
	const kills = shards.reduce((s, sh) => s + sh.kills, 0);
	const early = shards.reduce((s, sh) => s + sh.killsDuringStartUp, 0);
	console.log(
		`  ${kills} SIGKILLs (${early} before the server answered, during start-up) in ${((Date.now() - started) / 1000).toFixed(0)} s; ` +
			`responses: ${[...statuses].map(([k, n]) => `${k}: ${n}`).join(', ')}`
	);
	for (const [i, shard] of shards.entries()) {
		checkAcknowledged(shard.databaseUrl, shard.people, `server ${i + 1} after the crashes`);
		const ok = integrity(shard.databaseUrl);
		check(ok === 'ok', `server ${i + 1}: PRAGMA integrity_check: ${ok}`);
	}
	return kills;
}

async function isReady(server: AppServer): Promise<boolean> {
	try {
		const res = await fetch(`${server.origin}/healthz`);
		await res.arrayBuffer();
		return res.ok;
	} catch {
		return false;
	}
}

/**
 * A form post whose body arrives in two parts. It asks `Expect: 100-continue`: the server's
 * "100 Continue" proves it has read the headers and started handling the request, so the
 * request is in flight for certain when SIGTERM comes; `finish()` sends the rest of the body.
 */
function slowSubmission(server: AppServer, person: Person) {
	const body = Buffer.from(person.form.body);
	let status = 0;
	const req = request({
		host: '127.0.0.1',
		port: server.port,
		method: 'POST',
		path: `${MODULE_PATH}?/svar`,
		agent: false,
		headers: {
			...formHeaders(server.origin, person.cookie),
			'content-length': body.length,
			expect: '100-continue'
		}
	});
	const started = new Promise<boolean>((done) => {
		req.on('continue', () => {
			req.write(body.subarray(0, body.length >> 1));
			done(true);
		});
		req.on('error', () => done(false));
	});
	const response = new Promise<number>((done) => {
		req.on('response', (res) => {
			status = res.statusCode ?? 0;
			res.resume();
			res.on('end', () => done(status));
			res.on('error', () => done(status));
		});
		req.on('error', () => done(status || -1));
	});
	req.flushHeaders();
	return {
		started,
		response,
		finish: () => req.end(body.subarray(body.length >> 1))
	};
}

/** `npm run db:backup`'s code while the submitters keep writing. */
async function backupUnderLoad(databaseUrl: string, people: Person[]): Promise<void> {
	const acknowledgedBefore = people.reduce((s, p) => s + p.acknowledged, 0);
	const copy = join(dirname(databaseUrl), 'backup-under-load.db');
	const started = performance.now();
	const summary = await backupDatabase(databaseUrl, copy);
	const ms = performance.now() - started;
	const ids = new Set(people.map((p) => p.userId));
	const db = new Database(copy, { readonly: true, fileMustExist: true });
	const rows = db.prepare('SELECT user_id FROM quiz_attempts').pluck().all() as string[];
	db.close();
	const inCopy = rows.filter((id) => ids.has(id)).length;
	check(
		inCopy >= acknowledgedBefore,
		`online backup under load: ${summary.rows} rows in ${summary.tables} tables in ${ms.toFixed(0)} ms, ` +
			`integrity ok, ${inCopy} of these people's attempts in the copy ≥ ${acknowledgedBefore} acknowledged before it started`
	);
}

/**
 * A live session (written straight into the database before the server starts) with one
 * participant joined through the real form and listening on its event stream.
 */
function seedLiveSession(databaseUrl: string): string {
	const code = '424242';
	const db = new Database(databaseUrl);
	const now = Date.now();
	db.prepare(
		`INSERT OR IGNORE INTO users (id, username, username_key, password_hash, role, approved_at, created_at, last_active_at)
		 VALUES ('crash-pro', 'crashpro', 'crashpro', 'x', 'professional', ?, ?, ?)`
	).run(now, now, now);
	db.prepare(
		`UPDATE live_sessions SET ended_at = ?, state = 'ended' WHERE code = ? AND ended_at IS NULL`
	).run(now, code);
	db.prepare(
		`INSERT INTO live_sessions (id, code, owner_id, track, module_slug, state, question_index, shuffle_seed, created_at)
		 VALUES (?, ?, 'crash-pro', 'unge', 'grooming', 'waiting', -1, 'abcdefghijklmnop', ?)`
	).run(`crash-${now}`, code, now);
	db.close();
	return code;
}

async function openLiveStream(origin: string, code: string): Promise<{ ended: Promise<number> }> {
	const joined = await fetch(`${origin}/live`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ code, nickname: 'Crash Test' }).toString()
	});
	const cookie = joined.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('live='));
	if (!cookie) throw new Error(`joining the live session failed: ${joined.status}`);
	return new Promise((ready, fail) => {
		const req = request(`${origin}/live/${code}/strom`, { headers: { cookie } }, (res) => {
			if (res.statusCode !== 200) return fail(new Error(`live stream: ${res.statusCode}`));
			res.resume();
			ready({
				ended: new Promise((done) => {
					res.on('end', () => done(performance.now()));
					res.on('error', () => done(-1));
				})
			});
		});
		req.on('error', fail);
		req.end();
	});
}

async function sigtermRound(databaseUrl: string, people: Person[], withStuckRequest: boolean) {
	const label = withStuckRequest
		? 'b) with one request that never finishes'
		: 'a) every request finishes';
	console.log(`  ${label}`);
	const liveCode = seedLiveSession(databaseUrl);
	const server = await startApp({
		port: PORT,
		databaseUrl,
		env: { SHUTDOWN_TIMEOUT: String(SHUTDOWN_TIMEOUT) }
	});
	const stop = { now: false };
	const before = new Map(people.map((p) => [p.name, p.acknowledged]));
	const workers = people.flatMap((p) =>
		Array.from({ length: CONCURRENCY }, () => submitter(() => server.origin, p, stop))
	);
	await sleep(1500);
	if (!withStuckRequest) await backupUnderLoad(databaseUrl, people);
	const slow = people.slice(0, 4).map((p) => ({ person: p, call: slowSubmission(server, p) }));
	const stuck = withStuckRequest ? slowSubmission(server, people[people.length - 1]) : null;
	const inFlight = await Promise.all([...slow.map((s) => s.call.started), stuck?.started ?? true]);
	const liveStream = await openLiveStream(server.origin, liveCode);
	if (!inFlight.every(Boolean)) throw new Error('A slow request was refused before SIGTERM');

	const acknowledgedSoFar = () => people.reduce((s, p) => s + p.acknowledged, 0);
	const atTerm = acknowledgedSoFar();
	const termAt = performance.now();
	server.process.kill('SIGTERM');
	await sleep(1000);
	const afterTerm = acknowledgedSoFar();
	for (const s of slow) s.call.finish();
	const slowStatuses = await Promise.all(slow.map((s) => s.call.response));
	const slowDoneAt = performance.now();
	for (const [i, s] of slow.entries()) if (slowStatuses[i] === 200) s.person.acknowledged++;

	const exit = await Promise.race([
		server.exited,
		sleep((SHUTDOWN_TIMEOUT + 10) * 1000).then(() => null)
	]);
	const exitAfter = (performance.now() - termAt) / 1000;
	stop.now = true;
	await Promise.all(workers);
	if (!exit) server.process.kill('SIGKILL');
	const stuckStatus = stuck
		? await Promise.race([stuck.response, sleep(1000).then(() => 0)])
		: null;

	const during = people.reduce((s, p) => s + p.acknowledged - (before.get(p.name) ?? 0), 0);
	check(
		slowStatuses.every((s) => s === 200),
		`${slow.length} requests in flight at SIGTERM (body sent 1 s after it) answered ${slowStatuses.join(', ')} ` +
			`after ${((slowDoneAt - termAt) / 1000).toFixed(1)} s`
	);
	const streamEnd = await Promise.race([liveStream.ended, sleep(1000).then(() => 0)]);
	check(
		streamEnd > termAt,
		streamEnd > termAt
			? `open live event stream ended cleanly ${((streamEnd - termAt) / 1000).toFixed(1)} s after SIGTERM`
			: 'open live event stream did NOT end on SIGTERM'
	);
	const limit = withStuckRequest ? SHUTDOWN_TIMEOUT + 2 : 3;
	check(
		exit !== null && exit.code === 0 && exitAfter <= limit,
		`process exited ${exit ? `with code ${exit.code}${exit.signal ? ` (${exit.signal})` : ''}` : 'NOT AT ALL'} ` +
			`${exitAfter.toFixed(1)} s after SIGTERM (limit ${limit} s, SHUTDOWN_TIMEOUT=${SHUTDOWN_TIMEOUT})` +
			(stuck ? `; the unfinished request was cut off (status ${stuckStatus || 'none'})` : '')
	);
	console.log(
		`       ${during} submissions acknowledged in this round (${afterTerm - atTerm} of the load's answered after SIGTERM, ` +
			`${slowStatuses.filter((s) => s === 200).length} slow ones)`
	);
	// Before anything here opens the file (closing it would merge the WAL itself).
	const wal = `${databaseUrl}-wal`;
	check(
		!existsSync(wal) || statSync(wal).size === 0,
		`WAL merged into the database on shutdown (${existsSync(wal) ? `-wal is ${statSync(wal).size} bytes` : 'no -wal file left'})`
	);
	checkAcknowledged(databaseUrl, people, 'after SIGTERM');
	const ok = integrity(databaseUrl);
	check(ok === 'ok', `PRAGMA integrity_check: ${ok}`);
}

async function main() {
	const dir = tempDir('sammen-crash-');
	const shards: Shard[] = Array.from({ length: SHARDS }, (_, i) => ({
		databaseUrl: join(dir, `crash-${i + 1}.db`),
		port: PORT + i,
		people: [],
		kills: 0,
		killsDuringStartUp: 0
	}));
	console.log(`Crash test in ${dir} (ports ${PORT}–${PORT + SHARDS - 1})`);
	const firsts = await Promise.all(
		shards.map((shard) => startApp({ port: shard.port, databaseUrl: shard.databaseUrl }))
	);
	for (const [i, shard] of shards.entries()) shard.people = await setUp(firsts[i], USERS);

	const kills = await crashPhase(shards, firsts);
	const everyone = shards.flatMap((shard) => shard.people);
	const crashAcknowledged = everyone.reduce((s, p) => s + p.acknowledged, 0);

	console.log(
		`\n2. SIGTERM under load (SHUTDOWN_TIMEOUT=${SHUTDOWN_TIMEOUT} s), on server 1's database`
	);
	await sigtermRound(shards[0].databaseUrl, shards[0].people, false);
	await sigtermRound(shards[0].databaseUrl, shards[0].people, true);

	console.log(
		`\n${kills} kills, ${crashAcknowledged} acknowledged submissions during the crashes, ` +
			`${everyone.reduce((s, p) => s + p.acknowledged, 0)} in all: ` +
			(failures === 0
				? 'no acknowledged write lost, every check passed.'
				: `${failures} check(s) FAILED.`)
	);
	if (failures === 0) rmSync(dir, { recursive: true, force: true });
	else console.log(`Databases and server logs kept in ${dir}`);
	process.exit(failures === 0 ? 0 : 1);
}

await main();
