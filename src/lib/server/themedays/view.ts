import type { LocaleContent } from '../content/types';
import type { TrackId } from '$lib/tracks';
import { statusOf, type ModuleProgress, type ModuleStatus } from '../learning/progress';
import type { TrackModules } from './theme-day-form';
import type { ThemeDay } from './theme-days';

export interface ProgrammeModule {
	slug: string;
	track: TrackId;
	/** The language the title and summary are written in. */
	lang: string;
	title: string;
	summary: string;
	minutes: number;
	status: ModuleStatus;
	bestScore: number | null;
}

/** A programme's modules in order; modules no longer in content/ (or in another track) are left out. */
export function programmeModules(slugs: string[], track: TrackId, library: LocaleContent) {
	return slugs.flatMap((slug) => {
		const mod = library.modules.get(slug);
		return mod && mod.track === track ? [mod] : [];
	});
}

/** A programme's modules in order, with the person's progress. */
export function programmeWithProgress(
	slugs: string[],
	track: TrackId,
	library: LocaleContent,
	progress: Map<string, ModuleProgress>
): ProgrammeModule[] {
	return programmeModules(slugs, track, library).map((mod) => {
		const p = progress.get(mod.slug);
		return {
			slug: mod.slug,
			track,
			lang: mod.locale,
			title: mod.title,
			summary: mod.summary,
			minutes: mod.minutes,
			status: statusOf(p),
			bestScore: p?.bestScore ?? null
		};
	});
}

/** Where "Start programmet" leads: the first module not completed, or the first when all are. */
export function programmeStart(programme: ProgrammeModule[]): {
	slug: string;
	title: string;
	allDone: boolean;
} | null {
	if (!programme.length) return null;
	const next = programme.find((mod) => mod.status !== 'completed');
	const target = next ?? programme[0];
	return { slug: target.slug, title: target.title, allDone: !next };
}

/** The module slugs of each track, in track order (what the programme form offers). */
export function trackModules(library: LocaleContent): TrackModules {
	return {
		unge: library.tracks.unge.modules.map((mod) => mod.slug),
		foraeldre: library.tracks.foraeldre.modules.map((mod) => mod.slug)
	};
}

/** What a list of theme days shows of each. */
export function themeDaySummary(day: ThemeDay) {
	return {
		id: day.id,
		slug: day.slug,
		title: day.title,
		startsAt: day.startsAt,
		endsAt: day.endsAt,
		place: day.place,
		municipality: day.municipality,
		audience: day.audience,
		published: day.publishedAt !== null,
		cancelled: day.cancelledAt !== null
	};
}

export type ThemeDaySummary = ReturnType<typeof themeDaySummary>;
