import type { ClientInit } from '@sveltejs/kit';
import { loadMessages } from '$lib/browser-messages';
import { isLocale, overwriteGetLocale, baseLocale } from '$lib/paraglide/runtime';

export const init: ClientInit = async () => {
	// The page's language is the one the server rendered it in.
	const lang = document.documentElement.lang;
	overwriteGetLocale(() => (isLocale(lang) ? lang : baseLocale));
	await loadMessages();
};
