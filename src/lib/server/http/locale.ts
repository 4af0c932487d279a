import { getRequestEvent } from '$app/server';
import {
	baseLocale,
	cookieName,
	isLocale,
	overwriteGetLocale,
	type Locale
} from '$lib/paraglide/runtime';

/** The language a request asks for: the language cookie, else Danish. */
export function requestLocale(cookies: { get(name: string): string | undefined }): Locale {
	const wanted = cookies.get(cookieName);
	return wanted && isLocale(wanted) ? wanted : baseLocale;
}

/**
 * Paraglide's messages take the language from SvelteKit's own request context (set by the
 * `locale` hook) instead of Paraglide's middleware, which copies every request. Outside a
 * request, such as in a background job, it is Danish.
 */
export function takeLocaleFromRequest(): void {
	overwriteGetLocale(() => {
		try {
			return getRequestEvent().locals.locale ?? baseLocale;
		} catch {
			return baseLocale;
		}
	});
}
