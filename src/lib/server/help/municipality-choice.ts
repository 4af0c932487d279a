import type { Cookies } from '@sveltejs/kit';
import type { LocalHelp } from '../content/types';

/**
 * The municipality a visitor chose on /hjaelp, remembered in a cookie of its own: like the
 * language cookie it only keeps a choice the person made, and it holds nothing about them.
 */
export const MUNICIPALITY_COOKIE = 'kommune';
const YEAR = 60 * 60 * 24 * 365;

/** The chosen municipality: `?kommune=` (a link from a theme day) first, then the cookie. */
export function chosenLocalHelp(all: LocalHelp[], url: URL, cookies: Cookies): LocalHelp | null {
	const slug = url.searchParams.get('kommune') ?? cookies.get(MUNICIPALITY_COOKIE);
	return all.find((l) => l.slug === slug) ?? null;
}

/** Remembers a choice ('' forgets it); false when the slug is not a municipality we know. */
export function rememberLocalHelp(
	all: LocalHelp[],
	slug: string,
	cookies: Cookies,
	url: URL
): boolean {
	if (slug === '') {
		cookies.delete(MUNICIPALITY_COOKIE, { path: '/' });
		return true;
	}
	if (!all.some((l) => l.slug === slug)) return false;
	cookies.set(MUNICIPALITY_COOKIE, slug, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: YEAR
	});
	return true;
}

/**
 * The local help shown before a visitor has chosen: that of the municipality the installation
 * serves, when it serves exactly one (and that one has added its help).
 */
export function defaultLocalHelp(all: LocalHelp[], served: readonly string[]): LocalHelp | null {
	return served.length === 1 ? localHelpOf(all, served[0]) : null;
}

/** The help of a theme day's municipality, if that municipality has added its own. */
export function localHelpOf(all: LocalHelp[], municipality: string): LocalHelp | null {
	return all.find((l) => l.municipality === municipality) ?? null;
}
