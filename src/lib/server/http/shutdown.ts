import { closeDb } from '../db/client';
import { stopAllJobs } from '../jobs/scheduler';

let installed = false;

/**
 * adapter-node stops accepting connections on SIGTERM/SIGINT and emits `sveltekit:shutdown`
 * once in-flight requests are done; then background jobs stop and the database is closed cleanly
 * (WAL checkpointed).
 */
export function installShutdownHandlers(): void {
	if (installed) return;
	installed = true;
	process.on('sveltekit:shutdown' as 'exit', () => {
		stopAllJobs();
		closeDb();
	});
}
