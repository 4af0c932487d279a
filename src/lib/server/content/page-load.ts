import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { content } from './library';

/** Load function body for a plain content page (privacy notice, accessibility statement). */
export function loadContentPage(name: string) {
	const page = content(getLocale()).pages.get(name);
	if (!page) error(404, 'Not found');
	return {
		page: { title: page.title, updated: page.updated, html: page.html, locale: page.locale }
	};
}
