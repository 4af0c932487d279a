import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const TYPES: Record<string, string> = {
	svg: 'image/svg+xml',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	webp: 'image/webp',
	avif: 'image/avif'
};
/** locale/track/module/file: nothing else in content/ is served. */
const IMAGE_PATH = /^(da|en)\/(unge|foraeldre)\/[a-z0-9-]+\/[a-z0-9-]+\.(svg|png|jpe?g|webp|avif)$/;

/** Images that sit next to a module's lesson in content/. */
export const GET: RequestHandler = async ({ params }) => {
	const match = IMAGE_PATH.exec(params.path);
	if (!match) error(404, 'Not found');
	try {
		const body = await readFile(join(resolve(process.env.CONTENT_DIR ?? 'content'), match[0]));
		return new Response(body, {
			headers: { 'Content-Type': TYPES[match[3]], 'Cache-Control': 'public, max-age=3600' }
		});
	} catch {
		error(404, 'Not found');
	}
};
