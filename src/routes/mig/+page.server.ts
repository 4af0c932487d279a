import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guards';
import { deleteUser, getUser } from '$lib/server/auth/user';
import { verifyPassword } from '$lib/server/auth/password';
import { invalidateUserSessions } from '$lib/server/auth/session';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { field, rawField } from '$lib/server/http/form';
import { effectiveRole, usernameKey } from '$lib/server/auth/user';
import { failedLoginsByUsername } from '$lib/server/auth/rate-limit';
import { createFamilyCode } from '$lib/server/family/family-links';
import { familyCodeCreations, spend } from '$lib/server/security/quotas';
import type { ErrorMessage } from '$lib/i18n';
import { actOnFamilyLink, enterFamilyCode, familySection } from '$lib/server/family/family-page';
import { content } from '$lib/server/content/library';
import { progressByModule, trackProgress } from '$lib/server/learning/progress';
import { pupilAssignments } from '$lib/server/classes/pupil-view';
import { classesOfPupil, removeMember } from '$lib/server/classes/classes';
import { inactiveMonths } from '$lib/server/retention/inactive-accounts';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const progress = progressByModule(user.id);
	const tracks = Object.values(content(getLocale()).tracks).map((track) => {
		const summary = trackProgress(track.modules, progress);
		return {
			id: track.id,
			title: track.title,
			done: summary.done,
			total: summary.total,
			complete: summary.complete,
			resume: summary.resume && { slug: summary.resume.slug, title: summary.resume.title }
		};
	});
	const classes = classesOfPupil(user.id);
	// Anyone can send a link to /mig?klasse=…: only a class the person is in is named, so a link
	// cannot put its own words in the notice.
	const joined = event.url.searchParams.get('klasse');
	return {
		account: { username: user.username, role: user.role, pending: user.pending },
		tracks,
		family: familySection(user, getLocale()),
		classes,
		assignments: pupilAssignments(user.id, progress, getLocale()),
		joinedClass: classes.some((c) => c.name === joined) ? joined : null,
		// Administrators are never deleted for inactivity.
		retentionMonths: user.role === 'admin' ? null : inactiveMonths()
	};
};

export const actions: Actions = {
	forlad: async (event) => {
		const user = requireUser(event);
		if (!removeMember(field(await event.request.formData(), 'classId'), user.id))
			return fail(404, { left: false });
		return { left: true };
	},
	familieKode: (event) => {
		const user = requireUser(event);
		if (effectiveRole(user) !== 'youth') return fail(403, { familyChanged: false });
		const wait = spend(familyCodeCreations, user.id);
		if (wait > 0)
			return fail(429, {
				family: {
					code: '',
					error: {
						key: 'error_quota_family_codes',
						params: { minutes: Math.ceil(wait / 60) }
					} satisfies ErrorMessage
				}
			});
		createFamilyCode(user.id);
		return { familyCodeCreated: true };
	},
	familieTilknyt: async (event) => {
		const user = requireUser(event);
		return enterFamilyCode(
			user,
			field(await event.request.formData(), 'familyCode'),
			event.getClientAddress()
		);
	},
	familieBekraeft: async (event) =>
		actOnFamilyLink(requireUser(event), field(await event.request.formData(), 'linkId'), 'confirm'),
	familieAfvis: async (event) =>
		actOnFamilyLink(requireUser(event), field(await event.request.formData(), 'linkId'), 'decline'),
	familieAfslut: async (event) =>
		actOnFamilyLink(requireUser(event), field(await event.request.formData(), 'linkId'), 'end'),
	logUdAlle: (event) => {
		const user = requireUser(event);
		invalidateUserSessions(user.id);
		deleteSessionCookie(event.cookies, event.url);
		redirect(303, '/log-ind?logget-ud');
	},
	slet: async (event) => {
		const user = requireUser(event);
		const password = rawField(await event.request.formData(), 'deletePassword');
		const key = usernameKey(user.username);
		const wait = failedLoginsByUsername.retryAfter(key);
		if (wait > 0)
			return fail(429, {
				errors: {
					deletePassword: { key: 'error_rate_limited', params: { minutes: Math.ceil(wait / 60) } }
				}
			});
		const row = getUser(user.id);
		if (!row || !(await verifyPassword(row.passwordHash, password))) {
			failedLoginsByUsername.hit(key);
			return fail(400, { errors: { deletePassword: 'error_wrong_password' } });
		}
		deleteUser(user.id);
		deleteSessionCookie(event.cookies, event.url);
		redirect(303, '/?konto-slettet');
	}
};
