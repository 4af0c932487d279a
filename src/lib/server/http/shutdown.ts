import { closeDb } from '../db/client';
import { stopAllJobs } from '../jobs/scheduler';
import { stopReplication } from '../replication/replication';

let installed = false;

/**
 * adapter-node stops accepting connections on SIGTERM/SIGINT and emits `sveltekit:shutdown`
 * once in-flight requests are done; then background jobs stop and the database is closed cleanly. Litestream, when it runs, stops last: it ships what is left of the WAL
 * first, and the process exits when it has.
 */
export function installShutdownHandlers(): void {
	if (installed) return;
	installed = true;
	process.on('sveltekit:shutdown' as 'exit', () => {
		stopAllJobs();
		closeDb();
		void stopReplication();
	});
}
