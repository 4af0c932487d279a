import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { pageHtml } from '$lib/server-html';
import { requireRole } from '$lib/server/auth/guards';
import { content } from '$lib/server/content/library';
import { teacherGuide } from '$lib/server/materials/catalogue';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'professional', 'admin');
	const guide = teacherGuide(content(getLocale()), event.params.slug);
	if (!guide) error(404, 'Not found');
	return { guide: { ...guide, html: pageHtml(guide.html, event.isDataRequest) } };
};
