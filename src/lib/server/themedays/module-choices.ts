import type { LocaleContent } from '../content/types';

/** The modules a programme can hold, per track, with their titles in the page's language. */
export function moduleChoices(library: LocaleContent) {
	const list = (track: 'unge' | 'foraeldre') =>
		library.tracks[track].modules.map((mod) => ({ slug: mod.slug, title: mod.title }));
	return { unge: list('unge'), foraeldre: list('foraeldre') };
}
