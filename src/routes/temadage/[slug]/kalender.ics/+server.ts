import type { RequestHandler } from './$types';
import { requireVisibleThemeDay } from '$lib/server/themedays/guard';
import { themeDayCalendar } from '$lib/server/themedays/ics';

export const GET: RequestHandler = (event) => {
	const day = requireVisibleThemeDay(event, event.params.slug);
	const url = `${event.url.origin}/temadage/${day.slug}`;
	const body = themeDayCalendar({
		id: day.id,
		title: day.title,
		startsAt: day.startsAt,
		endsAt: day.endsAt,
		place: day.place,
		municipality: day.municipality,
		description: `${day.description}\n\n${day.contact}\n${url}`,
		url,
		host: event.url.hostname,
		createdAt: day.createdAt,
		updatedAt: day.updatedAt,
		cancelled: day.cancelledAt !== null
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${day.slug}.ics"`,
			'cache-control': 'private, no-cache'
		}
	});
};
