import { createHash, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '../db/client';
import { passwordResetCodes } from '../db/schema';
import { findUserByUsername, setPassword } from '../auth/user';
import { randomCode } from '../security/codes';

export const RESET_CODE_LENGTH = 8;
export const RESET_CODE_LIFETIME_MS = 24 * 60 * 60 * 1000;

const hash = (code: string) => createHash('sha256').update(code).digest();

/** A one-time code for the pupil; a new one replaces any earlier one. Shown to the teacher once. */
export function createResetCode(userId: string, createdBy: string, now = new Date()): string {
	const code = randomCode(RESET_CODE_LENGTH);
	const values = {
		userId,
		codeHash: hash(code),
		createdBy,
		expiresAt: new Date(now.getTime() + RESET_CODE_LIFETIME_MS)
	};
	getDb()
		.insert(passwordResetCodes)
		.values(values)
		.onConflictDoUpdate({ target: passwordResetCodes.userId, set: values })
		.run();
	return code;
}

/** Sets a new password with the code; the code works once, and every session ends. */
export async function resetPasswordWithCode(
	username: string,
	code: string,
	password: string,
	now = new Date()
): Promise<boolean> {
	const user = findUserByUsername(username);
	if (!user) return false;
	const db = getDb();
	const row = db
		.select()
		.from(passwordResetCodes)
		.where(eq(passwordResetCodes.userId, user.id))
		.get();
	if (!row || row.expiresAt <= now || !timingSafeEqual(Buffer.from(row.codeHash), hash(code)))
		return false;
	db.delete(passwordResetCodes).where(eq(passwordResetCodes.userId, user.id)).run();
	await setPassword(user.id, password);
	return true;
}
