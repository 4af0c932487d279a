/**
 * npm run retention:run [-- --dry-run]
 * Deletes now what the server's daily retention job would delete: every non-admin account in
 * DATABASE_URL not used for RETENTION_INACTIVE_MONTHS months (default 18), with all its data.
 * --dry-run only counts them.
 */
import { closeDb } from '../src/lib/server/db/client';
import {
	deleteInactiveAccounts,
	inactiveMonths
} from '../src/lib/server/retention/inactive-accounts';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--dry-run');
if (unknown.length) {
	console.error('Brug: npm run retention:run [-- --dry-run]');
	process.exit(2);
}

let months: number;
try {
	months = inactiveMonths();
} catch (problem) {
	console.error(problem instanceof Error ? problem.message : problem);
	process.exit(2);
}

const run = deleteInactiveAccounts({ months, dryRun: args.includes('--dry-run') });
closeDb();
const since = run.cutoff.toISOString().slice(0, 10);
const accounts = `${run.deleted} ${run.deleted === 1 ? 'konto' : 'konti'}`;
console.log(
	run.dryRun
		? `Prøvekørsel: ${accounts} er ikke brugt siden ${since} (${months} måneder) og ville blive slettet. Intet er slettet.`
		: `${accounts}, der ikke er brugt siden ${since} (${months} måneder), er slettet med alle deres data.`
);
