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

/** Only same-site relative paths are followed after sign-in. */
export function safeNextPath(value: string | null | undefined, fallback = '/mig'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
		return fallback;
	return value;
}
