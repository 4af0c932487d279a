import { openDatabase, setDb, type AppDatabase } from '$lib/server/db/client';
import { users } from '$lib/server/db/schema';

/** A fresh, migrated in-memory database installed as the process-wide one. */
export function useTestDatabase(): AppDatabase {
	const db = openDatabase(':memory:');
	setDb(db);
	return db;
}

/** A bare account row (no real password hash: fast, for tests that never sign in). */
export function insertTestUser(
	db: AppDatabase,
	id: string,
	{
		role = 'youth',
		lastActiveAt = new Date()
	}: { role?: (typeof users.$inferInsert)['role']; lastActiveAt?: Date } = {}
): string {
	db.insert(users)
		.values({
			id,
			username: id,
			usernameKey: id,
			passwordHash: 'x',
			role,
			createdAt: lastActiveAt,
			lastActiveAt
		})
		.run();
	return id;
}
