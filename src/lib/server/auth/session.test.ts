import { beforeEach, describe, expect, it } from 'vitest';
import { insertTestUser, useTestDatabase } from '$testing/test-db';
import {
	SESSION_ABSOLUTE_MS,
	SESSION_SLIDING_MS,
	createSession,
	deleteExpiredSessions,
	invalidateUserSessions,
	renewedExpiry,
	validateSessionToken
} from './session';
import { generateSecureRandomString } from '../security/random';
import { hashSecret } from '../security/secret-hash';

const DAY = 24 * 60 * 60 * 1000;

let db: ReturnType<typeof useTestDatabase>;

beforeEach(() => {
	db = useTestDatabase();
	insertTestUser(db, 'u1');
});

describe('session tokens', () => {
	it('are 32 base32 characters (160 bits) and never repeat', () => {
		const tokens = new Set(Array.from({ length: 1000 }, generateSecureRandomString));
		expect(tokens.size).toBe(1000);
		for (const t of tokens) expect(t).toMatch(/^[a-z2-7]{32}$/);
	});

	it('store only the SHA-256 of the secret', () => {
		const { session, token } = createSession('u1');
		const secret = token.split('.')[1];
		const row = db.$client.prepare('select * from sessions where id = ?').get(session.id) as Record<
			string,
			unknown
		>;
		expect(Buffer.from(row.secret_hash as Buffer)).toEqual(Buffer.from(hashSecret(secret)));
		expect(JSON.stringify(row)).not.toContain(secret);
	});
});

describe('validateSessionToken', () => {
	it('accepts the right token and refuses a wrong secret or malformed token', () => {
		const { session, token } = createSession('u1');
		expect(validateSessionToken(token)?.userId).toBe('u1');
		expect(validateSessionToken(`${session.id}.${generateSecureRandomString()}`)).toBeNull();
		expect(validateSessionToken(session.id)).toBeNull();
		expect(validateSessionToken(`${token}.extra`)).toBeNull();
	});

	it('deletes an expired session', () => {
		const start = new Date('2026-01-01T00:00:00Z');
		const { token, session } = createSession('u1', start);
		expect(
			validateSessionToken(token, new Date(start.getTime() + SESSION_SLIDING_MS + 1))
		).toBeNull();
		expect(
			db.$client.prepare('select count(*) n from sessions where id = ?').get(session.id)
		).toEqual({ n: 0 });
	});

	it('slides the expiry when less than half is left, never past the absolute lifetime', () => {
		const start = new Date('2026-01-01T00:00:00Z');
		const { token } = createSession('u1', start);
		const early = validateSessionToken(token, new Date(start.getTime() + 5 * DAY))!;
		expect(early.expiresAt.getTime()).toBe(start.getTime() + SESSION_SLIDING_MS);
		const later = new Date(start.getTime() + 20 * DAY);
		expect(validateSessionToken(token, later)!.expiresAt.getTime()).toBe(
			later.getTime() + SESSION_SLIDING_MS
		);

		const absoluteEnd = start.getTime() + SESSION_ABSOLUTE_MS;
		const nearEnd = {
			id: 'x',
			userId: 'u1',
			createdAt: start,
			expiresAt: new Date(absoluteEnd - 2 * DAY)
		};
		expect(renewedExpiry(nearEnd, new Date(absoluteEnd - 3 * DAY))?.getTime()).toBe(absoluteEnd);
		expect(
			renewedExpiry({ ...nearEnd, expiresAt: new Date(absoluteEnd) }, new Date(absoluteEnd - DAY))
		).toBeNull();
	});
});

describe('ending sessions', () => {
	it('invalidates every session of a user and sweeps expired ones', () => {
		const a = createSession('u1');
		const b = createSession('u1');
		invalidateUserSessions('u1');
		expect(validateSessionToken(a.token)).toBeNull();
		expect(validateSessionToken(b.token)).toBeNull();
		createSession('u1', new Date('2020-01-01'));
		expect(deleteExpiredSessions()).toBe(1);
	});
});
