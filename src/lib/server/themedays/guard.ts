import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '../auth/guards';
import type { SessionUser } from '../auth/user';
import { getThemeDay, getThemeDayBySlug, type ThemeDay } from './theme-days';

/**
 * Only the organiser edits a theme day and sees it as a draft; administrators do not manage
 * theme days they do not organise (least privilege).
 */
export function mayManageThemeDay(user: SessionUser | null, day: Pick<ThemeDay, 'organiserId'>) {
	return !!user && day.organiserId === user.id;
}

/** The theme day, if the signed-in person organises it; 404 for anyone else. */
export function requireThemeDayOrganiser(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	id: string
): ThemeDay {
	const user = requireRole(event, 'professional', 'admin');
	const day = getThemeDay(id);
	if (!day || !mayManageThemeDay(user, day)) error(404, 'Not found');
	return day;
}

/** A theme day by its address; drafts exist only for their organiser. */
export function requireVisibleThemeDay(
	event: Pick<RequestEvent, 'locals'>,
	slug: string
): ThemeDay {
	const day = getThemeDayBySlug(slug);
	if (!day || (!day.publishedAt && !mayManageThemeDay(event.locals.user, day)))
		error(404, 'Not found');
	return day;
}
