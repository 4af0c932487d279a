import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { readAgreementSetForm } from '$lib/server/agreements/forms';
import { agreementSetsOf, createAgreementSet } from '$lib/server/agreements/store';
import { scopeName, scopeOptions } from '$lib/server/evening/scope';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'professional', 'admin');
	return {
		sets: agreementSetsOf(user.id).map((s) => ({
			id: s.id,
			for: scopeName(s),
			createdAt: s.createdAt,
			published: s.publishedAt !== null
		})),
		scopes: scopeOptions(user.id),
		chosenScope: event.url.searchParams.get('for') ?? ''
	};
};

export const actions: Actions = {
	opret: async (event) => {
		const user = requireRole(event, 'professional', 'admin');
		const parsed = readAgreementSetForm(await event.request.formData(), user.id);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const set = createAgreementSet({
			ownerId: user.id,
			themeDayId: parsed.scope.themeDayId,
			classId: parsed.scope.classId,
			yearGroup: parsed.yearGroup
		});
		redirect(303, `/fagperson/aftaler/${set.id}`);
	}
};
