import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ChatMessage, Scenario, ScenarioStep, ScenarioChoice } from '../../scenarios/types';
import { graphProblems } from '../scenarios/graph';
import { DISCUSSION_SECTION, TRACK_RULES } from './curriculum-rules';
import { lix } from './lix';
import { createMarkdownRenderer, markdownIn } from './markdown';
import type { ContentLocale, TrackId } from './schema';
import { scenarioSchema, type ScenarioSource } from './scenario-schema';
import type { ContentProblem, HelpPage } from './types';
import type { LoadOptions } from './loader';
import { parseYamlWithLines } from './yaml-file';

export const SCENARIO_TEACHER_SECTIONS = [
	'Formål',
	'Sådan bruger du scenariet (20 minutter)',
	DISCUSSION_SECTION,
	'Hvis en elev står i situationen nu',
	'Kilder'
];

/** Every text a player reads, for the readability check. */
function scenarioText(source: ScenarioSource): string {
	const parts = [source.intro];
	for (const step of Object.values(source.steps)) {
		for (const m of step.messages)
			parts.push('text' in m ? m.text : [m.card.title, ...m.card.lines].join('. '));
		for (const c of step.choices ?? []) parts.push(c.text, c.feedback);
		if (step.selfReply) parts.push(step.selfReply.prompt, ...step.selfReply.examples);
		if (step.ending)
			parts.push(
				step.ending.title,
				step.ending.wentWell,
				step.ending.nowWhat,
				step.ending.notYourFault
			);
	}
	return parts.join('\n\n');
}

/**
 * Reads content/<locale>/scenarier/<slug>: the scenario and its teacher notes, checked as
 * content (schema, graph, help links, readability). The module link is checked by the caller,
 * which knows every module.
 */
export function loadScenario(
	root: string,
	locale: ContentLocale,
	track: TrackId,
	slug: string,
	help: HelpPage | null,
	options: LoadOptions,
	problems: ContentProblem[]
): Scenario | null {
	const dir = join(root, locale, 'scenarier', slug);
	const rel = (f: string) => relative(process.cwd(), join(dir, f));
	const path = join(dir, 'scenario.yaml');
	if (!existsSync(path)) {
		problems.push({ file: rel('scenario.yaml'), message: 'filen mangler' });
		return null;
	}
	const file = rel('scenario.yaml');
	const { value: source, lineAt } = parseYamlWithLines(
		readFileSync(path, 'utf8'),
		scenarioSchema,
		file,
		problems
	);

	const teacherPath = join(dir, 'teacher.md');
	const teacherSource = existsSync(teacherPath) ? readFileSync(teacherPath, 'utf8') : null;
	if (teacherSource === null)
		problems.push({ file: rel('teacher.md'), message: 'lærervejledningen mangler' });
	else {
		const headings = [...teacherSource.matchAll(/^##\s+(.+?)\s*$/gm)].map((m) => m[1]);
		const missing = SCENARIO_TEACHER_SECTIONS.filter((s) => !headings.includes(s));
		if (missing.length)
			problems.push({
				file: rel('teacher.md'),
				message: `mangler afsnit: ${missing.map((s) => `## ${s}`).join(', ')}`
			});
	}
	if (!source) return null;

	const at = (field: (string | number)[], message: string) =>
		problems.push({ file, line: lineAt(field), field: field.join('.'), message });
	if (source.track !== track)
		at(['track'], `scenariet står på listen for ${track}, men track er ${source.track}`);

	const graph = Object.fromEntries(
		Object.entries(source.steps).map(([id, s]) => [
			id,
			{
				ending: !!s.ending,
				choices: (s.choices ?? []).map((c) => ({ next: c.next, risky: c.risky }))
			}
		])
	);
	for (const p of graphProblems(graph, source.start))
		at(p.step === source.start && !source.steps[p.step] ? ['start'] : ['steps', p.step], p.message);

	const services = new Map(help?.services.map((s) => [s.id, s]));
	for (const [id, step] of Object.entries(source.steps))
		step.ending?.help.forEach((h, i) => {
			if (!services.has(h))
				at(['steps', id, 'ending', 'help', i], `"${h}" findes ikke på hjælpesiden`);
		});

	const readability = lix(scenarioText(source));
	const maxLix = TRACK_RULES[source.track].maxLix;
	if (readability.lix > maxLix)
		problems.push({ file, message: `LIX ${readability.lix} er over grænsen ${maxLix} for sporet` });

	const render = createMarkdownRenderer(markdownIn(locale, options.calloutLabels(locale)));
	const steps: Record<string, ScenarioStep> = {};
	for (const [id, s] of Object.entries(source.steps)) {
		steps[id] = {
			id,
			messages: s.messages as ChatMessage[],
			choices: (s.choices ?? []) as ScenarioChoice[],
			selfReply: s.selfReply ?? null,
			ending: s.ending
				? {
						title: s.ending.title,
						outcome: s.ending.outcome,
						wentWellHtml: render(s.ending.wentWell).html,
						nowWhatHtml: render(s.ending.nowWhat).html,
						notYourFault: s.ending.notYourFault,
						help: s.ending.help.flatMap((h) => services.get(h) ?? [])
					}
				: null
		};
	}
	return {
		slug,
		title: source.title,
		summary: source.summary,
		track: source.track,
		ages: source.ages,
		minutes: source.minutes,
		module: source.module,
		sources: source.sources,
		lastReviewed: source.lastReviewed,
		counterpart: source.counterpart,
		introHtml: render(source.intro).html,
		teacherHtml: teacherSource === null ? '' : render(teacherSource).html,
		start: source.start,
		steps,
		locale,
		translated: true,
		lix: readability.lix
	};
}
