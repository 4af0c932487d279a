import { join } from 'node:path';
import { createMarkdownRenderer, markdownIn } from './markdown';
import { materialSchema, type ContentLocale } from './schema';
import type { ContentProblem, Material, Module } from './types';
import type { LoadOptions } from './loader';
import { parseYamlWithLines, yamlFilesIn } from './yaml-file';

/**
 * content/<locale>/materialer/<slug>.yaml: the cards and examples the lesson plans use, each
 * belonging to a module that must exist.
 */
export function loadMaterials(
	root: string,
	locale: ContentLocale,
	modules: Map<string, Module>,
	options: LoadOptions,
	problems: ContentProblem[]
): Map<string, Material> {
	const materials = new Map<string, Material>();
	const files = yamlFilesIn(join(root, locale, 'materialer'), problems, { slugNames: true });
	const render = createMarkdownRenderer(markdownIn(locale, options.calloutLabels(locale)));
	for (const { file, slug, source } of files) {
		const { value, lineAt } = parseYamlWithLines(source, materialSchema, file, problems);
		if (!value) continue;
		if (!modules.has(value.module)) {
			problems.push({
				file,
				line: lineAt(['module']),
				field: 'module',
				message: `modulet "${value.module}" findes ikke`
			});
			continue;
		}
		materials.set(slug, {
			slug,
			title: value.title,
			module: value.module,
			summary: value.summary,
			instructionsHtml: render(value.instructions).html,
			cards: value.cards
		});
	}
	return materials;
}

/** A module's materials, in the order of their titles. */
export function materialsOf(materials: Map<string, Material>, moduleSlug: string): Material[] {
	return [...materials.values()]
		.filter((m) => m.module === moduleSlug)
		.sort((a, b) => a.title.localeCompare(b.title, 'da'));
}
