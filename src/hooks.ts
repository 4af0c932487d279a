import type { Transport } from '@sveltejs/kit';
import { KEEP_SERVER_COPY, ServerHtml } from '$lib/server-html';

/** How values that are not plain data travel from the server to the browser. */
export const transport: Transport = {
	ServerHtml: {
		encode: (value) => value instanceof ServerHtml && [],
		decode: () => new ServerHtml(KEEP_SERVER_COPY)
	}
};
