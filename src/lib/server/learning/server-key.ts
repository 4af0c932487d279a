import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '../db/client';
import { serverSettings } from '../db/schema';

const cache = new Map<string, Buffer>();

/** A secret key created on first use and kept in the database, so it survives restarts. */
export function serverKey(name: string): Buffer {
	const cached = cache.get(name);
	if (cached) return cached;
	const db = getDb();
	db.insert(serverSettings)
		.values({ key: name, value: randomBytes(32).toString('base64'), createdAt: new Date() })
		.onConflictDoNothing()
		.run();
	const row = db.select().from(serverSettings).where(eq(serverSettings.key, name)).get()!;
	const key = Buffer.from(row.value, 'base64');
	cache.set(name, key);
	return key;
}

export function forgetServerKeys(): void {
	cache.clear();
}
