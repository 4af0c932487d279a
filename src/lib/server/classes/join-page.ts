import type { ErrorMessage } from '$lib/i18n';
import { RateLimiter } from '../security/rate-limiter';
import { effectiveRole, type SessionUser } from '../auth/user';
import { findActiveClassByCode, joinClassWithCode, type ClassRow } from './classes';
import { isCodeShape, normaliseCode } from '../security/codes';
import { JOIN_CODE_LENGTH } from './join-code';

const FIFTEEN_MINUTES = 15 * 60 * 1000;
/**
 * Wrong codes only count. A classroom shares one address, so the address ceiling is high
 * (30 pupils may each mistype twice); a signed-in person has a tighter one of their own.
 */
const wrongCodesByAddress = new RateLimiter(100, FIFTEEN_MINUTES);
const wrongCodesByUser = new RateLimiter(10, FIFTEEN_MINUTES);

export type CodeCheck =
	| { ok: true; classRow: ClassRow; code: string }
	| { ok: false; error: ErrorMessage; status: number };

/** Checks a typed class code before anything is created, counting wrong guesses. */
export function checkClassCode(typed: string, address: string, userId: string | null): CodeCheck {
	const wait = Math.max(
		wrongCodesByAddress.retryAfter(address),
		userId ? wrongCodesByUser.retryAfter(userId) : 0
	);
	if (wait > 0)
		return {
			ok: false,
			status: 429,
			error: { key: 'error_class_rate_limited', params: { minutes: Math.ceil(wait / 60) } }
		};
	const code = normaliseCode(typed);
	const classRow = isCodeShape(code, JOIN_CODE_LENGTH) ? findActiveClassByCode(code) : undefined;
	if (!classRow) {
		wrongCodesByAddress.hit(address);
		if (userId) wrongCodesByUser.hit(userId);
		return { ok: false, status: 400, error: 'error_class_code_unknown' };
	}
	if (!classRow.joiningOpen) return { ok: false, status: 400, error: 'error_class_joining_closed' };
	return { ok: true, classRow, code };
}

/** Joins the signed-in person; only young people join classes. */
export function joinAsUser(
	user: SessionUser,
	code: string
): { ok: true; className: string } | { ok: false; error: ErrorMessage } {
	if (effectiveRole(user) !== 'youth') return { ok: false, error: 'error_class_only_youth' };
	const result = joinClassWithCode(user.id, user.displayName ?? user.username, code);
	return result.ok
		? { ok: true, className: result.classRow.name }
		: { ok: false, error: `error_class_${result.error}` };
}
