import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { requireRole } from '$lib/server/auth/guards';
import { content } from '$lib/server/content/library';
import { parseForm } from '$lib/server/http/parse-form';
import { QUOTAS } from '$lib/server/security/quotas';
import { measureFormSchema } from '$lib/server/measures/measure-form';
import { createMeasure, measuresCreatedToday, measuresOf } from '$lib/server/measures/measures';
import { ownTarget, targetChoices } from '$lib/server/measures/targets';
import type { FieldErrors } from '$lib/i18n';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'professional', 'admin');
	const library = content(getLocale()).measures;
	return {
		library: [...library.values()].map((m) => ({
			slug: m.slug,
			title: m.title,
			summary: m.summary,
			audience: m.audience,
			questions: m.questions.length
		})),
		targets: targetChoices(user.id, getLocale()),
		measures: measuresOf(user.id).map((row) => ({
			id: row.measure.id,
			title: library.get(row.measure.measureSlug)?.title ?? row.measure.measureSlug,
			phase: row.measure.phase,
			createdAt: row.measure.createdAt.toISOString(),
			belongsTo: row.themeDayTitle ?? (row.className ? `${row.className}` : '')
		}))
	};
};

export const actions: Actions = {
	opret: async (event) => {
		const user = requireRole(event, 'professional', 'admin');
		const parsed = parseForm(measureFormSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const errors: FieldErrors = {};
		if (!content(getLocale()).measures.has(parsed.data.measure))
			errors.measure = 'error_measure_choose';
		const target = ownTarget(user.id, parsed.data.target);
		if (!target) errors.target = 'error_measure_target_unknown';
		if (Object.keys(errors).length)
			return fail(target ? 400 : 404, { values: parsed.values, errors });
		if (measuresCreatedToday(user.id) >= QUOTAS.measuresPerDay)
			return fail(429, {
				values: parsed.values,
				errors: {
					measure: { key: 'error_quota_measures', params: { max: QUOTAS.measuresPerDay } }
				} satisfies FieldErrors
			});
		const created = createMeasure(user.id, parsed.data.measure, target!);
		redirect(303, `/fagperson/maalinger/${created.id}`);
	}
};
