import { DEFAULT_DATABASE_URL } from '../db/client';
import { Replicator, type ReplicationStatus } from './litestream';
import { describeReplica, readReplicationSettings } from './settings';

/** The app's one Litestream, when REPLICA_URL is set. */
let current: Replicator | null = null;

/** Starts replicating DATABASE_URL when REPLICA_URL is set (call after the database is open). */
export async function startReplication(): Promise<void> {
	const settings = readReplicationSettings();
	if (!settings || current) return;
	current = new Replicator(settings, process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
	await current.start();
	console.log(
		`Replikerer databasen til ${describeReplica(settings)} (hvert ${settings.syncIntervalSeconds}. sekund)`
	);
}

/** null when replication is off. */
export function replicationStatus(): ReplicationStatus | null {
	return current?.status() ?? null;
}

/** Lets Litestream ship the rest of the WAL and stop; call after the database is closed. */
export async function stopReplication(): Promise<void> {
	const stopping = current;
	current = null;
	await stopping?.stop();
}
