import { error, type RequestHandler } from '@sveltejs/kit';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const TYPES: Record<string, string> = { svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', avif: 'image/avif' };

/** Images that sit next to a module's lesson in content/. */
export const GET: RequestHandler = async ({ params }) => {
	const ext = /^[a-z0-9-]+\.([a-z]+)$/.exec(params.fil)?.[1];
	if (!ext || !TYPES[ext] || !/^(da|en)$/.test(params.locale) || !/^[a-z0-9-]+$/.test(params.modul)) error(404, 'Not found');
	const path = join(resolve(process.env.CONTENT_DIR ?? 'content'), params.locale, params.track, params.modul, params.fil);
	try {
		const body = await readFile(path);
		return new Response(body, { headers: { 'Content-Type': TYPES[ext], 'Cache-Control': 'public, max-age=3600' } });
	} catch {
		error(404, 'Not found');
	}
};
