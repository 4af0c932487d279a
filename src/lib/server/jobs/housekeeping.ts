import { deleteExpiredSessions } from '../auth/session';
import { deleteInactiveAccounts, inactiveMonths } from '../retention/inactive-accounts';
import { dropIdleRooms, liveHeartbeat, runLivePurge } from '../live/rooms';
import { closeStaleMeasures } from '../measures/measures';
import { DAY, registerJob } from './scheduler';
import { purgeEveningMarkers } from '../evening/purge';

/** The jobs the server runs in the background; started from the `init` hook. */
export function registerHousekeepingJobs(): void {
	// A mistyped RETENTION_INACTIVE_MONTHS stops the start, instead of failing quietly every day.
	inactiveMonths();
	// Expired sessions are refused anyway; this only keeps the table small.
	registerJob('delete-expired-sessions', DAY, () => deleteExpiredSessions());
	// Live sessions: the purge deletes nicknames and answers; heartbeats keep idle streams open.
	registerJob('purge-live-session-data', 10 * 60 * 1000, () => runLivePurge());
	registerJob('live-heartbeat', 15_000, liveHeartbeat, 15_000);
	// Youth polls and agreements: who answered is forgotten a day after closing; counts stay.
	registerJob('purge-evening-markers', 10 * 60 * 1000, () => purgeEveningMarkers());
	// Memory stays bounded: idle rooms without streams leave it (their state is in the database).
	registerJob('drop-idle-live-rooms', 60_000, () => dropIdleRooms(), 60_000);
	// A measure nobody closed closes by itself, so no token pairing answers is kept for long.
	registerJob('close-stale-measures', DAY, () => closeStaleMeasures());
	registerJob('delete-inactive-accounts', DAY, () => {
		const run = deleteInactiveAccounts();
		if (run.deleted > 0)
			console.log(
				`Retention: deleted ${run.deleted} account(s) not used since ${run.cutoff.toISOString()} (${run.months} months)`
			);
	});
}
