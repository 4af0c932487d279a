import { openDatabase, setDb, type AppDatabase } from './client';

/** A fresh, migrated in-memory database installed as the process-wide one. */
export function useTestDatabase(): AppDatabase {
	const db = openDatabase(':memory:');
	setDb(db);
	return db;
}
