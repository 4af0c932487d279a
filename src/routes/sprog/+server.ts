import { redirect, type RequestHandler } from '@sveltejs/kit';
import { safeNextPath } from '$lib/server/auth/guards';

/** Sets the language cookie (strictly necessary: it remembers the choice the person made). */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await request.formData();
	const locale = form.get('sprog') === 'en' ? 'en' : 'da';
	cookies.set('sprog', locale, {
		path: '/',
		httpOnly: false,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 365
	});
	redirect(303, safeNextPath(String(form.get('tilbage') ?? ''), '/'));
};
