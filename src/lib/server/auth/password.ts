import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords';

/** OWASP's recommended Argon2id settings (19 MiB, 2 passes, 1 lane). */
const ARGON2ID = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = 'password_too_short' | 'password_too_long' | 'password_too_common';

/** Checks the rules for a new password; returns the problem, or null when it is fine. */
export function passwordProblem(password: string, username = ''): PasswordProblem | null {
	if ([...password].length < PASSWORD_MIN_LENGTH) return 'password_too_short';
	if (password.length > PASSWORD_MAX_LENGTH) return 'password_too_long';
	const lower = password.toLowerCase();
	if (COMMON_PASSWORDS.has(lower)) return 'password_too_common';
	if (/^(.)\1*$/u.test(lower)) return 'password_too_common';
	if ('01234567890'.includes(lower) || '9876543210'.includes(lower)) return 'password_too_common';
	if (username && lower.includes(username.toLowerCase()) && lower.length - username.length < 4) {
		return 'password_too_common';
	}
	return null;
}

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}
