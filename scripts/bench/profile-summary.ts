/**
 * npx tsx scripts/bench/profile-summary.ts <file.cpuprofile> [rows] [last-seconds] [skip-seconds]
 * Where the time of a V8 CPU profile (node --cpu-prof) goes: the functions with the most
 * self time, and the most inclusive time (each function counted once per sample).
 * last-seconds keeps only the end of the profile (the load run before SIGTERM), leaving out
 * start-up work such as loading the content; skip-seconds leaves out the very end as well, to
 * look at an earlier case of the benchmark (each case is its warm-up plus its measured time).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

const [file, rowsArg, lastArg, skipArg] = process.argv.slice(2);
if (!file) {
	console.error(
		'Usage: tsx scripts/bench/profile-summary.ts <file.cpuprofile> [rows] [last-seconds] [skip-seconds]'
	);
	process.exit(2);
}
const rows = Number(rowsArg ?? 25);
const lastUs = Number(lastArg ?? 0) * 1e6;
const skipUs = Number(skipArg ?? 0) * 1e6;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

function key(n: ProfileNode): string {
	const { functionName, url, lineNumber } = n.callFrame;
	const where = url
		? `${url.replace(/^file:\/\//, '').replace(/^.*?\/(node_modules|build)\//, '$1/')}:${lineNumber + 1}`
		: '';
	return `${functionName || '(anonymous)'} ${where}`.trim();
}

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const span = profile.timeDeltas.reduce((a, b) => a + b, 0);
const from = lastUs > 0 ? span - lastUs : 0;
let total = 0;
let elapsed = 0;
profile.samples.forEach((id, i) => {
	const dt = profile.timeDeltas[i] ?? 0;
	elapsed += dt;
	if (elapsed < from || elapsed > span - skipUs) return;
	total += dt;
	const node = byId.get(id)!;
	self.set(key(node), (self.get(key(node)) ?? 0) + dt);
	const seen = new Set<string>();
	for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
		const k = key(byId.get(cur)!);
		if (seen.has(k)) continue;
		seen.add(k);
		inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
	}
});

const idle = self.get('(idle)') ?? 0;
const busy = total - idle;
const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
const top = (m: Map<string, number>) =>
	[...m]
		.filter(([k]) => !['(idle)', '(root)', '(program)'].includes(k))
		.sort((a, b) => b[1] - a[1])
		.slice(0, rows);

console.log(
	`${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy ` +
		`(percentages are of busy time; (program) ${pct(self.get('(program)') ?? 0)}, ` +
		`(garbage collector) ${pct(self.get('(garbage collector)') ?? 0)})`
);
console.log('\nSelf time:');
for (const [k, us] of top(self)) console.log(`${pct(us)}  ${k}`);
console.log('\nInclusive time:');
for (const [k, us] of top(inclusive)) console.log(`${pct(us)}  ${k}`);
