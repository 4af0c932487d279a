import { and, count, lt, ne } from 'drizzle-orm';
import { getDb } from '../db/client';
import { users } from '../db/schema';

/**
 * Retention: an account nobody has used for RETENTION_INACTIVE_MONTHS (default 18) is deleted
 * with everything that belongs to it (foreign keys cascade). "Used" is `users.last_active_at`:
 * set on sign-up and sign-in and, at most once an hour, on any request with a valid session.
 * Administrators are never deleted by this job.
 */
export const DEFAULT_INACTIVE_MONTHS = 18;

/** The configured number of months; a value that is not a whole number ≥ 1 is refused. */
export function inactiveMonths(value = process.env.RETENTION_INACTIVE_MONTHS): number {
	if (value === undefined || value.trim() === '') return DEFAULT_INACTIVE_MONTHS;
	const months = Number(value);
	if (!Number.isInteger(months) || months < 1)
		throw new Error(
			`RETENTION_INACTIVE_MONTHS must be a whole number of months, at least 1 (is "${value}")`
		);
	return months;
}

/**
 * The same time of day `months` calendar months before `now` (UTC); when that month is shorter,
 * its last day (31 August − 6 months = 28/29 February).
 */
export function monthsBefore(now: Date, months: number): Date {
	const target = new Date(now.getTime());
	const day = target.getUTCDate();
	target.setUTCDate(1);
	target.setUTCMonth(target.getUTCMonth() - months);
	const lastDay = new Date(
		Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)
	).getUTCDate();
	target.setUTCDate(Math.min(day, lastDay));
	return target;
}

export interface RetentionRun {
	/** Accounts last active before this moment are (or would be) deleted. */
	cutoff: Date;
	months: number;
	deleted: number;
	dryRun: boolean;
}

/**
 * Deletes every non-admin account whose last activity is more than `months` months before `now`.
 * Inactive for exactly `months` months is kept; one millisecond more and it goes.
 * With `dryRun` nothing is deleted; `deleted` is then how many would be.
 */
export function deleteInactiveAccounts(
	options: { now?: Date; months?: number; dryRun?: boolean } = {}
): RetentionRun {
	const months = options.months ?? inactiveMonths();
	const cutoff = monthsBefore(options.now ?? new Date(), months);
	const dryRun = options.dryRun ?? false;
	const inactive = and(ne(users.role, 'admin'), lt(users.lastActiveAt, cutoff));
	const db = getDb();
	const deleted = dryRun
		? (db.select({ n: count() }).from(users).where(inactive).get()?.n ?? 0)
		: db.delete(users).where(inactive).run().changes;
	return { cutoff, months, deleted, dryRun };
}
