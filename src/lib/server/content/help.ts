import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createMarkdownRenderer, markdownIn } from './markdown';
import { helpSchema, localHelpSchema, type ContentLocale, type HelpSource } from './schema';
import {
	helpStructureDifferences,
	sourceHash,
	staleWarning,
	translationFields,
	translationState
} from './translation';
import type { ContentProblem, HelpPage, HelpService, LocalHelp } from './types';
import type { LoadOptions } from './loader';
import { parseYaml, yamlFilesIn } from './yaml-file';

/** The Danish help page as read, for translations to be checked against. */
export interface DanishHelp {
	source: HelpSource;
	hash: string;
	page: HelpPage;
}

const translatedHelpSchema = helpSchema.extend(translationFields);

/**
 * content/<locale>/hjaelp/help.yaml: the national help page. A translation must have the
 * Danish page's numbers, services and situations, and be made from its current version;
 * otherwise the Danish page is shown.
 */
export function loadHelp(
	root: string,
	locale: ContentLocale,
	options: LoadOptions,
	problems: ContentProblem[],
	warnings: ContentProblem[],
	danish: DanishHelp | null
): DanishHelp | null {
	const path = join(root, locale, 'hjaelp', 'help.yaml');
	if (!existsSync(path)) return danish;
	const file = relative(process.cwd(), path);
	const text = readFileSync(path, 'utf8');
	if (locale === 'da') {
		const help = parseYaml(text, helpSchema, file, problems);
		return (
			help && {
				source: help,
				hash: sourceHash([text]),
				page: renderHelp(help, locale, options, file, problems)
			}
		);
	}
	if (!danish) return null;
	const help = parseYaml(text, translatedHelpSchema, file, problems);
	if (!help) return danish;
	const differences = helpStructureDifferences(danish.source, help);
	for (const message of differences) problems.push({ file, message });
	if (differences.length > 0) return danish;
	if (translationState(help.translatedFrom, danish.hash) === 'stale') {
		warnings.push(staleWarning(file, help.translatedFrom, danish.hash));
		return danish;
	}
	return { ...danish, page: renderHelp(help, locale, options, file, problems) };
}

function renderHelp(
	help: HelpSource,
	locale: ContentLocale,
	options: LoadOptions,
	file: string,
	problems: ContentProblem[]
): HelpPage {
	const render = createMarkdownRenderer(markdownIn(locale, options.calloutLabels(locale)));
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
	return {
		locale,
		title: help.title,
		lastChecked: help.lastChecked,
		emergency: help.emergency,
		introHtml: render(help.intro).html,
		services,
		situations
	};
}

/** content/<locale>/kommuner/<slug>.yaml: each municipality's own help, sorted by name. */
export function loadLocalHelp(
	root: string,
	locale: ContentLocale,
	options: LoadOptions,
	problems: ContentProblem[]
): LocalHelp[] {
	const files = yamlFilesIn(join(root, locale, 'kommuner'), problems, { slugNames: true });
	if (files.length === 0) return [];
	const render = createMarkdownRenderer(markdownIn(locale, options.calloutLabels(locale)));
	const found: LocalHelp[] = [];
	const municipalities = new Map<string, string>();
	for (const { file, slug, source } of files) {
		const local = parseYaml(source, localHelpSchema, file, problems);
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
		municipalities.set(local.municipality, `${slug}.yaml`);
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
