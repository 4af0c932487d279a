import { json, type RequestHandler } from '@sveltejs/kit';
import { version } from '$app/environment';
import { getDb } from '$lib/server/db/client';
import { replicationStatus } from '$lib/server/replication/replication';

/**
 * For operators: 200 when the database answers, 503 when it does not; the version (commit)
 * running and, when replication is on, how far the replica is behind.
 */
export const GET: RequestHandler = () => {
	const replication = replicationStatus();
	const common = { version, ...(replication ? { replication } : {}) };
	try {
		getDb().$client.prepare('select 1').get();
		return json(
			{
				status: 'ok',
				database: 'ok',
				uptimeSeconds: Math.round(process.uptime()),
				...common
			},
			{ headers: { 'Cache-Control': 'no-store' } }
		);
	} catch {
		return json(
			{ status: 'error', database: 'unavailable', ...common },
			{ status: 503, headers: { 'Cache-Control': 'no-store' } }
		);
	}
};
