import type { Cookies } from '@sveltejs/kit';
import type { FieldErrors } from '$lib/i18n';
import { clearVisitResults, importVisitResults, readVisitResults } from '../learning/visit-results';
import { startSession } from '../auth/cookies';
import { passwordProblem } from '../auth/password';
import { signupsByAddress } from '../auth/rate-limit';
import { fieldErrors } from '../http/parse-form';
import { applicationSchema } from '../professionals/application-form';
import { submitApplication } from '../professionals/applications';
import {
	SIGNUP_ROLES,
	createUser,
	needsApproval,
	usernameProblem,
	type SessionUser,
	type SignupRole
} from '../auth/user';

export type SignUpResult =
	{ ok: true; user: SessionUser } | { ok: false; status: 400 | 429; errors: FieldErrors };

/**
 * Creates an account from a sign-up form and signs the person in (fresh session + cookie).
 * Shared by /opret-konto and by joining a class at /klasse without an account.
 */
export async function signUp(input: {
	username: string;
	password: string;
	role: string;
	address: string;
	cookies: Cookies;
	url: URL;
	/** What a professional or coordinator tells the administrator (workplace, municipality). */
	application?: { workplace: string; municipality: string };
	/** The visitor's quiz results from the `besoeg` cookie: true imports them, false drops them,
	 * undefined (the form did not ask) leaves the cookie alone. */
	keepVisitResults?: boolean;
}): Promise<SignUpResult> {
	const { username, password, role, address, cookies, url } = input;
	const errors: FieldErrors = {};
	const nameProblem = usernameProblem(username);
	if (nameProblem) errors.username = `error_${nameProblem}`;
	const pwProblem = passwordProblem(password, username);
	if (pwProblem) errors.password = `error_${pwProblem}`;
	if (!SIGNUP_ROLES.includes(role as SignupRole)) errors.role = 'error_role_missing';
	const application =
		SIGNUP_ROLES.includes(role as SignupRole) && needsApproval(role as SignupRole)
			? applicationSchema.safeParse(input.application ?? { workplace: '', municipality: '' })
			: null;
	if (application && !application.success) Object.assign(errors, fieldErrors(application.error));
	if (Object.keys(errors).length) return { ok: false, status: 400, errors };

	const wait = signupsByAddress.retryAfter(address);
	if (wait > 0) {
		const minutes = Math.ceil(wait / 60);
		return {
			ok: false,
			status: 429,
			errors: { username: { key: 'error_too_many_signups', params: { minutes } } }
		};
	}
	const created = await createUser({ username, password, role: role as SignupRole });
	if (!created.ok) return { ok: false, status: 400, errors: { username: 'error_username_taken' } };
	signupsByAddress.hit(address);
	if (application?.success) submitApplication(created.user.id, application.data);

	if (input.keepVisitResults !== undefined) {
		if (input.keepVisitResults) importVisitResults(created.user.id, readVisitResults(cookies));
		clearVisitResults(cookies, url);
	}
	startSession(cookies, url, created.user.id);
	return { ok: true, user: created.user };
}
