import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { effectiveRole, type Role, type SessionUser } from './user';

/** The signed-in person, or a redirect to sign-in that comes back here afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/log-ind?naeste=${encodeURIComponent(next)}`);
	}
	return user;
}

/** The signed-in person with one of the roles; others get 404, as if the page did not exist. */
export function requireRole(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	...roles: Role[]
): SessionUser {
	const user = requireUser(event);
	if (!roles.includes(effectiveRole(user))) error(404, 'Not found');
	return user;
}

/** Teacher notes are for professionals (and administrators), never shown to others. */
export function mayReadTeacherNotes(user: SessionUser | null): boolean {
	const role = user ? effectiveRole(user) : null;
	return role === 'professional' || role === 'admin';
}

/** Browsers drop tabs and newlines in a Location header, so "/\t/evil" would become "//evil". */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const UNSAFE_IN_PATH = /[\u0000-\u001f\u007f\\]/;

/** Only same-site paths are followed after sign-in; anything else goes to the fallback. */
export function safeNextPath(value: string | null | undefined, fallback = '/mig'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || UNSAFE_IN_PATH.test(value))
		return fallback;
	const base = 'http://same.invalid';
	const url = new URL(value, base);
	return url.origin === base ? url.pathname + url.search + url.hash : fallback;
}
