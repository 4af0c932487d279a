import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { generateSecureRandomString } from '../security/random';
import { hashSecret } from '../security/secret-hash';
import { eq, lt, sql } from 'drizzle-orm';
import { getDb, prepared } from '../db/client';
import { sessions } from '../db/schema';

export const SESSION_COOKIE = 'session';
const DAY = 24 * 60 * 60 * 1000;
/** Sliding lifetime: renewed when less than half of it is left. */
export const SESSION_SLIDING_MS = 30 * DAY;
/** Absolute lifetime: a session never lives longer than this, however active. */
export const SESSION_ABSOLUTE_MS = 90 * DAY;

export interface Session {
	id: string;
	userId: string;
	createdAt: Date;
	expiresAt: Date;
}

const sessionById = prepared((db) =>
	db
		.select()
		.from(sessions)
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare()
);

/** Creates a session; the token (id.secret) goes in the cookie, only the secret's hash is stored. */
export function createSession(
	userId: string,
	now = new Date()
): { session: Session; token: string } {
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	const session: Session = {
		id,
		userId,
		createdAt: now,
		expiresAt: new Date(now.getTime() + SESSION_SLIDING_MS)
	};
	getDb()
		.insert(sessions)
		.values({ ...session, secretHash: Buffer.from(hashSecret(secret)) })
		.run();
	return { session, token: `${id}.${secret}` };
}

/** The next expiry of a valid session, or null when it does not need renewing. */
export function renewedExpiry(session: Session, now: Date): Date | null {
	const left = session.expiresAt.getTime() - now.getTime();
	if (left >= SESSION_SLIDING_MS / 2) return null;
	const absoluteEnd = session.createdAt.getTime() + SESSION_ABSOLUTE_MS;
	const next = Math.min(now.getTime() + SESSION_SLIDING_MS, absoluteEnd);
	return next > session.expiresAt.getTime() ? new Date(next) : null;
}

/** Returns the session the token belongs to, renewing its expiry when due; null if invalid. */
export function validateSessionToken(token: string, now = new Date()): Session | null {
	const [id, secret, ...rest] = token.split('.');
	if (!id || !secret || rest.length > 0) return null;
	const row = sessionById().get({ id });
	if (!row) return null;
	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return null;
	const session: Session = {
		id: row.id,
		userId: row.userId,
		createdAt: row.createdAt,
		expiresAt: row.expiresAt
	};
	if (now >= session.expiresAt) {
		invalidateSession(id);
		return null;
	}
	const next = renewedExpiry(session, now);
	if (next) {
		getDb().update(sessions).set({ expiresAt: next }).where(eq(sessions.id, id)).run();
		session.expiresAt = next;
	}
	return session;
}

export function invalidateSession(sessionId: string): void {
	getDb().delete(sessions).where(eq(sessions.id, sessionId)).run();
}

export function invalidateUserSessions(userId: string): void {
	getDb().delete(sessions).where(eq(sessions.userId, userId)).run();
}

export function deleteExpiredSessions(now = new Date()): number {
	return getDb().delete(sessions).where(lt(sessions.expiresAt, now)).run().changes;
}
