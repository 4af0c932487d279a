import type { Cookies } from '@sveltejs/kit';
import { randomBytes } from 'node:crypto';
import { hashSecret } from '../security/secret-hash';

/**
 * A one-time participation token: a random secret in a cookie that belongs to one poll's or one
 * agreement vote's address. Only its hash is stored, next to "has answered", never next to what
 * was answered; it tells this browser from the next, nothing about the person.
 */
export const PARTICIPATION_COOKIE = 'deltager';
const THIRTY_DAYS = 30 * 24 * 60 * 60;
const TOKEN = /^[A-Za-z0-9_-]{27}$/;

function newToken(): string {
	return randomBytes(20).toString('base64url');
}

/** The browser's token for the page at `path`, made and set when it has none. */
export function participationToken(cookies: Cookies, path: string, secure: boolean): string {
	const existing = cookies.get(PARTICIPATION_COOKIE);
	if (existing && TOKEN.test(existing)) return existing;
	const token = newToken();
	cookies.set(PARTICIPATION_COOKIE, token, {
		path,
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: THIRTY_DAYS
	});
	return token;
}

/** The hash of the browser's token, or null when it has none (it has not been here). */
export function participationHash(cookies: Cookies): Buffer | null {
	const token = cookies.get(PARTICIPATION_COOKIE);
	return token && TOKEN.test(token) ? hashSecret(token) : null;
}
