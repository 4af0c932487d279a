/**
 * npm run db:restore -- <target file> [--timestamp 2026-12-02T14:30:00+01:00]
 * Restores DATABASE_URL's replica (REPLICA_URL and the other REPLICA_… settings, as the app
 * uses them) into a new file: the latest state, or the state at a point in time within
 * REPLICA_RETENTION_HOURS. The copy is checked with PRAGMA integrity_check. To put it in
 * service, stop the app, move the old database (and its -wal/-shm) away, and move the copy in.
 */
import { DEFAULT_DATABASE_URL } from '../src/lib/server/db/client';
import { parseRestoreTime, restoreReplica } from '../src/lib/server/replication/restore';
import { describeReplica, readReplicationSettings } from '../src/lib/server/replication/settings';

const USAGE =
	'Brug: npm run db:restore -- <ny fil> [--timestamp 2026-12-02T14:30:00+01:00]\n' +
	'      (fx npm run db:restore -- data/gendannet.db)';

function fail(message: string, code = 1): never {
	console.error(message);
	process.exit(code);
}

const args = process.argv.slice(2);
const at = args.indexOf('--timestamp');
const timeText = at >= 0 ? args.splice(at, 2)[1] : undefined;
const target = args[0]?.trim();
if (!target || args.length > 1) fail(USAGE, 2);
const time = timeText === undefined ? undefined : parseRestoreTime(timeText);
if (time === null)
	fail(
		`Tidspunktet "${timeText ?? ''}" kan ikke læses: skriv det som 2026-12-02T14:30:00+01:00 eller …Z.`,
		2
	);

let settings;
try {
	settings = readReplicationSettings();
} catch (problem) {
	fail(problem instanceof Error ? problem.message : String(problem));
}
if (!settings) fail('REPLICA_URL er ikke sat: sæt den (og de andre REPLICA_…) som for appen.', 2);

const databasePath = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
try {
	const started = performance.now();
	const summary = await restoreReplica({ settings, databasePath, target, time });
	const seconds = ((performance.now() - started) / 1000).toFixed(1).replace('.', ',');
	console.log(
		`Gendannet fra ${describeReplica(settings)}${time ? ` som ${time.toISOString()}` : ''} til ${summary.file}: ` +
			`${summary.rows} rækker i ${summary.tables} tabeller (integritetstjek ok, ${seconds} s).`
	);
} catch (problem) {
	fail(`Gendannelsen mislykkedes: ${problem instanceof Error ? problem.message : problem}`);
}
