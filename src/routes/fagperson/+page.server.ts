import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole, requireUser } from '$lib/server/auth/guards';
import { effectiveRole } from '$lib/server/auth/user';
import { classesCreatedToday, classesOf, createClass } from '$lib/server/classes/classes';
import { QUOTAS } from '$lib/server/security/quotas';
import type { FieldErrors } from '$lib/i18n';
import { classFormSchema } from '$lib/server/classes/class-form';
import { parseForm } from '$lib/server/http/parse-form';
import { themeDaysOf } from '$lib/server/themedays/theme-days';
import { themeDaySummary } from '$lib/server/themedays/view';
import { MUNICIPALITIES } from '$lib/municipalities';
import { applicationSchema } from '$lib/server/professionals/application-form';
import { requireApplicant } from '$lib/server/professionals/guard';
import {
	applicantView,
	dismissWelcome,
	submitApplication,
	welcomeDue
} from '$lib/server/professionals/applications';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const role = effectiveRole(user);
	if (role !== 'professional' && role !== 'admin') {
		if (!user.pending || user.role !== 'professional') error(404, 'Not found');
		return {
			applicant: applicantView(user.id),
			municipalities: MUNICIPALITIES
		};
	}
	return {
		applicant: null,
		welcome: welcomeDue(user.id),
		classes: classesOf(user.id).map((c) => ({
			id: c.id,
			name: c.name,
			school: c.school,
			ageGroup: c.ageGroup,
			pupils: c.pupils,
			archived: c.archivedAt !== null
		})),
		themeDays: themeDaysOf(user.id).map(themeDaySummary)
	};
};

export const actions: Actions = {
	opret: async (event) => {
		const user = requireRole(event, 'professional', 'admin');
		const parsed = parseForm(classFormSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		if (classesCreatedToday(user.id) >= QUOTAS.classesPerDay)
			return fail(429, {
				values: parsed.values,
				errors: {
					name: { key: 'error_quota_classes', params: { max: QUOTAS.classesPerDay } }
				} satisfies FieldErrors
			});
		const created = createClass(user.id, parsed.data);
		redirect(303, `/fagperson/klasser/${created.id}`);
	},
	velkommen: (event) => {
		const user = requireRole(event, 'professional', 'admin');
		dismissWelcome(user.id);
		return { welcomed: true };
	},
	ansoeg: async (event) => {
		const user = requireApplicant(event);
		const parsed = parseForm(applicationSchema, await event.request.formData());
		if (!parsed.ok)
			return fail(400, { application: { values: parsed.values, errors: parsed.errors } });
		submitApplication(user.id, parsed.data);
		return { applied: true };
	}
};
