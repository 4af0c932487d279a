import type { ErrorMessage } from '$lib/i18n';
import { fail, type ActionFailure } from '@sveltejs/kit';
import { effectiveRole, type SessionUser } from '../auth/user';
import { RateLimiter } from '../security/rate-limiter';
import { content, findAssignable } from '../content/library';
import { normaliseCode } from '../security/codes';
import { formatFamilyCode, isFamilyCodeShape } from './family-code';
import {
	changeFamilyLink,
	currentFamilyCode,
	familyViewOfYouth,
	linksOfParent,
	linksOfYouth,
	requestFamilyLink
} from './family-links';
import type { LinkAction } from './link-state';
import { assignmentsForPupil } from '../classes/classes';

const FIFTEEN_MINUTES = 15 * 60 * 1000;
/** Code guessing: per parent account, and a higher ceiling per address. */
const codeAttemptsByUser = new RateLimiter(10, FIFTEEN_MINUTES);
const codeAttemptsByAddress = new RateLimiter(100, FIFTEEN_MINUTES);

const titleOf = (locale: string) => (slug: string) => content(locale).modules.get(slug)?.title;

/** The family part of /mig, for the person's role; null for roles without one. */
export function familySection(user: SessionUser, locale: string) {
	const role = effectiveRole(user);
	if (role === 'youth') {
		const code = currentFamilyCode(user.id);
		return {
			kind: 'youth' as const,
			code: code && { code: formatFamilyCode(code.code), expiresAt: code.expiresAt.toISOString() },
			links: linksOfYouth(user.id).map(({ id, status, otherName }) => ({
				id,
				status,
				name: otherName
			})),
			parentSees: familyViewOfYouth(user.id, titleOf(locale)),
			assignmentsParentSees: assignmentTitles(user.id, locale)
		};
	}
	if (role === 'parent') {
		return {
			kind: 'parent' as const,
			links: linksOfParent(user.id).map(({ id, status, otherName }) => ({
				id,
				status,
				name: otherName
			}))
		};
	}
	return null;
}

/** The titles of a child's current class assignments: a parent sees what, never how it went. */
export function assignmentTitles(youthId: string, locale: string): string[] {
	return [
		...new Set(
			assignmentsForPupil(youthId).flatMap((a) => findAssignable(locale, a.moduleSlug)?.title ?? [])
		)
	];
}

type FamilyFailure = ActionFailure<{
	family: { code: string; error: ErrorMessage };
}>;

/** A parent enters a child's family code. */
export function enterFamilyCode(
	user: SessionUser,
	typed: string,
	address: string
): FamilyFailure | { familyRequested: true } {
	const failure = (error: ErrorMessage, status = 400) =>
		fail(status, { family: { code: typed, error } });
	if (effectiveRole(user) !== 'parent') return failure('error_family_code_invalid', 403);
	const wait = Math.max(
		codeAttemptsByUser.retryAfter(user.id),
		codeAttemptsByAddress.retryAfter(address)
	);
	if (wait > 0)
		return failure(
			{ key: 'error_family_rate_limited', params: { minutes: Math.ceil(wait / 60) } },
			429
		);
	const code = normaliseCode(typed);
	if (!isFamilyCodeShape(code)) return failure('error_family_code_shape');
	const result = requestFamilyLink(user.id, code);
	if (!result.ok) {
		if (result.error === 'code_invalid') {
			codeAttemptsByUser.hit(user.id);
			codeAttemptsByAddress.hit(address);
		}
		return failure(`error_family_${result.error}`);
	}
	return { familyRequested: true };
}

/** Confirm, decline or end a link; 404 when the person is not on the right side of it. */
export function actOnFamilyLink(user: SessionUser, linkIdField: string, action: LinkAction) {
	const linkId = Number(linkIdField);
	if (!Number.isInteger(linkId) || !changeFamilyLink(user.id, linkId, action))
		return fail(404, { familyChanged: false });
	return { familyChanged: action };
}
