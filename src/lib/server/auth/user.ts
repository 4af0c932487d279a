import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb, prepared } from '../db/client';
import { users } from '../db/schema';
import { generateSecureRandomString } from '../security/random';
import { invalidateUserSessions } from './session';
import { hashPassword } from './password';
import { isUniqueViolation } from '../db/errors';

export type Role = 'youth' | 'parent' | 'professional' | 'coordinator' | 'admin';
export const SIGNUP_ROLES = ['youth', 'parent', 'professional', 'coordinator'] as const;
export type SignupRole = (typeof SIGNUP_ROLES)[number];
/** Roles an administrator approves first; until then the account works as a parent's. */
export const APPROVED_ROLES = ['professional', 'coordinator'] as const;
export const needsApproval = (role: Role) => (APPROVED_ROLES as readonly Role[]).includes(role);

export interface SessionUser {
	id: string;
	username: string;
	displayName: string | null;
	role: Role;
	/** A professional or coordinator waiting for approval; works like a parent until then. */
	pending: boolean;
}

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;

export type UsernameProblem = 'username_length' | 'username_chars';

/** Letters (æøå too), digits, dot, dash and underscore; no spaces, nothing that looks like e-mail. */
export function usernameProblem(username: string): UsernameProblem | null {
	const length = [...username].length;
	if (length < USERNAME_MIN || length > USERNAME_MAX) return 'username_length';
	if (!/^[\p{L}\p{N}._-]+$/u.test(username)) return 'username_chars';
	return null;
}

export function usernameKey(username: string): string {
	return username.normalize('NFC').toLowerCase();
}

type UserRow = typeof users.$inferSelect;

export function toSessionUser(row: UserRow): SessionUser {
	return {
		id: row.id,
		username: row.username,
		displayName: row.displayName,
		role: row.role,
		pending: needsApproval(row.role) && row.approvedAt === null
	};
}

/** What the person may do: a pending professional or coordinator acts as a parent. */
export function effectiveRole(user: SessionUser): Role {
	return user.pending ? 'parent' : user.role;
}

export async function createUser(input: {
	username: string;
	password: string;
	role: Role;
	now?: Date;
}): Promise<{ ok: true; user: SessionUser } | { ok: false; error: 'username_taken' }> {
	const username = input.username.normalize('NFC');
	const now = input.now ?? new Date();
	const passwordHash = await hashPassword(input.password);
	const db = getDb();
	if (
		db
			.select({ id: users.id })
			.from(users)
			.where(eq(users.usernameKey, usernameKey(username)))
			.get()
	) {
		return { ok: false, error: 'username_taken' };
	}
	try {
		const row = db
			.insert(users)
			.values({
				id: generateSecureRandomString(),
				username,
				usernameKey: usernameKey(username),
				passwordHash,
				role: input.role,
				approvedAt: input.role === 'admin' ? now : null,
				createdAt: now,
				lastActiveAt: now
			})
			.returning()
			.get();
		return { ok: true, user: toSessionUser(row) };
	} catch (e) {
		// Two sign-ups racing for the same name: the unique index decides.
		if (isUniqueViolation(e)) return { ok: false, error: 'username_taken' };
		throw e;
	}
}

export function findUserByUsername(username: string): UserRow | undefined {
	return getDb()
		.select()
		.from(users)
		.where(eq(users.usernameKey, usernameKey(username.trim())))
		.get();
}

const userById = prepared((db) =>
	db
		.select()
		.from(users)
		.where(eq(users.id, sql.placeholder('id')))
		.prepare()
);

export function getUser(id: string): UserRow | undefined {
	return userById().get({ id });
}

/** Last activity decides when the retention job deletes an account (src/lib/server/retention). */
export function markActive(userId: string, now = new Date()): void {
	getDb().update(users).set({ lastActiveAt: now }).where(eq(users.id, userId)).run();
}

/** Once an hour is precise enough for retention, and spares a write on every request. */
export const ACTIVITY_PRECISION_MS = 60 * 60 * 1000;

/** Marks a signed-in person's use of the site, at most once per ACTIVITY_PRECISION_MS. */
export function markActiveIfStale(
	row: Pick<UserRow, 'id' | 'lastActiveAt'>,
	now = new Date()
): void {
	if (now.getTime() - row.lastActiveAt.getTime() > ACTIVITY_PRECISION_MS) markActive(row.id, now);
}

export async function setPassword(userId: string, password: string): Promise<void> {
	const passwordHash = await hashPassword(password);
	getDb().update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
	invalidateUserSessions(userId);
}

export function setRole(userId: string, role: Role, now = new Date()): void {
	getDb()
		.update(users)
		.set({ role, approvedAt: needsApproval(role) || role === 'admin' ? now : null })
		.where(eq(users.id, userId))
		.run();
	// A changed role changes what the person may do: every session starts over.
	invalidateUserSessions(userId);
}

/** Approves a pending professional or coordinator; false when there is no such pending account. */
export function approveProfessional(userId: string, now = new Date()): boolean {
	const result = getDb()
		.update(users)
		.set({ approvedAt: now })
		.where(
			and(eq(users.id, userId), inArray(users.role, [...APPROVED_ROLES]), isNull(users.approvedAt))
		)
		.run();
	return result.changes === 1;
}

/** Deletes the account; every row that belongs to it goes with it (foreign keys cascade). */
export function deleteUser(userId: string): void {
	getDb().delete(users).where(eq(users.id, userId)).run();
}
