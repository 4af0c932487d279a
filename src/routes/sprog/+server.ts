import { redirect, type RequestHandler } from '@sveltejs/kit';
import { safeNextPath } from '$lib/server/auth/guards';
import { toLocale } from '$lib/locales';
import { cookieName } from '$lib/paraglide/runtime';

/** Sets the language cookie (strictly necessary: it remembers the choice the person made). */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await request.formData();
	cookies.set(cookieName, toLocale(form.get('sprog')), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 365
	});
	redirect(303, safeNextPath(String(form.get('tilbage') ?? ''), '/'));
};
