/**
 * npm run test:flood (on an existing build: `npx vite build` first)
 *
 * Can one account or one address wear the app out? While 30 signed-in pupils keep loading
 * module pages and 100 participants answer in a live session, a signed-in professional creates
 * classes, theme days and live sessions as fast as it can, and one address tries to join a
 * locked live session and a running one with bots as fast as it can. Prints the pupils' p99
 * before and during the flood, the server's memory, how many flood requests were refused, and
 * checks: pupils' p99 < 1 s, memory bounded, the locked session takes nobody new, and nothing
 * the real users did is lost. Exits 1 when a check fails.
 */
import Database from 'better-sqlite3';
import http from 'node:http';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { formHeaders, memoryOf, sampleMemory, sleep, startApp, tempDir } from './lib/app-harness';
import { signedInYouths } from './bench/accounts';

const MODULE_PATH = '/unge/grooming';
const PUPILS = 30;
const PARTICIPANTS = 100;
const BASELINE_MS = 8_000;
const FLOOD_MS = 20_000;
const PASSWORD = 'en lang sætning til fagpersonen';
const TARGETS = { pupilP99Ms: 1000, memoryMb: 600 };

const dir = tempDir('flood-test');
const databaseUrl = join(dir, 'sammen.db');
process.env.DATABASE_URL = databaseUrl;
const { createUser, setRole } = await import('../src/lib/server/auth/user');
const { closeDb } = await import('../src/lib/server/db/client');
for (const username of ['laerer', 'angriber']) {
	const pro = await createUser({ username, password: PASSWORD, role: 'professional' });
	if (!pro.ok) throw new Error(username);
	setRole(pro.user.id, 'professional');
}
closeDb();
const pupils = await signedInYouths(databaseUrl, PUPILS, 'elev');

const server = await startApp({ port: Number(process.env.FLOOD_PORT ?? 5140), databaseUrl });
const origin = server.origin;
const memory = sampleMemory(server.pid);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** A request over keep-alive sockets: status, location, cookies and the time it took. */
function request(
	method: 'GET' | 'POST',
	path: string,
	options: { cookie?: string; form?: Record<string, string> } = {}
): Promise<{ status: number; location: string; cookies: string[]; ms: number; body: string }> {
	const started = performance.now();
	return new Promise((done) => {
		const req = http.request(
			`${origin}${path}`,
			{
				method,
				agent,
				headers: options.form
					? formHeaders(origin, options.cookie)
					: { accept: 'text/html', ...(options.cookie ? { cookie: options.cookie } : {}) }
			},
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (c: string) => (body += c));
				res.on('end', () =>
					done({
						status: res.statusCode ?? 0,
						location: String(res.headers.location ?? ''),
						cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]),
						ms: performance.now() - started,
						body
					})
				);
			}
		);
		req.on('error', () =>
			done({ status: 0, location: '', cookies: [], ms: performance.now() - started, body: '' })
		);
		req.end(options.form ? new URLSearchParams(options.form).toString() : undefined);
	});
}

async function signIn(username: string): Promise<string> {
	const res = await request('POST', '/log-ind', { form: { username, password: PASSWORD } });
	const cookie = res.cookies.find((c) => c.startsWith('session='));
	if (!cookie) throw new Error(`sign-in ${username}: ${res.status}`);
	return cookie;
}

async function startSession(cookie: string): Promise<{ path: string; code: string }> {
	const res = await request('POST', '/fagperson/live?/start', {
		cookie,
		form: { modul: 'unge/grooming' }
	});
	const page = await request('GET', res.location, { cookie });
	const code = /data-testid="live-code">(\d{6})</.exec(page.body)?.[1];
	if (res.status !== 303 || !code) throw new Error(`start: ${res.status}`);
	return { path: res.location, code };
}

const percentile = (values: number[], q: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

/** The pupils open module pages, one after another each, until told to stop. */
function pupilsLoading(stop: () => boolean): Promise<number[]> {
	return Promise.all(
		pupils.map(async (cookie) => {
			const times: number[] = [];
			while (!stop()) {
				const res = await request('GET', MODULE_PATH, { cookie });
				times.push(res.status === 200 ? res.ms : Infinity);
				await sleep(500 + Math.random() * 500);
			}
			return times;
		})
	).then((all) => all.flat());
}

let failures = 0;
const check = (ok: boolean, text: string) => {
	if (!ok) failures++;
	console.log(`  ${ok ? '✓' : '✗ FAILED'} ${text}`);
};

try {
	// The real users: a teacher with a live session that 100 participants answer in.
	const teacher = await signIn('laerer');
	const real = await startSession(teacher);
	const participants: string[] = [];
	for (let i = 0; i < PARTICIPANTS; i++) {
		const res = await request('POST', '/live', {
			form: { code: real.code, nickname: `Deltager ${i + 1}` }
		});
		const cookie = res.cookies.find((c) => c.startsWith('live='));
		if (!cookie) throw new Error(`join ${i}: ${res.status}`);
		participants.push(cookie);
	}
	await request('POST', `${real.path}?/styr`, { cookie: teacher, form: { command: 'start' } });
	const question = /name="q-([a-z0-9-]+)" value="([^"]+)"/.exec(
		(await request('GET', `/live/${real.code}`, { cookie: participants[0] })).body
	);
	if (!question) throw new Error('no question on the participant page');
	const acknowledged: number[] = [];
	const answering = Promise.all(
		participants.map(async (cookie, i) => {
			await sleep(Math.random() * (BASELINE_MS + FLOOD_MS));
			const res = await request('POST', `/live/${real.code}?/svar`, {
				cookie,
				form: { q: '0', [`q-${question[1]}`]: question[2] }
			});
			if (res.status === 303) acknowledged.push(i);
		})
	);

	console.log(`Baseline: ${PUPILS} pupils load ${MODULE_PATH} for ${BASELINE_MS / 1000} s …`);
	let phase: 'baseline' | 'flood' | 'done' = 'baseline';
	const baseline = pupilsLoading(() => phase !== 'baseline');
	await sleep(BASELINE_MS);
	phase = 'flood';
	const during = pupilsLoading(() => phase === 'done');

	// The flood: one professional creates as fast as it can; one address joins with bots.
	console.log(`Flood for ${FLOOD_MS / 1000} s …`);
	const attacker = await signIn('angriber');
	const locked = await startSession(attacker);
	await request('POST', `${locked.path}?/laas`, { cookie: attacker, form: { laast: 'ja' } });
	const refused = { classes: 0, themeDays: 0, sessions: 0, lockedJoins: 0, botJoins: 0 };
	const tried = { classes: 0, themeDays: 0, sessions: 0, lockedJoins: 0, botJoins: 0 };
	const until = Date.now() + FLOOD_MS;
	const floods = [
		(async () => {
			for (let i = 0; Date.now() < until; i++) {
				tried.classes++;
				const res = await request('POST', '/fagperson?/opret', {
					cookie: attacker,
					form: { name: `Klasse ${i}`, school: 'Skole', ageGroup: '8.' }
				});
				if (res.status === 429) refused.classes++;
			}
		})(),
		(async () => {
			for (let i = 0; Date.now() < until; i++) {
				tried.themeDays++;
				const res = await request('POST', '/fagperson/temadage/ny?/opret', {
					cookie: attacker,
					form: {
						title: `Dag ${i}`,
						startDate: '2030-06-12',
						startTime: '17:00',
						endTime: '20:00',
						place: 'Hallen',
						municipality: 'Herlev',
						audience: 'unge',
						description: 'Flood.',
						contact: 'x',
						'unge-grooming': '1'
					}
				});
				if (res.status === 429) refused.themeDays++;
			}
		})(),
		(async () => {
			while (Date.now() < until) {
				tried.sessions++;
				const res = await request('POST', '/fagperson/live?/start', {
					cookie: attacker,
					form: { modul: 'unge/grooming' }
				});
				if (res.status === 409) refused.sessions++;
			}
		})(),
		...[locked.code, real.code].map((code) =>
			(async () => {
				for (let i = 0; Date.now() < until; i++) {
					const res = await request('POST', '/live', {
						form: { code, nickname: `Bot ${i}` }
					});
					const key = code === locked.code ? 'lockedJoins' : 'botJoins';
					tried[key]++;
					if (res.status !== 303) refused[key]++;
				}
			})()
		)
	];
	await Promise.all(floods);
	phase = 'done';
	const [before, flood] = await Promise.all([baseline, during]);
	await answering;
	const peakMb = memory.stop() / 1024;
	const rssMb = (memoryOf(server.pid)?.rssKb ?? 0) / 1024;

	// What was stored: every acknowledged answer, nobody new in the locked session.
	const db = new Database(databaseUrl, { readonly: true });
	const storedAnswers = db
		.prepare(
			'select count(*) n from live_answers a join live_sessions s on s.id = a.session_id where s.code = ? and s.ended_at is null'
		)
		.get(real.code) as { n: number };
	const lockedParticipants = db
		.prepare(
			'select count(*) n from live_participants p join live_sessions s on s.id = p.session_id where s.code = ? and s.ended_at is null'
		)
		.get(locked.code) as { n: number };
	const attackerClasses = db
		.prepare(
			"select count(*) n from classes c join users u on u.id = c.owner_id where u.username = 'angriber'"
		)
		.get() as { n: number };
	db.close();

	const p99Before = percentile(before, 0.99);
	const p99During = percentile(flood, 0.99);
	console.log(
		`\nPupils (${PUPILS}, GET ${MODULE_PATH}): p99 ${p99Before.toFixed(0)} ms before (${before.length} requests), ${p99During.toFixed(0)} ms during the flood (${flood.length} requests)`
	);
	console.log(`Server memory: peak ${peakMb.toFixed(0)} MB, at the end ${rssMb.toFixed(0)} MB`);
	console.log('Flood requests (tried / refused):');
	for (const key of Object.keys(tried) as (keyof typeof tried)[])
		console.log(`  ${key.padEnd(12)} ${String(tried[key]).padStart(6)} / ${refused[key]}`);
	console.log(`  classes the flooding account got: ${attackerClasses.n}`);
	console.log(
		`Live answers acknowledged ${acknowledged.length} of ${PARTICIPANTS}, stored ${storedAnswers.n}`
	);
	console.log('Checks:');
	check(p99During < TARGETS.pupilP99Ms, `pupils' p99 during the flood < ${TARGETS.pupilP99Ms} ms`);
	check(peakMb < TARGETS.memoryMb, `server memory stays under ${TARGETS.memoryMb} MB`);
	check(lockedParticipants.n === 0, 'the locked session took nobody new');
	check(storedAnswers.n === acknowledged.length, 'every acknowledged live answer is stored');
	check(acknowledged.length === PARTICIPANTS, 'every real participant could answer');
	check(
		refused.classes > 0 && refused.themeDays > 0 && refused.sessions > 0,
		'the flood met the limits'
	);
	check(refused.botJoins > 0, 'the bots were slowed down');
	if (failures) process.exitCode = 1;
} finally {
	agent.destroy();
	server.process.kill('SIGTERM');
	await Promise.race([server.exited, sleep(10_000)]);
	if (server.isRunning()) server.process.kill('SIGKILL');
	rmSync(dir, { recursive: true, force: true });
}
