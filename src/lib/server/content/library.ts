import { resolve } from 'node:path';
import { toLocale } from '$lib/locales';
import { m } from '$lib/paraglide/messages';
import { loadContent, type LoadedContent } from './loader';
import type { EveningLibrary } from './evening';
import type { CalloutKind } from './markdown';
import type { MockMessageKind, MockMessageLabels } from './mock-message';
import type { ContentLocale, TrackId } from './schema';
import { formatProblem, type LocaleContent, type Module } from './types';

export const calloutLabels = (locale: ContentLocale): Record<CalloutKind, string> => ({
	tip: m.callout_tip({}, { locale }),
	advarsel: m.callout_warning({}, { locale }),
	hjaelp: m.callout_help({}, { locale }),
	refleksion: m.callout_reflect({}, { locale })
});

const mockHeadings = {
	sms: m.mock_heading_sms,
	chat: m.mock_heading_chat,
	opslag: m.mock_heading_opslag,
	betaling: m.mock_heading_betaling,
	login: m.mock_heading_login
} satisfies Record<MockMessageKind, unknown>;

export const mockMessageLabels = (locale: ContentLocale): MockMessageLabels => ({
	heading: (kind, from, app) => {
		const heading = mockHeadings[kind]({ from }, { locale });
		return app ? m.mock_heading_on_app({ heading, app }, { locale }) : heading;
	},
	theyWrite: (from) => m.mock_they_write({ from }, { locale }),
	youWrite: m.mock_you_write({}, { locale }),
	example: m.mock_example({}, { locale })
});

export class ContentError extends Error {}

let library: LoadedContent | null = null;

/** Loads all content once; refuses (throws) when any module is invalid. */
export function initContent(root = process.env.CONTENT_DIR ?? 'content'): LoadedContent {
	const loaded = loadContent(resolve(root), {
		calloutLabels,
		mockMessageLabels,
		staticDir: resolve('static')
	});
	if (loaded.problems.length > 0) {
		throw new ContentError(
			`Indholdet i ${root} har ${loaded.problems.length} fejl:\n` +
				loaded.problems.map(formatProblem).join('\n')
		);
	}
	library = loaded;
	return loaded;
}

export function content(locale: string): LocaleContent {
	library ??= initContent();
	return library.locales[toLocale(locale)];
}

/** The theme-day evening's libraries (Danish: a room shares one language). */
export function eveningLibrary(): EveningLibrary {
	library ??= initContent();
	return library.evening;
}

export function findModule(locale: string, track: TrackId, slug: string): Module | undefined {
	const module = content(locale).modules.get(slug);
	return module?.track === track ? module : undefined;
}

export function findScenario(locale: string, track: TrackId, slug: string) {
	const scenario = content(locale).scenarios.get(slug);
	return scenario?.track === track ? scenario : undefined;
}

/** Something a professional can assign to a class: a module or a practice scenario. */
export interface Assignable {
	kind: 'module' | 'scenario';
	slug: string;
	track: TrackId;
	title: string;
	/** The page a pupil opens. */
	href: string;
}

export function findAssignable(locale: string, slug: string): Assignable | undefined {
	const library = content(locale);
	const module = library.modules.get(slug);
	if (module)
		return {
			kind: 'module',
			slug,
			track: module.track,
			title: module.title,
			href: `/${module.track}/${slug}`
		};
	const scenario = library.scenarios.get(slug);
	if (scenario)
		return {
			kind: 'scenario',
			slug,
			track: scenario.track,
			title: scenario.title,
			href: `/${scenario.track}/oev/${slug}`
		};
	return undefined;
}
