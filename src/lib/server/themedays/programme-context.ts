import type { TrackId } from '$lib/tracks';
import type { LocaleContent } from '../content/types';
import { getThemeDayBySlug } from './theme-days';
import { programmeModules } from './view';

/** What a theme day's address can look like; anything else is not looked up. */
const SLUG = /^[a-z0-9-]{1,200}$/;

export interface ProgrammePlace {
	/** 1-based place of the module in the programme. */
	position: number;
	count: number;
	next: { slug: string; title: string; position: number } | null;
}

/** Where a module stands in a programme, or null when it is not in it. */
export function placeInProgramme(
	programme: { slug: string; title: string }[],
	moduleSlug: string
): ProgrammePlace | null {
	const index = programme.findIndex((mod) => mod.slug === moduleSlug);
	if (index < 0) return null;
	const next = programme[index + 1];
	return {
		position: index + 1,
		count: programme.length,
		next: next ? { slug: next.slug, title: next.title, position: index + 2 } : null
	};
}

export interface ProgrammeContext extends ProgrammePlace {
	day: { slug: string; title: string };
	track: TrackId;
}

/**
 * The theme-day programme a module page was opened from: only a published theme day whose
 * programme for the module's track holds the module; anything else is no programme at all, so
 * a made-up `?temadag=` shows the ordinary page.
 */
export function programmeContext(
	daySlug: string | null,
	module: { slug: string; track: TrackId },
	library: LocaleContent
): ProgrammeContext | null {
	if (!daySlug || !SLUG.test(daySlug)) return null;
	const day = getThemeDayBySlug(daySlug);
	if (!day?.publishedAt) return null;
	const slugs = module.track === 'unge' ? day.youthProgramme : day.parentProgramme;
	const place = placeInProgramme(programmeModules(slugs, module.track, library), module.slug);
	return place && { ...place, day: { slug: day.slug, title: day.title }, track: module.track };
}
