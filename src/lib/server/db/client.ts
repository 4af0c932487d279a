import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_URL = 'data/sammen.db';

/** Opens (creating if needed) the SQLite file, sets the pragmas and applies migrations. */
export function openDatabase(url: string = DEFAULT_DATABASE_URL): AppDatabase {
	if (url !== ':memory:') mkdirSync(dirname(resolve(url)), { recursive: true });
	const sqlite = new Database(url);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const db = drizzle(sqlite, { schema });
	migrate(db, { migrationsFolder: resolve(process.env.MIGRATIONS_DIR ?? 'drizzle') });
	return db;
}

let current: AppDatabase | null = null;

/** The process-wide database, opened on first use from DATABASE_URL. */
export function getDb(): AppDatabase {
	current ??= openDatabase(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
	return current;
}

/** Replaces the process-wide database (tests use an in-memory one). */
export function setDb(db: AppDatabase): void {
	current = db;
}

/**
 * A statement built and prepared once per database (drizzle's `.prepare()`, with
 * `sql.placeholder` for the values), for the queries that run on every request.
 */
export function prepared<T>(build: (db: AppDatabase) => T): () => T {
	const statements = new WeakMap<AppDatabase, T>();
	return () => {
		const db = getDb();
		let statement = statements.get(db);
		if (statement === undefined) {
			statement = build(db);
			statements.set(db, statement);
		}
		return statement;
	};
}

export function closeDb(): void {
	current?.$client.close();
	current = null;
}
