import type { TrackId } from '$lib/tracks';

/**
 * The query parameter that says a module is opened from a theme day's programme
 * (`/foraeldre/tal-med-dit-barn?temadag=<slug>`). The module page's shared cache copy is the one
 * without it (see QUERY_HEADER in src/lib/server/http/page-cache.js).
 */
export const PROGRAMME_PARAM = 'temadag';

/** The query string (without `?`) that keeps a page inside a theme day's programme. */
export function programmeQuery(daySlug: string): string {
	return `${PROGRAMME_PARAM}=${encodeURIComponent(daySlug)}`;
}

/** A module's address inside a theme day's programme. */
export function programmeHref(track: TrackId, slug: string, daySlug: string): string {
	return `/${track}/${slug}?${programmeQuery(daySlug)}`;
}
