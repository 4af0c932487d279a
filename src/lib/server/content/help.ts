import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createMarkdownRenderer } from './markdown';
import { helpSchema, localHelpSchema, type ContentLocale } from './schema';
import type { ContentProblem, HelpPage, HelpService, LocalHelp } from './types';
import type { LoadOptions } from './loader';
import { parseYaml } from './yaml-file';

/** content/<locale>/hjaelp/help.yaml: the national help page. */
export function loadHelp(
	root: string,
	locale: ContentLocale,
	options: LoadOptions,
	problems: ContentProblem[]
): HelpPage | null {
	const path = join(root, locale, 'hjaelp', 'help.yaml');
	if (!existsSync(path)) return null;
	const file = relative(process.cwd(), path);
	const help = parseYaml(readFileSync(path, 'utf8'), helpSchema, file, problems);
	if (!help) return null;
	const render = createMarkdownRenderer({ calloutLabels: options.calloutLabels(locale) });
	const services: HelpService[] = help.services.map((s) => ({
		...s,
		lastChecked: s.lastChecked ?? help.lastChecked
	}));
	const byId = new Map(services.map((s) => [s.id, s]));
	const situations = help.situations.map((s, i) => ({
		id: s.id,
		title: s.title,
		adviceHtml: render(s.advice).html,
		services: s.services.flatMap((id, j) => {
			const service = byId.get(id);
			if (!service)
				problems.push({
					file,
					field: `situations.${i}.services.${j}`,
					message: `ukendt tjeneste "${id}"`
				});
			return service ? [service] : [];
		})
	}));
	return { ...help, introHtml: render(help.intro).html, services, situations };
}

/** content/<locale>/kommuner/<slug>.yaml: each municipality's own help, sorted by name. */
export function loadLocalHelp(
	root: string,
	locale: ContentLocale,
	options: LoadOptions,
	problems: ContentProblem[]
): LocalHelp[] {
	const dir = join(root, locale, 'kommuner');
	if (!existsSync(dir)) return [];
	const render = createMarkdownRenderer({ calloutLabels: options.calloutLabels(locale) });
	const found: LocalHelp[] = [];
	const municipalities = new Map<string, string>();
	for (const entry of readdirSync(dir)
		.filter((f) => f.endsWith('.yaml'))
		.sort()) {
		const file = relative(process.cwd(), join(dir, entry));
		const slug = entry.slice(0, -'.yaml'.length);
		if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
			problems.push({ file, message: 'filnavnet skal være små bogstaver, tal og bindestreg' });
			continue;
		}
		const local = parseYaml(
			readFileSync(join(dir, entry), 'utf8'),
			localHelpSchema,
			file,
			problems
		);
		if (!local) continue;
		const earlier = municipalities.get(local.municipality);
		if (earlier) {
			problems.push({
				file,
				field: 'municipality',
				message: `${local.municipality} har allerede en fil: ${earlier}`
			});
			continue;
		}
		municipalities.set(local.municipality, entry);
		found.push({
			slug,
			name: local.name,
			municipality: local.municipality,
			introHtml: local.intro ? render(local.intro).html : '',
			services: local.services
		});
	}
	return found.sort((a, b) => a.name.localeCompare(b.name, 'da'));
}
