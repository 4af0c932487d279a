import { eq } from 'drizzle-orm';
import { getDb } from '../db/client';
import { eveningSessions } from '../db/schema';

export type EveningSessionRow = typeof eveningSessions.$inferSelect;

/** What a youth poll or parent evening session is made of; stored as its session is created. */
export function saveEveningSession(row: EveningSessionRow): void {
	getDb().insert(eveningSessions).values(row).run();
}

export function eveningSessionOf(sessionId: string): EveningSessionRow | undefined {
	return getDb()
		.select()
		.from(eveningSessions)
		.where(eq(eveningSessions.sessionId, sessionId))
		.get();
}
