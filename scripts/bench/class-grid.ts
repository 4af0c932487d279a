/**
 * npm run bench:grid
 * Time to render a teacher's class page with a 30 pupils × 10 modules grid (build/ first).
 * Seeds a temporary database through the domain code, starts the built app, signs the teacher
 * in through the real form, and requests the page one at a time after a warm-up.
 */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { formHeaders, startApp, tempDir } from '../lib/app-harness';

const PUPILS = 30;
const MODULES = [
	'digitalt-fodspor',
	'adgangskoder-og-mitid',
	'svindel-og-phishing',
	'deling-af-billeder',
	'sextortion',
	'grooming',
	'digital-mobning',
	'bander-og-rekruttering',
	'pengemuling',
	'ekstremisme-online'
];
const WARMUP = 200;
const SAMPLES = 500;
const PASSWORD = 'en lang sætning til læreren';

const dir = tempDir('grid-bench');
process.env.DATABASE_URL = join(dir, 'sammen.db');
const { createUser, setRole } = await import('../../src/lib/server/auth/user');
const { createClass, joinClassWithCode, assignModule } =
	await import('../../src/lib/server/classes/classes');
const { recordAttempt } = await import('../../src/lib/server/learning/progress');
const { closeDb } = await import('../../src/lib/server/db/client');

const teacher = await createUser({ username: 'laerer', password: PASSWORD, role: 'professional' });
if (!teacher.ok) throw new Error('teacher');
setRole(teacher.user.id, 'professional');
const classRow = createClass(teacher.user.id, {
	name: '7.A',
	school: 'Skolen',
	ageGroup: '7. klasse'
});
MODULES.forEach((slug, i) =>
	assignModule(classRow.id, { moduleSlug: slug, dueDate: i % 2 ? '2026-01-01' : null, note: null })
);
for (let p = 0; p < PUPILS; p++) {
	const pupil = await createUser({
		username: `elev${p}`,
		password: `kode-til-elev-${p}`,
		role: 'youth'
	});
	if (!pupil.ok) throw new Error('pupil');
	joinClassWithCode(pupil.user.id, `Elev ${p}`, classRow.joinCode);
	MODULES.forEach((slug, i) => {
		if ((p + i) % 3 === 0) return;
		const passed = (p + i) % 3 === 1;
		recordAttempt(pupil.user.id, slug, {
			correctCount: passed ? 6 : 2,
			questionCount: 7,
			score: passed ? 86 : 29,
			passed,
			results: [{ questionId: 'q', answer: ['a'], correct: passed }]
		});
	});
}
closeDb();

const server = await startApp({ port: 5190, databaseUrl: process.env.DATABASE_URL });
try {
	const login = await fetch(`${server.origin}/log-ind`, {
		method: 'POST',
		redirect: 'manual',
		headers: formHeaders(server.origin),
		body: new URLSearchParams({ username: 'laerer', password: PASSWORD }).toString()
	});
	const cookie = login.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('session='));
	if (!cookie) throw new Error(`sign-in failed: ${login.status}`);
	const url = `${server.origin}/fagperson/klasser/${classRow.id}`;
	const get = async () => {
		const start = performance.now();
		const res = await fetch(url, { headers: { cookie } });
		const body = await res.text();
		if (res.status !== 200 || !body.includes('Elev 29'))
			throw new Error(`class page: ${res.status}`);
		return { ms: performance.now() - start, bytes: body.length };
	};
	for (let i = 0; i < WARMUP; i++) await get();
	const times: number[] = [];
	let bytes = 0;
	for (let i = 0; i < SAMPLES; i++) {
		const r = await get();
		times.push(r.ms);
		bytes = r.bytes;
	}
	times.sort((a, b) => a - b);
	const at = (q: number) =>
		times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
	console.log(
		`Class page, ${PUPILS} pupils × ${MODULES.length} modules, ${SAMPLES} sequential requests after ${WARMUP} warm-up:`
	);
	console.log(
		`  p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, max ${times.at(-1)!.toFixed(1)} ms (target p99 < 100 ms); HTML ${(bytes / 1024).toFixed(1)} KB`
	);
} finally {
	server.process.kill('SIGTERM');
	await server.exited;
	rmSync(dir, { recursive: true, force: true });
}
