import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { eveningLibrary } from '$lib/server/content/library';
import { pollOpen, pollsOf } from '$lib/server/evening/poll-store';
import { POLL_QUESTIONS, openPoll, readPollForm } from '$lib/server/evening/polls';
import { scopeName, scopeOptions } from '$lib/server/evening/scope';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'professional', 'admin');
	return {
		polls: pollsOf(user.id).map((p) => ({
			id: p.id,
			for: scopeName(p),
			questions: p.questionIds.length,
			createdAt: p.createdAt,
			closed: !pollOpen(p)
		})),
		scopes: scopeOptions(user.id),
		chosenScope: event.url.searchParams.get('for') ?? '',
		groups: eveningLibrary().pollGroups,
		limits: POLL_QUESTIONS
	};
};

export const actions: Actions = {
	opret: async (event) => {
		const user = requireRole(event, 'professional', 'admin');
		const parsed = readPollForm(await event.request.formData(), user.id);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const poll = openPoll(user.id, parsed.scope, parsed.questionIds);
		redirect(303, `/fagperson/stemmer/${poll.id}`);
	}
};
