import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { content } from '$lib/server/content/library';
import { localHelpOf } from '$lib/server/help/municipality-choice';
import { requireThemeDayOrganiser } from '$lib/server/themedays/guard';
import { themeDaySummary } from '$lib/server/themedays/view';
import { runSheet } from '$lib/server/evening/run-sheet';
import { pollsOfThemeDay } from '$lib/server/evening/poll-store';
import { agreementSetsOfThemeDay } from '$lib/server/agreements/store';

export const load: PageServerLoad = (event) => {
	const day = requireThemeDayOrganiser(event, event.params.id);
	const library = content(getLocale());
	const modulesOf = (slugs: string[]) => slugs.flatMap((s) => library.modules.get(s) ?? []);
	const localHelp = localHelpOf(content('da').localHelp, day.municipality);
	const polls = pollsOfThemeDay(day.id);
	const sets = agreementSetsOfThemeDay(day.id);
	return {
		day: themeDaySummary(day),
		sheet: runSheet({
			youth: modulesOf(day.youthProgramme).map((mod) => ({
				title: mod.title,
				scenario: mod.practice[0]?.title ?? null
			})),
			parent: modulesOf(day.parentProgramme).map((mod) => ({ title: mod.title })),
			municipality: day.municipality,
			localHelp: localHelp?.services.length ?? 0,
			hasPoll: polls.length > 0,
			hasAgreements: sets.length > 0
		}),
		localHelp: localHelp && {
			name: localHelp.name,
			services: localHelp.services.map(({ id, name, contact }) => ({ id, name, contact }))
		},
		pollId: polls[0]?.id ?? null,
		agreementSetId: sets[0]?.id ?? null
	};
};
