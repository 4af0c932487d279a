import { json, type RequestHandler } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/client';

/** For operators: 200 when the database answers, 503 when it does not. */
export const GET: RequestHandler = () => {
	try {
		getDb().$client.prepare('select 1').get();
		return json(
			{ status: 'ok', database: 'ok', uptimeSeconds: Math.round(process.uptime()) },
			{ headers: { 'Cache-Control': 'no-store' } }
		);
	} catch {
		return json(
			{ status: 'error', database: 'unavailable' },
			{ status: 503, headers: { 'Cache-Control': 'no-store' } }
		);
	}
};
