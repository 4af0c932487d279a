/**
 * Signed-in people for the benchmarks, made straight in the database before the server starts:
 * hundreds of sign-ups through the form would take minutes of Argon2 and hit the sign-up rate
 * limit, and the benchmark measures what they do once signed in, not signing up.
 */
export async function signedInYouths(
	databaseUrl: string,
	count: number,
	prefix: string
): Promise<string[]> {
	process.env.DATABASE_URL = databaseUrl;
	const { getDb, closeDb } = await import('../../src/lib/server/db/client');
	const { users } = await import('../../src/lib/server/db/schema');
	const { createSession, SESSION_COOKIE } = await import('../../src/lib/server/auth/session');
	const { randomId } = await import('../../src/lib/server/security/random');
	const db = getDb();
	const now = new Date();
	const cookies: string[] = [];
	db.transaction(() => {
		for (let i = 0; i < count; i++) {
			const id = randomId();
			const username = `${prefix}${i + 1}`;
			db.insert(users)
				.values({
					id,
					username,
					usernameKey: username.toLowerCase(),
					// Nobody signs in with a password here: a hash that matches no password.
					passwordHash: '!',
					role: 'youth',
					createdAt: now,
					lastActiveAt: now
				})
				.run();
			cookies.push(`${SESSION_COOKIE}=${createSession(id, now).token}`);
		}
	});
	closeDb();
	return cookies;
}
