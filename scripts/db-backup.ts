/**
 * npm run db:backup -- <file>
 * Online backup of DATABASE_URL (default data/sammen.db) with SQLite's backup API; safe while
 * the app is serving. The copy is one self-contained file; restore it by stopping the app and
 * putting it in place of the database file (remove any old -wal and -shm beside it).
 */
import { backupDatabase } from '../src/lib/server/db/backup';
import { DEFAULT_DATABASE_URL } from '../src/lib/server/db/client';

const destination = process.argv[2]?.trim();
if (!destination) {
	console.error('Brug: npm run db:backup -- <fil>   (fx npm run db:backup -- backup/sammen.db)');
	process.exit(2);
}
const source = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;

try {
	const started = performance.now();
	const { file, rows, tables } = await backupDatabase(source, destination);
	const seconds = ((performance.now() - started) / 1000).toFixed(1).replace('.', ',');
	console.log(
		`Sikkerhedskopi gemt i ${file}: ${rows} rækker i ${tables} tabeller (integritetstjek ok, ${seconds} s).`
	);
} catch (problem) {
	console.error(
		`Sikkerhedskopien mislykkedes (${source} → ${destination}): ${problem instanceof Error ? problem.message : problem}`
	);
	process.exit(1);
}
