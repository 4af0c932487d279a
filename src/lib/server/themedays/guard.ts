import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '../auth/guards';
import { effectiveRole, type SessionUser } from '../auth/user';
import { getThemeDay, getThemeDayBySlug, type ThemeDay } from './theme-days';

/** Organiser or administrator: the people who may edit a theme day and see it as a draft. */
export function mayManageThemeDay(user: SessionUser | null, day: Pick<ThemeDay, 'organiserId'>) {
	return !!user && (day.organiserId === user.id || effectiveRole(user) === 'admin');
}

/** The theme day, if the signed-in person organises it (or is an administrator); 404 for anyone else. */
export function requireThemeDayOrganiser(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	id: string
): ThemeDay {
	const user = requireRole(event, 'professional', 'admin');
	const day = getThemeDay(id);
	if (!day || !mayManageThemeDay(user, day)) error(404, 'Not found');
	return day;
}

/** A theme day by its address; drafts exist only for their organiser and administrators. */
export function requireVisibleThemeDay(
	event: Pick<RequestEvent, 'locals'>,
	slug: string
): ThemeDay {
	const day = getThemeDayBySlug(slug);
	if (!day || (!day.publishedAt && !mayManageThemeDay(event.locals.user, day)))
		error(404, 'Not found');
	return day;
}
