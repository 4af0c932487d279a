/**
 * Validates every module under content/ (or the folder given) and prints each lesson's
 * readability. Exits 1 on any problem, naming file, line and field.
 */
import { resolve } from 'node:path';
import { loadContent } from '../src/lib/server/content/loader';
import { TRACK_RULES } from '../src/lib/server/content/curriculum-rules';
import { formatProblem } from '../src/lib/server/content/types';
import { CHECK_LABELS } from '../src/lib/server/content/check-labels';

const root = resolve(process.argv[2] ?? 'content');
const { locales, problems, warnings, evening } = loadContent(root, {
	...CHECK_LABELS,
	staticDir: resolve('static')
});

let questions = 0;
for (const track of Object.values(locales.da.tracks)) {
	console.log(
		`\n${track.title} (${track.modules.length} moduler, LIX højst ${TRACK_RULES[track.id].maxLix})`
	);
	for (const mod of track.modules) {
		questions += mod.questions.length;
		const types = [...new Set(mod.questions.map((q) => q.type))].join('/');
		console.log(
			`  ${mod.slug.padEnd(36)} LIX ${mod.readability.lix.toFixed(1).padStart(4)}  ${String(mod.readability.words).padStart(4)} ord  ${mod.lessonSteps.length} trin  ${mod.mockMessages} beskeder  ${mod.questions.length} spørgsmål (${types})`
		);
	}
}
for (const track of Object.values(locales.da.tracks)) {
	if (!track.scenarios.length) continue;
	console.log(`\n${track.title}: øv dig (${track.scenarios.length} scenarier)`);
	for (const sc of track.scenarios) {
		const steps = Object.values(sc.steps);
		const endings = steps.filter((st) => st.ending).length;
		console.log(
			`  ${sc.slug.padEnd(36)} LIX ${sc.lix.toFixed(1).padStart(4)}  ${String(steps.length).padStart(2)} trin, ${endings} afslutninger (modul: ${sc.module})`
		);
	}
}
if (locales.da.materials.size) {
	console.log(`\nMaterialer til lektionsplanerne (${locales.da.materials.size})`);
	for (const material of locales.da.materials.values())
		console.log(
			`  ${material.slug.padEnd(36)} ${String(material.cards.length).padStart(2)} kort (modul: ${material.module})`
		);
}
if (locales.da.measures.size) {
	console.log(`\nMålinger før og efter (${locales.da.measures.size})`);
	for (const measure of locales.da.measures.values())
		console.log(
			`  ${measure.slug.padEnd(36)} LIX ${measure.lix.toFixed(1).padStart(4)}  ${measure.questions.length} spørgsmål (${measure.audience})`
		);
}
const modules = locales.da.modules.size;
console.log(
	`\n${modules} moduler, ${questions} spørgsmål, hjælpeside: ${locales.da.help ? `${locales.da.help.services.length} tjenester` : 'mangler'}`
);
console.log(
	`Aftenen: ${evening.questions.size} spørgsmål til de unges stemmer, ${evening.dilemmas.size} dilemmaer, ${evening.agreements.size} forslag til aftaler`
);

if (warnings.length > 0) {
	console.warn(`\n${warnings.length} advarsler om indholdet:`);
	for (const w of warnings) console.warn(`  ${formatProblem(w)}`);
}
if (problems.length > 0) {
	console.error(`\n${problems.length} fejl i indholdet:`);
	for (const p of problems) console.error(`  ${formatProblem(p)}`);
	process.exit(1);
}
console.log('Indholdet er i orden.');
