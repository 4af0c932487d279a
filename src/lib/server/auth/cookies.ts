import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE, createSession } from './session';

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, { path: '/', secure: url.protocol === 'https:' });
}

/** Starts a fresh session (never reuses one) and sets its cookie. */
export function startSession(cookies: Cookies, url: URL, userId: string): void {
	const { session, token } = createSession(userId);
	setSessionCookie(cookies, url, token, session.expiresAt);
}
