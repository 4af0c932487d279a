import type { TrackId } from '$lib/tracks';
import type { LocaleContent } from '../content/types';
import { materialsOf } from '../content/materials';

/**
 * What /fagperson/materialer offers: every teacher guide (modules by track, then the practice
 * scenarios) and every printable material with the module it belongs to.
 */
export function materialsCatalogue(library: LocaleContent) {
	const guides = (track: TrackId) =>
		library.tracks[track].modules.map((mod) => ({ slug: mod.slug, title: mod.title }));
	return {
		guides: { unge: guides('unge'), foraeldre: guides('foraeldre') },
		scenarioGuides: [...library.scenarios.values()].map((sc) => ({
			slug: sc.slug,
			title: sc.title
		})),
		materials: [...library.materials.values()].map((material) => ({
			slug: material.slug,
			title: material.title,
			summary: material.summary,
			module: library.modules.get(material.module)?.title ?? material.module
		}))
	};
}

export interface TeacherGuide {
	kind: 'module' | 'scenario';
	slug: string;
	title: string;
	summary: string;
	minutes: number;
	ages: [number, number];
	/** The page pupils (or parents) see. */
	href: string;
	html: string;
	/** Printable materials the plan uses. */
	materials: { slug: string; title: string }[];
}

/** The teacher guide of a module or a practice scenario (slugs are unique across both). */
export function teacherGuide(library: LocaleContent, slug: string): TeacherGuide | null {
	const module = library.modules.get(slug);
	if (module)
		return {
			kind: 'module',
			slug,
			title: module.title,
			summary: module.summary,
			minutes: module.minutes,
			ages: module.ages,
			href: `/${module.track}/${slug}`,
			html: module.teacherHtml,
			materials: materialLinks(library, slug)
		};
	const scenario = library.scenarios.get(slug);
	if (scenario)
		return {
			kind: 'scenario',
			slug,
			title: scenario.title,
			summary: scenario.summary,
			minutes: scenario.minutes,
			ages: scenario.ages,
			href: `/${scenario.track}/oev/${slug}`,
			html: scenario.teacherHtml,
			materials: []
		};
	return null;
}

/** A module's printable materials, as links. */
export function materialLinks(library: LocaleContent, moduleSlug: string) {
	return materialsOf(library.materials, moduleSlug).map((m) => ({ slug: m.slug, title: m.title }));
}
