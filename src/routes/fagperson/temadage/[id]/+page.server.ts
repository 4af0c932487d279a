import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { content } from '$lib/server/content/library';
import { MUNICIPALITIES } from '$lib/municipalities';
import { requireThemeDayOrganiser } from '$lib/server/themedays/guard';
import { formValuesOf, readThemeDayForm } from '$lib/server/themedays/theme-day-form';
import {
	cancelThemeDay,
	publishThemeDay,
	unpublishThemeDay,
	updateThemeDay
} from '$lib/server/themedays/theme-days';
import { moduleChoices } from '$lib/server/themedays/module-choices';
import { programmeWithProgress, themeDaySummary, trackModules } from '$lib/server/themedays/view';
import { pollsOfThemeDay } from '$lib/server/evening/poll-store';
import { agreementSetsOfThemeDay } from '$lib/server/agreements/store';

export const load: PageServerLoad = (event) => {
	const day = requireThemeDayOrganiser(event, event.params.id);
	const library = content(getLocale());
	const noProgress = new Map();
	return {
		day: { ...themeDaySummary(day), url: `${event.url.origin}/temadage/${day.slug}` },
		created: event.url.searchParams.has('oprettet'),
		values: formValuesOf(day, trackModules(library)),
		modules: moduleChoices(library),
		municipalities: MUNICIPALITIES,
		programmes: {
			unge: programmeWithProgress(day.youthProgramme, 'unge', library, noProgress),
			foraeldre: programmeWithProgress(day.parentProgramme, 'foraeldre', library, noProgress)
		},
		evening: {
			pollId: pollsOfThemeDay(day.id)[0]?.id ?? null,
			agreementSetId: agreementSetsOfThemeDay(day.id)[0]?.id ?? null
		}
	};
};

/** Every action checks the organiser first: a direct POST from anyone else gets 404. */
function organiserOf(event: RequestEvent) {
	return requireThemeDayOrganiser(event, event.params.id);
}

export const actions: Actions = {
	gem: async (event) => {
		const day = organiserOf(event);
		const { values, errors, input } = readThemeDayForm(
			await event.request.formData(),
			trackModules(content('da'))
		);
		if (!input) return fail(400, { values, errors });
		updateThemeDay(day.id, input);
		return { done: 'saved' };
	},
	udgiv: (event) => {
		const day = organiserOf(event);
		publishThemeDay(day.id);
		return { done: 'published' };
	},
	afpubliser: (event) => {
		const day = organiserOf(event);
		unpublishThemeDay(day.id);
		return { done: 'unpublished' };
	},
	aflys: (event) => {
		const day = organiserOf(event);
		cancelThemeDay(day.id);
		return { done: 'cancelled' };
	}
};
