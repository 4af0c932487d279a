/** SQLite's extended result codes for a row that would repeat a unique key. */
const UNIQUE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** True when an insert or update failed because a unique key is taken (also when drizzle wraps it). */
export function isUniqueViolation(error: unknown): boolean {
	for (let e = error, depth = 0; e instanceof Error && depth < 5; depth++) {
		if (UNIQUE_CODES.has((e as { code?: unknown }).code as string)) return true;
		e = e.cause;
	}
	return false;
}
