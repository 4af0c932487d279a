import type { LocalHelp } from '../content/types';

/**
 * Whose help the "when a pupil tells you something" page shows: the municipality chosen on
 * the page (`?kommune=<slug>`), else the one the professional works in. When that municipality
 * has added no help of its own, its name comes back so the page can say where else to look.
 */
export function disclosureHelp(
	all: LocalHelp[],
	chosenSlug: string | null,
	ownMunicipality: string | null
): { local: LocalHelp | null; missing: string | null } {
	const chosen = chosenSlug ? all.find((l) => l.slug === chosenSlug) : undefined;
	if (chosen) return { local: chosen, missing: null };
	if (!ownMunicipality) return { local: null, missing: null };
	const own = all.find((l) => l.municipality === ownMunicipality);
	return own ? { local: own, missing: null } : { local: null, missing: ownMunicipality };
}
