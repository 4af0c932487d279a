import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { content } from '$lib/server/content/library';
import { progressByModule } from '$lib/server/learning/progress';
import { qrDataUrl } from '$lib/server/classes/qr';
import { mayManageThemeDay, requireVisibleThemeDay } from '$lib/server/themedays/guard';
import { renderDescription } from '$lib/server/themedays/description';
import { localHelpOf } from '$lib/server/help/municipality-choice';
import { programmeStart, programmeWithProgress, themeDaySummary } from '$lib/server/themedays/view';

export const load: PageServerLoad = async (event) => {
	const day = requireVisibleThemeDay(event, event.params.slug);
	const locale = getLocale();
	const library = content(locale);
	const user = event.locals.user;
	const progress = user ? progressByModule(user.id) : new Map();
	const youth = programmeWithProgress(day.youthProgramme, 'unge', library, progress);
	const parent = programmeWithProgress(day.parentProgramme, 'foraeldre', library, progress);
	const url = `${event.url.origin}/temadage/${day.slug}`;
	const canManage = mayManageThemeDay(user, day);
	return {
		day: {
			...themeDaySummary(day),
			contact: day.contact,
			descriptionHtml: renderDescription(day.description, locale),
			url
		},
		// Only the organiser prints the poster; nobody else needs the QR code made.
		qr: canManage ? await qrDataUrl(url) : null,
		signedIn: user !== null,
		canManage,
		localHelp: localHelpOf(library.localHelp, day.municipality),
		programmes: [
			{ track: 'unge' as const, modules: youth, start: programmeStart(youth) },
			{ track: 'foraeldre' as const, modules: parent, start: programmeStart(parent) }
		].filter((p) => p.modules.length > 0)
	};
};
