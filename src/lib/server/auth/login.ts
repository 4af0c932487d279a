import { failedLoginsByAddress, failedLoginsByUsername } from './rate-limit';
import { hashPassword, verifyPassword } from './password';
import {
	findUserByUsername,
	markActive,
	toSessionUser,
	usernameKey,
	type SessionUser
} from './user';

export type LoginResult =
	| { ok: true; user: SessionUser }
	| { ok: false; error: 'wrong_credentials' }
	| { ok: false; error: 'rate_limited'; retryAfterSeconds: number };

// Verifying against a real hash when the user does not exist keeps the timing the same,
// so response times do not reveal which usernames exist.
let dummyHash: Promise<string> | null = null;

export async function signIn(
	username: string,
	password: string,
	address: string,
	now = new Date()
): Promise<LoginResult> {
	const nameKey = usernameKey(username.trim());
	const retryAfterSeconds = Math.max(
		failedLoginsByUsername.retryAfter(nameKey),
		failedLoginsByAddress.retryAfter(address)
	);
	if (retryAfterSeconds > 0) return { ok: false, error: 'rate_limited', retryAfterSeconds };

	// Counted before the slow hash check, so parallel requests cannot slip past the limit.
	failedLoginsByUsername.hit(nameKey);
	failedLoginsByAddress.hit(address);
	const row = findUserByUsername(username);
	dummyHash ??= hashPassword('no-such-user-password');
	const valid = await verifyPassword(row?.passwordHash ?? (await dummyHash), password);
	if (!row || !valid) return { ok: false, error: 'wrong_credentials' };
	failedLoginsByUsername.reset(nameKey);
	failedLoginsByAddress.release(address);
	// Signing in is use of the account: it restarts the retention clock.
	markActive(row.id, now);
	return { ok: true, user: toSessionUser(row) };
}
